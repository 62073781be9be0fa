"""No supervisor, no silent submit, in a real browser.

A trainee who signed up and enrolled themselves logs practice before anyone has assigned
them a supervisor. Submitting is refused with the reason and the coordinator is emailed
once, however often the trainee tries; the coordinator follows the email's link to the
assignment page, where the trainee is chosen already, and assigns a supervisor; the
trainee submits again and the entries go for sign-off.

The live server needs real commits, so the database is transactional. Set
PEERPATH_SCREENSHOTS to a directory to keep the log at 1280 and 390 px.
"""

import os
import re
from urllib.parse import urlparse

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from notifications.models import Email
from organisations.roles import Role
from practice.models import LogEntry, SupervisorAssignment
from tests.browser.conftest import field
from tests.browser.test_account_journey import NEW_PASSWORD, fill_signup, wait_for_mail

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = os.environ.get("PEERPATH_SCREENSHOTS", "")
DOMAIN = "Recovery and wellness support"
REFUSAL = "No supervisor is assigned to you yet; your training coordinator has been told"
ASSIGN_LINK = re.compile(r"https?://[^\s/]+(/practice/assignments/\d+/\?trainee=\d+)")
CONFIRM_LINK = re.compile(r"https?://[^\s/]+(/accounts/confirm-email/[^/\s]+/)")


def messages(page: Page):
    return page.locator("ul.messages")


def screenshot(page: Page, name: str) -> None:
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


def sign_up_and_log_in(page: Page, email: str):
    """Sign up through allauth's form, confirm the address from the email, and log in."""
    fill_signup(page, email=email)
    (message,) = wait_for_mail(1)
    match = CONFIRM_LINK.search(message.body)
    assert match, message.body
    page.goto(match.group(1))
    page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    page.get_by_label(field("Email")).fill(email)
    page.get_by_label(field("Password")).fill(NEW_PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page).to_have_url(re.compile(r"/dashboard/$"))
    mail.outbox.clear()
    return get_user_model().objects.get(email=email)


def log_entry(page: Page, *, category: str, note: str, **duration) -> None:
    """Fill the form for practice done today, the date it starts with (the trainee
    enrolled today: earlier practice does not count)."""
    page.get_by_role("link", name="Log practice", exact=True).click()
    expect(page.get_by_label(field("Date"))).to_have_value(timezone.localdate().isoformat())
    if "hours" in duration:
        page.get_by_label(field("Duration (hours)")).fill(duration["hours"])
    else:
        page.get_by_label(field("Start time (optional)")).fill(duration["start"])
        page.get_by_label(field("End time (optional)")).fill(duration["end"])
    page.get_by_label(field("Category")).select_option(label=category)
    page.get_by_label(field("Competency domain")).select_option(label=DOMAIN)
    page.get_by_label(field("Reflection (de-identified)")).fill(note)


