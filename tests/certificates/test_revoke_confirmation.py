"""Revoking is its own step: a page that says what happens, its own reason, and the
credential number typed to confirm. Every status change has a date, an optional public
reason verifiers see, and an internal note only coordinators see."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from certificates.models import Credential, CredentialEvent
from certificates.services import credential_change_status
from notifications.models import Email
from organisations.roles import Role
from tests.factories import OrganisationFactory
from verification.models import ApiKey
from verification.services import api_key_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def credential(issue_credential):
    return issue_credential(first_name="Ada", last_name="Okafor")


@pytest.fixture
def signed_in(client, coordinator, with_totp, mfa_login):
    with_totp(coordinator)
    mfa_login(client, coordinator)
    return coordinator


def revoke_url(credential) -> str:
    return reverse("certificates:revoke", kwargs={"number": credential.number})


def html_of(response) -> str:
    return response.content.decode()


def test_the_revoke_page_says_what_happens_and_that_it_cannot_be_undone(
    client, signed_in, credential
):
    response = client.get(revoke_url(credential))

    html = html_of(response)
    assert response.status_code == 200
    assert f'Revoke credential <span class="number">{credential.number}</span>?' in html
    assert "This cannot be undone." in html
    assert "Ada Okafor" in html
    assert 'class="button-danger"' in html
    assert 'name="confirm_number"' in html
    credential.refresh_from_db()
    assert credential.status == Credential.Status.ACTIVE


def test_the_manage_page_links_to_the_revoke_page_and_has_no_one_click_revoke(
    client, signed_in, credential
):
    html = html_of(client.get(reverse("certificates:manage")))

    assert revoke_url(credential) in html
    assert 'value="revoke"' not in html


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("PP-AAAA-AAAA-A", "Type the credential number"),
        ("", "Type the credential number to confirm."),
    ],
)
def test_a_wrong_or_missing_number_changes_nothing(client, signed_in, credential, typed, message):
    emails_before = Email.objects.count()

    response = client.post(
        revoke_url(credential), {"reason": "Misconduct", "confirm_number": typed}
    )

    assert response.status_code == 400
    assert message in html_of(response)
    assert "Nothing was changed" in html_of(response) or not typed
    credential.refresh_from_db()
    assert credential.status == Credential.Status.ACTIVE
    assert credential.status_changed_at is None
    assert not CredentialEvent.objects.filter(credential=credential, action="revoked").exists()
    assert Email.objects.count() == emails_before


def test_a_missing_reason_changes_nothing(client, signed_in, credential):
    response = client.post(
        revoke_url(credential), {"reason": "  ", "confirm_number": credential.number}
    )

    assert response.status_code == 400
    assert "Give the reason" in html_of(response)
    credential.refresh_from_db()
    assert credential.status == Credential.Status.ACTIVE


def test_a_too_long_public_reason_changes_nothing(client, signed_in, credential):
    response = client.post(
        revoke_url(credential),
        {"reason": "x", "public_reason": "y" * 501, "confirm_number": credential.number},
    )

    assert response.status_code == 400
    assert "Keep the reason to 500 characters." in html_of(response)
    credential.refresh_from_db()
    assert credential.status == Credential.Status.ACTIVE


def test_revoking_with_the_number_typed_records_reasons_and_note(client, signed_in, credential):
    typed = credential.number.lower().replace("-", " ")  # as people type it: still the number

    response = client.post(
        revoke_url(credential),
        {
            "reason": "Your credential was revoked after the board's hearing.",
            "public_reason": "Revoked by the certification board",
            "note": "Case 2026-114; board letter in the shared drive",
            "confirm_number": typed,
        },
        follow=True,
    )

    assert "is revoked" in html_of(response)
    credential.refresh_from_db()
    assert credential.status == Credential.Status.REVOKED
    assert credential.status_public_reason == "Revoked by the certification board"
    assert credential.status_changed_at is not None
    event = CredentialEvent.objects.get(credential=credential, action="revoked")
    assert event.note == "Case 2026-114; board letter in the shared drive"
    assert event.public_reason == "Revoked by the certification board"
    assert event.at == credential.status_changed_at
    email = Email.objects.get(subject__contains="was revoked")
    assert "after the board's hearing" in email.body_text
    assert "Case 2026-114" not in email.body_text  # the note is for coordinators only
    manage = html_of(client.get(reverse("certificates:manage")))
    assert "Internal note: Case 2026-114" in manage
    # A revoked credential has no revoke page any more.
    assert client.get(revoke_url(credential)).status_code == 302


def test_the_status_form_no_longer_revokes(client, signed_in, credential):
    client.post(
        reverse("certificates:change_status", kwargs={"number": credential.number}),
        {"action": "revoke", "reason": "x"},
    )

    credential.refresh_from_db()
    assert credential.status == Credential.Status.ACTIVE


def test_suspending_keeps_its_own_form_with_public_reason_and_note(client, signed_in, credential):
    client.post(
        reverse("certificates:change_status", kwargs={"number": credential.number}),
        {
            "action": "suspend",
            "reason": "A complaint is being reviewed.",
            "public_reason": "Under review",
            "note": "Complaint 88",
        },
    )

    credential.refresh_from_db()
    assert credential.status == Credential.Status.SUSPENDED
    assert credential.status_public_reason == "Under review"
    assert CredentialEvent.objects.get(action="suspended").note == "Complaint 88"


def test_the_service_refuses_to_revoke_without_the_number(credential, coordinator, with_totp):
    with_totp(coordinator)

    with pytest.raises(ValidationError, match="Type the credential number"):
        credential_change_status(
            actor=coordinator, credential_id=credential.pk, action="revoke", reason="x"
        )

    credential.refresh_from_db()
    assert credential.status == Credential.Status.ACTIVE


def test_another_organisations_coordinator_gets_404(
    client, credential, make_member, with_totp, mfa_login
):
    outsider = make_member(Role.COORDINATOR, organisation=OrganisationFactory())
    with_totp(outsider)
    mfa_login(client, outsider)

    assert client.get(revoke_url(credential)).status_code == 404
    response = client.post(
        revoke_url(credential), {"reason": "x", "confirm_number": credential.number}
    )

    assert response.status_code == 404
    credential.refresh_from_db()
    assert credential.status == Credential.Status.ACTIVE


def test_verifiers_see_the_date_and_public_reason_never_the_holders_reason_or_note(
    client, credential, coordinator, with_totp, clinic, verifier
):
    with_totp(coordinator)
    credential_change_status(
        actor=coordinator,
        credential_id=credential.pk,
        action="revoke",
        reason="Private words for the holder",
        public_reason="Revoked by the certification board",
        note="Internal case number 7",
        confirm_number=credential.number,
    )
    credential.refresh_from_db()

    page = html_of(client.get(f"/verify/{credential.number}/"))
    assert 'data-status="REVOKED"' in page
    assert f'Revoked on <time datetime="{credential.status_changed_at:%Y-%m-%d}' in page
    assert "Reason given by the issuer: Revoked by the certification board" in page
    assert "Private words" not in page and "Internal case" not in page

    _, secret = api_key_create(organisation=clinic, name="HR", created_by=verifier)
    answer = client.get(
        f"/api/v1/credentials/{credential.number}",
        headers={"Authorization": f"Bearer {secret}"},
    ).json()
    assert answer["status"] == "REVOKED"
    assert answer["public_reason"] == "Revoked by the certification board"
    assert answer["status_changed_at"].startswith(f"{credential.status_changed_at:%Y-%m-%d}")
    assert "Private words" not in str(answer) and "Internal case" not in str(answer)
    assert ApiKey.objects.count() == 1


def test_an_active_credential_shows_no_status_change(client, credential, coordinator, with_totp):
    with_totp(coordinator)
    for action in ("suspend", "reinstate"):
        credential_change_status(
            actor=coordinator,
            credential_id=credential.pk,
            action=action,
            reason="x",
            public_reason="Under review",
        )

    page = html_of(client.get(f"/verify/{credential.number}/"))

    assert 'data-status="VALID"' in page
    assert "data-changed" not in page and "Under review" not in page


def test_the_manage_page_queries_do_not_grow_with_history(
    client, signed_in, issue_credential, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first = [issue_credential(last_name=f"Few{i}") for i in range(2)]
    url = reverse("certificates:manage")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    more = [issue_credential(last_name=f"More{i}") for i in range(8)]
    for credential in first + more:
        credential_change_status(
            actor=signed_in, credential_id=credential.pk, action="suspend", reason="x", note="n"
        )

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)

    assert html_of(response).count("data-credential=") == 10
