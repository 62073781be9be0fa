"""Writing, anchoring, redacting and checking the hash-chained audit trail.

The chain alone proves only that it is consistent with itself: whoever can write the table
can edit an event and recompute every later hash, or delete the last events. So the head
is anchored: ``audit_checkpoint_sign`` signs (with the credential signing key) the head
event's id and hash, the number of events up to it and a short digest of each event since
the last checkpoint, and stores that outside the chain (``AuditCheckpoint``, append-only,
plus a copy in file storage). ``audit_verify`` then demands that the chain still passes
through every signed head, at the same position.
"""

import base64
import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.keys import signing_key

from .models import REDACTED, AuditCheckpoint, AuditEvent, commitment

logger = logging.getLogger(__name__)

GENESIS = "0" * 64
DIGEST_LENGTH = 16  # hex digits of each event's hash kept in a checkpoint: enough to name it
CHECKPOINT_MAX_EVENTS = 1000  # a long stretch is signed as several checkpoints, rows stay small
STORAGE_DIR = "audit-checkpoints"


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
        event.commit_personal_parts()
        event.hash = event.compute_hash()
        try:
            with transaction.atomic():
                event.save()
            return event
        except IntegrityError:
            continue  # the chain moved on under us: link to the new last event
    raise RuntimeError("Could not append to the audit trail: too many concurrent writers.")


# ---------------------------------------------------------------- erasure


def audit_redact(
    *, parts_by_event: Mapping[int, Iterable[str]], pseudonym: str, note: dict | None = None
) -> AuditEvent:
    """Replace personal parts of events and record that it was done, in one transaction.

    ``parts_by_event`` maps event ids to part names (``actor``, ``ip``, ``changes.<key>``).
    The actor becomes ``pseudonym``, the rest ``[erased]``; each part's salt is destroyed,
    so its commitment, still in the hash, no longer reveals anything. The ``erased`` event
    appended last names every redacted part, which is what lets ``audit_verify`` tell an
    erasure from tampering; ``note`` (no personal data) is added to it. Called by
    ``manage.py erase_user``.
    """
    with transaction.atomic():
        redacted: dict[str, list[str]] = {}
        for event in AuditEvent.objects.select_for_update().filter(pk__in=parts_by_event):
            parts = sorted(set(parts_by_event[event.pk]) & set(event.salts))
            if not parts:
                continue
            changes = dict(event.changes)
            fields: dict[str, Any] = {}
            for part in parts:
                if part == "actor":
                    fields.update(actor_id=None, actor_name=pseudonym)
                elif part == "ip":
                    fields["ip_address"] = None
                else:
                    changes[part.removeprefix("changes.")] = REDACTED
            salts = {part: salt for part, salt in event.salts.items() if part not in parts}
            # A queryset update: the model refuses save() on stored events, and the database
            # trigger lets through only updates that leave the chained columns as they were.
            AuditEvent.objects.filter(pk=event.pk).update(changes=changes, salts=salts, **fields)
            redacted[str(event.pk)] = parts
        return audit_record(
            entry_id=None,
            actor=None,
            action="erased",
            ip=None,
            changes={**(note or {}), "pseudonym": pseudonym, "redacted": redacted},
        )


# ---------------------------------------------------------------- checkpoints


def _sign(payload: bytes) -> str:
    private_key = signing_key().private_key
    assert isinstance(private_key, Ed25519PrivateKey)  # core.keys loads Ed25519 keys only
    signature = private_key.sign(payload)
    return base64.urlsafe_b64encode(signature).decode("ascii")


def _signature_problem(checkpoint: AuditCheckpoint) -> str:
    """Empty if the checkpoint's signature is the current key's over its own fields."""
    key = signing_key()
    if checkpoint.key_id != key.thumbprint():
        return f"is signed by key {checkpoint.key_id}, not by the signing key ({key.thumbprint()})"
    try:
        signature = base64.urlsafe_b64decode(checkpoint.signature.encode("ascii"))
        public_key = key.public_key
        assert isinstance(public_key, Ed25519PublicKey)  # core.keys loads Ed25519 keys only
        public_key.verify(signature, checkpoint.signed_payload())
    except (InvalidSignature, ValueError):
        return "has a signature that does not match its contents (forged or altered)"
    return ""


def _storage_copy(checkpoint: AuditCheckpoint) -> None:
    """A copy outside the database, so deleting checkpoint rows is noticed. Best effort."""
    if not getattr(settings, "AUDIT_CHECKPOINT_STORAGE_COPY", False):
        return
    name = f"{STORAGE_DIR}/{checkpoint.head_event_id:012d}.json"
    body = json.dumps(
        {"payload": checkpoint.signed_payload().decode(), "signature": checkpoint.signature}
    ).encode()
    try:
        if not default_storage.exists(name):
            default_storage.save(name, ContentFile(body))
    except Exception:  # storage down must not lose the checkpoint, which is in the database
        logger.exception("Could not copy audit checkpoint %s to storage", checkpoint.pk)


