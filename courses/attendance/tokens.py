"""The rotating check-in code: a signed, expiring token bound to one session and direction.

The facilitator's page asks for a fresh token every ``ROTATE_SECONDS``; a token is accepted
for ``MAX_AGE_SECONDS`` after it was made (one rotation and a little time to scan), so a
photo of the code sent to someone absent stops working within a minute. Each token carries
a random nonce, and a trainee can use a given nonce once (``CheckInScan``).
"""

import secrets
from dataclasses import dataclass

from django.core import signing

ROTATE_SECONDS = 30
MAX_AGE_SECONDS = 45
SALT = "courses.attendance.checkin"
DIRECTIONS = ("in", "out")


class TokenRefused(Exception):
    """A code that cannot be used, with the message shown to the trainee."""


@dataclass(frozen=True)
class CheckInToken:
    session_id: int
    direction: str
    nonce: str


def token_make(*, session_id: int, direction: str) -> str:
    if direction not in DIRECTIONS:
        raise ValueError(direction)
    payload = f"{session_id}:{direction}:{secrets.token_hex(8)}"
    return signing.TimestampSigner(salt=SALT).sign(payload)


def token_read(token: str, *, max_age: int = MAX_AGE_SECONDS) -> CheckInToken:
    signer = signing.TimestampSigner(salt=SALT)
    try:
        payload = signer.unsign(token, max_age=max_age)
    except signing.SignatureExpired as error:
        raise TokenRefused(
            "This code has expired. Scan the code on the facilitator's screen again."
        ) from error
    except signing.BadSignature as error:
        raise TokenRefused("This is not a valid check-in code.") from error
    session_id, direction, nonce = payload.split(":")
    return CheckInToken(session_id=int(session_id), direction=direction, nonce=nonce)
