"""`manage.py erase_user`: the person leaves the trail, the chain and kept records stay."""

import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models.deletion import ProtectedError
from django.utils import timezone

from core.keys import private_key_pem
from courses.models import Enrollment, EnrolmentInvitation, Reflection
from notifications.models import Notification
from organisations.models import Membership
from practice.audit import Problem, audit_checkpoint_sign, audit_verify
from practice.models import AuditEvent, Decision, LogEntry, SupervisorAssignment
from practice.services import entry_decide

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture(autouse=True)
def _signing_key(settings):
    settings.CREDENTIAL_SIGNING_KEY = private_key_pem()
    settings.CREDENTIAL_SIGNING_KEY_FILE = ""
    settings.PRACTICE_RECORD_RETENTION_DAYS = 730


@pytest.fixture
def named_trainee(trainee):
    trainee.first_name, trainee.last_name = "Adaeze", "Okonkwo-Trail"
    trainee.renewal_birthday_month, trainee.renewal_birthday_day = 8, 2
    trainee.save()
    return trainee


def _trail_text() -> str:
    """Everything the trail holds, as one string to search for a name or address."""
    rows = AuditEvent.objects.values_list("actor_name", "changes", "ip_address", "salts")
    return json.dumps(list(rows), default=str).lower()


def _age_decisions(days: int) -> None:
    Decision.objects.update(decided_at=timezone.now() - datetime.timedelta(days=days))


def test_a_trainee_without_kept_records_is_erased_and_the_chain_still_verifies(
    named_trainee, assigned_supervisor, log_entry, capsys
):
    email = named_trainee.email
    returned = log_entry(days_ago=1, reflection="Walked with a peer; talked about sleep.")
    entry_decide(
        supervisor=assigned_supervisor,
        entry_id=returned.pk,
        approve=False,
        comment="Adaeze, say which group this was.",
    )
    log_entry(days_ago=2, submit=False)
    Reflection.objects.create(
        trainee=named_trainee, lesson_id=returned.enrollment.programme.pk, block_id="b", text="x"
    )
    EnrolmentInvitation.objects.create(programme=returned.enrollment.programme, email=email)
    audit_checkpoint_sign()
    events_before = list(AuditEvent.objects.values_list("pk", "hash"))
    assert "okonkwo-trail" in _trail_text()

    call_command("erase_user", email.upper())

    out = capsys.readouterr().out
    assert "Done: the account was deleted." in out
    assert not User.objects.filter(pk=named_trainee.pk).exists()
    assert not LogEntry.objects.exists()
    assert not Reflection.objects.exists()
    assert not Enrollment.objects.filter(trainee_id=named_trainee.pk).exists()
    assert not Membership.objects.filter(user_id=named_trainee.pk).exists()
    assert not EnrolmentInvitation.objects.exists()
    # Every event stays, with the same hash; one more records the erasure.
    assert list(AuditEvent.objects.exclude(action="erased").values_list("pk", "hash")) == (
        events_before
    )
    trail = _trail_text()
    for trace in ("adaeze", "okonkwo-trail", email.lower(), "walked with a peer"):
        assert trace not in trail
    pseudonyms = set(
        AuditEvent.objects.filter(pk__in=[pk for pk, _ in events_before])
        .exclude(actor_name=assigned_supervisor.get_full_name())
        .values_list("actor_name", flat=True)
    )
    assert len(pseudonyms) == 1 and pseudonyms.pop().startswith("erased-")
    # The supervisor's own identity on their decision event is not theirs to lose.
    assert AuditEvent.objects.get(action="returned").actor_id == assigned_supervisor.pk
    report = audit_verify()
    assert report.broken_at is None, report.problem
    assert report.checked == len(events_before) + 1
    assert audit_checkpoint_sign()  # and the erasure is anchored in turn
    assert audit_verify().broken_at is None


def test_erasure_is_refused_while_approved_practice_must_be_kept(
    named_trainee, assigned_supervisor, log_entry
):
    entry = log_entry()
    entry_decide(supervisor=assigned_supervisor, entry_id=entry.pk, approve=True)
    events, names = AuditEvent.objects.count(), _trail_text()

    with pytest.raises(CommandError, match="Refused, nothing changed") as refused:
        call_command("erase_user", named_trainee.email)
    assert "1 approved practice entries" in str(refused.value)
    assert "PRACTICE_RECORD_RETENTION_DAYS=730" in str(refused.value)
    with pytest.raises(CommandError, match="sign-offs must stay attributable"):
        call_command("erase_user", assigned_supervisor.email)

    assert User.objects.filter(pk=named_trainee.pk, is_active=True).exists()
    assert (AuditEvent.objects.count(), _trail_text()) == (events, names)
    assert LogEntry.objects.filter(status=LogEntry.Status.APPROVED).count() == 1


