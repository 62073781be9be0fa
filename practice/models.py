"""Supervised practice: log entries, sign-off decisions, supervisor assignments, audit trail."""

import hashlib
import json
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Mod
from django.db.models.lookups import Exact
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from core.db import length_at_most

MINUTES_STEP = 15
MINUTES_PER_DAY = 24 * 60
# A de-identified reflection on one piece of practice: a paragraph or two.
REFLECTION_MAX_LENGTH = 1500
# A supervisor's comment is emailed to the trainee and kept with the record.
DECISION_COMMENT_MAX_LENGTH = 1000


class PracticeCategory(models.Model):
    """A kind of practice a board counts, e.g. one-to-one peer support or supervision."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    is_supervision = models.BooleanField(
        default=False, help_text="Hours in this category are supervision received."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("is_supervision"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "practice categories"

    def __str__(self) -> str:
        return self.name


class PracticeHourMinimum(Orderable):
    """A requirement profile's minimum of approved hours in one category."""

    profile = ParentalKey(
        "courses.RequirementProfile", on_delete=models.CASCADE, related_name="practice_minimums"
    )
    category = models.ForeignKey(PracticeCategory, on_delete=models.PROTECT, related_name="+")
    hours = models.DecimalField(max_digits=7, decimal_places=2)

    panels = [FieldPanel("category"), FieldPanel("hours")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "category"], name="practice_minimum_unique_category"
            ),
            models.CheckConstraint(condition=Q(hours__gte=0), name="practice_minimum_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.hours} h {self.category}"


class SupervisorAssignment(models.Model):
    """Who supervises a trainee, and since when. Ending one and starting another keeps history."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="supervisor_assignments"
    )
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="supervisee_assignments"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    started_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "trainee"],
                condition=Q(ended_at__isnull=True),
                name="practice_one_current_supervisor",
            ),
            models.CheckConstraint(
                condition=~Q(trainee=models.F("supervisor")), name="practice_no_self_supervision"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.supervisor} supervises {self.trainee}"


class SupervisorRequest(models.Model):
    """A trainee asked for sign-off with no supervisor assigned; their coordinators were told.

    One row per trainee and organisation: while it exists, further attempts to submit do
    not email the coordinators again. Assigning a supervisor removes it, so a later gap
    (a supervisor who leaves) is reported afresh.
    """

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="supervisor_requests"
    )
    notified_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "trainee"], name="practice_one_supervisor_request"
            )
        ]

    def __str__(self) -> str:
        return f"{self.trainee} waits for a supervisor"


class LogEntryQuerySet(models.QuerySet):
    def counting(self):
        """Approved entries that no approved correction has replaced: what counts."""
        # Not a correlated EXISTS: corrections are rare, so the set of replaced ids is small,
        # and SQLite plans a correlated subquery per row.
        replaced = LogEntry.objects.filter(
            status=LogEntry.Status.APPROVED, corrects__isnull=False
        ).values("corrects_id")
        return self.filter(status=LogEntry.Status.APPROVED).exclude(pk__in=replaced)

    def for_trainee(self, user):
        return self.filter(enrollment__trainee=user)


class LogEntry(models.Model):
    """One stretch of supervised practice, de-identified. Approved entries never change."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Waiting for sign-off"
        RETURNED = "returned", "Returned for changes"
        APPROVED = "approved", "Approved"

    class Setting(models.TextChoices):
        IN_PERSON = "in_person", "In person"
        PHONE = "phone", "Phone"
        VIDEO = "video", "Video call"
        COMMUNITY = "community", "Community / outreach"
        GROUP_ROOM = "group", "Group session"

    enrollment = models.ForeignKey(
        "courses.Enrollment", on_delete=models.PROTECT, related_name="practice_entries"
    )
    date = models.DateField()
    minutes = models.PositiveIntegerField()
    category = models.ForeignKey(PracticeCategory, on_delete=models.PROTECT, related_name="+")
    domain = models.ForeignKey(
        "courses.CompetencyDomain", on_delete=models.PROTECT, related_name="+"
    )
    setting = models.CharField(max_length=20, choices=Setting.choices)
    reflection = models.TextField(max_length=REFLECTION_MAX_LENGTH)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    corrects = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrections"
    )
    submission_round = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LogEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name_plural = "log entries"
        constraints = [
            models.CheckConstraint(
                # Q & a lookup is a Q at run time; the stubs call it a Combinable.
                condition=Q(minutes__gte=MINUTES_STEP, minutes__lte=MINUTES_PER_DAY)  # type: ignore[arg-type]
                & Exact(Mod("minutes", MINUTES_STEP), 0),
                name="practice_entry_quarter_hours",
            ),
            length_at_most(
                "reflection", REFLECTION_MAX_LENGTH, name="practice_entry_reflection_length"
            ),
        ]
        indexes = [
            models.Index(fields=["enrollment", "status"]),
            models.Index(fields=["status", "enrollment"]),
        ]

    def __str__(self) -> str:
        return f"{self.date}: {self.hours} h {self.category}"

    @property
    def hours(self):
        from decimal import Decimal

        return Decimal(self.minutes) / Decimal(60)

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)


