"""Fixtures for tests that drive a real Chromium through Playwright's sync API.

The browser is Debian's Chromium (/usr/bin/chromium); Playwright never downloads one.
The fixtures are deliberately not called ``browser`` or ``page``, so that they do not
collide with pytest-playwright's if that plugin happens to be installed.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Generous enough for a loaded CI machine; a real failure still shows within seconds.
TIMEOUT_MS = 15_000


@pytest.fixture(scope="session")
def chromium_browser():
    """One headless Chromium for the whole session."""
    if not CHROMIUM.exists():
        reason = (
            f"browser tests skipped: {CHROMIUM} not found; "
            "install Debian's Chromium with: apt-get install -y chromium"
        )
        print(reason)
        pytest.skip(reason)

    from playwright.sync_api import expect, sync_playwright

    # Playwright's sync API keeps an asyncio loop running on this thread, which makes
    # Django refuse ORM calls from the test (SynchronousOnlyOperation). The tests and
    # the live server are plain synchronous code, so lift that guard while it runs.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    expect.set_options(timeout=TIMEOUT_MS)
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def home_page(transactional_db):
    """The site's home page, as migration cms 0002 creates it.

    A transactional test ends by flushing every table, and with it the pages and site the
    migrations made, so later transactional tests find no page at "/". (Django's
    ``serialized_rollback`` cannot put them back here: the flush re-creates content types
    with new ids, which then clash with the serialized ones.) Rebuild what is missing.
    """
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale, Page, Site

    from cms.models import HomePage

    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site.root_page.specific
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = root.add_child(
        instance=HomePage(
            title="Peerpath",
            slug="home",
            introduction="Peerpath trains and certifies peer support workers.",
        )
    )
    Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    return home


@pytest.fixture
def tab(chromium_browser, live_server):
    """A fresh browser context (no cookies) and page, with relative URLs on the live server."""
    context = chromium_browser.new_context(base_url=live_server.url)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()
