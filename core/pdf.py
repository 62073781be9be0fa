"""Rendering HTML to PDF with WeasyPrint, fetching nothing from outside our own files.

WeasyPrint is imported inside the functions: it loads Pango and fonts, which web
processes that never render a PDF should not pay for.
"""

import base64
import threading
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings


def _allowed_roots() -> list[Path]:
    roots = [Path(d).resolve() for d in settings.STATICFILES_DIRS]
    if settings.STATIC_ROOT:
        roots.append(Path(settings.STATIC_ROOT).resolve())
    return roots


def restricted_fetcher():
    """A URL fetcher for ``data:`` URIs and files under our static directories only."""
    from weasyprint.urls import URLFetcher

    class LocalOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            if parsed.scheme == "data":
                return super().fetch(url, headers)
            if parsed.scheme == "file":
                path = Path(unquote(parsed.path)).resolve()
                if any(path.is_relative_to(root) for root in _allowed_roots()):
                    return super().fetch(url, headers)
            raise ValueError(f"PDF templates may not load {url}")

    return LocalOnlyFetcher(allowed_protocols={"data", "file"}, fail_on_errors=True)


_local = threading.local()


def _fetcher():
    """One restricted fetcher per thread, reused by every render on it: making one builds a
    urllib opener (proxy settings read from the environment, nine handlers), about 1 ms,
    and a certificate needed two. A fetcher keeps no state between fetches that a later
    document could see, and a thread renders one document at a time."""
    if not hasattr(_local, "fetcher"):
        _local.fetcher = restricted_fetcher()
    return _local.fetcher


def _font_config():
    """One font configuration per thread, reused: a fresh one per render leaks memory in a
    long-lived worker (measured by bench/bench_certificates.py), a shared one levels off."""
    if not hasattr(_local, "font_config"):
        from weasyprint.text.fonts import FontConfiguration

        _local.font_config = FontConfiguration()
    return _local.font_config


def stylesheet(path: str | Path):
    """A parsed stylesheet, kept per thread beside the font configuration it was built with.

    Parsing CSS and compiling its selectors costs a few milliseconds per render; a
    ``weasyprint.CSS`` object can be reused across documents, so a template that takes its
    styles from a file pays for them once per worker thread. Reparsed when the file changes.
    """
    path = Path(path)
    modified = path.stat().st_mtime_ns
    cache = _local.__dict__.setdefault("stylesheets", {})
    cached = cache.get(path)
    if cached is None or cached[0] != modified:
        from weasyprint import CSS

        css = CSS(filename=path, url_fetcher=restricted_fetcher(), font_config=_font_config())
        cache[path] = cached = (modified, css)
    return cached[1]


def html_to_pdf(html: str, *, stylesheets=(), **write_options) -> bytes:
    """Render ``html`` to PDF bytes. ``stylesheets``: extra ``weasyprint.CSS`` objects, such
    as those from ``stylesheet()``, applied after the document's own styles."""
    from weasyprint import HTML

    base_url = Path(settings.BASE_DIR).as_uri() + "/"
    return HTML(string=html, base_url=base_url, url_fetcher=_fetcher()).write_pdf(
        stylesheets=list(stylesheets),
        font_config=_font_config(),
        finisher=_each_associated_file_once,
        **write_options,
    )


def _each_associated_file_once(document, pdf) -> None:
    """WeasyPrint 70's PDF/A-3 step lists every embedded file twice in the catalog's
    ``/AF`` (once from the name tree, once from its file specification); once is right."""
    associated = pdf.catalog.get("AF")
    if associated:
        # The same type (pydyf's Array, a list): the order kept, the repeats dropped.
        pdf.catalog["AF"] = type(associated)(dict.fromkeys(associated))


def embedded_file(
    content: bytes,
    *,
    name: str,
    media_type: str,
    description: str,
    relationship: str,
    modified: datetime,
):
    """A file to embed in a PDF (``html_to_pdf(..., attachments=[...])``).

    Under PDF/A-3 it becomes an associated file of the document: listed in the catalog's
    ``/AF`` with ``relationship`` as its ``/AFRelationship`` (ISO 32000-2, 14.13: Source,
    Data, Alternative, Supplement, ...). The content goes in as a ``data:`` URI because
    that carries ``media_type`` into the file's ``/Subtype``, which PDF/A-3 requires and
    WeasyPrint would otherwise guess from the name (``.jwt`` is no registered extension).
    ``modified``, in UTC, dates the file (WeasyPrint writes it with a ``Z``).
    """
    from weasyprint import Attachment

    uri = f"data:{media_type};base64,{base64.b64encode(content).decode('ascii')}"
    return Attachment(
        url=uri,
        url_fetcher=_fetcher(),
        name=name,
        description=description,
        relationship=relationship,
        created=modified,
        modified=modified,
    )