class Decision(models.Model):
    """A supervisor's sign-off or return of one submission of an entry.

    Name and role are copied at the moment of decision, so the record stands when the
    supervisor leaves or their account changes.
    """

    class Outcome(models.TextChoices):
        APPROVED = "approved", "Approved"
        RETURNED = "returned", "Returned"

    COMMENT_MAX_LENGTH = DECISION_COMMENT_MAX_LENGTH
    COMMENT_TOO_LONG = f"Keep the comment to {COMMENT_MAX_LENGTH} characters."

    entry = models.ForeignKey(LogEntry, on_delete=models.PROTECT, related_name="decisions")
    submission_round = models.PositiveSmallIntegerField()
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    supervisor_name = models.CharField(max_length=300)
    supervisor_role = models.CharField(max_length=120)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    comment = models.TextField(blank=True, max_length=COMMENT_MAX_LENGTH)
    decided_at = models.DateTimeField(auto_now_add=True)
    verification_code = models.CharField(max_length=20, unique=True)

    class Meta:
        ordering = ["decided_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "submission_round"], name="practice_one_decision_per_submission"
            ),
            models.CheckConstraint(
                condition=Q(outcome="approved") | ~Q(comment=""),
                name="practice_return_needs_comment",
            ),
            length_at_most(
                "comment", DECISION_COMMENT_MAX_LENGTH, name="practice_decision_comment_length"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} by {self.supervisor_name}"


# The parts of an event that identify or describe a person. The chain hashes a salted
# commitment to each, not the value, so erasure can replace the value (and destroy the salt)
# while every hash and link still verifies. Free text (a reflection, a supervisor's
# comment) is personal; ids, dates, minutes and statuses are not.
REDACTABLE_CHANGE_KEYS = ("reflection", "comment")
REDACTED = "[erased]"


def _canonical(value) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), default=str).encode()


def commitment(*, salt: str, value) -> str:
    """A hiding commitment: without the salt, the value cannot be guessed from it."""
    return hashlib.sha256(_canonical({"salt": salt, "value": value})).hexdigest()


class AuditEvent(models.Model):
    """An append-only, hash-chained record of every change to practice entries.

    Each event stores the hash of the one before it; ``verify_audit`` recomputes the
    chain and compares it with the signed checkpoints (``AuditCheckpoint``).
    ``previous_hash`` is unique, so two writers can never fork the chain.

    Who acted (actor, name, address) and the free text of ``changes`` enter the hash only
    through ``commitments``; their salts sit in ``salts``. Erasure replaces those values
    and drops the salts, and is itself recorded as an ``erased`` event that names the
    redacted parts, so the chain stays verifiable and a silent edit does not.
    """

    entry_id = models.BigIntegerField(null=True, db_index=True)
    # PROTECT: deleting a person in the trail goes through ``manage.py erase_user``, which
    # redacts them first; a plain delete would try to rewrite the trail.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    actor_name = models.CharField(max_length=300)
    action = models.CharField(max_length=30)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    changes = models.JSONField(default=dict)
    created_at = models.DateTimeField()
    commitments = models.JSONField(default=dict)
    salts = models.JSONField(default=dict)
    previous_hash = models.CharField(max_length=64, unique=True)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.action} on entry {self.entry_id} by {self.actor_name}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Audit events are append-only; erasure goes through audit_redact.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Audit events are append-only.")

    def personal_parts(self) -> dict:
        """The redactable values, by part name: ``actor``, ``ip``, ``changes.<key>``."""
        parts = {"actor": [self.actor_id, self.actor_name], "ip": self.ip_address}
        for key in REDACTABLE_CHANGE_KEYS:
            if key in self.changes:
                parts[f"changes.{key}"] = self.changes[key]
        return parts

    def commit_personal_parts(self) -> None:
        """Salt and commit each personal part; called once, before the first save."""
        self.salts = {part: secrets.token_hex(16) for part in self.personal_parts()}
        self.commitments = {
            part: commitment(salt=self.salts[part], value=value)
            for part, value in self.personal_parts().items()
        }

    def compute_hash(self) -> str:
        public_changes = {
            key: value for key, value in self.changes.items() if key not in REDACTABLE_CHANGE_KEYS
        }
        payload = {
            "entry": self.entry_id,
            "action": self.action,
            "changes": public_changes,
            "commitments": self.commitments,
            "at": self.created_at.isoformat(),
            "previous": self.previous_hash,
        }
        return hashlib.sha256(_canonical(payload)).hexdigest()


class AuditCheckpoint(models.Model):
    """A signed statement of where the audit chain stood: its head, hash and length.

    Kept in its own append-only table (and copied to file storage) so that rewriting the
    chain and recomputing every later hash, or deleting its last events, no longer
    verifies: the chain must still pass through every signed head at the same position.
    ``digests`` lists each event since the previous checkpoint (id and the first 16 hex
    digits of its hash), so verification can name the first event that changed.
    """

    head_event_id = models.BigIntegerField(unique=True)
    head_hash = models.CharField(max_length=64)
    event_count = models.PositiveBigIntegerField()
    digests = models.JSONField(default=list)
    signed_at = models.DateTimeField()
    key_id = models.CharField(max_length=64)
    signature = models.TextField()

    class Meta:
        ordering = ["head_event_id"]

    def __str__(self) -> str:
        return f"Checkpoint at event {self.head_event_id} ({self.event_count} events)"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Audit checkpoints are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Audit checkpoints are append-only.")

    def signed_payload(self) -> bytes:
        """The exact bytes the signature covers."""
        return _canonical(
            {
                "head_event_id": self.head_event_id,
                "head_hash": self.head_hash,
                "event_count": self.event_count,
                "digests": self.digests,
                "signed_at": self.signed_at.isoformat(),
                "key_id": self.key_id,
            }
        )


class DigestSent(models.Model):
    """Marks a supervisor's daily digest as sent, so the task can run twice harmlessly."""

    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["supervisor", "day"], name="practice_one_digest_a_day")
        ]

    def __str__(self) -> str:
        return f"Digest for {self.supervisor_id} on {self.day}"
