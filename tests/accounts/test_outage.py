"""Signing up while the broker or the mail server is down (issue 11, finding 3)."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from notifications.models import Email
from tests.conftest import closed_port

from .test_signup import signup_data

pytestmark = pytest.mark.django_db(transaction=True)


def confirmation_link(message) -> str:
    return re.search(r"/accounts/confirm-email/[^/\s]+/", message.body).group(0)


def test_signing_up_with_the_broker_down_answers_and_the_confirmation_follows(
    client, broker_down, sweep_later
):
    # This request answered 500 after creating the account; no confirmation was sent.
    response = client.post(reverse("account_signup"), signup_data())

    assert response.status_code == 302
    assert get_user_model().objects.filter(email="rosa@example.org").exists()
    assert Email.objects.get().status == Email.Status.QUEUED

    broker_back = broker_down
    broker_back()
    sweep_later()
    sweep_later()

    assert Email.objects.get().status == Email.Status.SENT
    assert len(mail.outbox) == 1
    assert confirmation_link(mail.outbox[0])


def test_inline_signing_up_with_the_mail_server_down_answers_and_the_sweep_sends_later(
    client, settings, sweep_later
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port(), 2

    # Inline mode (no broker): this request answered 500 and the mail was never retried.
    response = client.post(reverse("account_signup"), signup_data())

    assert response.status_code == 302
    assert get_user_model().objects.filter(email="rosa@example.org").exists()
    email = Email.objects.get()
    assert email.status == Email.Status.QUEUED
    assert email.attempts == 1 and email.last_error

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    sweep_later()
    sweep_later()

    email.refresh_from_db()
    assert email.status == Email.Status.SENT and email.attempts == 2
    assert len(mail.outbox) == 1
    assert confirmation_link(mail.outbox[0])
