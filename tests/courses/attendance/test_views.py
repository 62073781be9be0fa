"""The facilitator's and trainee's pages: who may open them, and what each refusal says."""

import datetime
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses.attendance import tokens
from courses.models import AttendanceChange, AttendanceRecord, CheckInScan, LiveSession
from organisations.roles import Role

from .conftest import REPORT_DAY_START

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"


def register_url(session):
    return reverse("courses:session_register", kwargs={"session_id": session.pk})


def test_a_facilitator_schedules_a_session_with_minutes_by_domain(
    client, mfa_login, facilitator, cohort, domains
):
    mfa_login(client, facilitator)
    page = client.get(reverse("courses:session_schedule"))
    assert page.status_code == 200
    data = {
        "cohort": cohort.pk,
        "title": "Boundaries in practice",
        "meeting_link": "https://meet.example.org/abc",
        "starts_at": "2026-12-10T18:00",
        "ends_at": "2026-12-10T20:00",
        f"domain_{domains[0].pk}": "90",
        f"domain_{domains[1].pk}": "20",
    }
    refused = client.post(reverse("courses:session_schedule"), data)
    assert refused.status_code == 400
    assert "add up to 110; the session lasts 120" in refused.text
    assert not LiveSession.objects.exists()
    data[f"domain_{domains[1].pk}"] = "30"
    response = client.post(reverse("courses:session_schedule"), data)
    session = LiveSession.objects.get()
    assert response.url == register_url(session)
    assert list(session.facilitators.all()) == [facilitator]
    assert sorted(session.domain_minutes.values_list("minutes", flat=True)) == [30, 90]


def test_a_session_without_place_or_link_is_refused(client, mfa_login, facilitator, cohort):
    mfa_login(client, facilitator)
    response = client.post(
        reverse("courses:session_schedule"),
        {
            "cohort": cohort.pk,
            "title": "x",
            "starts_at": "2026-12-10T18:00",
            "ends_at": "2026-12-10T19:00",
        },
    )
    assert response.status_code == 400
    assert "Give a place" in response.text


def test_trainees_cannot_schedule(client, cohort_trainee):
    client.force_login(cohort_trainee().trainee)
    assert client.get(reverse("courses:session_schedule")).status_code == 403


def test_the_register_saves_and_a_correction_is_in_the_history_with_its_reason(
    client, mfa_login, facilitator, make_session, cohort_trainee
):
    session = make_session(minutes=120)
    ada = cohort_trainee(first_name="Ada", last_name="Okafor")
    mfa_login(client, facilitator)
    response = client.post(
        register_url(session),
        {f"status-{ada.pk}": "late", f"minutes-{ada.pk}": "100", f"note-{ada.pk}": "Traffic"},
    )
    assert response.status_code == 302
    response = client.post(
        register_url(session), {f"status-{ada.pk}": "late", f"minutes-{ada.pk}": "110"}
    )
    assert response.status_code == 400
    assert "Give a reason" in response.text
    assert AttendanceRecord.objects.get().minutes_attended == 100
    client.post(
        register_url(session),
        {
            f"status-{ada.pk}": "late",
            f"minutes-{ada.pk}": "110",
            f"note-{ada.pk}": "Traffic",
            "reason": "Signed in at 10:10",
        },
    )
    assert AttendanceRecord.objects.get().minutes_attended == 110
    page = client.get(register_url(session))
    assert "Signed in at 10:10" in page.text
    assert AttendanceChange.objects.count() == 2


@pytest.mark.parametrize("who", ["other_supervisor", "other_coordinator", "trainee"])
def test_only_the_sessions_facilitators_and_the_programmes_coordinators_open_the_register(
    who, client, mfa_login, make_member, make_session, cohort_trainee
):
    from tests.factories import OrganisationFactory

    session = make_session()
    ada = cohort_trainee()
    users = {
        "other_supervisor": lambda: make_member(Role.SUPERVISOR),
        "other_coordinator": lambda: make_member(
            Role.COORDINATOR, organisation=OrganisationFactory()
        ),
        "trainee": lambda: ada.trainee,
    }
    mfa_login(client, users[who]())
    expected = 403 if who == "trainee" else 404
    assert client.get(register_url(session)).status_code == expected
    response = client.post(register_url(session), {f"status-{ada.pk}": "present"})
    assert response.status_code == expected
    assert not AttendanceRecord.objects.exists()


