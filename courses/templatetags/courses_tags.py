from decimal import Decimal

from django import template

from courses.formatting import format_hours

register = template.Library()


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "") if mapping else ""


@register.filter
def hours(value) -> str:
    """2.50 -> "2.5", 10.00 -> "10", 0.25 -> "0.25"."""
    if value in (None, ""):
        return ""
    return format_hours(Decimal(value))


@register.filter
def phrases(concerns) -> str:
    """The phrases of confidentiality concerns, a line each: the value of "Save anyway"."""
    return "\n".join(concern.phrase for concern in concerns or ())
