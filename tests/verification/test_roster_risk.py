"""A roster that points at risk: attention first, dates and public reasons, the clinic's own
columns, confirmation before removing, verification receipts, and inviting colleagues."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from notifications.models import Email
from organisations.models import Membership
from organisations.roles import Role
from tests.factories import UserFactory
from verification.models import RosterEntry, VerificationReceipt, VerifierInvitation

pytestmark = pytest.mark.django_db


def html_of(response) -> str:
    return response.content.decode()


@pytest.fixture
def risky_roster(clinic, verifier, issue_credential, change_status):
    """One of each: valid, expiring in 20 days, expired, suspended, revoked."""
    made = {
        "valid": issue_credential(last_name="Valid"),
        "expiring": issue_credential(last_name="Soon", expires_in_days=20),
        "expired": issue_credential(last_name="Old", expires_in_days=-3),
        "suspended": issue_credential(last_name="Paused"),
        "revoked": issue_credential(last_name="Gone"),
    }
    change_status(made["suspended"], "suspend")
    change_status(made["revoked"], "revoke")
    for credential in made.values():
        RosterEntry.objects.create(organisation=clinic, credential=credential, added_by=verifier)
    return made


def test_the_banner_counts_what_needs_attention_and_the_list_starts_with_it(
    client, clinic, verifier, risky_roster
):
    client.force_login(verifier)

    html = html_of(client.get(reverse("verification:roster", args=[clinic.pk])))

    assert 'data-attention="4"' in html
    for words in ("1 revoked", "1 suspended", "1 expired", "1 expiring within 60 days"):
        assert words in html
    order = [html.index(f'data-number="{c.number}"') for c in risky_roster.values()]
    revoked, suspended, expired, expiring, valid = (
        order[4],
        order[3],
        order[2],
        order[1],
        order[0],
    )
    assert revoked < suspended < expired < expiring < valid
    assert "Statuses checked live" in html


def test_a_status_change_shows_its_date_and_public_reason_on_the_roster(
    client, clinic, verifier, issue_credential, mfa_coordinator
):
    from certificates.services import credential_change_status

    credential = issue_credential(last_name="Gone")
    RosterEntry.objects.create(organisation=clinic, credential=credential)
    credential_change_status(
        actor=mfa_coordinator,
        credential_id=credential.pk,
        action="suspend",
        reason="Private to the holder",
        public_reason="Under review by the board",
    )
    client.force_login(verifier)

    html = html_of(client.get(reverse("verification:roster", args=[clinic.pk])))

    assert f'since <span class="nowrap">{timezone.localdate():%b %-d, %Y}</span>' in html
    assert "Reason: Under review by the board" in html
    assert "Private to the holder" not in html


def test_adding_a_revoked_worker_warns_instead_of_a_neutral_added(
    client, clinic, verifier, issue_credential, change_status
):
    credential = issue_credential(first_name="Ada", last_name="Gone")
    change_status(credential, "revoke")
    client.force_login(verifier)
    url = reverse("verification:roster", args=[clinic.pk])

    response = client.post(
        url, {"add-number": credential.number, "add-last_name": "Gone"}, follow=True
    )

    html = html_of(response)
    assert "message-warning" in html
    assert (
        f"Added Ada Gone ({credential.number}) to the roster, but this credential is REVOKED"
        in html
    )
    assert "added to the roster. The credential is" not in html


def test_the_clinics_own_fields_are_kept_edited_and_exported(client, clinic, verifier, credential):
    client.force_login(verifier)
    url = reverse("verification:roster", args=[clinic.pk])
    client.post(
        url,
        {
            "add-number": credential.number,
            "add-last_name": "Okafor",
            "add-employee_id": "E-1042",
            "add-site": "Eastside",
        },
    )
    entry = RosterEntry.objects.get()
    assert (entry.employee_id, entry.site) == ("E-1042", "Eastside")

    edit = reverse("verification:roster_entry", args=[clinic.pk, entry.pk])
    client.post(edit, {"employee_id": "E-1042", "site": "Westside", "notes": "=HYPERLINK(1)"})
    entry.refresh_from_db()
    assert entry.site == "Westside"

    response = client.get(reverse("verification:roster_csv", args=[clinic.pk]))
    header, row = list(csv.reader(io.StringIO(html_of(response))))
    record = dict(zip(header, row, strict=True))
    assert record["employee_id"] == "'E-1042" or record["employee_id"] == "E-1042"
    assert record["site"] == "Westside"
    assert record["notes"] == "'=HYPERLINK(1)"  # formula-safe


def test_too_long_notes_are_refused_and_nothing_changes(client, clinic, verifier, roster_entry):
    client.force_login(verifier)
    edit = reverse("verification:roster_entry", args=[clinic.pk, roster_entry.pk])

    response = client.post(edit, {"employee_id": "E-1", "site": "", "notes": "x" * 1001})

    assert response.status_code == 400
    roster_entry.refresh_from_db()
    assert roster_entry.employee_id == ""


def test_another_clinic_cannot_touch_our_entries_or_receipts(
    client, clinic, verifier, roster_entry, other_clinic, other_verifier
):
    client.force_login(verifier)
    client.post(reverse("verification:roster_receipt", args=[clinic.pk, roster_entry.pk]))
    receipt = VerificationReceipt.objects.get()
    client.force_login(other_verifier)

    for method, url in [
        ("get", reverse("verification:roster_entry", args=[clinic.pk, roster_entry.pk])),
        ("get", reverse("verification:roster_entry", args=[other_clinic.pk, roster_entry.pk])),
        ("post", reverse("verification:roster_receipt", args=[other_clinic.pk, roster_entry.pk])),
        ("get", reverse("verification:receipt_pdf", args=[other_clinic.pk, receipt.pk])),
        ("get", reverse("verification:receipt_pdf", args=[clinic.pk, receipt.pk])),
        ("get", reverse("verification:colleagues", args=[clinic.pk])),
    ]:
        assert getattr(client, method)(url).status_code == 404, url
    assert VerificationReceipt.objects.count() == 1


def test_a_receipt_is_a_pdf_and_its_code_checks_on_the_public_page(
    client, clinic, verifier, roster_entry, credential
):
    client.force_login(verifier)

    response = client.post(
        reverse("verification:roster_receipt", args=[clinic.pk, roster_entry.pk]), follow=True
    )

    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    receipt = VerificationReceipt.objects.get()
    assert (receipt.number, receipt.verdict, receipt.organisation) == (
        credential.number,
        "VALID",
        clinic,
    )
    assert len(receipt.code) == 12
    client.logout()

    typed = receipt.display_code.lower()  # as someone copies it from paper
    page = client.get(reverse("verification:receipt_check"), {"code": typed})

    html = html_of(page)
    assert page.status_code == 200
    assert "This receipt is genuine" in html and clinic.name in html
    assert 'data-status="VALID"' in html and credential.number in html
    assert credential.holder.email not in html


def test_a_wrong_receipt_code_is_a_clear_404_and_guessing_is_rate_limited(client, settings):
    settings.VERIFICATION_PUBLIC_RATE_LIMIT = "2/m"
    url = reverse("verification:receipt_check")

    assert client.get(url).status_code == 200  # the empty form
    wrong = client.get(url, {"code": "AAAA-BBBB-CCCC"})
    assert wrong.status_code == 404
    assert "No receipt has this code" in html_of(wrong)
    assert client.get(url, {"code": "AAAA-BBBB-CCCD"}).status_code == 404
    assert client.get(url, {"code": "AAAA-BBBB-CCCE"}).status_code == 429


def test_inviting_a_colleague_who_accepts_after_signing_in(client, clinic, verifier, make_member):
    client.force_login(verifier)
    url = reverse("verification:colleagues", args=[clinic.pk])

    response = client.post(url, {"email": "sam@clinic.example"}, follow=True)

    assert "Invitation sent to sam@clinic.example" in html_of(response)
    invitation = VerifierInvitation.objects.get()
    email = Email.objects.get(to=["sam@clinic.example"])
    assert reverse("verification:invitation", args=[invitation.pk]) in email.body_text

    stranger = UserFactory(email="someone@else.example")
    client.force_login(stranger)
    assert client.get(reverse("verification:invitation", args=[invitation.pk])).status_code == 404
    client.post(reverse("verification:invitation", args=[invitation.pk]), {"answer": "accept"})
    assert not Membership.objects.filter(user=stranger).exists()

    sam = UserFactory(email="sam@clinic.example")
    client.force_login(sam)
    response = client.post(
        reverse("verification:invitation", args=[invitation.pk]), {"answer": "accept"}
    )

    assert response.status_code == 302
    assert Membership.objects.filter(user=sam, organisation=clinic, role=Role.VERIFIER).exists()
    invitation.refresh_from_db()
    assert invitation.status == VerifierInvitation.Status.ACCEPTED
    again = client.post(
        reverse("verification:invitation", args=[invitation.pk]), {"answer": "accept"}
    )
    assert again.status_code == 400 and "no longer open" in html_of(again)


def test_bad_or_expired_invitations_are_refused(client, clinic, verifier):
    client.force_login(verifier)
    url = reverse("verification:colleagues", args=[clinic.pk])

    bad = client.post(url, {"email": "not an address"})
    already = client.post(url, {"email": verifier.email})

    assert bad.status_code == 400 and "Enter an email address" in html_of(bad)
    assert already.status_code == 400 and "already verifies here" in html_of(already)
    assert not VerifierInvitation.objects.exists()

    invitation = VerifierInvitation.objects.create(
        organisation=clinic,
        email="late@clinic.example",
        expires_at=timezone.now() - datetime.timedelta(minutes=1),
    )
    late = UserFactory(email="late@clinic.example")
    client.force_login(late)
    response = client.post(
        reverse("verification:invitation", args=[invitation.pk]), {"answer": "accept"}
    )
    assert response.status_code == 400 and "expired" in html_of(response)
    assert not Membership.objects.filter(user=late).exists()


def test_roster_queries_stay_flat_with_attention_and_clinic_fields(
    client, clinic, verifier, issue_credential, change_status, django_assert_max_num_queries
):
    def add(count: int, start: int) -> None:
        for i in range(start, start + count):
            credential = issue_credential(last_name=f"W{i:03}", expires_in_days=10 + i * 20)
            if i % 3 == 0:
                change_status(credential, "suspend")
            RosterEntry.objects.create(
                organisation=clinic, credential=credential, employee_id=f"E{i}", site="North"
            )

    add(3, 0)
    client.force_login(verifier)
    url = reverse("verification:roster", args=[clinic.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    add(30, 3)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)

    assert html_of(response).count("<tr data-number=") == 33
