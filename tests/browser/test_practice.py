"""The supervised practice log in a real browser: log, submit, return, correct, sign off.

A trainee logs practice and submits it; their supervisor returns one entry and approves
the rest; the trainee fixes the returned entry, it is approved, and the signed PDF report
lists every approval with its verification code.

The live server needs real commits, so the database is transactional. A transactional
test ends by flushing every table, which also empties the practice categories that data
migration practice 0003 creates; ``site_structure`` (tests/conftest.py) puts them back.

Supervisors must pass two-factor authentication in the session to reach their pages, so
the supervisor signs in through allauth's form and types their authenticator's code
(``log_in``, tests/browser/conftest.py).
"""

import datetime
import re
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from playwright.sync_api import Page, expect

from courses.models import Enrollment, RequirementProfile
from courses.services import enrollment_create
from organisations.roles import Role
from practice.audit import audit_verify
from practice.models import AuditEvent, Decision, LogEntry, PracticeCategory, PracticeHourMinimum
from practice.services import supervisor_assign
from tests.browser.conftest import field

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

ONE_TO_ONE = "One-to-one peer support"
GROUP = "Group facilitation"
SUPERVISION = "Supervision received"
DOMAIN = "Recovery and wellness support"
IDENTIFYING = "Met John Smith at 14 Elm Road to talk about his relapse."
RETURN_COMMENT = "Please add the domain you worked in."
# A PDF download renders the report with WeasyPrint, which is slow to start the first time.
PDF_TIMEOUT_MS = 60_000


# --------------------------------------------------------------------------------------------
# Fixtures: the shape of tests/practice/conftest.py, which this directory cannot see.
# --------------------------------------------------------------------------------------------


@pytest.fixture
def practice_categories(site_structure):
    """The categories migration practice 0003 makes (``site_structure`` puts them back)."""
    return {category.slug: category for category in PracticeCategory.objects.all()}


@pytest.fixture
def profile(practice_categories):
    profile = RequirementProfile.objects.create(
        name="Practice profile", practice_hours_total=Decimal("10")
    )
    for order, (slug, hours) in enumerate(
        [("one-to-one", "6"), ("group-facilitation", "2"), ("supervision-received", "1")]
    ):
        PracticeHourMinimum.objects.create(
            profile=profile,
            category=practice_categories[slug],
            hours=Decimal(hours),
            sort_order=order,
        )
    return profile


@pytest.fixture
def practice_trainee(make_member):
    return make_member(Role.TRAINEE, first_name="Amara", last_name="Lindqvist")


@pytest.fixture
def practice_supervisor(make_member, with_totp):
    supervisor = make_member(Role.SUPERVISOR, first_name="Bernard", last_name="Okoye")
    with_totp(supervisor)
    return supervisor


@pytest.fixture
def practice_enrollment(build_programme, profile, practice_trainee):
    """The trainee's enrolment in a programme that counts practice, started 60 days ago."""
    programme = build_programme(slug="practice", modules=1, lessons=1, requirement_profile=profile)
    enrollment = enrollment_create(trainee=practice_trainee, programme=programme)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        started_at=timezone.now() - datetime.timedelta(days=60)
    )
    enrollment.refresh_from_db()
    return enrollment


@pytest.fixture
def assigned_supervisor(
    practice_supervisor, practice_trainee, practice_enrollment, make_member, provider
):
    coordinator = make_member(Role.COORDINATOR)
    supervisor_assign(
        coordinator=coordinator,
        organisation=provider,
        trainee=practice_trainee,
        supervisor=practice_supervisor,
    )
    return practice_supervisor


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def day(days_ago: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days_ago)


def shown(date: datetime.date) -> str:
    """A date as the log and the queue show it ("M j, Y")."""
    return date_format(date, "M j, Y")


def messages(page: Page):
    """The flash messages at the top of the page."""
    return page.locator("ul.messages")


