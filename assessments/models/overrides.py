"""Coordinators' exceptions to a quiz's rules for one trainee, and trainees' requests for one.

A trainee who has used every attempt, or whose attempt broke, used to be told to ask a
coordinator who had no way to help. An override is that help, written down: who did what
for whom, when and why. Rows are kept and never edited, like the attempts they explain;
``quiz_standing`` reads them, so what a trainee may do follows from the record.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length, Trim
from django.db.models.lookups import GreaterThan
from django.utils import timezone

from core.db import length_at_most

OVERRIDE_REASON_MAX_LENGTH = 500
# More than this at once is a different quiz, not an exception: change the quiz's rules.
MAX_EXTRA_ATTEMPTS = 10

# What a coordinator is told, by the form and by the service alike.
REASON_REQUIRED = "Give a reason: it is kept with the override and shown in its history."
REASON_TOO_LONG = f"Keep the reason to {OVERRIDE_REASON_MAX_LENGTH} characters."
EXTRA_ATTEMPTS_RANGE = f"Grant between 1 and {MAX_EXTRA_ATTEMPTS} extra attempts."


class QuizOverride(models.Model):
    """A coordinator granted extra attempts, lifted the wait, or reset a broken attempt."""

    class Kind(models.TextChoices):
        EXTRA_ATTEMPTS = "extra_attempts", "Extra attempts granted"
        LIFT_WAIT = "lift_wait", "Wait lifted"
        RESET_ATTEMPT = "reset_attempt", "Open attempt reset"

    REASON_MAX_LENGTH = OVERRIDE_REASON_MAX_LENGTH

    enrollment = models.ForeignKey(
        "courses.Enrollment", on_delete=models.CASCADE, related_name="quiz_overrides"
    )
    quiz = models.ForeignKey(
        "assessments.QuizPage", on_delete=models.PROTECT, related_name="overrides"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    extra_attempts = models.PositiveSmallIntegerField(null=True, blank=True)
    # The attempt a reset voided. RESTRICT: the attempt cannot be deleted on its own while
    # this explains it, only together with the enrolment (or by erasure, which deletes both).
    attempt = models.OneToOneField(
        "assessments.Attempt",
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="reset",
    )
    reason = models.CharField(max_length=OVERRIDE_REASON_MAX_LENGTH)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Kept if the account goes; erasure replaces it with a pseudonym.
    by_name = models.CharField(max_length=300)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["enrollment", "quiz"])]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        kind="extra_attempts",
                        extra_attempts__gte=1,
                        extra_attempts__lte=MAX_EXTRA_ATTEMPTS,
                        attempt__isnull=True,
                    )
                    | Q(kind="lift_wait", extra_attempts__isnull=True, attempt__isnull=True)
                    | Q(kind="reset_attempt", extra_attempts__isnull=True, attempt__isnull=False)
                ),
                name="assessments_override_fields_match_kind",
            ),
            models.CheckConstraint(
                condition=GreaterThan(Length(Trim("reason")), 0),
                name="assessments_override_reason_given",
            ),
            length_at_most(
                "reason", OVERRIDE_REASON_MAX_LENGTH, name="assessments_override_reason_length"
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_kind_display()} on quiz {self.quiz_id} for enrollment {self.enrollment_id}"
        )


class AttemptRequest(models.Model):
    """A trainee out of attempts asked for another; the coordinators were emailed once.

    At most one open request per trainee and quiz (the database keeps it so, which is also
    the rate limit: asking again shows the open request). A coordinator's extra attempts or
    lifted wait closes it, naming the override that did.
    """

    enrollment = models.ForeignKey(
        "courses.Enrollment", on_delete=models.CASCADE, related_name="attempt_requests"
    )
    quiz = models.ForeignKey(
        "assessments.QuizPage", on_delete=models.PROTECT, related_name="attempt_requests"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        QuizOverride,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="closed_requests",
    )

    class Meta:
        ordering = ["requested_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "quiz"],
                condition=Q(closed_at__isnull=True),
                name="assessments_one_open_attempt_request",
            ),
            models.CheckConstraint(
                condition=Q(closed_at__isnull=True, closed_by__isnull=True)
                | Q(closed_at__isnull=False, closed_by__isnull=False),
                name="assessments_attempt_request_closed_by_override",
            ),
        ]

    def __str__(self) -> str:
        return (
            f"Request for another attempt at quiz {self.quiz_id} by enrollment {self.enrollment_id}"
        )

    @property
    def is_open(self) -> bool:
        return self.closed_at is None
