"""Random codes people read aloud or type: invitation codes, sign-off verification codes.

One alphabet for all of them, without the characters that are easy to confuse (no I, O,
0 or 1), drawn with ``secrets`` because a code is a capability: whoever holds it may act.
"""

import secrets

# Letters and digits that survive being read aloud, written down and typed back.
READABLE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def readable_code(*, length: int) -> str:
    """``length`` characters of READABLE_ALPHABET from the system's secure random source."""
    return "".join(secrets.choice(READABLE_ALPHABET) for _ in range(length))