class ChainBroken(Exception):
    """The chain does not verify, so no checkpoint is signed over it."""


def audit_checkpoint_sign(*, max_events: int = CHECKPOINT_MAX_EVENTS) -> list[AuditCheckpoint]:
    """Sign checkpoints up to the current head; nothing if no event came since the last.

    The stretch since the last checkpoint is verified first (its head still in place, every
    later link and hash sound): a checkpoint never vouches for a chain that is already
    broken. Safe to run twice at once: a head is signed once (``head_event_id`` is unique).
    """
    last = AuditCheckpoint.objects.order_by("-head_event_id").first()
    previous_hash, count, after = GENESIS, 0, 0
    if last is not None:
        head = AuditEvent.objects.filter(pk=last.head_event_id).first()
        if head is None or head.hash != last.head_hash:
            raise ChainBroken(
                f"Event {last.head_event_id}, the last signed head, is gone or changed: "
                "run `manage.py verify_audit`."
            )
        previous_hash, count, after = last.head_hash, last.event_count, last.head_event_id
    signed = []
    batch: list[AuditEvent] = []
    events = AuditEvent.objects.filter(pk__gt=after).order_by("pk").iterator(chunk_size=2000)
    for event in events:
        if event.previous_hash != previous_hash or event.compute_hash() != event.hash:
            raise ChainBroken(
                f"Event {event.pk} does not verify: run `manage.py verify_audit`. "
                "No checkpoint was signed over it."
            )
        previous_hash = event.hash
        batch.append(event)
        if len(batch) == max_events:
            count += len(batch)
            signed += _checkpoint_create(batch, count)
            batch = []
    if batch:
        count += len(batch)
        signed += _checkpoint_create(batch, count)
    return signed


def _checkpoint_create(batch: list[AuditEvent], count: int) -> list[AuditCheckpoint]:
    head = batch[-1]
    checkpoint = AuditCheckpoint(
        head_event_id=head.pk,
        head_hash=head.hash,
        event_count=count,
        digests=[[event.pk, event.hash[:DIGEST_LENGTH]] for event in batch],
        signed_at=timezone.now(),
        key_id=signing_key().thumbprint(),
    )
    checkpoint.signature = _sign(checkpoint.signed_payload())
    try:
        with transaction.atomic():
            checkpoint.save()
    except IntegrityError:
        return []  # another run signed this head first
    _storage_copy(checkpoint)
    return [checkpoint]


# ---------------------------------------------------------------- verification


class Problem:
    """What can be wrong, in the words ``verify_audit`` reports."""

    BROKEN_LINK = "broken link"
    ALTERED = "altered"
    REWRITTEN = "rewritten and rehashed"
    DELETED = "deleted"
    INSERTED = "inserted"
    TRUNCATED = "truncated"
    REDACTED = "redacted without an erasure record"
    FORGED_CHECKPOINT = "forged checkpoint"
    MISSING_CHECKPOINT = "missing checkpoint"


@dataclass(frozen=True)
class ChainReport:
    checked: int
    broken_at: int | None
    problem: str
    kind: str = ""
    checkpoints: int = 0


def _stored_copies() -> dict[int, str]:
    """Head event id -> file name of each checkpoint copy in storage (if copies are kept)."""
    if not getattr(settings, "AUDIT_CHECKPOINT_STORAGE_COPY", False):
        return {}
    try:
        _, files = default_storage.listdir(STORAGE_DIR)
    except (FileNotFoundError, NotImplementedError):
        return {}
    return {int(name.split(".")[0]): name for name in files if name.split(".")[0].isdecimal()}


def _personal_problem(event: AuditEvent, erasures: dict[int, dict[str, str]]) -> tuple[str, str]:
    """(kind, problem), empty if each personal part matches its commitment or was erased
    on the record (by an ``erased`` event naming it, and holding that event's pseudonym)."""
    parts = event.personal_parts()
    if set(parts) != set(event.commitments) or not set(event.salts) <= set(parts):
        return Problem.ALTERED, "has personal fields that do not match its commitments"
    for part, value in parts.items():
        if part in event.salts:
            if commitment(salt=event.salts[part], value=value) != event.commitments[part]:
                return Problem.ALTERED, f"had its {part} changed after it was written"
            continue
        erased = erasures.get(event.pk, {})
        if part not in erased:
            return Problem.REDACTED, f"had its {part} removed, and no erasure event records it"
        expected = [None, erased[part]] if part == "actor" else (None if part == "ip" else REDACTED)
        if value != expected:
            return Problem.ALTERED, f"had its {part} changed after it was erased"
    return "", ""


