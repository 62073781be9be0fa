"""A signed-in trainee who opens the CMS sees the 403 page, styled, with a way back."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_a_trainee_who_opens_the_cms_sees_the_403_page_and_finds_the_way_back(
    tab: Page, log_in, trainee
):
    log_in(tab, trainee)
    statuses = []

    def page_load(response):
        # Page loads only: not the stylesheet, nor the bell's unread count the page fetches.
        if response.request.resource_type == "document":
            statuses.append((response.status, response.url))

    tab.on("response", page_load)

    response = tab.goto("/cms/")

    # One answer, no redirects (before: /cms/ → login → /cms/ … ERR_TOO_MANY_REDIRECTS).
    assert response is not None and response.status == 403
    assert [status for status, url in statuses] == [403]
    expect(tab).to_have_url(re.compile(r"/cms/$"))
    expect(tab).to_have_title("Access denied · Peerpath")
    heading = tab.get_by_role("heading", level=1)
    expect(heading).to_have_text("You don\u2019t have access to the CMS")
    # The site's layout: its stylesheet applied, its header and menu.
    expect(tab.get_by_role("navigation", name="Main")).to_be_visible()
    expect(tab.get_by_role("link", name="Peerpath", exact=True)).to_be_visible()
    panel = tab.locator(".error-panel")
    expect(panel).to_have_css("border-left-style", "solid")

    back = tab.get_by_role("main").get_by_role("link", name="Go to your dashboard")
    expect(back).to_be_visible()
    back.click()
    expect(tab).to_have_url(re.compile(r"/dashboard/$"))
    expect(tab.get_by_role("heading", level=1)).to_contain_text("Welcome")


def test_an_unknown_address_shows_the_404_page_with_ways_on(tab: Page):
    response = tab.goto("/programmes/no-such-programme/")

    assert response is not None and response.status == 404
    expect(tab.get_by_role("heading", level=1)).to_have_text("We can\u2019t find that page")
    tab.get_by_role("main").get_by_role("link", name="Browse programs").click()
    expect(tab).to_have_url(re.compile(r"/programmes/$"))
