"""Renewal rules as versioned data, continuing-education activities and renewal applications.

A board's rules change over time; a holder's cycle is judged by the version in force on the
day the cycle began (``RuleSet.version_on``), and the holder's screen names that version.
The rules themselves are a JSON mapping read by ``engine.rules_from_dict``, which refuses a
field it does not understand when staff save.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from core.dates import long_date

from . import engine


class RuleSet(ClusterableModel):
    """One board's renewal rules for one credential, in dated versions."""

    key = models.SlugField(max_length=80, unique=True)
    board = models.CharField(max_length=200)
    credential_name = models.CharField(max_length=200)
    source_note = models.TextField(
        help_text="Where the rules come from and when they were checked."
    )
    qualifies_supervisors = models.BooleanField(
        default=False,
        help_text="Holders of this credential supervise peer workers' practice hours: one whose "
        "credential under these rules has expired or been suspended cannot approve hours.",
    )
    profiles = models.ManyToManyField(
        "courses.RequirementProfile",
        blank=True,
        related_name="renewal_rule_sets",
        help_text="The requirement profiles whose credentials renew under these rules.",
    )

    panels = [
        FieldPanel("key"),
        FieldPanel("board"),
        FieldPanel("credential_name"),
        FieldPanel("source_note"),
        FieldPanel("qualifies_supervisors"),
        FieldPanel("profiles"),
        InlinePanel("versions", heading="Versions (each with the date it takes effect)"),
    ]

    class Meta:
        ordering = ["board", "credential_name"]

    def __str__(self) -> str:
        return f"{self.board}: {self.credential_name}"

    def version_on(self, day: datetime.date) -> "RuleVersion | None":
        """The version in force on ``day`` (the latest that took effect on or before it)."""
        versions = sorted(self.versions.all(), key=lambda v: v.effective_from, reverse=True)
        return next((v for v in versions if v.effective_from <= day), None) or (
            versions[-1] if versions else None
        )


