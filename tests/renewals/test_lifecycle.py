"""Renewal keeps the number; the public page, the API and the clinic roster say so in plain
words; the lifecycle after expiry; reminders with the gap, once each; roster alerts."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.dates import long_date
from notifications.models import Email
from organisations.roles import Role
from renewals import api as renewals_api
from renewals import services
from renewals.models import RenewalReminder
from renewals.reminders import renewal_reminders_send
from verification.alerts import roster_alerts_send
from verification.models import RosterAlert, RosterEntry
from verification.services import api_key_create

from .conftest import activity_data

pytestmark = pytest.mark.django_db


def _ready(credential):
    for overrides in ({}, {"title": "Recovery planning", "categories": [], "hours": Decimal("14")}):
        services.ce_activity_log(
            holder=credential.holder,
            credential_id=credential.pk,
            data=activity_data(**overrides),
        )


@pytest.fixture
def renewed(credential, make_member, with_totp):
    _ready(credential)
    application = services.renewal_apply(
        holder=credential.holder,
        credential_id=credential.pk,
        attestations={},
        signed_name="Ada Okafor",
    )
    coordinator = make_member(Role.COORDINATOR)
    with_totp(coordinator)
    services.renewal_approve(actor=coordinator, application_id=application.pk)
    credential.refresh_from_db()
    return credential


def test_the_public_page_says_renewed_on_and_valid_until(client, renewed):
    today = timezone.localdate()
    response = client.get(f"/verify/{renewed.number}/")
    text = response.content.decode()
    assert (
        f"VALID — renewed on {long_date(today)}, valid until {long_date(renewed.expires_on)}"
        in text
    )
    assert "Ethics" not in text and "hours" not in text  # no CE detail, ever


def test_the_api_gives_the_renewal_date_and_the_same_number(client, renewed, clinic, verifier):
    _, secret = api_key_create(organisation=clinic, name="HR", created_by=verifier)
    response = client.get(
        f"/api/v1/credentials/{renewed.number}", headers={"Authorization": f"Bearer {secret}"}
    )
    body = response.json()
    assert body["number"] == renewed.number and body["status"] == "VALID"
    assert body["renewed_on"] == timezone.localdate().isoformat()
    assert body["expires_on"] == renewed.expires_on.isoformat()


def test_the_credential_file_of_the_new_cycle_is_its_own(client, renewed, settings, tmp_path):
    settings.SIGNING_KEYS_DIR = tmp_path
    client.force_login(renewed.holder)
    response = client.get(f"/credentials/{renewed.number}/credential.jwt")
    assert response.status_code == 200
    import json

    from joserfc import jws

    claims = json.loads(jws.extract_compact(response.content.strip()).payload)
    text = json.dumps(claims)
    assert renewed.expires_on.isoformat() in text


@pytest.mark.parametrize(
    ("board", "expires_in_days"),
    [
        ("california-medi-cal-pss", -20),
        ("icrc-peer-recovery", -20),
        ("icrc-peer-recovery", 30),
        ("georgia-cps", -200),
        ("georgia-cps", -5),
    ],
)
def test_the_public_note_and_the_holders_page_judge_alike(make_credential, board, expires_in_days):
    """The public page's note reads the nightly path's plain rows (verdicts_many), the
    holder's page loads the credential (standing_of): both must come to the same status."""
    from renewals.selectors import standing_of, verdicts_many

    credential = make_credential(board=board, expires_in_days=expires_in_days)
    today = timezone.localdate()

    standing = standing_of(credential_id=credential.pk, today=today).evaluation
    verdict = verdicts_many(credential_ids=[credential.pk], today=today)[credential.pk].evaluation

    assert (verdict.status, verdict.late_until) == (standing.status, standing.late_until)


@pytest.mark.parametrize(
    ("board", "days_expired", "note"),
    [
        ("california-medi-cal-pss", 20, "late renewal window until"),
        ("icrc-peer-recovery", 20, "lapsed"),
        ("georgia-cps", 200, "inactive"),
    ],
)
def test_expired_public_words_follow_the_board(client, make_credential, board, days_expired, note):
    credential = make_credential(board=board, expires_in_days=-days_expired)
    text = client.get(f"/verify/{credential.number}/").content.decode()
    assert "EXPIRED — " + note in text


