"""Fixtures for tests that drive a real Chromium through Playwright's sync API.

The browser is Debian's Chromium (/usr/bin/chromium); Playwright never downloads one.
The fixtures are deliberately not called ``browser`` or ``page``, so that they do not
collide with pytest-playwright's if that plugin happens to be installed.
"""

import os
import re
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
def home_page(site_structure):
    """The site's home page, as migration cms 0002 creates it (see ``site_structure``)."""
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page.specific


def field(label: str) -> re.Pattern:
    """A form field's label, exactly, with or without a trailing colon or required star."""
    return re.compile(rf"^\s*{re.escape(label)}\s*\*?:?\s*$")


@pytest.fixture
def new_tab(chromium_browser, live_server):
    """new_tab(**context_options) -> a page in a fresh browser context (no cookies).

    Each is another person's browser, or the same person's on another machine; options go
    to Playwright's ``new_context`` (e.g. ``java_script_enabled=False``). Relative URLs go
    to the live server. Every context is closed when the test ends.
    """
    contexts = []

    def make(**options):
        context = chromium_browser.new_context(base_url=live_server.url, **options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    try:
        yield make
    finally:
        for context in contexts:
            context.close()


@pytest.fixture
def tab(new_tab):
    """A fresh browser context (no cookies) and page, with relative URLs on the live server."""
    return new_tab()


@pytest.fixture
def log_in():
    """log_in(page, user) signs ``user`` in through allauth's form; they land on the dashboard.

    The user needs a verified email address (``tests.factories.UserFactory`` gives one) and
    the factories' password. A user with an authenticator app (``with_totp``) is then asked
    for its code, as supervisors and coordinators are, and types the one it shows now: the
    session has passed the second factor, as their role needs.
    """
    from allauth.mfa.models import Authenticator
    from playwright.sync_api import expect

    from tests.builders import totp_code
    from tests.factories import PASSWORD

    def sign_in(page, user, *, password: str = PASSWORD):
        page.goto("/accounts/login/")
        page.get_by_label(field("Email")).fill(user.email)
        page.get_by_label(field("Password")).fill(password)
        page.get_by_role("button", name="Sign In").click()
        if Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/$"))
            page.get_by_placeholder("Code").fill(totp_code(user))
            page.get_by_role("button", name="Sign In").click()
        expect(page).to_have_url(re.compile(r"/dashboard/$"))
        return page

    return sign_in
