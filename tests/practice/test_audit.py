"""The audit trail is anchored by signed checkpoints: rewrites and truncations are caught."""

import base64
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from core.keys import _parse, private_key_pem
from practice.audit import ChainBroken, Problem, audit_checkpoint_sign, audit_verify
from practice.models import AuditCheckpoint, AuditEvent
from practice.services import entry_decide

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _signing_key(settings):
    settings.CREDENTIAL_SIGNING_KEY = private_key_pem()
    settings.CREDENTIAL_SIGNING_KEY_FILE = ""


@pytest.fixture
def trail(assigned_supervisor, log_entry):
    """Nine events: three entries, each created, submitted and approved."""
    for days_ago in (1, 2, 3):
        entry = log_entry(days_ago=days_ago)
        entry_decide(supervisor=assigned_supervisor, entry_id=entry.pk, approve=True)
    return list(AuditEvent.objects.order_by("pk"))


def _unlocked(cursor) -> None:
    """What someone with write access to the database does first: switch the triggers off."""
    if connection.vendor == "sqlite":
        cursor.execute("DROP TRIGGER IF EXISTS practice_auditevent_append_only")
        cursor.execute("DROP TRIGGER IF EXISTS practice_auditcheckpoint_append_only")
    else:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("ALTER TABLE practice_auditevent DISABLE TRIGGER USER")
        cursor.execute("ALTER TABLE practice_auditcheckpoint DISABLE TRIGGER USER")


def _rewrite_and_rehash(victim: AuditEvent, changes: dict) -> None:
    """Edit one event, then recompute its hash and every later hash and link."""
    events = list(AuditEvent.objects.filter(pk__gte=victim.pk).order_by("pk"))
    events[0].changes = changes
    previous = events[0].previous_hash
    with connection.cursor() as cursor:
        _unlocked(cursor)
        for event in events:
            event.previous_hash = previous
            event.hash = event.compute_hash()
            cursor.execute(
                "UPDATE practice_auditevent SET changes = %s, previous_hash = %s, hash = %s "
                "WHERE id = %s",
                [json.dumps(event.changes), event.previous_hash, event.hash, event.pk],
            )
            previous = event.hash


def _delete_events(*ids: int) -> None:
    with connection.cursor() as cursor:
        _unlocked(cursor)
        cursor.execute(
            f"DELETE FROM practice_auditevent WHERE id IN ({', '.join(['%s'] * len(ids))})",  # noqa: S608
            list(ids),
        )


def test_an_intact_chain_with_checkpoints_verifies(trail, log_entry, capsys):
    first = audit_checkpoint_sign()
    assert [c.head_event_id for c in first] == [trail[-1].pk]
    assert first[0].event_count == 9
    assert audit_checkpoint_sign() == []  # nothing new: nothing signed twice
    log_entry(days_ago=5)
    second = audit_checkpoint_sign()
    assert second[0].event_count == 11
    assert [d[0] for d in second[0].digests] == list(
        AuditEvent.objects.filter(pk__gt=trail[-1].pk).values_list("pk", flat=True)
    )

    report = audit_verify()
    assert (report.broken_at, report.checked, report.checkpoints) == (None, 11, 2)
    call_command("verify_audit")
    assert "11 events, anchored by 2 signed checkpoints" in capsys.readouterr().out


def test_a_long_stretch_is_signed_as_several_small_checkpoints(trail):
    signed = audit_checkpoint_sign(max_events=4)
    assert [c.event_count for c in signed] == [4, 8, 9]
    assert [len(c.digests) for c in signed] == [4, 4, 1]
    assert audit_verify().broken_at is None


def test_a_rewrite_with_every_later_hash_recomputed_is_caught(trail):
    audit_checkpoint_sign()
    victim = trail[4]  # the second entry's "submitted"
    _rewrite_and_rehash(victim, {"round": 9})

    report = audit_verify()
    # The chain is consistent with itself (not "altered", not a broken link); only the
    # signed digests give the rewrite away, and they name the event that was edited.
    assert report.kind == Problem.REWRITTEN
    assert report.broken_at == victim.pk
    assert report.checked == 4
    with pytest.raises(CommandError, match=f"event {victim.pk} \\(rewritten and rehashed\\)"):
        call_command("verify_audit")


def test_an_edit_without_rehashing_is_reported_as_altered(trail):
    audit_checkpoint_sign()
    with connection.cursor() as cursor:
        _unlocked(cursor)
        cursor.execute(
            "UPDATE practice_auditevent SET changes = %s WHERE id = %s",
            ['{"round": 9}', trail[1].pk],
        )
    report = audit_verify()
    assert (report.kind, report.broken_at) == (Problem.ALTERED, trail[1].pk)


