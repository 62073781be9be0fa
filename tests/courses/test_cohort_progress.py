import csv
import io

import pytest
from django.utils import timezone

from courses.hours import minutes_to_hours
from courses.models import Enrollment
from courses.services import enrollment_create
from organisations.roles import Role
from tests.builders import lesson_done, lessons_of
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(programme, make_member):
    active = make_member(Role.TRAINEE, first_name="Ada", last_name="Active")
    stalled = make_member(Role.TRAINEE, first_name="Sol", last_name='=HYPERLINK("x")')
    enrollment_create(trainee=active, programme=programme)
    lesson_done(trainee=active, lesson=lessons_of(programme)[0])
    enrollment = enrollment_create(trainee=stalled, programme=programme)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        last_activity_at=timezone.now() - timezone.timedelta(days=30)
    )
    return active, stalled


def test_coordinators_see_progress_and_who_has_stalled(
    client, programme, coordinator, cohort, mfa_login
):
    mfa_login(client, coordinator)

    html = client.get(f"/courses/coordinate/{programme.pk}/").content.decode()

    assert "Ada Active" in html
    assert "25% (1/4)" in html
    assert html.count("<strong>Stalled</strong>") == 1


def test_the_stalled_threshold_is_adjustable(client, programme, coordinator, cohort, mfa_login):
    mfa_login(client, coordinator)

    html = client.get(f"/courses/coordinate/{programme.pk}/", {"stalled_days": 60}).content
    assert b"<strong>Stalled</strong>" not in html


def test_a_bad_threshold_gets_a_message_and_the_default(
    client, programme, coordinator, cohort, mfa_login
):
    mfa_login(client, coordinator)

    response = client.get(f"/courses/coordinate/{programme.pk}/", {"stalled_days": "-4"})

    assert response.status_code == 200
    assert response.context["stalled_days"] == 14
    assert "greater than or equal to 1" in response.content.decode()


def test_progress_exports_as_csv_with_formulas_neutralised(
    client, programme, coordinator, cohort, mfa_login
):
    mfa_login(client, coordinator)

    response = client.get(f"/courses/coordinate/{programme.pk}/", {"format": "csv"})

    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["Last name", "First name", "Email"]
    by_first_name = {row[1]: row for row in rows[1:]}
    assert by_first_name["Ada"][7] == "25"
    # Training hours: the one lesson she was credited with (courses.hours).
    assert rows[0][8] == "Training hours"
    assert by_first_name["Ada"][8] == str(
        minutes_to_hours(lessons_of(programme)[0].estimated_minutes)
    )
    assert by_first_name["Sol"][8] == "0.00"
    assert by_first_name["Sol"][0] == '\'=HYPERLINK("x")'
    assert by_first_name["Sol"][11] == "yes"


def test_coordinators_of_another_provider_get_404(
    client, programme, make_member, cohort, mfa_login
):
    outsider = make_member(Role.COORDINATOR, organisation=OrganisationFactory())
    mfa_login(client, outsider)

    assert client.get(f"/courses/coordinate/{programme.pk}/").status_code == 404
    assert client.get(f"/courses/coordinate/{programme.pk}/?format=csv").status_code == 404


def test_trainees_cannot_see_cohort_progress(client, programme, trainee):
    client.force_login(trainee)
    assert client.get(f"/courses/coordinate/{programme.pk}/").status_code == 403


def test_coordinator_enrols_a_trainee_by_email(client, programme, coordinator, mfa_login):
    from tests.factories import UserFactory

    user = UserFactory(email="newbie@example.org")
    mfa_login(client, coordinator)

    client.post(f"/courses/coordinate/{programme.pk}/enrol/", {"email": "NEWBIE@example.org"})

    assert Enrollment.objects.filter(trainee=user, programme=programme).exists()


def test_enrolling_an_unknown_email_sends_an_invitation_to_sign_up(
    client, programme, coordinator, django_capture_on_commit_callbacks, mfa_login
):
    from django.core import mail

    mfa_login(client, coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/courses/coordinate/{programme.pk}/enrol/",
            {"email": "ghost@example.org"},
            follow=True,
        )

    assert "We sent an invitation to ghost@example.org" in response.content.decode()
    assert not Enrollment.objects.exists()
    assert mail.outbox[-1].to == ["ghost@example.org"]
    assert "/accounts/signup/" in mail.outbox[-1].body
