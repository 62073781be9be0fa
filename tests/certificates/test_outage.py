"""Issuing a credential while the broker is down (issue 11, findings 3 and 7)."""

import pytest
from django.core import mail

from certificates.models import Credential
from certificates.tasks import render_certificate
from notifications.models import Email, TaskCall
from notifications.outbox import OutboxTask

pytestmark = pytest.mark.django_db(transaction=True)

ISSUED_SUBJECT = "[Peerpath] Your credential has been issued"


def test_issuing_with_the_broker_down_answers_and_the_render_and_email_follow(
    client, trainee, nearly_done, broker_down, sweep_later
):
    client.force_login(trainee)

    # Affirming the code last issues the credential. This answered 500 after committing;
    # the certificate was never rendered and the email never sent.
    response = client.post(
        f"/credentials/ethics/{nearly_done.pk}/", {"signed_name": trainee.get_full_name()}
    )

    assert response.status_code == 302
    credential = Credential.objects.get(holder=trainee)
    assert not credential.pdf_ready
    render = TaskCall.objects.get(task=render_certificate.name)
    assert render.kwargs == {"credential_id": credential.pk}
    assert render.done_at is None and render.last_error
    assert Email.objects.get(subject=ISSUED_SUBJECT).status == Email.Status.QUEUED

    broker_back = broker_down
    broker_back()
    sweep_later()
    sweep_later()

    credential.refresh_from_db()
    assert credential.pdf_ready
    render.refresh_from_db()
    assert render.status == "done"
    assert [m.subject for m in mail.outbox if m.subject == ISSUED_SUBJECT] == [ISSUED_SUBJECT]


def test_a_render_lost_with_its_worker_goes_back_to_the_queue():
    assert isinstance(render_certificate, OutboxTask)
    assert render_certificate.acks_late and render_certificate.reject_on_worker_lost
