from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.codes import readable_code
from core.db import length_at_most
from organisations.tenancy import ProviderScopedModelForm

# A private reflection on a lesson's prompt: a page of text at most.
REFLECTION_TEXT_MAX_LENGTH = 5000


def new_invitation_code() -> str:
    # Read aloud to a cohort or typed from a handout, so no easily confused characters.
    return readable_code(length=8)


class Cohort(models.Model):
    """A group of trainees who take a programme together; it carries the invitation code."""

    programme = models.ForeignKey(
        "courses.ProgrammePage", on_delete=models.CASCADE, related_name="cohorts"
    )
    name = models.CharField(max_length=120)
    invitation_code = models.CharField(max_length=16, unique=True, default=new_invitation_code)
    starts_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    # organisations.tenancy: a cohort belongs to its programme's provider.
    provider_owner = "programme__organisation"
    base_form_class = ProviderScopedModelForm

    class Meta:
        ordering = ["programme__title", "name"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "name"], name="courses_cohort_unique_name")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.programme.title})"


class EnrollmentQuerySet(models.QuerySet):
    def for_trainee(self, user):
        return self.filter(trainee=user)

    def with_lessons_done(self):
        """Annotate how many currently published lessons each trainee has completed."""
        return self.annotate(
            lessons_done=models.Count(
                "completions", filter=models.Q(completions__lesson__live=True), distinct=True
            )
        )

    def stalled(self, *, days: int):
        cutoff = timezone.now() - timedelta(days=days)
        return self.filter(completed_at__isnull=True, last_activity_at__lt=cutoff)


class Enrollment(models.Model):
    """A trainee taking a programme. Completion history hangs off this row."""

    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments"
    )
    programme = models.ForeignKey(
        "courses.ProgrammePage", on_delete=models.PROTECT, related_name="enrollments"
    )
    cohort = models.ForeignKey(
        Cohort, on_delete=models.SET_NULL, null=True, blank=True, related_name="enrollments"
    )
    started_at = models.DateTimeField(default=timezone.now)
    last_activity_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)

    objects = EnrollmentQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["trainee", "programme"], name="courses_enrollment_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(completed_at__isnull=True)
                | models.Q(completed_at__gte=models.F("started_at")),
                name="courses_enrollment_completed_after_start",
            ),
        ]
        indexes = [models.Index(fields=["programme", "last_activity_at"])]

    def __str__(self) -> str:
        return f"{self.trainee} in {self.programme.title}"

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None


class LessonCompletion(models.Model):
    """A trainee finished a lesson, as it read at a given revision.

    The revision is kept so that later edits to the lesson never rewrite what the trainee
    actually studied.
    """

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="completions")
    lesson = models.ForeignKey(
        "courses.LessonPage", on_delete=models.PROTECT, related_name="completions"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["completed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "lesson"], name="courses_completion_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrollment.trainee} completed {self.lesson.title}"


class Reflection(models.Model):
    """A trainee's private answer to a reflection prompt. Only its author ever sees it."""

    TEXT_MAX_LENGTH = REFLECTION_TEXT_MAX_LENGTH

    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reflections"
    )
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="+")
    block_id = models.CharField(max_length=64)
    text = models.TextField(max_length=TEXT_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["trainee", "lesson", "block_id"], name="courses_reflection_unique"
            ),
            length_at_most(
                "text", REFLECTION_TEXT_MAX_LENGTH, name="courses_reflection_text_length"
            ),
        ]

    def __str__(self) -> str:
        return f"Reflection by trainee {self.trainee_id} on lesson {self.lesson_id}"


def _invitation_expiry():
    return timezone.now() + timedelta(days=EnrolmentInvitation.VALID_DAYS)


class EnrolmentInvitation(models.Model):
    """A coordinator's offer of a place, for someone they may not enrol directly.

    Enrolling by email makes the person a member of the provider. That is only done at once
    for people with no role at another organisation; anyone else (another provider's
    trainee, a clinic verifier) and any address without an account gets this invitation,
    and nothing is created, or shown to the coordinator beyond the address they typed,
    until the person signed in with that address accepts it.
    """

    VALID_DAYS = 14

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for an answer"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"

    programme = models.ForeignKey(
        "courses.ProgrammePage", on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField()
    # As the coordinator typed them (bulk enrolment): for the greeting and the list of
    # invitations; the account keeps the names its owner gives at sign-up.
    first_name = models.CharField(max_length=150, blank=True)
    last_name = models.CharField(max_length=150, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=_invitation_expiry)
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "email"],
                condition=models.Q(status="pending"),
                name="courses_one_pending_invitation",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["pending", "accepted", "declined"]),
                name="courses_invitation_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"Invitation to {self.programme.title} for {self.email}"

    @property
    def is_expired(self) -> bool:
        return self.status == self.Status.PENDING and self.expires_at <= timezone.now()


class StallReminder(models.Model):
    """A trainee with no progress for a while was reminded, once for this stall.

    A stall is known by the enrolment's ``last_activity_at`` when the reminder went out:
    the database allows one reminder per value, so a trainee is reminded again only after
    they progress (which moves the value) and stall again.
    """

    enrollment = models.ForeignKey(
        Enrollment, on_delete=models.CASCADE, related_name="stall_reminders"
    )
    activity_at = models.DateTimeField(help_text="The enrollment's last activity when sent.")
    sent_at = models.DateTimeField(default=timezone.now)
    # Who chose to send it; empty for the automatic reminder.
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "activity_at"], name="courses_one_reminder_per_stall"
            )
        ]

    def __str__(self) -> str:
        return f"Stall reminder for enrollment {self.enrollment_id} at {self.sent_at:%Y-%m-%d}"


class LessonEngagement(models.Model):
    """The evidence that a trainee worked through a lesson, kept until it is credited.

    ``active_seconds`` adds up the heartbeats the lesson page sends while its tab is visible
    and the trainee has used it lately, each capped by the server (``courses.engagement``);
    ``opened_sections`` holds the ids of the content warnings whose section they opened;
    ``check_answers`` whether each practice question was first answered correctly.
    """

    enrollment = models.ForeignKey(
        Enrollment, on_delete=models.CASCADE, related_name="lesson_engagements"
    )
    lesson = models.ForeignKey(
        "courses.LessonPage", on_delete=models.CASCADE, related_name="engagements"
    )
    active_seconds = models.PositiveIntegerField(default=0)
    opened_sections = models.JSONField(default=list, blank=True)
    check_answers = models.JSONField(default=dict, blank=True)
    last_beat_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "lesson"], name="courses_engagement_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(active_seconds__gte=0),
                name="courses_engagement_seconds_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(last_beat_at__isnull=True)
                | models.Q(last_beat_at__gte=models.F("created_at")),
                name="courses_engagement_beat_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"Engagement of enrollment {self.enrollment_id} with lesson {self.lesson_id}"
