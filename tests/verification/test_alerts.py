import datetime

import pytest
from django.conf import settings
from django.db.models import F
from django.utils import timezone

from certificates.models import Credential
from notifications.models import Email
from organisations.roles import Role
from tests.emails import assert_well_formed, strict_templates
from verification.alerts import roster_alerts_send
from verification.models import RosterAlert, RosterEntry
from verification.tasks import send_roster_alerts

pytestmark = pytest.mark.django_db


def send(*, days_later: int = 0) -> int:
    return roster_alerts_send(today=timezone.localdate() + datetime.timedelta(days=days_later))


def roster_emails():
    """Emails to clinics (changing a credential's status also emails its holder)."""
    return Email.objects.filter(subject__startswith="[Peerpath] Roster:").order_by("pk")


def alerts() -> list[tuple[str, str]]:
    return list(RosterAlert.objects.order_by("pk").values_list("kind", "reference"))


@pytest.fixture
def on_roster(clinic, issue_credential):
    """on_roster(expires_in_days=365, last_name=...) -> a credential on the clinic's roster."""

    def add(*, organisation=None, **fields) -> Credential:
        credential = issue_credential(**fields)
        RosterEntry.objects.create(organisation=organisation or clinic, credential=credential)
        return credential

    return add


# ---------------------------------------------------------------- expiry


def test_sixty_days_before_expiry_the_clinic_is_told_once(on_roster, verifier, clinic):
    credential = on_roster(expires_in_days=60)

    assert send() == 1
    assert send() == 0
    assert send(days_later=1) == 0

    assert alerts() == [("expires_60", credential.expires_on.isoformat())]
    email = roster_emails().get()
    assert email.to == [verifier.email]
    assert email.subject == "[Peerpath] Roster: 1 credential(s) need your attention"
    assert (
        f"- Ada Okafor, {credential.number}: expires on "
        f"{credential.expires_on:%B %-d, %Y} (in 60 days)"
    ) in email.body_text
    assert f"http://127.0.0.1:8000/clinics/{clinic.pk}/roster/" in email.body_text


def test_sixty_one_days_is_too_early_but_the_next_day_is_not(verifier, on_roster):
    on_roster(expires_in_days=61)

    assert send() == 0
    assert not roster_emails().exists()
    assert send(days_later=1) == 1
    assert alerts()[0][0] == "expires_60"


def test_thirty_days_before_expiry_the_clinic_is_told_again_once(verifier, on_roster):
    credential = on_roster(expires_in_days=45)

    assert send() == 1
    assert send(days_later=14) == 0  # 31 days left: still the 60-day alert, already sent
    assert send(days_later=15) == 1  # 30 days left
    assert send(days_later=16) == 0

    assert alerts() == [
        ("expires_60", credential.expires_on.isoformat()),
        ("expires_30", credential.expires_on.isoformat()),
    ]
    assert roster_emails().count() == 2
    assert "(in 30 days)" in roster_emails().order_by("pk").last().body_text


def test_an_entry_first_seen_inside_thirty_days_gets_only_the_thirty_day_alert(verifier, on_roster):
    on_roster(expires_in_days=20)

    assert send() == 1
    assert [kind for kind, _ in alerts()] == ["expires_30"]
    assert "(in 20 days)" in roster_emails().get().body_text


def test_far_off_and_already_expired_credentials_are_not_news(verifier, on_roster):
    on_roster(last_name="Later", expires_in_days=365)
    on_roster(last_name="Lapsed", expires_in_days=-1)

    assert send() == 0
    assert not RosterAlert.objects.exists() and not roster_emails().exists()


def test_a_renewed_credential_alerts_again_before_its_new_expiry(verifier, on_roster):
    credential = on_roster(expires_in_days=50)
    assert send() == 1

    # Renewed: the same credential, a year more.
    Credential.objects.filter(pk=credential.pk).update(
        expires_on=F("expires_on") + datetime.timedelta(days=365)
    )
    credential.refresh_from_db()

    assert send() == 0
    assert send(days_later=365) == 1
    assert alerts()[-1] == ("expires_60", credential.expires_on.isoformat())
    assert RosterAlert.objects.filter(kind="expires_60").count() == 2


# ---------------------------------------------------------------- suspension and revocation


def test_a_suspension_is_told_once(verifier, on_roster, change_status):
    credential = on_roster()
    change_status(credential, "suspend", reason="Complaint from a member")

    assert send() == 1
    assert send() == 0

    assert [kind for kind, _ in alerts()] == ["suspended"]
    body = roster_emails().get().body_text
    assert (
        f"- Ada Okafor, {credential.number}: SUSPENDED: do not roster them as certified "
        "until this is resolved"
    ) in body
    assert "Complaint from a member" not in body