def audit_verify() -> ChainReport:
    """Check the checkpoints, then every event in order; stop at the first problem.

    For each event: it links to the one before (else a broken link: an event was deleted
    or inserted without rehashing), its hash matches its contents (else it was altered),
    its hash matches the digest a checkpoint signed (else it was rewritten and every later
    hash recomputed), and each signed id is still there (else it was deleted; at the end,
    the chain was truncated).
    """
    checkpoints = list(AuditCheckpoint.objects.order_by("head_event_id"))
    copies = _stored_copies()
    for head_id in sorted(set(copies) - {c.head_event_id for c in checkpoints}):
        return ChainReport(
            0,
            head_id,
            f"was a signed head (copy {STORAGE_DIR}/{copies[head_id]} in storage) whose "
            "checkpoint is no longer in the database: checkpoints were deleted",
            Problem.MISSING_CHECKPOINT,
        )
    expected: dict[int, tuple[str, AuditCheckpoint]] = {}
    for checkpoint in checkpoints:
        problem = _signature_problem(checkpoint)
        if problem:
            return ChainReport(
                0,
                checkpoint.head_event_id,
                f"is the head of a checkpoint (signed {checkpoint.signed_at:%Y-%m-%d %H:%M}) "
                f"that {problem}",
                Problem.FORGED_CHECKPOINT,
                len(checkpoints),
            )
        for event_id, digest in checkpoint.digests:
            expected[event_id] = (digest, checkpoint)
    heads = {c.head_event_id: c for c in checkpoints}
    erasures = _erasures()

    previous, checked = GENESIS, 0
    pending = iter(sorted(expected))
    next_expected = next(pending, None)
    for event in AuditEvent.objects.order_by("pk").iterator(chunk_size=2000):
        if next_expected is not None and next_expected < event.pk:
            checkpoint = expected[next_expected][1]
            return ChainReport(
                checked,
                next_expected,
                f"is missing: checkpoint at event {checkpoint.head_event_id} signed it",
                Problem.DELETED,
                len(checkpoints),
            )
        signed = expected.get(event.pk)
        if signed is None and checkpoints and event.pk <= checkpoints[-1].head_event_id:
            return ChainReport(
                checked,
                event.pk,
                "is not in the checkpoint that covers its place: it was inserted later",
                Problem.INSERTED,
                len(checkpoints),
            )
        if event.previous_hash != previous:
            return ChainReport(
                checked,
                event.pk,
                "does not link to the event before it",
                Problem.BROKEN_LINK,
                len(checkpoints),
            )
        if event.compute_hash() != event.hash:
            return ChainReport(
                checked,
                event.pk,
                "was altered after it was written",
                Problem.ALTERED,
                len(checkpoints),
            )
        if signed is not None and event.hash[:DIGEST_LENGTH] != signed[0]:
            return ChainReport(
                checked,
                event.pk,
                f"differs from what the checkpoint at event {signed[1].head_event_id} signed: "
                "it was rewritten and the later hashes recomputed",
                Problem.REWRITTEN,
                len(checkpoints),
            )
        kind, personal = _personal_problem(event, erasures)
        if personal:
            return ChainReport(checked, event.pk, personal, kind, len(checkpoints))
        checked += 1
        head = heads.get(event.pk)
        if head is not None and (head.head_hash != event.hash or head.event_count != checked):
            return ChainReport(
                checked - 1,
                event.pk,
                f"is a signed head, but the chain up to it now holds {checked} events, "
                f"not {head.event_count}",
                Problem.DELETED if checked < head.event_count else Problem.INSERTED,
                len(checkpoints),
            )
        previous = event.hash
        if next_expected == event.pk:
            next_expected = next(pending, None)
    if next_expected is not None:
        last = checkpoints[-1]
        return ChainReport(
            checked,
            next_expected,
            f"and every later event are missing: the checkpoint at event {last.head_event_id} "
            f"signed {last.event_count} events, the chain now holds {checked}",
            Problem.TRUNCATED,
            len(checkpoints),
        )
    return ChainReport(checked, None, "", "", len(checkpoints))


def _erasures() -> dict[int, dict[str, str]]:
    """Event id -> {redacted part: pseudonym}, from the chain's own ``erased`` events.

    Per part, because two erasures can touch one event: a trainee's erasure redacts the
    comment on a sign-off, the supervisor's later erasure its actor.
    """
    found: dict[int, dict[str, str]] = {}
    for changes in AuditEvent.objects.filter(action="erased").values_list("changes", flat=True):
        for event_id, parts in (changes.get("redacted") or {}).items():
            for part in parts:
                found.setdefault(int(event_id), {})[part] = changes.get("pseudonym", "")
    return found
