"""Bitstring Status List v1.0: each credential's status, published as a signed credential.

Credentials name one list (1EdTech's Open Badges 3.0 schema allows one ``credentialStatus``):
its ``statusPurpose`` is ``message`` with ``statusSize`` 2, so each entry holds a two-bit
value that the ``statusMessage`` table names: 0x0 valid, 0x1 suspended, 0x2 revoked. An
offline verifier thus learns suspension as well as revocation from one signed document.
Entry ``i`` occupies bits ``i * statusSize`` onwards, the first index being the left-most
bit, i.e. the most significant bit of the first byte.

Files downloaded before suspension was published name the one-bit ``revocation`` list,
which is still served (bit 1: revoked) so that they keep verifying.

A list has 2**20 entries (the spec asks for at least 131,072 bits), so it says nothing
about how many credentials exist; it is GZIP-compressed and written as multibase base64url
without padding (the leading ``u``).
"""

import base64
import datetime as dt
import gzip
from collections.abc import Iterable

from django.utils import timezone

from . import openbadges
from .models import Credential

# Every list covers every position a cycle can be given (see services.cycle_create), well
# above the spec's minimum of 131,072 bits; mostly zeros, it compresses to little.
MIN_BITS = 2**20
# How long verifiers may cache a list, in milliseconds; matches the HTTP cache header.
TTL_MS = 60_000


def encode_bitstring(
    entries: Iterable[tuple[int, int]] | Iterable[int],
    *,
    status_size: int = 1,
    min_entries: int = MIN_BITS,
) -> str:
    """The ``encodedList`` with each ``(index, value)`` written in ``status_size`` bits; a
    bare index stands for the value 1."""
    pairs = [entry if isinstance(entry, tuple) else (entry, 1) for entry in entries]
    entries_count = min_entries
    if pairs:
        needed = max(index for index, _ in pairs) + 1
        entries_count = max(min_entries, -(-needed // min_entries) * min_entries)
    bitstring = bytearray(entries_count * status_size // 8)
    for index, value in pairs:
        position = index * status_size
        bitstring[position // 8] |= value << (8 - status_size - position % 8)
    # Level 6, not gzip's default 9: on a list of 100,000 scattered entries 9 takes ten
    # times as long (600 ms against 50) for a list 7% smaller (bench/bench_certificates.py).
    compressed = gzip.compress(bytes(bitstring), compresslevel=6, mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).rstrip(b"=").decode("ascii")


def decode_bitstring(encoded: str) -> bytes:
    """The uncompressed bitstring of an ``encodedList``."""
    if not encoded.startswith("u"):
        raise ValueError("encodedList must be multibase base64url, starting with 'u'.")
    data = encoded[1:]
    return gzip.decompress(base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)))


def status_value(bitstring: bytes, index: int, *, status_size: int = 1) -> int:
    """The value of entry ``index``: ``status_size`` bits read most significant first."""
    position = index * status_size
    return (bitstring[position // 8] >> (8 - status_size - position % 8)) & ((1 << status_size) - 1)


def bit_is_set(bitstring: bytes, index: int) -> bool:
    return bool(status_value(bitstring, index))


def _entries(purpose: str) -> list[tuple[int, int]]:
    """(index, value) of every cycle whose value is not 0, from one query. It starts from
    the credentials in a marked status and joins their cycles: the other way round, every
    cycle looks its credential up, which takes half as long again (bench_certificates)."""
    if purpose == openbadges.STATUS_PURPOSE:
        values = openbadges.STATUS_VALUES
    else:
        values = {openbadges.LEGACY_STATUS_PURPOSES[purpose]: 1}
    rows = Credential.objects.filter(
        status__in=[status for status, value in values.items() if value], cycles__isnull=False
    ).values_list("cycles__status_index", "status")
    return [(index, values[status]) for index, status in rows]


def status_list_credential(purpose: str, *, now: dt.datetime | None = None) -> dict:
    """The BitstringStatusListCredential for ``purpose``."""
    url = openbadges.status_list_url(purpose)
    size = openbadges.STATUS_SIZE if purpose == openbadges.STATUS_PURPOSE else 1
    subject = {
        "id": f"{url}#list",
        "type": "BitstringStatusList",
        "statusPurpose": purpose,
        "encodedList": encode_bitstring(_entries(purpose), status_size=size),
        "ttl": TTL_MS,
    }
    if purpose == openbadges.STATUS_PURPOSE:
        subject |= {"statusSize": size, "statusMessage": openbadges.STATUS_MESSAGES}
    return {
        "@context": [openbadges.VC_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": openbadges.platform_issuer_url(),
        "validFrom": openbadges.iso_datetime(now or timezone.now()),
        "credentialSubject": subject,
    }


def status_list_jwt(purpose: str) -> str:
    """The status list signed as a VC-JWT, with the same claims as a credential's."""
    # Valid from the start of the previous minute: verifiers whose clocks lag ours by up to
    # a minute must not see a list that is "not yet valid" (nbf in their future).
    now = (timezone.now() - dt.timedelta(minutes=1)).replace(second=0, microsecond=0)
    document = status_list_credential(purpose, now=now)
    claims = {
        **document,
        "iss": document["issuer"],
        "jti": document["id"],
        "sub": document["credentialSubject"]["id"],
        "nbf": openbadges.numeric_date(now),
    }
    return openbadges.sign(claims)
