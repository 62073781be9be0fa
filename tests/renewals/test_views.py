"""Keep my credential, applying, the review queue, evidence privacy and transcripts."""

import datetime
import subprocess
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from certificates.models import Credential, CredentialEvent
from organisations.roles import Role
from renewals import services
from renewals.models import CEActivity, RenewalApplication

from .conftest import PDF_BYTES, activity_data, days_ago

pytestmark = pytest.mark.django_db


def _log(credential, **overrides):
    return services.ce_activity_log(
        holder=credential.holder, credential_id=credential.pk, data=activity_data(**overrides)
    )


def _ready(credential):
    _log(credential)
    _log(credential, title="Recovery planning", categories=[], hours=Decimal("14"))


def test_keep_my_credential_says_what_is_missing_in_plain_words(client, credential):
    _log(credential, hours=Decimal("4"))
    client.force_login(credential.holder)
    response = client.get("/renewals/")
    text = response.content.decode()
    expires = credential.expires_on
    assert (
        f"You need 2 more hours of ethics and 16 hours in total by "
        f"{expires:%B} {expires.day}, {expires.year}." in text
    )
    assert "Your ethics hours so far: 4 of 6." in text
    assert 'data-bar="ethics"' in text and 'data-bar="total"' in text
    assert (
        "Judged by IC&amp;RC member boards: Peer Recovery (PR), rules in force from January 1, 2020"
        in text
    )


def test_log_through_the_page_with_a_preview_first(client, credential):
    client.force_login(credential.holder)
    form = {
        "title": "Ethics refresher",
        "provider": "Peer network",
        "completed_on": days_ago(3),
        "hours": "6",
        "format": "online",
        "kind": "course",
        "categories": ["ethics"],
    }
    response = client.post(f"/renewals/{credential.pk}/log/", {**form, "action": "preview"})
    assert "Would this count?</strong>" in response.content.decode()
    assert "Yes: 6 hours, 6 toward ethics." in response.content.decode()
    assert not CEActivity.objects.exists()
    upload = SimpleUploadedFile("cert.pdf", PDF_BYTES)
    response = client.post(
        f"/renewals/{credential.pk}/log/", {**form, "action": "save", "evidence": upload}
    )
    assert response.status_code == 302
    assert CEActivity.objects.get().evidence


def test_a_refused_activity_comes_back_with_its_reason(client, credential):
    client.force_login(credential.holder)
    response = client.post(
        f"/renewals/{credential.pk}/log/",
        {
            "title": "Long day",
            "provider": "X",
            "completed_on": days_ago(3),
            "hours": "30",
            "format": "live",
            "kind": "course",
            "action": "save",
        },
    )
    assert response.status_code == 400
    assert "more than 24 hours a day" in response.content.decode()
    assert not CEActivity.objects.exists()


def test_evidence_is_the_holders_and_the_issuers_coordinators_only(
    client, credential, make_member, mfa_login, clinic
):
    activity = services.ce_activity_log(
        holder=credential.holder,
        credential_id=credential.pk,
        data=activity_data(),
        evidence=SimpleUploadedFile("c.pdf", PDF_BYTES),
    )
    url = f"/renewals/activities/{activity.pk}/evidence/"
    client.force_login(credential.holder)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    coordinator = make_member(Role.COORDINATOR)
    mfa_login(client, coordinator)
    assert client.get(url).status_code == 200
    for who in (
        make_member(Role.TRAINEE),
        make_member(Role.VERIFIER),
        make_member(Role.SUPERVISOR),
    ):
        client.force_login(who)
        assert client.get(url).status_code == 404
    from tests.factories import OrganisationFactory

    elsewhere = make_member(
        Role.COORDINATOR, organisation=OrganisationFactory(slug="other-provider")
    )
    mfa_login(client, elsewhere)
    assert client.get(url).status_code == 404


def test_apply_outside_the_window_is_refused_saying_when_it_opens(client, make_credential):
    credential = make_credential(expires_in_days=400)
    _ready(credential)
    client.force_login(credential.holder)
    opens = credential.expires_on - datetime.timedelta(days=180)
    when = f"{opens:%B} {opens.day}, {opens.year}"
    response = client.get(f"/renewals/{credential.pk}/apply/")
    assert f"you can apply from {when}" in response.content.decode()
    with pytest.raises(Exception, match=f"you can apply from {when}"):
        services.renewal_apply(
            holder=credential.holder, credential_id=credential.pk, attestations={}
        )
    assert not RenewalApplication.objects.exists()


def test_apply_with_a_gap_is_refused(credential):
    _log(credential, hours=Decimal("2"))
    with pytest.raises(Exception, match="You need 4 more hours of ethics"):
        services.renewal_apply(
            holder=credential.holder, credential_id=credential.pk, attestations={}
        )


