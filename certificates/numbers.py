"""Credential numbers: unguessable, easy to read aloud, with a check character.

``PP-7KQ4-M2XD-9``: eight random characters from Crockford's base32 (no I, L, O or U,
so nothing is mistaken for 1 or 0), then a check character computed with the Luhn mod N
algorithm, which catches every single mistyped character and most swaps of neighbours.
Forty bits of randomness make guessing a valid number hopeless at any rate limit.
"""

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PREFIX = "PP"
RANDOM_LENGTH = 8
# Characters people type for the ones Crockford's alphabet leaves out.
LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_VALUE = {char: value for value, char in enumerate(ALPHABET)}


def check_character(payload: str) -> str:
    """Luhn mod 32 over ``payload`` (characters of ALPHABET)."""
    base = len(ALPHABET)
    factor = 2
    total = 0
    for char in reversed(payload):
        addend = factor * _VALUE[char]
        factor = 1 if factor == 2 else 2
        total += addend // base + addend % base
    return ALPHABET[(base - total % base) % base]


def format_number(payload: str, check: str | None = None) -> str:
    return f"{PREFIX}-{payload[:4]}-{payload[4:]}-{check or check_character(payload)}"


def new_number() -> str:
    return format_number("".join(secrets.choice(ALPHABET) for _ in range(RANDOM_LENGTH)))


def _compact(text: str) -> str:
    compact = "".join(text.upper().split()).replace("-", "").translate(LOOKALIKES)
    return compact[len(PREFIX) :] if compact.startswith(PREFIX) else compact


def normalise(text: str) -> str | None:
    """The canonical form of a typed number, or None if it cannot be a valid one."""
    compact = _compact(text)
    if len(compact) != RANDOM_LENGTH + 1 or any(c not in ALPHABET for c in compact):
        return None
    payload, check = compact[:-1], compact[-1]
    if check_character(payload) != check:
        return None
    return format_number(payload, check)


def number_problem(text: str) -> str | None:
    """Why a typed number cannot be valid: ``"malformed"`` (wrong length or characters),
    ``"check_character"`` (well-formed, but the check character does not fit: a character
    is mistyped), or None when it can be (``normalise`` gives its canonical form)."""
    compact = _compact(text)
    if len(compact) != RANDOM_LENGTH + 1 or any(c not in ALPHABET for c in compact):
        return "malformed"
    if check_character(compact[:-1]) != compact[-1]:
        return "check_character"
    return None
