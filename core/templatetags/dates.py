"""``{{ day|long_date }}``, ``{{ moment|long_datetime }}`` and ``{{ moment|iso_datetime }}``:
core.dates in templates."""

import datetime

from django import template

from core import dates

register = template.Library()


@register.filter
def long_date(day: datetime.date | None) -> str:
    return dates.long_date(day) if day else ""


@register.filter
def long_datetime(moment: datetime.datetime | None) -> str:
    return dates.long_datetime(moment) if moment else ""


@register.filter
def iso_datetime(moment: datetime.datetime | None) -> str:
    return dates.iso_datetime(moment) if moment else ""
