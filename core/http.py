"""Where a request came from, seen through the reverse proxies we trust.

Rate limits (allauth's and the public verification lookup's) and the practice audit
trail key on the client's address. Behind a proxy every request arrives from the
proxy's address, so it names the client in ``X-Forwarded-For``; but any client can send
that header too. Only the entries our own proxies appended can be believed: each proxy
appends the address it received the request from, so reading from the right and
skipping our proxies, the first address that is not one of them is the client.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# A longer header is not from a proxy chain we run; read no further than this many hops.
_MAX_FORWARDED_HOPS = 20


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple[IPNetwork, ...]:
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError as error:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES holds IP addresses or CIDR networks, not {entry!r}."
            ) from error
    return tuple(networks)


def trusted_proxies() -> tuple[IPNetwork, ...]:
    """The TRUSTED_PROXIES setting, parsed (a bad entry is a configuration error)."""
    entries = getattr(settings, "TRUSTED_PROXIES", ())
    return _networks(tuple(entry for entry in entries if entry.strip()))


def _parse_address(value: str) -> IPAddress | None:
    """An address as proxies write it (``203.0.113.7``, ``[2001:db8::1]:443``), or None."""
    value = value.strip()
    if value.startswith("["):  # [IPv6] or [IPv6]:port
        value, bracket, port = value[1:].partition("]")
        if not bracket or (port and not (port[0] == ":" and port[1:].isdecimal())):
            return None
    elif value.count(":") == 1:  # IPv4:port
        value, _, port = value.partition(":")
        if not port.isdecimal():
            return None
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    # An IPv4 client reaching an IPv6 socket shows up as ::ffff:a.b.c.d.
    mapped = getattr(address, "ipv4_mapped", None)
    return mapped or address


def _is_trusted(address: IPAddress, networks: tuple[IPNetwork, ...]) -> bool:
    return any(address in network for network in networks)


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or what our trusted proxies say it was.

    ``X-Forwarded-For`` is read only when the connection itself comes from a trusted
    proxy (TRUSTED_PROXIES); then the right-most entry that is not a trusted proxy is
    the client. An entry that is not an address means the chain cannot be followed past
    it: the last trusted hop is answered instead. Never raises on what a client sends.
    """
    remote = request.META.get("REMOTE_ADDR") or None
    networks = trusted_proxies()
    remote_address = _parse_address(remote) if remote else None
    if remote_address is None or not networks or not _is_trusted(remote_address, networks):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop for hop in forwarded.split(",")[-_MAX_FORWARDED_HOPS:] if hop.strip()]
    client = remote_address
    for hop in reversed(hops):
        address = _parse_address(hop)
        if address is None:
            break
        client = address
        if not _is_trusted(address, networks):
            break
    return str(client)
