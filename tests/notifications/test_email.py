from smtplib import SMTPException

import pytest
from django.core import mail

from notifications.models import Email
from notifications.services import email_deliver_now, email_queue
from notifications.tasks import email_deliver

pytestmark = pytest.mark.django_db


def test_queued_email_is_delivered_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        email = email_queue(to=["a@example.org"], subject="Hello", body_text="Body")
    assert mail.outbox == []
    assert email.status == Email.Status.QUEUED

    for callback in callbacks:
        callback()

    email.refresh_from_db()
    assert email.status == Email.Status.SENT
    assert email.sent_at is not None
    assert [m.subject for m in mail.outbox] == ["Hello"]


def test_html_part_is_attached():
    email = Email.objects.create(
        to=["a@example.org"], subject="Hi", body_text="plain", body_html="<p>rich</p>"
    )
    email_deliver_now(email_id=email.pk)

    assert mail.outbox[0].alternatives[0][0] == "<p>rich</p>"


def test_delivering_twice_sends_once():
    email = Email.objects.create(to=["a@example.org"], subject="Once", body_text="Body")

    assert email_deliver.run(email.pk) is True
    assert email_deliver.run(email.pk) is False

    assert len(mail.outbox) == 1
    email.refresh_from_db()
    assert email.attempts == 1


def test_a_failed_send_is_recorded_and_raised_for_retry(monkeypatch):
    email = Email.objects.create(to=["a@example.org"], subject="Fails", body_text="Body")

    def refuse(self, *args, **kwargs):
        raise SMTPException("mail server said no")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    with pytest.raises(SMTPException):
        email_deliver_now(email_id=email.pk)

    email.refresh_from_db()
    assert email.status == Email.Status.QUEUED  # still waiting for the next try
    assert "mail server said no" in email.last_error
    assert email.attempts == 1


def test_a_message_is_given_up_after_its_last_attempt(monkeypatch):
    email = Email.objects.create(
        to=["a@example.org"],
        subject="Fails",
        body_text="Body",
        attempts=Email.MAX_SEND_ATTEMPTS - 1,
    )

    def refuse(self, *args, **kwargs):
        raise SMTPException("mail server said no")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    with pytest.raises(SMTPException):
        email_deliver_now(email_id=email.pk)
    email.refresh_from_db()
    assert email.status == Email.Status.FAILED

    monkeypatch.undo()
    assert email_deliver_now(email_id=email.pk) is False  # failed for good: not tried again
    assert mail.outbox == []


def test_the_task_retries_on_mail_server_errors():
    assert SMTPException in email_deliver.autoretry_for
    assert email_deliver.acks_late is True
    assert email_deliver.reject_on_worker_lost is True