def test_a_self_enrolled_trainee_without_a_supervisor_is_told_and_the_coordinator_once(
    new_tab, log_in, live_server, build_programme, make_member, with_totp, provider
):
    programme = build_programme(slug="practice", modules=1, lessons=1)
    coordinator = make_member(Role.COORDINATOR, first_name="Cora", last_name="Nakamura")
    with_totp(coordinator)
    supervisor = make_member(Role.SUPERVISOR, first_name="Bernard", last_name="Okoye")

    # 1. A new person signs up, enrols themselves and opens their practice log, which says
    #    no supervisor is assigned yet.
    page = new_tab()
    trainee = sign_up_and_log_in(page, "rosa@example.org")
    page.goto(programme.url)
    page.get_by_role("button", name="Enroll in this program").click()
    page.goto("/practice/")
    expect(page.get_by_role("heading", name="Practice log")).to_be_visible()
    expect(page.locator('[data-supervision="waiting"]')).to_contain_text(
        "Waiting for a supervisor to be assigned."
    )

    # 2. They save one entry (hours as 1:30) and save-and-submit another (by its times):
    #    both are kept as drafts, the second with the reason it was not submitted.
    log_entry(
        page,
        category="One-to-one peer support",
        note="Listened while a member described a hard week; we planned small steps.",
        hours="1:30",
    )
    page.get_by_role("button", name="Save draft").click()
    expect(messages(page)).to_contain_text("Saved as a draft.")
    log_entry(
        page,
        category="Group facilitation",
        note="Co-facilitated the evening check-in group; practiced reflective listening.",
        start="18:00",
        end="19:15",
    )
    page.get_by_role("button", name="Save and submit").click()
    expect(messages(page)).to_contain_text(f"Saved. It was not submitted: {REFUSAL}")
    entries = LogEntry.objects.order_by("pk")
    assert [(e.minutes, e.status) for e in entries] == [(90, "draft"), (75, "draft")]
    rows = page.locator("tr[data-entry]")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("Co-facilitated the evening check-in group")
    expect(rows.nth(1)).to_contain_text("Listened while a member described")

    # 3. "Submit all drafts" and a row's "Submit" are refused the same way; the
    #    coordinator has still been emailed once.
    page.get_by_role("button", name="Submit all drafts (2)").click()
    expect(messages(page)).to_contain_text(REFUSAL)
    rows.nth(0).get_by_role("button", name="Submit").click()
    expect(messages(page)).to_contain_text(REFUSAL)
    expect(page.locator('[data-supervision="waiting"]')).to_contain_text(
        "Your training coordinator was told on"
    )
    assert set(LogEntry.objects.values_list("status", flat=True)) == {"draft"}
    (email,) = Email.objects.filter(to=[coordinator.email])
    assert "Rosa Delgado needs a supervisor" in email.subject
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        screenshot(page, f"practice-log-waiting-{width}")

    # 4. The coordinator follows the email's link: the trainee is chosen; they assign.
    desk = new_tab()
    log_in(desk, coordinator)
    match = ASSIGN_LINK.search(email.body_text)
    assert match, email.body_text
    desk.goto(match.group(1))
    expect(desk.get_by_role("heading", level=1)).to_contain_text("Supervisor assignments")
    expect(desk.get_by_label(field("Trainee"))).to_have_value(str(trainee.pk))
    desk.get_by_label(field("Supervisor")).select_option(value=str(supervisor.pk))
    desk.get_by_role("button", name="Assign").click()
    expect(messages(desk)).to_contain_text("Supervisor assigned.")
    assert SupervisorAssignment.objects.filter(
        trainee=trainee, supervisor=supervisor, ended_at__isnull=True
    ).exists()

    # 5. The trainee submits all drafts again: now they go for sign-off.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.reload()
    expect(page.locator('[data-supervision="assigned"]')).to_contain_text("Bernard Okoye")
    page.get_by_role("button", name="Submit all drafts (2)").click()
    expect(messages(page)).to_contain_text("Submitted 2 entries to your supervisor for sign-off.")
    expect(page.locator('tr[data-status="submitted"]')).to_have_count(2)
    assert set(LogEntry.objects.values_list("status", flat=True)) == {"submitted"}
    assert Email.objects.filter(to=[coordinator.email]).count() == 1

    # 6. One is withdrawn back to a draft before the supervisor decides it.
    page.locator("tr[data-entry]").nth(1).get_by_role("button", name="Withdraw").click()
    expect(messages(page)).to_contain_text("Withdrawn: the entry is a draft again.")
    expect(page.locator('tr[data-status="draft"]')).to_have_count(1)

    # The log at both widths: at 390 px the entries are stacked rows inside the screen.
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        screenshot(page, f"practice-log-{width}")
        box = page.locator("section[aria-labelledby='entries-heading'] table").bounding_box()
        assert box is not None and box["x"] + box["width"] <= width
    assert urlparse(page.url).path == f"/practice/{entries[0].enrollment_id}/"