def test_deleting_the_last_events_is_caught_as_truncation(trail):
    audit_checkpoint_sign()
    _delete_events(trail[-1].pk, trail[-2].pk)

    report = audit_verify()
    assert report.kind == Problem.TRUNCATED
    assert report.broken_at == trail[-2].pk  # the first missing event
    assert report.checked == 7
    with pytest.raises(CommandError, match="signed 9 events, the chain now holds 7"):
        call_command("verify_audit")


def test_without_a_checkpoint_a_truncation_cannot_be_seen(trail):
    """Why anchoring is needed: the chain alone still verifies after losing its tail."""
    _delete_events(trail[-1].pk)
    assert audit_verify().broken_at is None
    audit_checkpoint_sign()
    assert audit_verify().broken_at is None  # and checkpoints start from what is there


def test_deleting_an_event_in_the_middle_is_a_broken_link_or_a_deletion(trail):
    _delete_events(trail[3].pk)
    report = audit_verify()
    assert (report.kind, report.broken_at) == (Problem.BROKEN_LINK, trail[4].pk)
    with pytest.raises(ChainBroken, match=f"Event {trail[4].pk} does not verify"):
        audit_checkpoint_sign()
    assert not AuditCheckpoint.objects.exists()


def test_a_deleted_event_under_a_checkpoint_is_named(trail):
    audit_checkpoint_sign()
    victim = trail[3]
    _delete_events(victim.pk)
    _rewrite_and_rehash(trail[4], trail[4].changes)  # relink the rest, as a careful forger
    report = audit_verify()
    assert (report.kind, report.broken_at) == (Problem.DELETED, victim.pk)


def test_a_forged_checkpoint_is_caught(trail):
    """A forger rewrites the chain and signs a new checkpoint with a key of their own."""
    audit_checkpoint_sign()
    forger = _parse(private_key_pem(), source="forger")
    genuine = AuditCheckpoint.objects.get()
    _rewrite_and_rehash(trail[-1], {"round": 5})
    head = AuditEvent.objects.order_by("pk").last()
    with connection.cursor() as cursor:
        _unlocked(cursor)
        cursor.execute("DELETE FROM practice_auditcheckpoint")
    forged = AuditCheckpoint(
        head_event_id=head.pk,
        head_hash=head.hash,
        event_count=9,
        digests=[[e.pk, e.hash[:16]] for e in AuditEvent.objects.order_by("pk")],
        signed_at=genuine.signed_at,
        key_id=genuine.key_id,  # claims to be ours
    )
    forged.signature = base64.urlsafe_b64encode(
        forger.private_key.sign(forged.signed_payload())
    ).decode()
    forged.save()

    report = audit_verify()
    assert report.kind == Problem.FORGED_CHECKPOINT
    assert report.broken_at == head.pk
    assert "does not match its contents" in report.problem


def test_a_checkpoint_edited_after_signing_is_caught(trail):
    audit_checkpoint_sign()
    with connection.cursor() as cursor:
        _unlocked(cursor)
        cursor.execute("UPDATE practice_auditcheckpoint SET event_count = 8")
    assert audit_verify().kind == Problem.FORGED_CHECKPOINT


def test_deleted_checkpoints_are_caught_by_their_copy_in_storage(trail):
    audit_checkpoint_sign()
    with connection.cursor() as cursor:
        _unlocked(cursor)
        cursor.execute("DELETE FROM practice_auditcheckpoint")
    report = audit_verify()
    assert (report.kind, report.broken_at) == (Problem.MISSING_CHECKPOINT, trail[-1].pk)


def test_the_database_refuses_to_change_or_delete_checkpoints(trail):
    from django.db import transaction

    audit_checkpoint_sign()
    with pytest.raises(Exception, match="append-only"), transaction.atomic():
        AuditCheckpoint.objects.update(event_count=1)
    with pytest.raises(ValueError, match="append-only"):
        AuditCheckpoint.objects.get().delete()


def test_checkpoints_are_signed_every_hour_from_celery_beat(settings):
    schedule = settings.CELERY_BEAT_SCHEDULE["audit-checkpoint"]
    assert schedule["task"] == "practice.tasks.sign_audit_checkpoint"
    assert schedule["schedule"].minute == {5}
    assert schedule["schedule"].hour == set(range(24))


def test_the_task_and_the_command_sign_on_demand(trail, capsys):
    from practice.tasks import sign_audit_checkpoint

    call_command("sign_audit_checkpoint")
    assert f"head event {trail[-1].pk}, 9 events" in capsys.readouterr().out
    assert sign_audit_checkpoint.delay().get() == 0
    assert AuditCheckpoint.objects.count() == 1
