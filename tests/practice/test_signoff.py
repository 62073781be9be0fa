import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.utils import timezone

from organisations.roles import Role
from practice.audit import audit_verify
from practice.models import AuditEvent, Decision, LogEntry, SupervisorAssignment
from practice.services import entries_approve, entry_decide, entry_submit, supervisor_assign
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_approval_records_a_snapshot_and_tells_the_trainee(
    assigned_supervisor, log_entry, trainee, django_capture_on_commit_callbacks
):
    entry = log_entry()

    with django_capture_on_commit_callbacks(execute=True):
        decision = entry_decide(
            supervisor=assigned_supervisor, entry_id=entry.pk, approve=True, ip="10.1.1.1"
        )

    assert decision.supervisor_name == assigned_supervisor.get_full_name()
    assert decision.supervisor_role.startswith("Supervisor, ")
    assert len(decision.verification_code) == 14
    assert mail.outbox[-1].to == [trainee.email]
    assert "approved" in mail.outbox[-1].body
    assigned_supervisor.first_name = "Renamed"
    assigned_supervisor.save()
    decision.refresh_from_db()
    assert "Renamed" not in decision.supervisor_name


def test_returning_needs_a_comment_and_the_trainee_can_resubmit(
    django_capture_on_commit_callbacks, assigned_supervisor, log_entry, trainee
):
    entry = log_entry()
    with pytest.raises(ValidationError, match="Say what needs changing"):
        entry_decide(supervisor=assigned_supervisor, entry_id=entry.pk, approve=False)
    assert not Decision.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        entry_decide(
            supervisor=assigned_supervisor,
            entry_id=entry.pk,
            approve=False,
            comment="Which domain?",
        )
    assert "Which domain?" in mail.outbox[-1].body
    entry = entry_submit(trainee=trainee, entry_id=entry.pk)
    assert (entry.status, entry.submission_round) == (LogEntry.Status.SUBMITTED, 2)
    entry_decide(supervisor=assigned_supervisor, entry_id=entry.pk, approve=True)
    assert list(entry.decisions.values_list("outcome", flat=True)) == ["returned", "approved"]


def test_an_entry_is_decided_once(assigned_supervisor, log_entry):
    entry = log_entry()
    entry_decide(supervisor=assigned_supervisor, entry_id=entry.pk, approve=True)
    with pytest.raises(ValidationError, match="not waiting for sign-off"):
        entry_decide(supervisor=assigned_supervisor, entry_id=entry.pk, approve=False, comment="x")
    assert Decision.objects.count() == 1


def test_drafts_cannot_be_signed_off(assigned_supervisor, log_entry):
    entry = log_entry(submit=False)
    with pytest.raises(ValidationError, match="not waiting"):
        entry_decide(supervisor=assigned_supervisor, entry_id=entry.pk, approve=True)


def test_an_unassigned_supervisor_cannot_decide(
    make_member, log_entry, assigned_supervisor, with_totp
):
    other = make_member(Role.SUPERVISOR)
    with_totp(other)
    entry = log_entry()
    with pytest.raises(PermissionDenied, match="not this trainee's supervisor"):
        entry_decide(supervisor=other, entry_id=entry.pk, approve=True)
    assert LogEntry.objects.get(pk=entry.pk).status == LogEntry.Status.SUBMITTED


def test_a_supervisor_without_mfa_cannot_decide(
    supervisor, trainee, coordinator, provider, practice_enrollment, log_entry
):
    supervisor_assign(
        coordinator=coordinator, organisation=provider, trainee=trainee, supervisor=supervisor
    )
    entry = log_entry()
    with pytest.raises(PermissionDenied, match="two-factor"):
        entry_decide(supervisor=supervisor, entry_id=entry.pk, approve=True)


def test_nobody_signs_off_their_own_entries(trainee, provider, log_entry, with_totp):
    from organisations.services import membership_grant

    membership_grant(user=trainee, organisation=provider, role=Role.SUPERVISOR)
    with_totp(trainee)
    entry = log_entry()
    with pytest.raises(PermissionDenied, match="your own practice"):
        entry_decide(supervisor=trainee, entry_id=entry.pk, approve=True)


