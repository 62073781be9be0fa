import threading

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, connections

from certificates.models import Credential, CredentialEvent
from certificates.services import credential_change_status, credential_issue_if_eligible
from organisations.roles import Role
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def mfa_coordinator(coordinator, with_totp):
    with_totp(coordinator)
    return coordinator


def test_suspend_reinstate_revoke_with_reasons(
    credential, mfa_coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        credential_change_status(
            actor=mfa_coordinator,
            credential_id=credential.pk,
            action="suspend",
            reason="Complaint under review",
        )
    credential.refresh_from_db()
    assert credential.effective_status == "suspended"
    assert "Complaint under review" in mail.outbox[-1].body

    credential_change_status(
        actor=mfa_coordinator, credential_id=credential.pk, action="reinstate", reason="Cleared"
    )
    credential_change_status(
        actor=mfa_coordinator,
        credential_id=credential.pk,
        action="revoke",
        confirm_number=credential.number,
        reason="Misconduct",
    )
    credential.refresh_from_db()
    assert credential.effective_status == "revoked"
    assert list(
        CredentialEvent.objects.filter(credential=credential).values_list("action", flat=True)
    ) == [
        "issued",
        "suspended",
        "reinstated",
        "revoked",
    ]
    with pytest.raises(ValidationError, match="cannot be reinstated"):
        credential_change_status(
            actor=mfa_coordinator, credential_id=credential.pk, action="reinstate", reason="x"
        )


def test_revoking_needs_a_reason(credential, mfa_coordinator):
    with pytest.raises(ValidationError, match="Give the reason"):
        credential_change_status(
            actor=mfa_coordinator,
            credential_id=credential.pk,
            action="revoke",
            confirm_number=credential.number,
            reason="  ",
        )
    credential.refresh_from_db()
    assert credential.status == Credential.Status.ACTIVE


def test_changing_a_credential_needs_mfa_and_the_issuers_coordinator(
    credential, coordinator, make_member, with_totp
):
    with pytest.raises(PermissionDenied, match="two-factor"):
        credential_change_status(
            actor=coordinator,
            credential_id=credential.pk,
            action="revoke",
            confirm_number=credential.number,
            reason="x",
        )
    outsider = make_member(Role.COORDINATOR, organisation=OrganisationFactory())
    with_totp(outsider)
    with pytest.raises(PermissionDenied):
        credential_change_status(
            actor=outsider,
            credential_id=credential.pk,
            action="revoke",
            confirm_number=credential.number,
            reason="x",
        )
    credential.refresh_from_db()
    assert credential.status == Credential.Status.ACTIVE


def test_expiry_follows_the_date(credential):
    import datetime

    Credential.objects.filter(pk=credential.pk).update(
        issued_on=datetime.date(2020, 1, 1), expires_on=datetime.date(2022, 1, 1)
    )
    credential.refresh_from_db()
    assert credential.effective_status == "expired"


def test_the_manage_page_and_forged_posts(
    client, credential, mfa_coordinator, make_member, with_totp, mfa_login
):
    mfa_login(client, mfa_coordinator)
    row = f'data-credential="{credential.number}"'
    assert row in client.get("/credentials/manage/").content.decode()
    # Revoking is not one click on the status form: it has its own confirmation page.
    client.post(
        f"/credentials/{credential.number}/status/", {"action": "revoke", "reason": "Misconduct"}
    )
    credential.refresh_from_db()
    assert credential.status == Credential.Status.ACTIVE
    client.post(
        f"/credentials/{credential.number}/revoke/",
        {"reason": "Misconduct", "confirm_number": credential.number},
    )
    credential.refresh_from_db()
    assert credential.status == Credential.Status.REVOKED

    outsider = make_member(Role.COORDINATOR, organisation=OrganisationFactory())
    with_totp(outsider)
    mfa_login(client, outsider)
    assert row not in client.get("/credentials/manage/").content.decode()
    response = client.post(
        f"/credentials/{credential.number}/status/", {"action": "reinstate", "reason": "x"}
    )
    assert response.status_code == 404

    trainee = make_member(Role.TRAINEE)
    client.force_login(trainee)
    assert (
        client.post(
            f"/credentials/{credential.number}/status/", {"action": "revoke", "reason": "x"}
        ).status_code
        == 403
    )


@pytest.mark.django_db(transaction=True)
def test_concurrent_calls_issue_exactly_one_credential(trainee, nearly_done, ethics_code):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises writers, so there is no race to test")
    from certificates.models import EthicsAffirmation

    # Signed directly, so that no on-commit issuance runs before the race starts.
    EthicsAffirmation.objects.create(trainee=trainee, code=ethics_code, signed_name="x")
    assert not Credential.objects.exists()
    barrier = threading.Barrier(4)
    results = []

    def issue():
        try:
            barrier.wait()
            results.append(credential_issue_if_eligible(enrollment=nearly_done).pk)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=issue) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert Credential.objects.count() == 1
    assert len(set(results)) == 1 and len(results) == 4
