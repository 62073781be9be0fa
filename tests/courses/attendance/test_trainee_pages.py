"""The trainee's side: sessions and hours on the dashboard and their page, the .ics feed with
its resettable token, and the certificate of attendance."""

import datetime
import shutil
import subprocess

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.attendance import calendar
from courses.attendance.services import RegisterEntry, register_save
from organisations.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def attended(make_session, cohort_trainee, facilitator):
    """Ada attended a past session (90 and 30 minutes of two domains) and has one coming up."""
    ada = cohort_trainee(first_name="Ada", last_name="Okafor")
    past = make_session(
        starts_at=timezone.now() - datetime.timedelta(days=3),
        minutes=120,
        split=(90, 30),
        title="Boundaries workshop",
    )
    register_save(
        actor=facilitator, session=past, entries=[RegisterEntry(ada.pk, "present", None, "")]
    )
    make_session(
        starts_at=timezone.now() + datetime.timedelta(days=4),
        title="Advocacy, online",
        place="",
        meeting_link="https://meet.example.org/advocacy",
    )
    return ada


def test_the_dashboard_shows_upcoming_sessions_and_session_hours(client, attended):
    client.force_login(attended.trainee)
    page = client.get(reverse("dashboard")).text
    assert "Advocacy, online" in page
    assert "Session hours credited in Certified Peer Support Worker: <strong>2.00</strong>" in page


def test_the_trainees_page_shows_attendance_and_hours_by_domain(client, attended, domains):
    client.force_login(attended.trainee)
    page = client.get(reverse("courses:my_sessions")).text
    assert "Boundaries workshop" in page and "120 of 120" in page
    assert f"{domains[0].name} 1.50" in page


def test_the_calendar_feed_lists_sessions_and_a_reset_token_stops_the_old_address(client, attended):
    feed = calendar.feed_for(attended.trainee)
    old = reverse("courses:calendar_feed", kwargs={"token": feed.token})
    response = client.get(old)  # no sign-in: calendar apps cannot
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.count("BEGIN:VEVENT") == 2
    assert "SUMMARY:Advocacy\\, online" in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    client.force_login(attended.trainee)
    client.post(reverse("courses:my_sessions"), {"action": "reset-calendar"})
    client.logout()
    assert client.get(old).status_code == 404
    new = calendar.feed_for(attended.trainee).token
    assert client.get(reverse("courses:calendar_feed", kwargs={"token": new})).status_code == 200


def test_a_guessed_feed_token_is_a_404(client, attended):
    assert client.get("/courses/sessions/calendar/guess.ics").status_code == 404


def pdf_text(data: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()


def test_the_certificate_of_attendance_names_dates_hours_by_domain_and_facilitator(
    client, attended, domains
):
    client.force_login(attended.trainee)
    response = client.get(
        reverse("courses:attendance_certificate", kwargs={"enrollment_id": attended.pk})
    )
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils is needed to read the PDF's text")
    text = " ".join(pdf_text(response.content).split())
    for expected in (
        "Certificate of attendance",
        "Ada Okafor",
        "Certified Peer Support Worker",
        "2.00 hours (120 minutes attended)",
        f"{domains[0].name}: 1.50 hours",
        "Dana Facilitator",
        "Peer Training Collaborative",
        "Boundaries workshop",
    ):
        assert expected in text


def test_the_certificate_is_for_the_trainee_and_the_programmes_coordinators_only(
    client, attended, make_member, mfa_login, coordinator
):
    url = reverse("courses:attendance_certificate", kwargs={"enrollment_id": attended.pk})
    client.force_login(make_member(Role.TRAINEE))
    assert client.get(url).status_code == 404
    mfa_login(client, make_member(Role.SUPERVISOR))
    assert client.get(url).status_code == 404
    mfa_login(client, coordinator)
    assert client.get(url)["Content-Type"] == "application/pdf"
