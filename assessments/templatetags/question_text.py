from django import template
from django.utils.safestring import SafeString

from assessments.formatting import render_text

register = template.Library()


@register.filter
def as_question_text(text: str, text_format: str | None) -> SafeString:
    """``{{ option.text|as_question_text:question.text_format }}``; attempts snapshotted before
    questions had a format hold plain text."""
    return render_text(text or "", text_format or "plain")