def test_the_programmes_coordinator_may_edit_the_register(
    client, mfa_login, coordinator, make_session, cohort_trainee
):
    session = make_session()
    ada = cohort_trainee()
    mfa_login(client, coordinator)
    client.post(register_url(session), {f"status-{ada.pk}": "present"})
    assert AttendanceRecord.objects.get().minutes_attended == session.length_minutes


def test_the_register_needs_a_second_factor(client, facilitator, make_session):
    session = make_session()
    client.force_login(facilitator)
    response = client.get(register_url(session))
    assert response.status_code == 302 and "reauthenticate" in response.url


# ---------------------------------------------------------------- the rotating code


def test_the_code_page_shows_a_fresh_signed_code_and_the_json_rotates_it(
    client, mfa_login, facilitator, make_session
):
    session = make_session()
    mfa_login(client, facilitator)
    page = client.get(reverse("courses:session_qr", kwargs={"session_id": session.pk}))
    token = re.search(r'data-token="([^"]+)"', page.text).group(1)
    assert tokens.token_read(token).session_id == session.pk
    assert "js/checkin_code.js" in page.text and "data:image/svg+xml" in page.text
    fresh = client.get(
        reverse("courses:session_qr_json", kwargs={"session_id": session.pk}) + "?direction=out"
    ).json()
    assert fresh["token"] != token
    assert tokens.token_read(fresh["token"]).direction == "out"
    assert fresh["url"].endswith(f"/courses/sessions/check-in/{fresh['token']}/")


def test_a_trainee_checks_in_from_the_code(client, make_session, cohort_trainee):
    session = make_session()
    ada = cohort_trainee()
    client.force_login(ada.trainee)
    url = reverse(
        "courses:check_in",
        kwargs={"token": tokens.token_make(session_id=session.pk, direction="in")},
    )
    page = client.get(url)
    assert "Check in as" in page.text
    assert not AttendanceRecord.objects.exists()  # opening the page stores nothing
    done = client.post(url)
    assert "You are checked in" in done.text
    assert AttendanceRecord.objects.get().source == "qr"
    again = client.post(url)
    assert again.status_code == 400 and "already used" in again.text


def test_check_in_by_someone_not_in_the_cohort_says_so_and_stores_nothing(
    client, make_session, make_member
):
    session = make_session()
    client.force_login(make_member(Role.TRAINEE))
    url = reverse(
        "courses:check_in",
        kwargs={"token": tokens.token_make(session_id=session.pk, direction="in")},
    )
    response = client.post(url)
    assert response.status_code == 400
    assert "You are not in the cohort" in response.text
    assert not CheckInScan.objects.exists() and not AttendanceRecord.objects.exists()


def test_an_expired_or_garbled_code_page_says_so(client, cohort_trainee):
    client.force_login(cohort_trainee().trainee)
    response = client.get(reverse("courses:check_in", kwargs={"token": "1:in:abc:xyz:bad"}))
    assert response.status_code == 400 and "not a valid check-in code" in response.text


# ---------------------------------------------------------------- meeting reports


@pytest.fixture
def report_session(make_session):
    return make_session(
        starts_at=REPORT_DAY_START, minutes=120, meeting_link="https://zoom.example/j/1"
    )


def upload(client, session, name, data=None):
    data = data if data is not None else (FIXTURES / name).read_bytes()
    return client.post(
        reverse("courses:session_import", kwargs={"session_id": session.pk}),
        {"report": SimpleUploadedFile(name, data, content_type="text/csv")},
    )