def test_a_former_supervisor_loses_access_on_reassignment(
    assigned_supervisor, make_member, coordinator, provider, trainee, log_entry, with_totp
):
    successor = make_member(Role.SUPERVISOR)
    with_totp(successor)
    supervisor_assign(
        coordinator=coordinator, organisation=provider, trainee=trainee, supervisor=successor
    )
    entry = log_entry()

    with pytest.raises(PermissionDenied):
        entry_decide(supervisor=assigned_supervisor, entry_id=entry.pk, approve=True)
    entry_decide(supervisor=successor, entry_id=entry.pk, approve=True)
    history = SupervisorAssignment.objects.filter(trainee=trainee).order_by("started_at")
    assert [a.supervisor for a in history] == [assigned_supervisor, successor]
    assert history[0].ended_at is not None and history[1].ended_at is None


@pytest.mark.parametrize("who", ["trainee_as_supervisor", "non_supervisor", "other_provider"])
def test_assignment_needs_the_supervisor_role_in_the_trainees_organisation(
    who, coordinator, provider, trainee, make_member, practice_enrollment
):
    candidate = {
        "trainee_as_supervisor": trainee,
        "non_supervisor": make_member(Role.TRAINEE),
        "other_provider": make_member(Role.SUPERVISOR, organisation=OrganisationFactory()),
    }[who]
    with pytest.raises(ValidationError):
        supervisor_assign(
            coordinator=coordinator, organisation=provider, trainee=trainee, supervisor=candidate
        )
    assert not SupervisorAssignment.objects.exists()


def test_bulk_approval_approves_each_and_reports_refusals(assigned_supervisor, log_entry):
    first, second = log_entry(days_ago=1), log_entry(days_ago=2)
    draft = log_entry(days_ago=3, submit=False)

    result = entries_approve(
        supervisor=assigned_supervisor, entry_ids=[first.pk, second.pk, draft.pk]
    )

    assert sorted(result["approved"]) == sorted([first.pk, second.pk])
    assert list(result["refused"]) == [draft.pk]


def test_the_audit_chain_verifies_and_detects_tampering(assigned_supervisor, log_entry):
    entry = log_entry()
    entry_decide(supervisor=assigned_supervisor, entry_id=entry.pk, approve=True)
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    assert actions == ["created", "submitted", "approved"]
    assert audit_verify().broken_at is None
    call_command("verify_audit")

    with pytest.raises(ValueError, match="append-only"):
        AuditEvent.objects.first().save()
    with pytest.raises(ValueError, match="append-only"):
        AuditEvent.objects.first().delete()

    # Someone edits the table behind the application's back (triggers dropped first).
    from django.db import connection

    victim = AuditEvent.objects.get(action="submitted")
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER practice_auditevent_append_only")
        else:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending FK checks before ALTER
            cursor.execute(
                "ALTER TABLE practice_auditevent DISABLE TRIGGER practice_auditevent_append_only"
            )
        cursor.execute(
            "UPDATE practice_auditevent SET changes = %s WHERE id = %s", ['{"round": 9}', victim.pk]
        )
    report = audit_verify()
    assert report.broken_at == victim.pk
    with pytest.raises(CommandError, match=f"broken at event {victim.pk}"):
        call_command("verify_audit")


def test_the_database_refuses_to_update_audit_events(log_entry):
    from django.db import transaction

    log_entry()
    with pytest.raises(Exception, match="append-only"), transaction.atomic():
        AuditEvent.objects.update(action="forged")


def test_the_daily_digest_reaches_each_supervisor_once_a_day(
    assigned_supervisor, log_entry, django_capture_on_commit_callbacks
):
    import datetime

    from practice.tasks import send_supervisor_digests

    log_entry(days_ago=1)
    log_entry(days_ago=2)

    with django_capture_on_commit_callbacks(execute=True):
        assert send_supervisor_digests.run() == 1
        assert send_supervisor_digests.run() == 0  # a second run the same day sends nothing

    digests = [m for m in mail.outbox if "wait for your sign-off" in m.subject]
    assert len(digests) == 1
    assert digests[0].to == [assigned_supervisor.email]
    assert digests[0].subject.startswith("[Peerpath] 2 practice entries")

    from practice.services import supervisor_digests_send

    # The digest's day is the site's local date, which may be ahead of or behind the host's.
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert supervisor_digests_send(day=tomorrow) == 1


def test_no_digest_without_waiting_entries(assigned_supervisor, log_entry):
    from practice.services import supervisor_digests_send

    log_entry(submit=False)
    assert supervisor_digests_send() == 0


def test_the_digest_runs_every_morning_from_celery_beat(settings):
    schedule = settings.CELERY_BEAT_SCHEDULE["supervisor-digests"]
    assert schedule["task"] == "practice.tasks.send_supervisor_digests"
    from cms.celery import app

    app.loader.import_default_modules()
    assert schedule["task"] in app.tasks
