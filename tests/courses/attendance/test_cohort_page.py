"""The coordinator's cohort attendance page: 60 sessions by 40 trainees, flat query count."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.models import (
    AttendancePolicy,
    AttendanceRecord,
    Enrollment,
    LiveSession,
    SessionDomainMinutes,
)

pytestmark = pytest.mark.django_db


def fill(cohort, programme, domains, *, sessions: int, trainees: int, offset: int = 0):
    start = timezone.now() - datetime.timedelta(days=sessions + 1)
    made = LiveSession.objects.bulk_create(
        LiveSession(
            cohort=cohort,
            title=f"Session {offset + n}",
            place="Room 4",
            starts_at=start + datetime.timedelta(days=n),
            ends_at=start + datetime.timedelta(days=n, minutes=120),
        )
        for n in range(sessions)
    )
    SessionDomainMinutes.objects.bulk_create(
        SessionDomainMinutes(session=s, domain=d, minutes=60) for s in made for d in domains
    )
    users = get_user_model().objects.bulk_create(
        get_user_model()(email=f"t{offset}-{n}@example.org", first_name="T", last_name=str(n))
        for n in range(trainees)
    )
    enrollments = Enrollment.objects.bulk_create(
        Enrollment(trainee=u, programme=programme, cohort=cohort) for u in users
    )
    AttendanceRecord.objects.bulk_create(
        AttendanceRecord(
            session=s,
            enrollment=e,
            status="late",
            session_minutes=120,
            minutes_attended=(e.pk + s.pk) % 121,
            source="register",
        )
        for s in made
        for e in enrollments
    )


def page_queries(client, cohort) -> tuple[int, str]:
    url = reverse("courses:cohort_attendance", kwargs={"cohort_id": cohort.pk})
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.text


def test_the_cohort_page_runs_a_flat_number_of_queries(
    client, mfa_login, coordinator, cohort, programme, domains, django_assert_max_num_queries
):
    AttendancePolicy.objects.create(programme=programme, partial_credit=True)
    mfa_login(client, coordinator)
    fill(cohort, programme, domains, sessions=2, trainees=2)
    small, _ = page_queries(client, cohort)
    fill(cohort, programme, domains, sessions=58, trainees=38, offset=100)
    url = reverse("courses:cohort_attendance", kwargs={"cohort_id": cohort.pk})
    with django_assert_max_num_queries(small):
        response = client.get(url)
    assert response.text.count('<th scope="row">') == 40
    assert response.text.count("/courses/sessions/") >= 60


def test_only_the_programmes_coordinators_see_the_cohort_page(
    client, mfa_login, facilitator, cohort
):
    mfa_login(client, facilitator)
    url = reverse("courses:cohort_attendance", kwargs={"cohort_id": cohort.pk})
    assert client.get(url).status_code == 404
