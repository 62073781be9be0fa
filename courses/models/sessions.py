"""Live instruction: sessions a cohort attends, the attendance taken at them, and the rules
that turn attended minutes into training hours.

A session carries its training minutes by competency domain (``SessionDomainMinutes``,
summing to its length). Attendance, however it was taken (the facilitator's register, a
scanned check-in code, an imported meeting report), ends as one ``AttendanceRecord`` per
trainee enrollment and session; every change to one is kept in ``AttendanceChange``.
"""

import secrets
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Now
from django.utils import timezone


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class AttendancePolicy(models.Model):
    """A programme's rule for when a live session counts, and for how much."""

    DEFAULT_REQUIRED_PERCENT = 90

    programme = models.OneToOneField(
        "courses.ProgrammePage", on_delete=models.CASCADE, related_name="attendance_policy"
    )
    required_percent = models.PositiveSmallIntegerField(
        default=DEFAULT_REQUIRED_PERCENT,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="The share of a session's minutes a trainee must attend for it to count.",
    )
    partial_credit = models.BooleanField(
        default=False,
        help_text="Below the required share, credit the minutes attended instead of nothing.",
    )
    make_ups_allowed = models.BooleanField(
        default=True, help_text="A make-up session can stand in for the session it replaces."
    )

    provider_owner = "programme__organisation"

    class Meta:
        verbose_name_plural = "attendance policies"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(required_percent__gte=1, required_percent__lte=100),
                name="courses_policy_percent_range",
            )
        ]

    def __str__(self) -> str:
        return f"Attendance policy of {self.programme.title}"

    @property
    def required_share(self) -> Decimal:
        return Decimal(self.required_percent) / 100


class LiveSession(models.Model):
    """One class a cohort attends, in a room or in a video meeting."""

    cohort = models.ForeignKey(
        "courses.Cohort", on_delete=models.CASCADE, related_name="live_sessions"
    )
    title = models.CharField(max_length=200)
    place = models.CharField(
        max_length=300, blank=True, help_text="Where it is held, for a session in person."
    )
    meeting_link = models.URLField(
        max_length=500, blank=True, help_text="The video meeting's address, for a virtual one."
    )
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="facilitated_sessions", blank=True
    )
    make_up_for = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="make_ups",
        help_text="The session this one replaces for trainees who missed it.",
    )
    created_at = models.DateTimeField(default=timezone.now)

    provider_owner = "cohort__programme__organisation"

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="courses_session_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~models.Q(place="") | ~models.Q(meeting_link=""),
                name="courses_session_place_or_link",
            ),
            models.CheckConstraint(
                condition=~models.Q(make_up_for=models.F("pk")),
                name="courses_session_not_own_make_up",
            ),
        ]
        indexes = [models.Index(fields=["cohort", "starts_at"])]

    def __str__(self) -> str:
        return f"{self.title} ({timezone.localtime(self.starts_at):%Y-%m-%d %H:%M})"

    @property
    def length_minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    @property
    def is_virtual(self) -> bool:
        return bool(self.meeting_link)

    def clean(self) -> None:
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "The session must end after it starts."})
        if not self.place and not self.meeting_link:
            raise ValidationError("Give a place for a session in person or a meeting link.")


class SessionDomainMinutes(models.Model):
    """The training minutes a session carries towards one competency domain."""

    session = models.ForeignKey(
        LiveSession, on_delete=models.CASCADE, related_name="domain_minutes"
    )
    domain = models.ForeignKey(
        "courses.CompetencyDomain", on_delete=models.PROTECT, related_name="+"
    )
    minutes = models.PositiveIntegerField(validators=[MinValueValidator(1)])

    class Meta:
        ordering = ["domain__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "domain"], name="courses_session_domain_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(minutes__gt=0), name="courses_session_domain_minutes_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.minutes} min of {self.domain_id} in session {self.session_id}"


class AttendanceRecord(models.Model):
    """How long one trainee attended one session: the only thing hours are credited from."""

    class Status(models.TextChoices):
        PRESENT = "present", "Present"
        LATE = "late", "Late"
        LEFT_EARLY = "left_early", "Left early"
        ABSENT = "absent", "Absent"

    class Source(models.TextChoices):
        REGISTER = "register", "Register"
        QR = "qr", "QR check-in"
        IMPORT = "import", "Meeting report"

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="attendance")
    enrollment = models.ForeignKey(
        "courses.Enrollment", on_delete=models.CASCADE, related_name="attendance"
    )
    status = models.CharField(max_length=12, choices=Status.choices)
    # Denormalised from the session so the database can hold the bound itself.
    session_minutes = models.PositiveIntegerField()
    minutes_attended = models.PositiveIntegerField(default=0)
    note = models.CharField(max_length=500, blank=True)
    source = models.CharField(max_length=10, choices=Source.choices)
    checked_in_at = models.DateTimeField(null=True, blank=True)
    checked_out_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["session__starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "enrollment"], name="courses_attendance_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(minutes_attended__gte=0)
                & models.Q(minutes_attended__lte=models.F("session_minutes")),
                name="courses_attendance_minutes_in_session",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["present", "late", "left_early", "absent"]),
                name="courses_attendance_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(source__in=["register", "qr", "import"]),
                name="courses_attendance_source_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="absent") | models.Q(minutes_attended=0),
                name="courses_attendance_absent_no_minutes",
            ),
            models.CheckConstraint(
                condition=models.Q(checked_out_at__isnull=True)
                | models.Q(checked_in_at__isnull=True)
                | models.Q(checked_out_at__gte=models.F("checked_in_at")),
                name="courses_attendance_out_after_in",
            ),
        ]

    def __str__(self) -> str:
        return f"Enrollment {self.enrollment_id} at session {self.session_id}: {self.status}"


class AttendanceChange(models.Model):
    """The audit trail of attendance: every record written or changed, by whom and why.

    Append-only: rows are never updated or deleted by the application.
    """

    record = models.ForeignKey(AttendanceRecord, on_delete=models.CASCADE, related_name="changes")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    source = models.CharField(max_length=10, choices=AttendanceRecord.Source.choices)
    reason = models.CharField(max_length=500, blank=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField()
    created_at = models.DateTimeField(db_default=Now())

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Change to attendance record {self.record_id}"


class CheckInScan(models.Model):
    """A check-in code used by one trainee: the same code never works twice for them."""

    nonce = models.CharField(max_length=32)
    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="+")
    enrollment = models.ForeignKey("courses.Enrollment", on_delete=models.CASCADE, related_name="+")
    direction = models.CharField(max_length=3)
    scanned_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["nonce", "enrollment"], name="courses_scan_once"),
            models.CheckConstraint(
                condition=models.Q(direction__in=["in", "out"]), name="courses_scan_direction"
            ),
        ]

    def __str__(self) -> str:
        return f"Scan {self.direction} of session {self.session_id}"


class CalendarFeed(models.Model):
    """A trainee's private calendar address: the token is the only credential it takes."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Calendar feed of user {self.user_id}"
