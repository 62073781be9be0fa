"""Reminding stalled trainees: chosen by a coordinator or automatic, once per stall."""

import datetime

import pytest
from django.utils import timezone

from courses.models import Enrollment, StallReminder
from courses.reminders import stall_reminders_send_due
from courses.services import enrollment_create
from courses.tasks import send_stall_reminders
from notifications.models import Email
from organisations.roles import Role
from tests.builders import lesson_done, lessons_of
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _stall(enrollment, days=30):
    Enrollment.objects.filter(pk=enrollment.pk).update(
        last_activity_at=timezone.now() - datetime.timedelta(days=days)
    )


def _reminders_to(email):
    return [e for e in Email.objects.all() if email in e.to and "Pick up" in e.subject]


def test_automatic_reminder_once_per_stall_and_again_after_progress(
    settings, programme, trainee, enrolled
):
    settings.STALL_REMINDER_DAYS = 14
    _stall(enrolled)

    assert send_stall_reminders() == 1
    assert stall_reminders_send_due() == 0  # the same stall: not again
    assert len(_reminders_to(trainee.email)) == 1

    lesson_done(trainee=trainee, lesson=lessons_of(programme)[0])
    assert stall_reminders_send_due() == 0  # progressing: not stalled
    _stall(enrolled, days=20)
    assert stall_reminders_send_due() == 1  # a new stall
    assert StallReminder.objects.filter(enrollment=enrolled).count() == 2


def test_recent_and_finished_trainees_are_not_reminded(settings, programme, enrolled):
    settings.STALL_REMINDER_DAYS = 14
    _stall(enrolled, days=3)
    assert stall_reminders_send_due() == 0
    settings.STALL_REMINDER_DAYS = 0
    _stall(enrolled, days=300)
    assert stall_reminders_send_due() == 0


def test_coordinator_reminds_chosen_trainees(
    client, programme, coordinator, trainee, enrolled, mfa_login
):
    _stall(enrolled)
    mfa_login(client, coordinator)
    url = f"/courses/coordinate/{programme.pk}/remind/"

    response = client.post(url, {"enrollment": [enrolled.pk]}, follow=True)
    assert "Reminder sent to 1 trainee." in response.content.decode()
    again = client.post(url, {"enrollment": [enrolled.pk]}, follow=True)
    assert "1 not sent" in again.content.decode()
    assert len(_reminders_to(trainee.email)) == 1
    assert StallReminder.objects.get().sent_by == coordinator


def test_bad_choices_change_nothing(client, programme, coordinator, enrolled, mfa_login):
    mfa_login(client, coordinator)

    response = client.post(
        f"/courses/coordinate/{programme.pk}/remind/", {"enrollment": ["x"]}, follow=True
    )

    assert "Choose the trainees" in response.content.decode()
    assert not StallReminder.objects.exists()


def test_another_providers_coordinator_gets_404_and_sends_nothing(
    client, programme, make_member, enrolled, mfa_login
):
    outsider = make_member(Role.COORDINATOR, organisation=OrganisationFactory())
    mfa_login(client, outsider)

    response = client.post(
        f"/courses/coordinate/{programme.pk}/remind/", {"enrollment": [enrolled.pk]}
    )

    assert response.status_code == 404
    assert not StallReminder.objects.exists()


def test_enrolments_of_other_programmes_are_ignored(
    client, programme, build_programme, coordinator, make_member, mfa_login
):
    other = build_programme(slug="other")
    someone = make_member(Role.TRAINEE)
    elsewhere = enrollment_create(trainee=someone, programme=other)
    mfa_login(client, coordinator)

    client.post(f"/courses/coordinate/{programme.pk}/remind/", {"enrollment": [elsewhere.pk]})

    assert not StallReminder.objects.exists()


def test_stall_reminders_run_daily_from_celery_beat(settings):
    from cms.celery import app

    task = settings.CELERY_BEAT_SCHEDULE["stall-reminders"]["task"]
    app.loader.import_default_modules()
    assert task in app.tasks
