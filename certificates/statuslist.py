"""Bitstring Status List v1.0: one bit per credential, published as a signed credential.

Bit ``status_index`` of the list is 1 when the credential has the status the list's
purpose names (``revocation``: revoked). The first index is the left-most bit, i.e. the
most significant bit of the first byte. The bitstring is 2**20 bits long (the spec asks
for at least 131,072), so a list says nothing about how many credentials exist; it is
GZIP-compressed and written as multibase base64url without padding (the leading ``u``).
"""

import base64
import datetime as dt
import gzip
from collections.abc import Iterable

from django.utils import timezone

from . import openbadges
from .models import Credential

# Every list covers every position a credential can be given (see services.credential_create),
# well above the spec's minimum of 131,072 bits; mostly zeros, it compresses to little.
MIN_BITS = 2**20
# How long verifiers may cache a list, in milliseconds; matches the HTTP cache header.
TTL_MS = 60_000


def encode_bitstring(indices: Iterable[int], *, min_bits: int = MIN_BITS) -> str:
    """The ``encodedList`` with the bits at ``indices`` set."""
    indices = list(indices)
    bits = min_bits
    if indices:
        needed = max(indices) + 1
        bits = max(min_bits, -(-needed // min_bits) * min_bits)  # whole blocks of min_bits
    bitstring = bytearray(bits // 8)
    for index in indices:
        bitstring[index // 8] |= 0x80 >> (index % 8)
    compressed = gzip.compress(bytes(bitstring), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).rstrip(b"=").decode("ascii")


def decode_bitstring(encoded: str) -> bytes:
    """The uncompressed bitstring of an ``encodedList``."""
    if not encoded.startswith("u"):
        raise ValueError("encodedList must be multibase base64url, starting with 'u'.")
    data = encoded[1:]
    return gzip.decompress(base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)))


def bit_is_set(bitstring: bytes, index: int) -> bool:
    return bool(bitstring[index // 8] & (0x80 >> (index % 8)))


def status_list_credential(purpose: str, *, now: dt.datetime | None = None) -> dict:
    """The BitstringStatusListCredential for ``purpose``, built from one query."""
    status = openbadges.STATUS_PURPOSES[purpose]
    indices = Credential.objects.filter(status=status, status_index__isnull=False).values_list(
        "status_index", flat=True
    )
    url = openbadges.status_list_url(purpose)
    return {
        "@context": [openbadges.VC_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": openbadges.platform_issuer_url(),
        "validFrom": openbadges.iso_datetime(now or timezone.now()),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": purpose,
            # status_index__isnull=False: no index is None; the stubs keep the column's type.
            "encodedList": encode_bitstring(indices),  # type: ignore[arg-type]
            "ttl": TTL_MS,
        },
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
