"""The public verification page while the broker is down (issue 11, finding 3)."""

import pytest

from verification.models import VerificationEvent

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_public_page_answers_with_the_broker_down_and_records_the_check_itself(
    client, issue_credential, broker_down, caplog
):
    credential = issue_credential(last_name="Okafor")

    # This request answered 500 after the lookup, and the check was never recorded.
    response = client.get(f"/verify/{credential.number}/")

    assert response.status_code == 200
    assert 'data-status="VALID"' in response.content.decode()
    # Recorded here, in one insert: checks never go through the broker (with Redis they go
    # to its stream, see test_hot_path.py), so the holder still sees the check.
    event = VerificationEvent.objects.get(credential=credential)
    assert event.channel == VerificationEvent.Channel.PAGE
    assert event.organisation_id is None
    assert all(credential.number not in r.getMessage() for r in caplog.records)


def test_a_check_never_waits_on_the_broker(client, issue_credential, monkeypatch):
    credential = issue_credential()
    monkeypatch.setattr(
        "verification.tasks.record_verifications.apply_async",
        lambda *args, **options: pytest.fail("a check was published to the broker"),
    )

    assert client.get(f"/verify/{credential.number}/").status_code == 200

    assert VerificationEvent.objects.get().credential == credential


def test_the_api_answers_with_the_broker_down_and_records_the_checks_itself(
    client, credential, api_secret, clinic, broker_down
):
    response = client.post(
        "/api/v1/credentials/verify",
        {"numbers": [credential.number]},
        content_type="application/json",
        headers={"Authorization": f"Bearer {api_secret}"},
    )

    assert response.status_code == 200
    event = VerificationEvent.objects.get(credential=credential)
    assert (event.channel, event.organisation_id) == (VerificationEvent.Channel.API, clinic.pk)