def test_apply_resigns_the_code_and_texas_wants_a_fresh_background_check(client, make_credential):
    credential = make_credential(board="texas-mhps-rsps", expires_in_days=60)
    _log(credential, hours=Decimal("3"))
    _log(credential, title="Recovery planning", categories=[], hours=Decimal("17"))
    client.force_login(credential.holder)
    url = f"/renewals/{credential.pk}/apply/"
    old = timezone.localdate() - datetime.timedelta(days=45)
    response = client.post(url, {"signed_name": "Ada Okafor", "attest_background_check": old})
    assert response.status_code == 400
    assert "at most 30 days old" in response.content.decode()
    response = client.post(
        url, {"signed_name": "Someone Else", "attest_background_check": days_ago(3)}
    )
    assert "Type your full name exactly" in response.content.decode()
    assert not RenewalApplication.objects.exists()
    response = client.post(
        url, {"signed_name": "ada  okafor", "attest_background_check": days_ago(3)}
    )
    assert response.status_code == 302
    application = RenewalApplication.objects.get()
    assert application.attestations == {"background_check": days_ago(3).isoformat()}
    assert application.ethics_code is not None


@pytest.fixture
def submitted(credential):
    _ready(credential)
    return services.renewal_apply(
        holder=credential.holder,
        credential_id=credential.pk,
        attestations={},
        signed_name="Ada Okafor",
    )


def test_the_queue_needs_the_issuers_coordinator_with_mfa(
    client, submitted, make_member, mfa_login
):
    coordinator = make_member(Role.COORDINATOR)
    client.force_login(coordinator)
    assert client.get("/renewals/queue/").status_code == 302  # to the second factor
    mfa_login(client, coordinator)
    response = client.get("/renewals/queue/")
    assert submitted.credential.number in response.content.decode()
    client.force_login(submitted.credential.holder)
    assert client.get("/renewals/queue/").status_code == 403


def test_return_with_a_reason_then_approve_keeps_the_number(
    client, submitted, make_member, mfa_login
):
    credential = submitted.credential
    old_expiry = credential.expires_on
    coordinator = mfa_login(client, make_member(Role.COORDINATOR))
    url = f"/renewals/queue/{submitted.pk}/decide/"
    client.post(url, {"decision": "return", "reason": ""})
    submitted.refresh_from_db()
    assert submitted.status == RenewalApplication.Status.SUBMITTED  # no reason, no return
    client.post(url, {"decision": "return", "reason": "The ethics certificate is unreadable."})
    submitted.refresh_from_db()
    assert submitted.status == RenewalApplication.Status.RETURNED
    again = services.renewal_apply(
        holder=credential.holder,
        credential_id=credential.pk,
        attestations={},
        signed_name="Ada Okafor",
    )
    client.post(f"/renewals/queue/{again.pk}/decide/", {"decision": "approve"})
    again.refresh_from_db()
    credential = Credential.objects.get(pk=credential.pk)
    assert again.status == RenewalApplication.Status.APPROVED and again.decided_by == coordinator
    assert credential.number == submitted.credential.number
    from renewals.engine import add_months

    assert credential.expires_on == add_months(
        old_expiry + datetime.timedelta(days=1), 24
    ) - datetime.timedelta(days=1)
    assert list(credential.cycles.values_list("cycle", flat=True)) == [1, 2]
    assert CredentialEvent.objects.filter(credential=credential, action="renewed").exists()
    # The next cycle starts the day after the old expiry, with nothing counted yet.
    from renewals.selectors import standing_of

    standing = standing_of(credential_id=credential.pk, today=timezone.localdate())
    assert standing.evaluation.cycle.number == 2
    assert standing.evaluation.cycle.starts_on == old_expiry + datetime.timedelta(days=1)
    assert standing.evaluation.total.counted == 0
    from notifications.models import Email

    subjects = list(Email.objects.values_list("subject", flat=True))
    assert any("returned" in s for s in subjects) and any("is renewed" in s for s in subjects)


def test_someone_elses_coordinator_cannot_decide(client, submitted, make_member, mfa_login):
    from tests.factories import OrganisationFactory

    other = make_member(Role.COORDINATOR, organisation=OrganisationFactory(slug="elsewhere"))
    mfa_login(client, other)
    response = client.post(f"/renewals/queue/{submitted.pk}/decide/", {"decision": "approve"})
    assert response.status_code == 404
    submitted.refresh_from_db()
    assert submitted.status == RenewalApplication.Status.SUBMITTED


@pytest.mark.parametrize(("share", "sampled"), [(0.0, False), (1.0, True)])
def test_audit_sampling_picks_the_configured_share(credential, settings, share, sampled):
    settings.RENEWAL_AUDIT_SHARE = share
    _ready(credential)
    application = services.renewal_apply(
        holder=credential.holder,
        credential_id=credential.pk,
        attestations={},
        signed_name="Ada Okafor",
    )
    assert application.sampled_for_audit is sampled


def test_transcripts_csv_and_signed_pdf(client, credential, tmp_path):
    _ready(credential)
    _log(credential, title="=HYPERLINK(evil)", categories=[], hours=Decimal("1"))
    client.force_login(credential.holder)
    response = client.get(f"/renewals/{credential.pk}/transcript.csv")
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("title,provider,completed_on,hours")
    assert "'=HYPERLINK(evil)" in text
    response = client.get(f"/renewals/{credential.pk}/transcript.pdf")
    assert response.content.startswith(b"%PDF")
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(response.content)
    listing = subprocess.run(["pdfdetach", "-list", str(pdf)], capture_output=True, text=True)
    if listing.returncode == 0:
        assert "ce-transcript.jwt" in listing.stdout
    assert client.get(f"/renewals/{credential.pk}/transcript.xls").status_code == 404
