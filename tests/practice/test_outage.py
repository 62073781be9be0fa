"""A supervisor's sign-off while the broker is down (issue 11, finding 3)."""

import pytest
from django.core import mail

from notifications.models import Email
from practice.models import Decision, LogEntry

pytestmark = pytest.mark.django_db(transaction=True)

APPROVED_SUBJECT = "[Peerpath] Practice hours approved"


def test_an_approval_with_the_broker_down_answers_and_its_email_follows_the_broker(
    client, assigned_supervisor, log_entry, broker_down, sweep_later, mfa_login
):
    entry = log_entry()
    mfa_login(client, assigned_supervisor)

    # This request answered 500 after committing, and the email was never sent.
    response = client.post(
        f"/practice/supervision/entries/{entry.pk}/decide/", {"decision": "approve"}
    )

    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == LogEntry.Status.APPROVED
    assert Decision.objects.filter(entry=entry, outcome=Decision.Outcome.APPROVED).exists()
    email = Email.objects.get(subject=APPROVED_SUBJECT)
    assert email.status == Email.Status.QUEUED
    assert mail.outbox == []

    broker_back = broker_down
    broker_back()
    sweep_later()
    sweep_later()  # twice, as overlapping beats would: still one message

    email.refresh_from_db()
    assert email.status == Email.Status.SENT
    assert [m.subject for m in mail.outbox if m.subject == APPROVED_SUBJECT] == [APPROVED_SUBJECT]
