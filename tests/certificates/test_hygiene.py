"""Odd input to credential management: a clear answer, never a 500, nothing stored."""

import pytest
from django.db import IntegrityError, transaction

from certificates.models import Credential, CredentialEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def credential(issue_credential):
    return issue_credential()


@pytest.fixture
def mfa_coordinator(coordinator, with_totp):
    """A coordinator of the issuing provider with two factors: may change credentials."""
    with_totp(coordinator)
    return coordinator


def status_url(credential) -> str:
    return f"/credentials/{credential.number}/status/"


def test_a_one_megabyte_reason_is_refused_and_nothing_changes(
    client, credential, mfa_coordinator, mailoutbox, mfa_login
):
    # What reproduced it: a 1 MB suspension reason was stored and emailed to the holder.
    mfa_login(client, mfa_coordinator)

    response = client.post(
        status_url(credential), {"action": "suspend", "reason": "x" * 1_000_000}, follow=True
    )

    assert f"Keep the reason to {Credential.REASON_MAX_LENGTH} characters." in (
        response.content.decode()
    )
    credential.refresh_from_db()
    assert credential.status == Credential.Status.ACTIVE
    assert not CredentialEvent.objects.filter(action="suspended").exists()
    assert mailoutbox == []


def test_a_nul_in_a_reason_is_refused_before_the_database(
    client, credential, mfa_coordinator, mfa_login
):
    # On PostgreSQL this was a DataError (a 500): the reason went from request.POST to SQL.
    mfa_login(client, mfa_coordinator)
    response = client.post(status_url(credential), {"action": "suspend", "reason": "Fraud\x00"})
    assert response.status_code == 400
    credential.refresh_from_db()
    assert credential.status == Credential.Status.ACTIVE


def test_an_invalid_form_for_someone_elses_credential_is_still_a_404(
    client, credential, make_member, with_totp, mfa_login
):
    from organisations.roles import Role
    from tests.factories import OrganisationFactory

    other = make_member(Role.COORDINATOR, organisation=OrganisationFactory())
    mfa_login(client, other)
    response = client.post(status_url(credential), {"action": "explode"})
    assert response.status_code == 404


def test_the_database_refuses_an_over_long_reason(credential):
    too_long = "x" * (Credential.REASON_MAX_LENGTH + 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Credential.objects.filter(pk=credential.pk).update(status_reason=too_long)
    with pytest.raises(IntegrityError), transaction.atomic():
        CredentialEvent.objects.create(credential=credential, action="suspended", reason=too_long)


def test_a_reason_of_the_maximum_length_is_kept(client, credential, mfa_coordinator, mfa_login):
    mfa_login(client, mfa_coordinator)
    reason = "x" * Credential.REASON_MAX_LENGTH
    client.post(status_url(credential), {"action": "suspend", "reason": reason})
    credential.refresh_from_db()
    assert (credential.status, credential.status_reason) == (Credential.Status.SUSPENDED, reason)