def test_a_second_suspension_after_reinstatement_is_told_again(verifier, on_roster, change_status):
    credential = on_roster()
    change_status(credential, "suspend")
    assert send() == 1

    change_status(credential, "reinstate")
    assert send() == 0
    change_status(credential, "suspend")

    assert send() == 1
    assert send() == 0
    kinds_and_refs = alerts()
    assert [kind for kind, _ in kinds_and_refs] == ["suspended", "suspended"]
    assert kinds_and_refs[0][1] != kinds_and_refs[1][1]


def test_a_revocation_is_told_once_even_after_a_suspension(verifier, on_roster, change_status):
    credential = on_roster()
    change_status(credential, "suspend")
    assert send() == 1

    change_status(credential, "revoke", reason="Misconduct")

    assert send() == 1
    assert send() == 0
    assert [kind for kind, _ in alerts()] == ["suspended", "revoked"]
    assert f"{credential.number}: REVOKED" in roster_emails().order_by("pk").last().body_text


def test_a_suspension_outranks_a_near_expiry(verifier, on_roster, change_status):
    credential = on_roster(expires_in_days=20)
    change_status(credential, "suspend")

    assert send() == 1
    assert [kind for kind, _ in alerts()] == ["suspended"]


# ---------------------------------------------------------------- who is told


def test_without_anyone_to_tell_nothing_is_recorded_and_it_waits(
    clinic, make_member, on_roster, change_status
):
    credential = on_roster()
    change_status(credential, "revoke")
    away = make_member(Role.VERIFIER, is_active=False)

    assert send() == 0
    assert not RosterAlert.objects.exists() and not roster_emails().exists()

    present = make_member(Role.VERIFIER)
    assert send() == 1
    assert roster_emails().get().to == [present.email]
    assert away.email not in roster_emails().get().to


def test_every_verifier_of_the_clinic_is_told_in_one_email(on_roster, verifier, make_member):
    colleague = make_member(Role.VERIFIER)
    on_roster(expires_in_days=10)

    send()

    assert sorted(roster_emails().get().to) == sorted([verifier.email, colleague.email])


def test_each_clinic_hears_only_about_its_own_roster(
    clinic, verifier, other_clinic, other_verifier, on_roster, change_status
):
    shared = on_roster(last_name="Shared")
    change_status(shared, "suspend")
    ours = on_roster(last_name="Ours", expires_in_days=40)
    theirs = on_roster(organisation=other_clinic, last_name="Theirs", expires_in_days=40)
    RosterEntry.objects.create(organisation=other_clinic, credential=shared)

    assert send() == 4

    our_email = roster_emails().get(to=[verifier.email])
    their_email = roster_emails().get(to=[other_verifier.email])
    assert roster_emails().count() == 2
    assert ours.number in our_email.body_text and shared.number in our_email.body_text
    assert theirs.number not in our_email.body_text
    assert theirs.number in their_email.body_text and shared.number in their_email.body_text
    assert ours.number not in their_email.body_text
    assert f"/clinics/{clinic.pk}/roster/" in our_email.body_text
    assert f"/clinics/{other_clinic.pk}/roster/" in their_email.body_text
    assert "2 credential(s)" in our_email.subject and "2 credential(s)" in their_email.subject
    # And each clinic's record is its own: another clinic being told does not silence ours.
    assert RosterAlert.objects.filter(entry__organisation=clinic).count() == 2
    assert RosterAlert.objects.filter(entry__organisation=other_clinic).count() == 2


def test_the_email_lists_names_and_numbers_soonest_first_and_nothing_private(
    verifier, on_roster, change_status
):
    later = on_roster(first_name="Bea", last_name="Later", expires_in_days=55)
    sooner = on_roster(first_name="Cal", last_name="Sooner", expires_in_days=12)
    held = on_roster(first_name="Dee", last_name="Held", expires_in_days=300)
    change_status(held, "suspend")

    assert send() == 3

    body = roster_emails().get().body_text
    positions = [body.index(c.number) for c in (sooner, later, held)]
    assert positions == sorted(positions)
    assert "Bea Later" in body and "Cal Sooner" in body and "Dee Held" in body
    for credential in (later, sooner, held):
        assert credential.holder.email not in body
    assert "@" not in body


# ---------------------------------------------------------------- the hourly task


def test_the_hourly_task_sends_the_alerts(verifier, on_roster):
    on_roster(expires_in_days=5)

    assert send_roster_alerts() == 1
    assert send_roster_alerts() == 0
    schedule = settings.CELERY_BEAT_SCHEDULE["roster-alerts"]
    assert schedule["task"] == "verification.tasks.send_roster_alerts"
    assert schedule["schedule"].hour == set(range(24))


def test_the_alert_is_well_formed_and_ends_with_the_clinics_roster(
    settings, verifier, on_roster, clinic
):
    strict_templates(settings)
    on_roster(expires_in_days=30)
    assert send() == 1
    assert_well_formed(roster_emails().get(), link_path=f"/clinics/{clinic.pk}/roster/")
