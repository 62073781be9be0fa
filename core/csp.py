"""The Content-Security-Policy, with one documented exception for the Wagtail admin.

django-csp 4 sends ``settings.CONTENT_SECURITY_POLICY`` on every response, with a fresh
nonce per request (``request.csp_nonce``). Everywhere, scripts run only from this site's
own static files or from a ``<script nonce="{{ request.csp_nonce }}">``: never inline
without the nonce, never from another origin, never ``eval``.

The exception is the Wagtail admin (``CSP_INLINE_SCRIPT_PREFIXES``, ``/cms/``). Wagtail 8
still writes inline ``<script>`` elements with no nonce (the InlinePanel, the multiple
chooser panel and the date, time and date-time widgets: wagtail/wagtail#1288, open since
2015), so under ``/cms/`` ``script-src`` is ``'self' 'unsafe-inline'`` and has no nonce
(browsers ignore ``'unsafe-inline'`` once a nonce is listed). Every other directive
stays as strict as on the rest of the site; the admin is reachable only by staff who
have signed in with two factors, and its pages show only content they can already edit.
"""

import functools

from csp.constants import HEADER, NONCE, SELF, UNSAFE_INLINE
from csp.middleware import CheckableLazyObject, PolicyParts
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponseBase

# What a view's decorators (csp.decorators) leave on a response to change its policy.
_CHANGES = (
    "_csp_config",
    "_csp_update",
    "_csp_replace",
    "_csp_config_ro",
    "_csp_update_ro",
    "_csp_replace_ro",
    "_csp_exempt",
    "_csp_exempt_ro",
)


@functools.cache
def _site_policy() -> str:
    """The header of a response nothing changes: the settings' policy without a nonce."""
    return build_policy()


@receiver(setting_changed)
def _forget_site_policy(*, setting: str, **kwargs) -> None:
    if setting.startswith(("CONTENT_SECURITY_POLICY", "CSP_")):
        _site_policy.cache_clear()


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp's middleware, with inline scripts allowed under the admin's prefix."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if self._under_admin(request):
            directives: dict[str, list[str]] = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
            sources = [s for s in directives["script-src"] if s is not NONCE]
            parts.replace = {
                **(parts.replace or {}),
                "script-src": [*dict.fromkeys([SELF, *sources, UNSAFE_INLINE])],
            }
            parts.nonce = None
        return parts

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        """django-csp builds the policy string from the settings on every response, about
        a twentieth of the public verification page's time (bench_verification.py). Where
        nothing can change it (no nonce was used, no decorator changed the policy, not
        under the admin's prefix, no report-only policy, no excluded prefixes, not DEBUG),
        it is the same string every time: built once per process. Anything else takes
        django-csp's own path."""
        policy = settings.CONTENT_SECURITY_POLICY
        if (
            getattr(request, "_csp_nonce", None) is not None
            or any(hasattr(response, change) for change in _CHANGES)
            or self._under_admin(request)
            or getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
            or policy.get("EXCLUDE_URL_PREFIXES")
            or settings.DEBUG
        ):
            return super().process_response(request, response)
        if HEADER not in response:
            response[HEADER] = _site_policy()
        # As django-csp does: a nonce asked for after the header is written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)  # type: ignore[attr-defined]
        return response

    @staticmethod
    def _under_admin(request: HttpRequest) -> bool:
        return request.path_info.startswith(tuple(settings.CSP_INLINE_SCRIPT_PREFIXES))