def test_a_zoom_report_is_imported_and_an_unmatched_row_resolved_by_hand(
    client, mfa_login, facilitator, report_session, cohort_trainee
):
    ada = cohort_trainee(email="ada@example.org", first_name="Ada", last_name="Okafor")
    ben = cohort_trainee(email="ben@example.org", first_name="Ben", last_name="Ruiz")
    sam = cohort_trainee(email="sam.j@example.org", first_name="Sam", last_name="Jones")
    mfa_login(client, facilitator)
    page = upload(client, report_session, "zoom_participants.csv")
    assert page.status_code == 200
    assert "2 trainees matched, 2 records written" in page.text
    records = {r.enrollment_id: r for r in AttendanceRecord.objects.all()}
    assert records[ada.pk].minutes_attended == 118 and records[ada.pk].status == "present"
    assert records[ben.pk].minutes_attended == 99 and records[ben.pk].status == "late"
    token = re.search(r'name="rows" value="([^"]+)"', page.text).group(1)
    rows = re.findall(r'<td data-label="Name in the report">([^<]+)</td>', page.text)
    assert rows == ["Dana Facilitator", "Sam (guest)"]
    response = client.post(
        reverse("courses:session_import_resolve", kwargs={"session_id": report_session.pk}),
        {"rows": token, "assign-0": "", "assign-1": str(sam.pk)},
    )
    assert response.status_code == 302
    assert AttendanceRecord.objects.get(enrollment=sam).minutes_attended == 88
    assert AttendanceRecord.objects.count() == 3


def test_a_teams_utf16_report_is_imported(
    client, mfa_login, facilitator, report_session, cohort_trainee
):
    ada = cohort_trainee(email="ada@example.org")
    mfa_login(client, facilitator)
    page = upload(client, report_session, "teams_attendance_utf16.csv")
    assert "Microsoft Teams report read: 1 trainee matched" in page.text
    assert AttendanceRecord.objects.get(enrollment=ada).minutes_attended == 110


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("people.csv", b"Last name,First name\nOkafor,Ada\n", "columns of a participant report"),
        ("report.pdf", b"%PDF-1.7\n", "not a CSV participant report"),
        ("report.csv", b"PK\x03\x04\x14\x00\x06\x00", "not a CSV participant report"),
    ],
)
def test_a_report_with_wrong_columns_or_not_csv_is_refused_and_nothing_stored(
    client, mfa_login, facilitator, report_session, cohort_trainee, name, data, message
):
    cohort_trainee(email="ada@example.org")
    mfa_login(client, facilitator)
    response = upload(client, report_session, name, data)
    assert response.status_code == 400
    assert "Nothing was imported." in response.text and message in response.text
    assert not AttendanceRecord.objects.exists()


def test_a_report_for_another_date_is_refused(
    client, mfa_login, facilitator, make_session, cohort_trainee
):
    cohort_trainee(email="ada@example.org")
    session = make_session(
        starts_at=REPORT_DAY_START + datetime.timedelta(days=7), meeting_link="https://x.example"
    )
    mfa_login(client, facilitator)
    response = upload(client, session, "zoom_participants.csv")
    assert response.status_code == 400
    assert "This report is for a meeting on December 7, 2026" in response.text
    assert not AttendanceRecord.objects.exists()


def test_someone_else_cannot_import_into_a_session(
    client, mfa_login, make_member, report_session, cohort_trainee
):
    cohort_trainee(email="ada@example.org")
    mfa_login(client, make_member(Role.SUPERVISOR))
    assert upload(client, report_session, "zoom_participants.csv").status_code == 404
    assert not AttendanceRecord.objects.exists()


def test_the_programmes_coordinator_sets_the_attendance_policy(
    client, mfa_login, coordinator, facilitator, programme
):
    from courses.models import AttendancePolicy

    url = reverse("courses:attendance_policy", kwargs={"programme_id": programme.pk})
    mfa_login(client, facilitator)
    assert client.get(url).status_code == 404
    mfa_login(client, coordinator)
    refused = client.post(url, {"required_percent": "120"})
    assert refused.status_code == 400 and not AttendancePolicy.objects.exists()
    client.post(url, {"required_percent": "80", "partial_credit": "on"})
    policy = AttendancePolicy.objects.get(programme=programme)
    assert (policy.required_percent, policy.partial_credit, policy.make_ups_allowed) == (
        80,
        True,
        False,
    )
