"""Writing and checking the hash-chained audit trail."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import AuditEvent

GENESIS = "0" * 64


def audit_record(*, entry_id: int | None, actor, action: str, ip: str | None, changes: dict):
    """Append one event, chained to the last. Retries if another writer appended first."""
    for _ in range(10):
        previous = AuditEvent.objects.order_by("-pk").values_list("hash", flat=True).first()
        event = AuditEvent(
            entry_id=entry_id,
            actor=actor if getattr(actor, "pk", None) else None,
            actor_name=(actor.get_full_name() or actor.email) if getattr(actor, "pk", None) else "",
            action=action,
            ip_address=ip,
            changes=changes,
            created_at=timezone.now(),
            previous_hash=previous or GENESIS,
        )
        event.hash = event.compute_hash()
        try:
            with transaction.atomic():
                event.save()
            return event
        except IntegrityError:
            continue  # the chain moved on under us: link to the new last event
    raise RuntimeError("Could not append to the audit trail: too many concurrent writers.")


@dataclass(frozen=True)
class ChainReport:
    checked: int
    broken_at: int | None
    problem: str


def audit_verify() -> ChainReport:
    """Recompute every hash and link, in order. Stops at the first break."""
    previous = GENESIS
    checked = 0
    for event in AuditEvent.objects.order_by("pk").iterator(chunk_size=2000):
        if event.previous_hash != previous:
            return ChainReport(checked, event.pk, "does not link to the event before it")
        if event.compute_hash() != event.hash:
            return ChainReport(checked, event.pk, "was altered after it was written")
        previous = event.hash
        checked += 1
    return ChainReport(checked, None, "")