def fill_entry(
    page: Page, *, date: datetime.date, hours: str, category: str, setting: str, reflection: str
) -> None:
    page.get_by_label(field("Date")).fill(date.isoformat())
    page.get_by_label(field("Duration (hours)")).fill(hours)
    page.get_by_label(field("Category")).select_option(label=category)
    page.get_by_label(field("Competency domain")).select_option(label=DOMAIN)
    page.get_by_label(field("Setting")).select_option(label=setting)
    page.get_by_label(field("Reflection (de-identified)")).fill(reflection)


def log_practice(page: Page, **entry) -> LogEntry:
    """Log one entry through the form, as a draft; return it from the database."""
    count = LogEntry.objects.count()
    page.get_by_role("link", name="Log practice", exact=True).click()
    expect(page.get_by_role("heading", name="Log practice")).to_be_visible()
    fill_entry(page, **entry)
    page.get_by_role("button", name="Save draft").click()
    expect(messages(page)).to_contain_text("Saved as a draft.")
    assert LogEntry.objects.count() == count + 1
    created = LogEntry.objects.latest("pk")
    row = entry_row(page, created)
    expect(row).to_have_attribute("data-status", "draft")
    expect(row.get_by_role("cell").nth(3)).to_have_text("Draft")
    return created


def entry_row(page: Page, entry: LogEntry):
    return page.locator(f'tr[data-entry="{entry.pk}"]')


def approved_hours(page: Page, category: str):
    """The "Approved" cell of one category's row in the totals table."""
    return page.locator(f'tr[data-category="{category}"] td[data-approved]')


def expect_approved_totals(page: Page, total: str, **by_category: str) -> None:
    expect(page.locator("[data-total-approved]")).to_have_attribute("data-total-approved", total)
    expect(page.locator("[data-total-approved]")).to_contain_text(f"{total} of 10 hours approved")
    for category, hours in by_category.items():
        expect(approved_hours(page, category)).to_have_text(hours)


def queue_checkbox(page: Page, entry: LogEntry, trainee):
    date = date_format(entry.date, "M j, Y")  # the queue writes dates the US way
    name = f"Select entry of {date} by {trainee.get_full_name()}"
    return page.get_by_role("checkbox", name=name, exact=True)


# --------------------------------------------------------------------------------------------
# The journey
# --------------------------------------------------------------------------------------------


