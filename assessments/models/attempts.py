"""A trainee's attempts at a quiz, kept exactly as they were shown and answered.

The attempt's ``questions`` snapshot holds every question and option as displayed, with
which options were correct at that moment, so editing the bank later never changes a
past result. Responses and choices are also stored as rows so item analysis is a
GROUP BY rather than a walk through JSON.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone


class Attempt(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "In progress"
        SUBMITTED = "submitted", "Submitted"
        # Reset by a coordinator (``QuizOverride``, which says who and why): kept as it
        # was, it counts neither as an attempt used nor as a result.
        VOIDED = "voided", "Reset by a coordinator"

    enrollment = models.ForeignKey(
        "courses.Enrollment", on_delete=models.CASCADE, related_name="attempts"
    )
    quiz = models.ForeignKey(
        "assessments.QuizPage", on_delete=models.PROTECT, related_name="attempts"
    )
    number = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    questions = models.JSONField(help_text="Snapshot of the questions and options as shown.")
    pass_mark = models.PositiveSmallIntegerField()
    started_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    score_percent = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(null=True, blank=True)
    domain_scores = models.JSONField(
        default=list,
        blank=True,
        help_text="A final exam's result per competency domain, as computed at submission.",
    )

    class Meta:
        ordering = ["enrollment", "quiz", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "quiz", "number"], name="assessments_attempt_number_unique"
            ),
            models.UniqueConstraint(
                fields=["enrollment", "quiz"],
                condition=Q(status="open"),
                name="assessments_one_open_attempt",
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        status__in=["open", "voided"],
                        submitted_at__isnull=True,
                        score_percent__isnull=True,
                        passed__isnull=True,
                    )
                    | Q(
                        status="submitted",
                        submitted_at__isnull=False,
                        score_percent__isnull=False,
                        passed__isnull=False,
                    )
                ),
                name="assessments_attempt_result_matches_status",
            ),
        ]
        indexes = [models.Index(fields=["quiz", "status"])]

    def __str__(self) -> str:
        return f"Attempt {self.number} at {self.quiz_id} by enrollment {self.enrollment_id}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_voided(self) -> bool:
        return self.status == self.Status.VOIDED


class Response(models.Model):
    """The answer to one question of a submitted attempt."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="responses")
    position = models.PositiveSmallIntegerField()
    question = models.ForeignKey(
        "assessments.Question", on_delete=models.SET_NULL, null=True, related_name="responses"
    )
    points = models.DecimalField(max_digits=5, decimal_places=4)
    is_correct = models.BooleanField()

    class Meta:
        ordering = ["attempt", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "position"], name="assessments_response_unique"
            )
        ]

    def __str__(self) -> str:
        return f"Answer {self.position} of attempt {self.attempt_id}"


class ResponseChoice(models.Model):
    """One option the trainee chose."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="choices")
    option = models.ForeignKey(
        "assessments.Option", on_delete=models.SET_NULL, null=True, related_name="choices"
    )
    is_correct = models.BooleanField()

    def __str__(self) -> str:
        return f"Option {self.option_id} in answer {self.response_id}"
