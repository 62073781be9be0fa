"""Ids that arrive as text (query strings, form fields that are not Django forms).

``str.isdigit()`` is true for "²" and for 5,000 nines, and ``int()`` of either raises or
overflows the database's integer; both used to end in a 500. Every id a view reads from
``request.GET`` or ``request.POST`` goes through :func:`positive_int` instead, and paths
use Django's ``<int:...>`` converter, which matches only ASCII digits.
"""

import re

# The largest value of a 64-bit signed integer: BigAutoField, and SQLite's INTEGER.
MAX_ID = 2**63 - 1
_ASCII_DIGITS = re.compile(r"[0-9]{1,19}")


def positive_int(value: str | None, *, maximum: int = MAX_ID) -> int | None:
    """``value`` as an int in 1..maximum, or None if it is anything else.

    Only ASCII digits count (not "²", "٣" or "1e3"), and at most 19 of them, so the
    conversion is cheap whatever the client sends.
    """
    if value is None or not _ASCII_DIGITS.fullmatch(value):
        return None
    number = int(value)
    return number if 1 <= number <= maximum else None


def positive_ints(values: list[str], *, maximum: int = MAX_ID) -> list[int] | None:
    """Every value as a positive int, or None if any of them is not one."""
    numbers = [positive_int(value, maximum=maximum) for value in values]
    return None if None in numbers else numbers  # type: ignore[return-value]
