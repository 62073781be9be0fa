"""Dashboards as to-do lists, in a real browser: a newcomer enrolls from theirs in one click
and sees where to start; a trainee sees an entry their supervisor returned, on a laptop and
on a phone, with nothing wider than the screen."""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from practice.services import entry_decide
from tests.browser.test_mobile import PHONE, assert_fits_the_phone
from tests.builders import lessons_of
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

LAPTOP = {"viewport": {"width": 1280, "height": 800}}


def assert_no_sideways_scroll(page: Page, name: str) -> None:
    """No sideways scrolling; PEERPATH_SCREENSHOTS=<folder> keeps a screenshot."""
    folder = os.environ.get("PEERPATH_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"dashboard-{name}.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_newcomer_enrolls_from_the_dashboard_and_sees_the_first_lesson_next(
    new_tab, log_in, build_programme
):
    programme = build_programme(title="Peer Support Foundations")
    first_lesson = lessons_of(programme)[0]
    newcomer = UserFactory(first_name="Rosa")

    page = log_in(new_tab(**LAPTOP), newcomer)
    expect(page.get_by_role("heading", name="Get started")).to_be_visible()
    expect(page.get_by_text("Expecting an invitation")).to_be_visible()
    assert_no_sideways_scroll(page, "newcomer")
    page.get_by_role("button", name="Enroll in Peer Support Foundations").click()

    expect(page).to_have_url(re.compile(r"/dashboard/$"))
    expect(page.get_by_text("You are enrolled in Peer Support Foundations.")).to_be_visible()
    resume = page.get_by_role("link", name=f"Resume: {first_lesson.title}")
    expect(resume).to_be_visible()
    expect(page.get_by_role("heading", name="Get started")).to_have_count(0)
    assert_no_sideways_scroll(page, "newcomer-enrolled")

    resume.click()
    expect(page.get_by_role("heading", name=first_lesson.title, level=1)).to_be_visible()
    # lesson.js sends its first heartbeat on load: let that request finish before the test
    # ends and its database is flushed under it.
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("device", [LAPTOP, PHONE], ids=["1280px", "390px"])
def test_a_trainee_sees_the_entry_their_supervisor_returned(
    new_tab, log_in, trainee, assigned_supervisor, log_entry, device
):
    log_entry(days_ago=4, minutes=90, category="group-facilitation")
    returned = log_entry(days_ago=2, minutes=45)
    entry_decide(
        supervisor=assigned_supervisor,
        entry_id=returned.pk,
        approve=False,
        comment="Please say what kind of session this was.",
    )

    page = log_in(new_tab(**device), trainee)

    panel = page.locator('[data-panel="practice"]')
    expect(panel.get_by_text("1 entry returned by your supervisor")).to_be_visible()
    expect(page.locator('[data-panel="next-step"]').first).to_be_visible()
    expect(page.get_by_role("table", name=re.compile("^Practice hours in"))).to_be_visible()
    assert_no_sideways_scroll(page, f"returned-{device['viewport']['width']}")
    if device is PHONE:
        # Nothing past the edge outside a scrolling region, and not zoomed out to fit.
        assert_fits_the_phone(page, "trainee-dashboard-returned")

    panel.locator(f'[data-returned-entry="{returned.pk}"] a').click()
    expect(page).to_have_url(re.compile(rf"/practice/entries/{returned.pk}/edit/$"))
