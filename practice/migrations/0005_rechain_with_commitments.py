"""Re-chain the audit trail so people can be erased from it, and lock the checkpoints.

Until now each event's hash covered the actor's id and name, the address and the free
text of ``changes`` directly, so erasing a person broke every later hash. From here the
hash covers a salted commitment to each of those parts instead (see
``practice.models.AuditEvent``). This migration:

1. checks the existing chain with the old rule and stops, changing nothing, if it is
   broken (an intact chain is re-chained, a broken one is left as evidence);
2. gives every event salts and commitments and recomputes its hash and link with the new
   rule, then appends a ``rechained`` event that records the old head hash and count, so
   the old chain's last state stays on the record;
3. replaces the UPDATE trigger with one that lets only redaction through (the chained
   columns must not change), and makes ``AuditCheckpoint`` append-only like the trail.

The functions below are frozen copies of the rules as they stand in this migration.
"""

import hashlib
import json
import secrets

from django.db import migrations
from django.utils import timezone

GENESIS = "0" * 64
REDACTABLE_CHANGE_KEYS = ("reflection", "comment")


def _canonical(value) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), default=str).encode()


def _legacy_hash(event) -> str:
    payload = json.dumps(
        {
            "entry": event.entry_id,
            "actor": event.actor_id,
            "actor_name": event.actor_name,
            "action": event.action,
            "ip": event.ip_address,
            "changes": event.changes,
            "at": event.created_at.isoformat(),
            "previous": event.previous_hash,
        },
        sort_keys=True,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def _parts(event) -> dict:
    parts = {"actor": [event.actor_id, event.actor_name], "ip": event.ip_address}
    for key in REDACTABLE_CHANGE_KEYS:
        if key in event.changes:
            parts[f"changes.{key}"] = event.changes[key]
    return parts


def _commit(event) -> None:
    event.salts = {part: secrets.token_hex(16) for part in _parts(event)}
    event.commitments = {
        part: hashlib.sha256(_canonical({"salt": event.salts[part], "value": value})).hexdigest()
        for part, value in _parts(event).items()
    }


def _hash(event) -> str:
    public = {k: v for k, v in event.changes.items() if k not in REDACTABLE_CHANGE_KEYS}
    return hashlib.sha256(
        _canonical(
            {
                "entry": event.entry_id,
                "action": event.action,
                "changes": public,
                "commitments": event.commitments,
                "at": event.created_at.isoformat(),
                "previous": event.previous_hash,
            }
        )
    ).hexdigest()


SQLITE_UNLOCK = ["DROP TRIGGER IF EXISTS practice_auditevent_append_only;"]
POSTGRES_UNLOCK = [
    "DROP TRIGGER IF EXISTS practice_auditevent_append_only ON practice_auditevent;"
]
# Only redaction may update an event: every column the hash or the chain depends on stays.
CHAINED = ("hash", "previous_hash", "commitments", "entry_id", "action", "created_at")
SQLITE_LOCK = [
    f"""
    CREATE TRIGGER practice_auditevent_append_only BEFORE UPDATE ON practice_auditevent
    WHEN {" OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in CHAINED)}
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    """,
    """
    CREATE TRIGGER practice_auditcheckpoint_append_only BEFORE UPDATE ON practice_auditcheckpoint
    BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
    """,
]
POSTGRES_LOCK = [
    f"""
    CREATE OR REPLACE FUNCTION practice_auditevent_guard() RETURNS trigger AS $$
    BEGIN
        IF TG_OP = 'DELETE'
           OR {" OR ".join(f"NEW.{c}::text IS DISTINCT FROM OLD.{c}::text" for c in CHAINED)}
        THEN
            RAISE EXCEPTION 'the audit trail is append-only';
        END IF;
        RETURN NEW;
    END;
    $$ LANGUAGE plpgsql;
    """,
    """
    CREATE TRIGGER practice_auditevent_append_only
    BEFORE UPDATE OR DELETE ON practice_auditevent
    FOR EACH ROW
    EXECUTE FUNCTION practice_auditevent_guard();
    """,
    """
    CREATE TRIGGER practice_auditcheckpoint_append_only
    BEFORE UPDATE OR DELETE ON practice_auditcheckpoint
    FOR EACH ROW
    EXECUTE FUNCTION practice_refuse_change('audit checkpoints are append-only');
    """,
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS practice_auditevent_append_only;",
    "DROP TRIGGER IF EXISTS practice_auditcheckpoint_append_only;",
    """
    CREATE TRIGGER practice_auditevent_append_only BEFORE UPDATE ON practice_auditevent
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    """,
]
POSTGRES_REVERSE = [
    "DROP TRIGGER IF EXISTS practice_auditevent_append_only ON practice_auditevent;",
    "DROP TRIGGER IF EXISTS practice_auditcheckpoint_append_only ON practice_auditcheckpoint;",
    "DROP FUNCTION IF EXISTS practice_auditevent_guard();",
    """
    CREATE TRIGGER practice_auditevent_append_only
    BEFORE UPDATE OR DELETE ON practice_auditevent
    FOR EACH ROW
    EXECUTE FUNCTION practice_refuse_change('the audit trail is append-only');
    """,
]


def _execute(schema_editor, statements_by_vendor) -> None:
    for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
        schema_editor.execute(statement)


def rechain(apps, schema_editor):
    AuditEvent = apps.get_model("practice", "AuditEvent")
    events = list(AuditEvent.objects.order_by("pk"))
    previous = GENESIS
    for event in events:
        if event.previous_hash != previous or _legacy_hash(event) != event.hash:
            raise RuntimeError(
                f"The audit trail is broken at event {event.pk}, so it is not re-chained: "
                "investigate it (the old `verify_audit` names the break) before migrating."
            )
        previous = event.hash
    _execute(schema_editor, {"sqlite": SQLITE_UNLOCK, "postgresql": POSTGRES_UNLOCK})
    legacy_head, previous = previous, GENESIS
    # Two passes: hashes are unique, so first move every row out of the way of the new ones.
    for event in events:
        AuditEvent.objects.filter(pk=event.pk).update(
            previous_hash=f"rechain-{event.pk}", hash=f"rechain-{event.pk}-h"
        )
    for event in events:
        _commit(event)
        event.previous_hash = previous
        event.hash = _hash(event)
        AuditEvent.objects.filter(pk=event.pk).update(
            salts=event.salts,
            commitments=event.commitments,
            previous_hash=event.previous_hash,
            hash=event.hash,
        )
        previous = event.hash
    if events:
        marker = AuditEvent(
            entry_id=None,
            actor_id=None,
            actor_name="",
            action="rechained",
            ip_address=None,
            changes={"legacy_head_hash": legacy_head, "legacy_count": len(events)},
            created_at=timezone.now(),
            previous_hash=previous,
        )
        _commit(marker)
        marker.hash = _hash(marker)
        marker.save()
    _execute(schema_editor, {"sqlite": SQLITE_LOCK, "postgresql": POSTGRES_LOCK})


def unchain(apps, schema_editor):
    """Back to the old triggers. The old hashes are gone: run the old code on a backup."""
    _execute(schema_editor, {"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE})


class Migration(migrations.Migration):
    dependencies = [("practice", "0004_audit_commitments_and_checkpoints")]

    operations = [migrations.RunPython(rechain, unchain)]