def test_log_return_correct_approve_and_report(
    new_tab,
    log_in,
    live_server,
    tmp_path,
    practice_trainee,
    practice_enrollment,
    assigned_supervisor,
):
    trainee, supervisor, enrollment = practice_trainee, assigned_supervisor, practice_enrollment
    log_url = f"{live_server.url}/practice/{enrollment.pk}/"

    # 1. The trainee's practice page leads straight to their only log; they log three
    #    entries as drafts and submit them.
    page = new_tab()
    log_in(page, trainee)
    page.goto("/practice/")
    expect(page).to_have_url(log_url)
    expect(page.get_by_role("heading", name="Practice log")).to_be_visible()

    one_to_one = log_practice(
        page,
        date=day(1),
        hours="2",
        category=ONE_TO_ONE,
        setting="In person",
        reflection="Listened while a member described a hard week; we planned small steps.",
    )
    group = log_practice(
        page,
        date=day(2),
        hours="1.5",
        category=GROUP,
        setting="Group session",
        reflection="Co-facilitated the check-in group; practiced reflective listening.",
    )
    supervision = log_practice(
        page,
        date=day(3),
        hours="1",
        category=SUPERVISION,
        setting="Video call",
        reflection="Talked through boundaries with my supervisor; I tend to rush to advise.",
    )
    assert (one_to_one.minutes, group.minutes, supervision.minutes) == (120, 90, 60)
    assert one_to_one.category.name == ONE_TO_ONE
    assert one_to_one.domain.name == DOMAIN
    assert one_to_one.setting == LogEntry.Setting.IN_PERSON

    for entry in (one_to_one, group, supervision):
        entry_row(page, entry).get_by_role("button", name="Submit").click()
        expect(messages(page)).to_contain_text("Submitted to your supervisor for sign-off.")
        row = entry_row(page, entry)
        expect(row).to_have_attribute("data-status", "submitted")
        expect(row).to_contain_text("Waiting for sign-off")
        expect(row.get_by_role("button", name="Submit")).to_have_count(0)
    expect(page.locator("[data-total-approved]")).to_contain_text(
        "0 of 10 hours approved; 4.5 waiting for sign-off."
    )
    assert set(LogEntry.objects.values_list("status", flat=True)) == {"submitted"}

    # 2. A reflection that names someone and where they live is refused, quoting the words
    #    to change; nothing is saved and the audit trail records nothing.
    entries_before, events_before = LogEntry.objects.count(), AuditEvent.objects.count()
    page.get_by_role("link", name="Log practice", exact=True).click()
    fill_entry(
        page,
        date=day(1),
        hours="1",
        category=ONE_TO_ONE,
        setting="In person",
        reflection=IDENTIFYING,
    )
    page.get_by_role("button", name="Save draft").click()
    refusal = page.locator("#id_reflection_error")
    expect(refusal).to_be_visible()
    expect(refusal).to_have_attribute("role", "alert")
    expect(refusal).to_contain_text("Your reflection seems to identify someone:")
    expect(refusal).to_contain_text("“John Smith”")
    expect(refusal).to_contain_text("“14 Elm Road”")
    expect(page).to_have_url(re.compile(rf"/practice/{enrollment.pk}/new/$"))
    expect(page.get_by_label(field("Reflection (de-identified)"))).to_have_value(IDENTIFYING)
    assert LogEntry.objects.count() == entries_before
    assert AuditEvent.objects.count() == events_before

    # 3. The supervisor (another browser) returns the one-to-one entry with a comment and
    #    approves the other two together.
    desk = new_tab()
    log_in(desk, supervisor)
    desk.goto("/practice/supervision/")
    expect(desk.get_by_role("heading", name="Entries waiting for your sign-off")).to_be_visible()
    expect(desk.locator("tbody tr[data-entry]")).to_have_count(3)
    trainee_group = desk.locator(f'section[data-trainee="{trainee.pk}"]')
    expect(trainee_group.get_by_role("heading", level=2)).to_have_text(trainee.get_full_name())
    returned_row = trainee_group.locator(f'tr[data-entry="{one_to_one.pk}"]')
    expect(returned_row).to_contain_text(f"{ONE_TO_ONE} · {DOMAIN} · In person")
    returned_row.get_by_text("Return…").click()
    returned_row.get_by_label("Comment (needed to return)").fill(RETURN_COMMENT)
    returned_row.get_by_role("button", name="Return to trainee").click()
    expect(messages(desk)).to_contain_text("Returned to the trainee.")
    expect(desk.locator("tbody tr[data-entry]")).to_have_count(2)

    queue_checkbox(desk, group, trainee).check()
    queue_checkbox(desk, supervision, trainee).check()
    desk.get_by_role("button", name="Approve selected").click()
    expect(messages(desk)).to_contain_text("Approved 2 entries (2.5 hours).")
    expect(desk.get_by_text("Nothing is waiting for you.")).to_be_visible()

    # 4. The trainee sees 2.5 approved hours (1.5 group + 1 supervision) and the returned
    #    entry with its comment; they change its hours and submit it again.
    page.goto(log_url)
    expect_approved_totals(page, "2.5", **{ONE_TO_ONE: "0", GROUP: "1.5", SUPERVISION: "1"})
    for entry in (group, supervision):
        expect(entry_row(page, entry)).to_have_attribute("data-status", "approved")
        expect(entry_row(page, entry).get_by_role("link", name="Correct")).to_be_visible()
    row = entry_row(page, one_to_one)
    expect(row).to_have_attribute("data-status", "returned")
    expect(row).to_contain_text("Returned for changes")
    expect(row).to_contain_text(f"“{RETURN_COMMENT}” — {supervisor.get_full_name()}")

    row.get_by_role("link", name="Edit").click()
    expect(page.get_by_role("heading", name="Edit entry")).to_be_visible()
    hours = page.get_by_label(field("Duration (hours)"))
    expect(hours).to_have_value("2.00")
    expect(page.get_by_label(field("Reflection (de-identified)"))).to_have_value(
        one_to_one.reflection
    )
    expect(page.get_by_label(field("Date"))).to_have_value(one_to_one.date.isoformat())
    hours.fill("1.75")
    page.get_by_role("button", name="Save draft").click()
    expect(messages(page)).to_contain_text("Entry updated.")
    row = entry_row(page, one_to_one)
    expect(row.get_by_role("cell").nth(1)).to_have_text("1.75")
    row.get_by_role("button", name="Submit").click()
    expect(messages(page)).to_contain_text("Submitted to your supervisor for sign-off.")
    expect(entry_row(page, one_to_one)).to_have_attribute("data-status", "submitted")
    expect(entry_row(page, one_to_one)).not_to_contain_text(RETURN_COMMENT)

    # 5. The supervisor approves the corrected entry; the trainee now has 4.25 hours.
    desk.goto("/practice/supervision/")
    expect(desk.locator("tbody tr[data-entry]")).to_have_count(1)
    resubmitted = desk.locator(f'tr[data-entry="{one_to_one.pk}"]')
    expect(resubmitted.get_by_role("cell").nth(2)).to_have_text("1.75")
    expect(resubmitted.locator("[data-returned-before]")).to_contain_text(RETURN_COMMENT)
    resubmitted.get_by_role("button", name="Approve", exact=True).click()
    expect(messages(desk)).to_contain_text("Approved.")
    expect(desk.get_by_text("Nothing is waiting for you.")).to_be_visible()

    page.reload()
    expect_approved_totals(page, "4.25", **{ONE_TO_ONE: "1.75", GROUP: "1.5", SUPERVISION: "1"})
    expect(entry_row(page, one_to_one)).to_have_attribute("data-status", "approved")

    # What the database holds: three approved entries, one return and three approvals
    # (each by the supervisor), and an audit chain that verifies.
    approved = LogEntry.objects.filter(enrollment=enrollment, status=LogEntry.Status.APPROVED)
    assert approved.count() == 3
    assert LogEntry.objects.count() == 3
    corrected = LogEntry.objects.get(pk=one_to_one.pk)
    assert (corrected.minutes, corrected.date) == (105, one_to_one.date)
    decisions = Decision.objects.filter(entry__enrollment=enrollment)
    returns = decisions.filter(outcome=Decision.Outcome.RETURNED)
    approvals = decisions.filter(outcome=Decision.Outcome.APPROVED)
    assert returns.count() == 1
    assert approvals.count() == 3
    (returned,) = returns
    assert (returned.entry_id, returned.submission_round) == (one_to_one.pk, 1)
    assert returned.comment == RETURN_COMMENT
    assert approvals.get(entry=one_to_one).submission_round == 2
    assert set(decisions.values_list("supervisor", flat=True)) == {supervisor.pk}
    chain = audit_verify()
    assert chain.broken_at is None, chain.problem
    assert chain.checked == AuditEvent.objects.count() > 0

    # 6. The signed report: downloaded from the log, it names the trainee, the supervisor,
    #    the categories and each approval's verification code.
    with page.expect_download(timeout=PDF_TIMEOUT_MS) as download_info:
        page.get_by_role("link", name="Download the signed report (PDF)").click()
    download = download_info.value
    assert download.failure() is None
    assert download.suggested_filename == "practice-hours-practice.pdf"
    pdf = tmp_path / download.suggested_filename
    download.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")

    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext not found (apt-get install poppler-utils): PDF text not checked")
    raw = subprocess.run(
        [pdftotext, "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = " ".join(raw.split())
    assert trainee.get_full_name() in text
    assert supervisor.get_full_name() in text
    assert ONE_TO_ONE in text
    assert "All categories 4.25 10" in text
    codes = list(approvals.values_list("verification_code", flat=True))
    assert len(set(codes)) == 3
    for code in codes:
        assert code in text, f"verification code {code} missing from the report"
    assert returned.verification_code not in text
