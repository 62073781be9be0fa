"""Start-up checks of settings that only production must get right.

The public address (WAGTAILADMIN_BASE_URL) is printed in QR codes and signed into every
Open Badges credential, so a wrong one outlives the fix: production refuses to start with
one that is missing, not https://, or names this machine rather than a real host.
"""

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, register

LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


def public_address_problem(url: str) -> str:
    """Why ``url`` cannot be the public address in production, or "" when it can."""
    if not url.strip():
        return "is not set"
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").rstrip(".").lower()
        parts.port  # noqa: B018 (a port that is not a number raises ValueError)
    except ValueError:
        return f"{url!r} is not a URL"
    if parts.scheme != "https":
        return f"{url!r} is not an https:// address"
    if not host:
        return f"{url!r} names no host"
    if host in LOCAL_NAMES or host.endswith(".localhost"):
        return f"{url!r} names this machine ({host}), not a host the public can reach"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return ""
    if address.is_loopback or address.is_unspecified or address.is_link_local:
        return f"{url!r} names this machine ({host}), not a host the public can reach"
    return ""


@register
def check_public_address(app_configs=None, **kwargs) -> list[Error]:
    if getattr(settings, "PEERPATH_ENV", "") != "production":
        return []
    problem = public_address_problem(str(getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""))
    if not problem:
        return []
    return [
        Error(
            f"The public address WAGTAILADMIN_BASE_URL {problem}.",
            hint="Set WAGTAILADMIN_BASE_URL to the site's https:// address, e.g. "
            "https://peerpath.example.org: QR codes, emails and the ids in signed "
            "credentials are built on it.",
            id="core.E010",
        )
    ]