def test_in_a_late_window_with_an_application_it_says_renewal_in_progress(make_credential):
    credential = make_credential(board="california-medi-cal-pss", expires_in_days=-10)
    credential.issued_on = credential.expires_on - datetime.timedelta(days=700)
    credential.save()
    for overrides in (
        {
            "categories": ["law_ethics"],
            "completed_on": credential.expires_on - datetime.timedelta(days=5),
        },
        {
            "title": "Planning",
            "categories": [],
            "hours": Decimal("14"),
            "completed_on": credential.expires_on - datetime.timedelta(days=6),
        },
    ):
        overrides["started_on"] = overrides["completed_on"]
        services.ce_activity_log(
            holder=credential.holder, credential_id=credential.pk, data=activity_data(**overrides)
        )
    services.renewal_apply(
        holder=credential.holder,
        credential_id=credential.pk,
        attestations={},
        signed_name="Ada Okafor",
    )
    note = renewals_api.expiry_note(credential_id=credential.pk, today=timezone.localdate())
    assert note == "renewal in progress"


def test_the_roster_shows_readiness_and_risk_without_ce_detail(
    client, clinic, verifier, make_credential, renewed
):
    at_risk = make_credential(expires_in_days=40, slug="risk")
    for credential in (at_risk, renewed):
        RosterEntry.objects.create(organisation=clinic, credential=credential, added_by=verifier)
    client.force_login(verifier)
    text = client.get(f"/clinics/{clinic.pk}/roster/").content.decode()
    assert 'data-readiness="Hours still missing"' in text
    assert "Renewal at risk" in text
    assert (
        long_date(renewed.expires_on).replace(
            renewed.expires_on.strftime("%B"), renewed.expires_on.strftime("%b")
        )
        in text
    )
    assert "Ethics" not in text and "of 6" not in text


def test_roster_queries_do_not_grow_with_workers(client, clinic, verifier, make_credential):
    client.force_login(verifier)
    url = f"/clinics/{clinic.pk}/roster/"

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    first = make_credential(expires_in_days=40, slug="a")
    RosterEntry.objects.create(organisation=clinic, credential=first, added_by=verifier)
    one = count()
    for slug in ("b", "c", "d"):
        credential = make_credential(expires_in_days=40, slug=slug)
        RosterEntry.objects.create(organisation=clinic, credential=credential, added_by=verifier)
    assert count() <= one + 3 * 3  # the roster's own per-row reads, none from renewals


def test_renewal_at_risk_alerts_clinics_once(clinic, verifier, make_credential):
    credential = make_credential(expires_in_days=100)  # IC&RC window (180 days) open
    RosterEntry.objects.create(organisation=clinic, credential=credential, added_by=verifier)
    assert roster_alerts_send() == 1
    assert roster_alerts_send() == 0
    assert RosterAlert.objects.get().kind == RosterAlert.Kind.RENEWAL_AT_RISK
    body = Email.objects.get().body_text
    assert "renewal at risk" in body and "Ethics" not in body


def test_reminders_carry_the_gap_once_each(make_credential):
    credential = make_credential(expires_in_days=60)
    services.ce_activity_log(
        holder=credential.holder,
        credential_id=credential.pk,
        data=activity_data(hours=Decimal("4")),
    )
    assert renewal_reminders_send() == 1
    assert renewal_reminders_send() == 0
    email = Email.objects.get()
    assert "expires in 60 days" in email.subject
    assert "You need 2 more hours of ethics and 16 hours in total by" in email.body_text
    later = timezone.localdate() + datetime.timedelta(days=30)
    assert renewal_reminders_send(today=later) == 1
    assert sorted(RenewalReminder.objects.values_list("days", flat=True)) == [30, 60]


def test_no_reminder_while_an_application_waits(credential):
    _ready(credential)
    services.renewal_apply(
        holder=credential.holder,
        credential_id=credential.pk,
        attestations={},
        signed_name="Ada Okafor",
    )
    assert renewal_reminders_send(today=credential.expires_on - datetime.timedelta(days=7)) == 0
