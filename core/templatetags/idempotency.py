"""``{% idempotency_field %}``: the hidden token that makes a form create its rows once."""

from django import template
from django.utils.html import format_html

from core.idempotency import FIELD_NAME, new_token

register = template.Library()


@register.simple_tag
def idempotency_field() -> str:
    """A hidden input with a fresh token: each rendering of a form gets its own."""
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD_NAME, new_token())
