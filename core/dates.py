"""Dates as US readers expect them, formatted without Django's date filter.

``{{ day|date:"F j, Y" }}`` parses its format string and looks up translated month names
on every call, about 25 µs a date; these are about 2 µs. The public verification page
formats four to six dates per check, so its throughput notices (bench_verification.py).
The site speaks US English only (LANGUAGE_CODE "en-us"), and Python's default C locale
names months in English, so the words are the same as the filter's.
"""

import datetime

from django.utils import timezone


def long_date(day: datetime.date) -> str:
    """March 14, 2027 (no leading zero, US order): Django's "F j, Y"."""
    return f"{day:%B} {day.day}, {day.year}"


def long_datetime(moment: datetime.datetime) -> str:
    """March 14, 2027, 4:05 PM EDT in the site's time zone: Django's "F j, Y, g:i A T"."""
    local = timezone.localtime(moment)
    return f"{long_date(local)}, {local.hour % 12 or 12}:{local:%M %p} {local.tzname()}"


def iso_datetime(moment: datetime.datetime) -> str:
    """The moment in the site's time zone as ISO 8601, for <time datetime>: Django's "c"."""
    return timezone.localtime(moment).isoformat()
