"""Markdown as lessons use it, turned into Wagtail's rich text (its stored HTML) or plain text.

markdown-it-py (CommonMark) parses; raw HTML is never passed through, and anything the
lesson blocks cannot hold (images, tables, code blocks, quotes, headings inside a block) is
refused with its line, rather than silently dropped. The HTML written is the form Wagtail
stores (``<b>``, ``<i>``, ``<a href>``, lists without paragraphs in items), so opening and
saving a loaded lesson in the CMS does not by itself look like an edit.
"""

from html import escape

from markdown_it import MarkdownIt
from markdown_it.token import Token

_MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})

_LINK_SCHEMES = ("http://", "https://", "mailto:", "tel:")
_BLOCK_TAGS = {
    "bullet_list_open": "<ul>",
    "bullet_list_close": "</ul>",
    "ordered_list_open": "<ol>",
    "ordered_list_close": "</ol>",
    "list_item_open": "<li>",
    "list_item_close": "</li>",
}
_INLINE_TAGS = {
    "strong_open": "<b>",
    "strong_close": "</b>",
    "em_open": "<i>",
    "em_close": "</i>",
    "link_close": "</a>",
}
_REFUSED = {
    "blockquote_open": "a quote (>) is not supported; use :::callout or :::story",
    "code_block": "an indented code block is not supported (indent less than four spaces)",
    "fence": "a code block is not supported",
    "hr": "a horizontal rule is not supported (--- starts a section only inside a block)",
    "heading_open": "a heading here is not supported: ## and ### start a line outside blocks",
    "html_block": "HTML is not supported",
    "image": "images are not supported",
    "html_inline": "HTML is not supported",
}


class MarkdownProblem(ValueError):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def _line(token: Token, first_line: int, fallback: int) -> int:
    return first_line + token.map[0] if token.map else fallback


def _inline(token: Token, line: int, *, html: bool) -> str:
    out = []
    for child in token.children or []:
        kind = child.type
        if kind in _REFUSED:
            raise MarkdownProblem(line, _REFUSED[kind])
        if kind == "text" or kind == "code_inline":
            out.append(escape(child.content, quote=False) if html else child.content)
        elif kind == "softbreak":
            out.append(" ")
        elif kind == "hardbreak":
            out.append("<br/>" if html else "\n")
        elif kind == "link_open":
            href = str(child.attrs.get("href", ""))
            if not href.startswith(_LINK_SCHEMES):
                raise MarkdownProblem(line, f"link {href!r}: only http(s), mailto and tel links")
            if html:
                out.append(f'<a href="{escape(href)}">')
        elif kind in _INLINE_TAGS:
            if html:
                out.append(_INLINE_TAGS[kind])
        elif kind in ("s_open", "s_close"):
            raise MarkdownProblem(line, "strikethrough is not supported")
        else:
            raise MarkdownProblem(line, f"unsupported Markdown ({kind})")
    return "".join(out)


def rich_text(text: str, *, first_line: int = 1) -> str:
    """Markdown → Wagtail rich text HTML. Raises MarkdownProblem with the line."""
    tokens = _MD.parse(text)
    out: list[str] = []
    list_depth = 0
    line = first_line
    for token in tokens:
        line = _line(token, first_line, line)
        if token.type in _REFUSED:
            raise MarkdownProblem(line, _REFUSED[token.type])
        if token.type in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        if token.type in _BLOCK_TAGS:
            out.append(_BLOCK_TAGS[token.type])
        elif token.type in ("paragraph_open", "paragraph_close"):
            if not list_depth:
                out.append("<p>" if token.type == "paragraph_open" else "</p>")
        elif token.type == "inline":
            out.append(_inline(token, line, html=True))
        else:
            raise MarkdownProblem(line, f"unsupported Markdown ({token.type})")
    return "".join(out)


def plain_text(text: str, *, first_line: int = 1) -> str:
    """Markdown → plain text (emphasis and links dropped, paragraphs kept apart)."""
    tokens = _MD.parse(text)
    paragraphs: list[str] = []
    line = first_line
    for token in tokens:
        line = _line(token, first_line, line)
        if token.type in _REFUSED:
            raise MarkdownProblem(line, _REFUSED[token.type])
        if token.type == "inline":
            paragraphs.append(_inline(token, line, html=False))
    return "\n\n".join(paragraphs)
