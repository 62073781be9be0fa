"""Live sessions in Chromium: a facilitator schedules a session, a trainee (a second browser
context) checks in by the rotating code, and the facilitator fixes the record; a coordinator
imports a meeting report and resolves a row matched to nobody."""

import datetime
import re
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from courses.attendance import services
from courses.models import AttendanceChange, AttendanceRecord, Cohort, CompetencyDomain, LiveSession
from courses.services import enrollment_create
from organisations.roles import Role

from .conftest import field

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIXTURES = Path(__file__).resolve().parent.parent / "courses" / "attendance" / "fixtures"
REPORT_DAY_START = datetime.datetime(2026, 12, 7, 10, 0, tzinfo=datetime.UTC)


def in_cohort(make_member, programme, cohort, **fields):
    user = make_member(Role.TRAINEE, **fields)
    enrollment = enrollment_create(trainee=user, programme=programme)
    enrollment.cohort = cohort
    enrollment.save(update_fields=["cohort"])
    return enrollment


def test_a_facilitator_schedules_checks_a_trainee_in_by_the_rotating_code_and_fixes_the_record(
    tab: Page, new_tab, log_in, programme, make_member, with_totp
):
    cohort = Cohort.objects.create(programme=programme, name="Spring evening")
    ada = in_cohort(make_member, programme, cohort, first_name="Ada", last_name="Okafor")
    facilitator = make_member(Role.SUPERVISOR, first_name="Dana", last_name="Facilitator")
    with_totp(facilitator)
    domain = CompetencyDomain.objects.order_by("name").first()
    start = timezone.localtime().replace(second=0, microsecond=0) - datetime.timedelta(minutes=1)

    page = log_in(tab, facilitator)
    page.goto("/courses/sessions/")
    page.get_by_role("link", name="Schedule a session").click()
    page.get_by_label(field("Cohort")).select_option(label=str(cohort))
    page.get_by_label(field("Title")).fill("Boundaries in practice")
    page.get_by_label(field("Place")).fill("Room 4, 12 Main Street")
    page.get_by_label(field("Starts")).fill(start.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label(field("Ends")).fill(
        (start + datetime.timedelta(minutes=120)).strftime("%Y-%m-%dT%H:%M")
    )
    page.get_by_label(field(f"Minutes of {domain.name}")).fill("120")
    page.get_by_role("button", name="Schedule").click()
    expect(page.get_by_role("heading", name="Boundaries in practice")).to_be_visible()
    session = LiveSession.objects.get()
    assert list(session.facilitators.all()) == [facilitator]

    # The code on the screen rotates: the page's clock runs 31 seconds on, a new code shows.
    page.clock.install()
    page.get_by_role("link", name="Show the check-in code").click()
    link = page.locator("[data-checkin-link]")
    first = link.get_attribute("data-token")
    # Once the page's script has started its timer (on a busy machine it may run late).
    expect(page.locator("[data-checkin-feed][data-rotating]")).to_be_attached()
    page.clock.fast_forward("00:31")
    expect(link).not_to_have_attribute("data-token", first)
    token = link.get_attribute("data-token")

    # The trainee's phone opens what the code holds.
    phone = log_in(new_tab(), ada.trainee)
    phone.goto(f"/courses/sessions/check-in/{token}/")
    phone.get_by_role("button", name=re.compile("^Check in as")).click()
    expect(phone.get_by_role("status")).to_contain_text("You are checked in")
    record = AttendanceRecord.objects.get()
    assert record.source == "qr" and record.status == "present"

    # The facilitator corrects it: Ada in fact arrived 20 minutes late.
    page.goto(f"/courses/sessions/{session.pk}/")
    row = page.locator(f"tr[data-trainee='{ada.trainee.email}']")
    row.get_by_label(re.compile("^Attendance of")).select_option("late")
    row.get_by_label(re.compile("^Minutes attended by")).fill("100")
    page.get_by_label(field("Reason for corrections")).fill(
        "Arrived at 20 past, after the check-in"
    )
    page.get_by_role("button", name="Save the register").click()
    expect(page.get_by_text("Register saved: 1 record changed.")).to_be_visible()
    expect(page.get_by_text("Arrived at 20 past, after the check-in")).to_be_visible()
    record.refresh_from_db()
    assert (record.status, record.minutes_attended) == ("late", 100)
    assert AttendanceChange.objects.filter(record=record).count() == 2


def test_a_coordinator_imports_a_meeting_report_and_resolves_an_unmatched_row(
    tab: Page, new_tab, log_in, programme, make_member, with_totp, coordinator
):
    cohort = Cohort.objects.create(programme=programme, name="Spring evening")
    ada = in_cohort(make_member, programme, cohort, email="ada@example.org", last_name="Okafor")
    in_cohort(make_member, programme, cohort, email="ben@example.org", last_name="Ruiz")
    sam = in_cohort(
        make_member,
        programme,
        cohort,
        email="sam.j@example.org",
        first_name="Sam",
        last_name="Jones",
    )
    facilitator = make_member(Role.SUPERVISOR)
    domain = CompetencyDomain.objects.order_by("name").first()
    session = services.session_schedule(
        actor=facilitator,
        cohort=cohort,
        title="Group dynamics: live session",
        starts_at=REPORT_DAY_START,
        ends_at=REPORT_DAY_START + datetime.timedelta(hours=2),
        meeting_link="https://zoom.example/j/1",
        domain_minutes={domain: 120},
    )
    with_totp(coordinator)

    page = log_in(tab, coordinator)
    page.goto(f"/courses/sessions/{session.pk}/")
    page.get_by_role("link", name="Import a meeting report").click()
    page.get_by_label(field("Participant report (CSV)")).set_input_files(
        str(FIXTURES / "zoom_participants.csv")
    )
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("status")).to_contain_text("2 trainees matched, 2 records written")
    page.get_by_label("Trainee for Sam (guest)").select_option(value=str(sam.pk))
    page.get_by_role("button", name="Save these rows").click()
    expect(
        page.get_by_text("1 record written from the rows you assigned; 1 ignored.")
    ).to_be_visible()
    assert AttendanceRecord.objects.get(enrollment=sam).minutes_attended == 88
    assert AttendanceRecord.objects.count() == 3

    # Ada attended 118 of 120 minutes, above the default 90%: the session's two hours count
    # towards its domain on her dashboard.
    mine = log_in(new_tab(), ada.trainee)
    expect(mine.get_by_text(re.compile(r"Session hours credited in .*: 2\.00"))).to_be_visible()
    expect(mine.get_by_text(f"{domain.name} 2.00")).to_be_visible()
