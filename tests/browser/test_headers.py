"""The Content-Security-Policy in a real browser: pages work and nothing is refused.

Chromium reports every resource or script the policy blocks on the console ("Refused to
..."); each test collects those reports and expects none.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from courses.models import ProviderPage
from organisations.roles import Role
from tests.builders import lessons_of

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def watch_refusals(page: Page) -> list[str]:
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return refused


def test_swagger_ui_runs_from_local_files_under_the_policy(tab: Page, live_server):
    refused = watch_refusals(tab)
    requested: list[str] = []
    tab.on("request", lambda request: requested.append(request.url))

    tab.goto("/api/v1/docs")

    expect(tab.locator(".opblock").first).to_be_visible()
    expect(tab.get_by_text("/api/v1/credentials/verify")).to_be_visible()
    assert refused == []
    assert all(url.startswith(live_server.url) for url in requested), requested


def test_redoc_runs_from_local_files_under_the_policy(tab: Page, live_server):
    refused = watch_refusals(tab)
    requested: list[str] = []
    tab.on("request", lambda request: requested.append(request.url))

    tab.goto("/api/v1/redoc")

    expect(
        tab.get_by_role("heading", name=re.compile("Peerpath credential verification"))
    ).to_be_visible()
    # ReDoc credits Redocly with a logo from their CDN; the policy blocks it (the image then
    # hides itself), so a visitor's browser never calls Redocly. Nothing else is refused.
    assert [r for r in refused if "https://cdn.redoc.ly/redoc/logo-mini.svg" not in r] == []
    fetched = [url for url in requested if url.startswith("http") and "redoc.ly" not in url]
    assert all(url.startswith(live_server.url) for url in fetched), fetched


def test_a_lesson_runs_its_script_under_the_policy(tab: Page, log_in, programme, make_member):
    from courses.services import enrollment_create

    trainee = make_member(Role.TRAINEE)
    enrollment_create(trainee=trainee, programme=programme)
    refused = watch_refusals(tab)
    log_in(tab, trainee)

    # The script's first heartbeat answers with what is still needed, and it shows it.
    with tab.expect_response(lambda r: "/engagement/" in r.url) as beat:
        tab.goto(lessons_of(programme)[0].url)
    assert beat.value.ok
    expect(tab.locator("#completion-needs")).to_contain_text("more minute")
    assert refused == []


def test_the_wagtail_page_editor_works_under_its_policy(
    tab: Page, log_in, provider, make_member, with_totp
):
    coordinator = make_member(Role.COORDINATOR)
    refused = watch_refusals(tab)
    # The admin needs two-factor authentication in the session: log_in types the code.
    with_totp(coordinator)
    log_in(tab, coordinator)

    # A coordinator adds programmes under their provider's page (courses.ProviderPage).
    tab.goto(f"/cms/pages/{ProviderPage.objects.get(organisation=provider).pk}/")
    tab.get_by_role("link", name="Add child page").click()
    expect(tab.get_by_role("heading", name="New: Program")).to_be_attached()
    tab.get_by_role("tab", name="Settings").click()
    expect(tab.get_by_role("region", name="Program rules")).to_be_visible()

    # The scheduling dialog's go-live widget is set up by an inline script, which the
    # admin's policy lets run (core/csp.py); any other refusal would show here.
    assert "initDateTimeChooser(" in tab.content()
    assert refused == [], refused