def test_a_current_supervisor_and_a_credential_holder_are_refused(
    assigned_supervisor, issue_credential
):
    with pytest.raises(CommandError, match="currently supervises 1 trainee"):
        call_command("erase_user", assigned_supervisor.email)
    holder = issue_credential().holder
    with pytest.raises(CommandError, match="holds credential"):
        call_command("erase_user", holder.email)
    with pytest.raises(CommandError, match="No account uses the email address nobody@"):
        call_command("erase_user", "nobody@example.org")


def test_after_the_retention_period_the_log_stays_and_the_person_goes(
    named_trainee, assigned_supervisor, log_entry
):
    email = named_trainee.email
    entry = log_entry(days_ago=3)
    entry_decide(supervisor=assigned_supervisor, entry_id=entry.pk, approve=True)
    _age_decisions(800)
    audit_checkpoint_sign()
    assert Notification.objects.filter(user=named_trainee).exists()  # "entries approved"

    call_command("erase_user", email)

    named_trainee.refresh_from_db()
    assert not Notification.objects.filter(user=named_trainee).exists()
    assert not named_trainee.is_active and not named_trainee.has_usable_password()
    assert named_trainee.email.endswith("@erased.invalid")
    assert (named_trainee.first_name, named_trainee.last_name) == ("", "")
    assert named_trainee.renewal_birthday is None
    assert LogEntry.objects.get(pk=entry.pk).status == LogEntry.Status.APPROVED
    assert "okonkwo-trail" not in _trail_text() and email.lower() not in _trail_text()
    assert audit_verify().broken_at is None

    # The supervisor: once their trainees have someone else and their sign-offs are old.
    supervisor_name = assigned_supervisor.get_full_name()
    SupervisorAssignment.objects.update(ended_at=timezone.now())
    call_command("erase_user", assigned_supervisor.email)
    decision = Decision.objects.get()
    assert decision.supervisor is None and decision.supervisor_name.startswith("erased-")
    assert supervisor_name.lower() not in _trail_text()
    assert audit_verify().broken_at is None


def test_a_dry_run_shows_the_plan_and_changes_nothing(named_trainee, log_entry, capsys):
    log_entry()
    events, text = AuditEvent.objects.count(), _trail_text()

    call_command("erase_user", named_trainee.email, "--dry-run")

    out = capsys.readouterr().out
    assert f"Would erase {named_trainee.email} as erased-" in out
    assert "2 event(s) keep their place in the chain" in out
    assert "Dry run: nothing changed." in out
    assert (AuditEvent.objects.count(), _trail_text()) == (events, text)
    assert LogEntry.objects.count() == 1 and User.objects.filter(pk=named_trainee.pk).exists()


def test_deleting_a_person_in_the_trail_says_to_use_erase_user(named_trainee, log_entry):
    log_entry()
    with pytest.raises(ProtectedError, match="protected foreign keys"):
        named_trainee.delete()
    assert User.objects.filter(pk=named_trainee.pk).exists()


def test_a_redaction_without_an_erasure_record_is_caught(named_trainee, log_entry):
    log_entry()
    victim = AuditEvent.objects.first()
    # The trigger lets redaction through; verification wants it on the record.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE practice_auditevent SET actor_id = NULL, actor_name = %s, salts = %s "
            "WHERE id = %s",
            ["erased-1234", json.dumps({"ip": victim.salts["ip"]}), victim.pk],
        )
    report = audit_verify()
    assert (report.kind, report.broken_at) == (Problem.REDACTED, victim.pk)


def test_changing_an_actor_name_is_caught(named_trainee, log_entry):
    log_entry()
    victim = AuditEvent.objects.first()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE practice_auditevent SET actor_name = %s WHERE id = %s", ["Someone", victim.pk]
        )
    report = audit_verify()
    assert report.broken_at == victim.pk
    assert "actor changed" in report.problem