class RuleVersion(Orderable):
    """The rules of a rule set from ``effective_from`` until the next version."""

    rule_set = ParentalKey(RuleSet, on_delete=models.CASCADE, related_name="versions")
    effective_from = models.DateField()
    note = models.CharField(max_length=300, blank=True)
    rules = models.JSONField(
        help_text="Cycle anchor and length, window, hours, categories, caps, recency, "
        "equivalences, carry-over, grace and late windows, reinstatement, attestations "
        "(see renewals/data/*.yaml for examples)."
    )

    panels = [FieldPanel("effective_from"), FieldPanel("note"), FieldPanel("rules")]

    class Meta(Orderable.Meta):
        ordering = ["rule_set", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["rule_set", "effective_from"], name="renewals_version_date_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.rule_set} from {long_date(self.effective_from)}"

    def clean(self) -> None:
        try:
            engine.rules_from_dict(self.rules)
        except engine.RulesError as error:
            raise ValidationError({"rules": str(error)}) from error

    def parsed(self) -> engine.Rules:
        cached = getattr(self, "_parsed", None)
        if cached is None:
            cached = self._parsed = engine.rules_from_dict(self.rules)
        return cached


# Evidence: a certificate of attendance, as a PDF or an image.
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
HOURS_MAX_DIGITS = 6


class CEActivity(models.Model):
    """A continuing-education activity a holder logged, or Peerpath added on completion."""

    class Format(models.TextChoices):
        LIVE = "live", "Live, in person"
        ONLINE = "online", "Online, live"
        SELF_STUDY = "self_study", "Self-study"

    class Source(models.TextChoices):
        SELF_REPORTED = "self_reported", "Self-reported"
        PEERPATH = "peerpath", "Peerpath-verified"

    class Kind(models.TextChoices):
        COURSE = "course", "Course, workshop or conference"
        COLLEGE_CREDIT = "college_credit", "College course (credits)"
        CORE_COURSE = "core_course", "Core course"
        STAFF_MEETING = "staff_meeting", "Staff meeting"
        SUPERVISION = "supervision", "Supervision"
        CASE_MANAGEMENT = "case_management", "Case management"

    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ce_activities"
    )
    credential = models.ForeignKey(
        "certificates.Credential", on_delete=models.CASCADE, related_name="ce_activities"
    )
    title = models.CharField(max_length=200)
    provider = models.CharField(max_length=200)
    started_on = models.DateField()
    completed_on = models.DateField()
    hours = models.DecimalField(max_digits=HOURS_MAX_DIGITS, decimal_places=2)
    format = models.CharField(max_length=12, choices=Format.choices, default=Format.LIVE)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.COURSE)
    units = models.DecimalField(
        "college credits", max_digits=4, decimal_places=1, default=Decimal("0")
    )
    categories = models.JSONField(default=list, blank=True)
    evidence = models.FileField(upload_to="ce-evidence/", blank=True)
    evidence_type = models.CharField(max_length=40, blank=True)
    source = models.CharField(max_length=14, choices=Source.choices, default=Source.SELF_REPORTED)
    # The Peerpath page (programme or module) whose completion added it.
    offering = models.ForeignKey(
        "renewals.CEOffering", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-completed_on", "title"]
        constraints = [
            models.UniqueConstraint(
                Lower("title"),
                Lower("provider"),
                "completed_on",
                "credential",
                name="renewals_activity_once",
            ),
            models.CheckConstraint(condition=Q(hours__gt=0), name="renewals_hours_positive"),
            models.CheckConstraint(
                condition=Q(completed_on__gte=models.F("started_on")),
                name="renewals_activity_dates_in_order",
            ),
            models.CheckConstraint(
                condition=Q(format__in=["live", "online", "self_study"]),
                name="renewals_activity_format",
            ),
            models.CheckConstraint(
                condition=Q(source__in=["self_reported", "peerpath"]),
                name="renewals_activity_source",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.completed_on:%Y-%m-%d})"

    def as_engine(self, *, used_before: bool = False) -> engine.Activity:
        return engine.Activity(
            id=self.pk,
            title=self.title,
            completed_on=self.completed_on,
            hours=self.hours,
            categories=tuple(self.categories or ()),
            format=self.format,
            kind=self.kind,
            units=self.units,
            used_before=used_before,
        )


class CEOffering(models.Model):
    """A Peerpath programme or module offered as continuing education: completing it adds a
    verified activity with these hours and categories to the holder's credentials."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="ce_offering"
    )
    hours = models.DecimalField(max_digits=HOURS_MAX_DIGITS, decimal_places=2)
    categories = models.JSONField(default=list, blank=True)
    format = models.CharField(
        max_length=12, choices=CEActivity.Format.choices, default=CEActivity.Format.ONLINE
    )

    panels = [
        FieldPanel("page"),
        FieldPanel("hours"),
        FieldPanel("categories"),
        FieldPanel("format"),
    ]

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(hours__gt=0), name="renewals_offering_hours")
        ]

    def __str__(self) -> str:
        return f"{self.page} ({engine.hours_words(self.hours)})"


class RenewalApplication(models.Model):
    """A holder applied to renew a credential's current cycle."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", "Waiting for review"
        RETURNED = "returned", "Returned to the holder"
        APPROVED = "approved", "Approved"

    credential = models.ForeignKey(
        "certificates.Credential", on_delete=models.CASCADE, related_name="renewal_applications"
    )
    cycle = models.PositiveSmallIntegerField()
    rule_version = models.ForeignKey(RuleVersion, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    attestations = models.JSONField(default=dict, blank=True)
    ethics_code = models.ForeignKey(
        "certificates.EthicsCode", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    signed_name = models.CharField(max_length=300, blank=True)
    submitted_at = models.DateTimeField(default=timezone.now)
    sampled_for_audit = models.BooleanField(default=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    return_reason = models.TextField(blank=True, max_length=1000)
    # Set on approval: the expiry it replaced, the new one, and hours carried forward.
    # Applied for after the credential lapsed: approving it reinstates the credential, with
    # a new cycle from the day of approval (judged by the status when the holder applied,
    # so a slow review never turns a renewal into a reinstatement).
    reinstatement = models.BooleanField(default=False)
    previous_expires_on = models.DateField(null=True, blank=True)
    # The first day of the cycle the approval began: the day after the old expiry for a
    # renewal, the day of approval for a reinstatement.
    new_starts_on = models.DateField(null=True, blank=True)
    new_expires_on = models.DateField(null=True, blank=True)
    carry_out = models.DecimalField(max_digits=6, decimal_places=2, default=Decimal("0"))

    class Meta:
        ordering = ["submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["credential", "cycle"],
                condition=Q(status__in=["submitted", "approved"]),
                name="renewals_one_open_application",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["submitted", "returned", "approved"]),
                name="renewals_application_status",
            ),
            # An approval records the cycle it began: the cycle judged next starts there.
            models.CheckConstraint(
                condition=~Q(status="approved")
                | Q(
                    previous_expires_on__isnull=False,
                    new_starts_on__isnull=False,
                    new_expires_on__isnull=False,
                ),
                name="renewals_approval_has_its_cycle",
            ),
        ]

    def __str__(self) -> str:
        return f"Renewal of {self.credential_id} cycle {self.cycle} ({self.status})"


class RenewalReminder(models.Model):
    """A reminder sent for a cycle, ``days`` before it expires: never twice."""

    credential = models.ForeignKey(
        "certificates.Credential", on_delete=models.CASCADE, related_name="+"
    )
    expires_on = models.DateField()
    days = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["credential", "expires_on", "days"], name="renewals_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.days}-day reminder for {self.credential_id}"
