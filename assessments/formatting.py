"""Question text in HTML: one conservative allow-list, used on import and again on display.

Imported GIFT ``[html]`` may come from anywhere, and coordinators can edit a question's HTML
in the admin, so markup is cleaned every time it is shown, not only when it is stored. The
cleaner is Wagtail's ``Whitelister`` (BeautifulSoup underneath, both already dependencies):
tags not listed are unwrapped so their text stays, every attribute but a safe link's ``href``
is dropped, and script-like elements go with their content.
"""

from bs4 import BeautifulSoup
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from wagtail.whitelist import Whitelister, allow_without_attributes, attribute_rule, check_url

_PLAIN_TAGS = (
    *("p", "br", "b", "strong", "i", "em", "u", "sub", "sup", "code", "pre"),
    *("blockquote", "ul", "ol", "li"),
)
_DROPPED_WITH_CONTENT = ("script", "style", "template", "iframe", "object", "embed", "noscript")


def _link_href(url: str) -> str | None:
    # Relative and Moodle-internal links (@@PLUGINFILE@@) lead nowhere in Peerpath.
    url = check_url(url)
    return url if url and url.lower().startswith(("https://", "http://", "mailto:")) else None


class _QuestionWhitelister(Whitelister):
    element_rules = {
        "[document]": allow_without_attributes,
        "a": attribute_rule({"href": _link_href}),
        **dict.fromkeys(_PLAIN_TAGS, allow_without_attributes),
    }

    def clean_tag_node(self, doc, tag):
        if tag.name in _DROPPED_WITH_CONTENT:
            tag.decompose()
            return
        super().clean_tag_node(doc, tag)


def clean_html(markup: str) -> str:
    """The markup with only the allowed tags and attributes left."""
    return _QuestionWhitelister().clean(markup).strip()


def plain_text(markup: str) -> str:
    """What a reader sees of the markup, whitespace collapsed: for names and listings."""
    text = BeautifulSoup(clean_html(markup), "html.parser").get_text(" ")
    return " ".join(text.split())


def readable_text(text: str, text_format: str) -> str:
    """Text for places that show no markup (listings, choosers, item analysis)."""
    return plain_text(text) if text_format == "html" else text


def render_text(text: str, text_format: str) -> SafeString:
    """Text ready for a template: cleaned HTML, or plain text escaped."""
    if text_format == "html":
        return mark_safe(clean_html(text))  # noqa: S308 - cleaned by the allow-list above
    return conditional_escape(text)
