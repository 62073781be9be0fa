import datetime

import pytest
from django.core import mail

from certificates.models import Credential
from certificates.reminders import expiry_reminders_send

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("days", [90, 30, 7])
def test_holders_are_reminded_once_before_expiry(
    credential, days, django_capture_on_commit_callbacks
):
    today = credential.expires_on - datetime.timedelta(days=days)

    with django_capture_on_commit_callbacks(execute=True):
        assert expiry_reminders_send(today=today) == 1
        assert expiry_reminders_send(today=today) == 0

    reminders = [m for m in mail.outbox if "expires in" in m.subject]
    assert [m.subject for m in reminders] == [f"[Peerpath] Your credential expires in {days} days"]
    assert reminders[0].to == [credential.holder.email]


def test_no_reminder_on_other_days_or_for_revoked_credentials(credential):
    assert expiry_reminders_send(today=credential.expires_on - datetime.timedelta(days=45)) == 0
    Credential.objects.filter(pk=credential.pk).update(status=Credential.Status.REVOKED)
    assert expiry_reminders_send(today=credential.expires_on - datetime.timedelta(days=30)) == 0


def test_reminders_run_daily_from_celery_beat(settings):
    from cms.celery import app

    task = settings.CELERY_BEAT_SCHEDULE["credential-expiry-reminders"]["task"]
    app.loader.import_default_modules()
    assert task in app.tasks
