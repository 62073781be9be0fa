"""Coordinator overrides of a quiz's rules, and trainees' requests for another attempt.

Writes (``attempt_request_create``, ``quiz_override_create``) check, record and notify in
one transaction; reads (``open_attempt_requests``, ``override_panels``) serve the
coordinator's pages at a fixed number of queries.

The record of who did what and why is the ``QuizOverride`` row itself (kept, never edited,
shown on the learner record and read-only in the Django admin) plus a log line with ids
only: the reason may describe the trainee's circumstances, so it stays out of the logs.
The practice audit chain is practice's own (and a layer this app may not import).
"""

import logging
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from courses.models import Enrollment, ProgrammePage
from notifications.services import email_send_template
from organisations.models import Membership
from organisations.roles import Role, has_role

from .models import Attempt, AttemptRequest, QuizOverride, QuizPage
from .models.overrides import (
    EXTRA_ATTEMPTS_RANGE,
    MAX_EXTRA_ATTEMPTS,
    OVERRIDE_REASON_MAX_LENGTH,
    REASON_REQUIRED,
    REASON_TOO_LONG,
)
from .services import quiz_standing

# Ids and kinds only: names, addresses and reasons are about a person.
logger = logging.getLogger(__name__)


def _quiz_path(quiz: QuizPage) -> str:
    """The quiz page's path on the site, for a link in an email."""
    parts = quiz.get_url_parts()
    return parts[2] if parts else reverse("courses:my_training")


def learner_record_path(*, enrollment: Enrollment, quiz_id: int | None = None) -> str:
    path = reverse(
        "certificates:learner_record",
        kwargs={"programme_id": enrollment.programme_id, "enrollment_id": enrollment.pk},
    )
    return f"{path}#quiz-{quiz_id}" if quiz_id else path


def _coordinators_of(enrollment: Enrollment) -> list:
    return list(
        get_user_model()
        .objects.filter(
            is_active=True,
            memberships__organisation_id=enrollment.programme.organisation_id,
            memberships__role=Role.COORDINATOR,
        )
        .exclude(email="")
        .exclude(pk=enrollment.trainee_id)
        .distinct()
        .order_by("pk")
    )


# ---------------------------------------------------------------- the trainee asks


def attempt_request_create(*, trainee, quiz: QuizPage) -> tuple[AttemptRequest, bool]:
    """Ask the programme's coordinators for another attempt; returns (request, created).

    Only a trainee out of attempts may ask. While a request is open, asking again returns
    it and emails nobody: one open request per trainee and quiz, kept by the database.
    """
    standing = quiz_standing(quiz=quiz, trainee=trainee)
    if standing.open_request is not None:
        return standing.open_request, False
    if not standing.out_of_attempts or standing.enrollment is None:
        raise ValidationError(
            standing.blocked_reason
            or "You can still take this quiz: there is no need to ask for another attempt."
        )
    enrollment = standing.enrollment
    coordinators = _coordinators_of(enrollment)
    try:
        with transaction.atomic():
            request = AttemptRequest.objects.create(enrollment=enrollment, quiz=quiz)
            for coordinator in coordinators:
                email_send_template(
                    to=[coordinator.email],
                    template="assessments/attempt_requested",
                    context={
                        "coordinator": coordinator,
                        "trainee_name": trainee.get_full_name() or trainee.email,
                        "quiz": quiz,
                        "programme": enrollment.programme,
                        "attempts_used": standing.attempts_used,
                    },
                    link_path=learner_record_path(enrollment=enrollment, quiz_id=quiz.pk),
                )
    except IntegrityError:
        # A second click at the same moment made the request and sent the emails.
        return AttemptRequest.objects.get(enrollment=enrollment, quiz=quiz, closed_at=None), False
    if coordinators:
        logger.info(
            "Attempt request %s (quiz %s, enrollment %s): %d coordinator(s) told",
            request.pk,
            quiz.pk,
            enrollment.pk,
            len(coordinators),
        )
    else:
        logger.warning(
            "Attempt request %s (quiz %s): organization %s has no coordinator to tell",
            request.pk,
            quiz.pk,
            enrollment.programme.organisation_id,
        )
    return request, True


# ---------------------------------------------------------------- the coordinator decides


def _checked_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(REASON_REQUIRED)
    if len(reason) > OVERRIDE_REASON_MAX_LENGTH:
        raise ValidationError(REASON_TOO_LONG)
    return reason


def quiz_override_create(
    *,
    coordinator,
    enrollment: Enrollment,
    quiz: QuizPage,
    kind: str,
    reason: str,
    extra_attempts: int | None = None,
) -> QuizOverride:
    """Grant extra attempts, lift the current wait, or void the open attempt; with a reason.

    Checks: ``coordinator`` coordinates the programme's provider and is not the trainee;
    the quiz is in the programme; extra attempts are 1 to ``MAX_EXTRA_ATTEMPTS``; a wait
    is lifted only while one applies; a reset needs an open attempt. Refusals raise
    ValidationError and store nothing. Extra attempts and a lifted wait close the trainee's
    open request; every override emails the trainee what changed.
    """
    reason = _checked_reason(reason)
    programme = enrollment.programme
    if not has_role(coordinator, Role.COORDINATOR, organisation=programme.organisation):
        raise ValidationError("Only a coordinator of this program can change its quiz rules.")
    if coordinator.pk == enrollment.trainee_id:
        raise ValidationError("Nobody overrides their own quiz: ask another coordinator.")
    if not quiz.path.startswith(programme.path):
        raise ValidationError("This quiz is not part of the trainee's program.")
    if kind not in QuizOverride.Kind.values:
        raise ValidationError("Choose extra attempts, lift the wait or reset the open attempt.")
    if kind == QuizOverride.Kind.EXTRA_ATTEMPTS:
        if extra_attempts is None or not 1 <= extra_attempts <= MAX_EXTRA_ATTEMPTS:
            raise ValidationError(EXTRA_ATTEMPTS_RANGE)
    else:
        extra_attempts = None

    trainee = enrollment.trainee
    with transaction.atomic():
        # The lock attempt_start takes: no attempt starts while the rules change under it.
        Enrollment.objects.select_for_update().get(pk=enrollment.pk)
        attempt = None
        if kind == QuizOverride.Kind.RESET_ATTEMPT:
            attempt = (
                Attempt.objects.select_for_update()
                .filter(enrollment=enrollment, quiz=quiz, status=Attempt.Status.OPEN)
                .first()
            )
            if attempt is None:
                raise ValidationError(
                    "There is no attempt in progress to reset: the trainee has none open."
                )
            attempt.status = Attempt.Status.VOIDED
            attempt.save(update_fields=["status"])
        elif (
            kind == QuizOverride.Kind.LIFT_WAIT
            and quiz_standing(quiz=quiz, trainee=trainee).next_allowed_at is None
        ):
            raise ValidationError("There is no wait to lift: their next attempt is not held back.")
        override = QuizOverride.objects.create(
            enrollment=enrollment,
            quiz=quiz,
            kind=kind,
            extra_attempts=extra_attempts,
            attempt=attempt,
            reason=reason,
            by=coordinator,
            by_name=coordinator.get_full_name() or coordinator.email,
        )
        closed = 0
        if kind != QuizOverride.Kind.RESET_ATTEMPT:
            closed = AttemptRequest.objects.filter(
                enrollment=enrollment, quiz=quiz, closed_at__isnull=True
            ).update(closed_at=override.at, closed_by=override)
        standing = quiz_standing(quiz=quiz, trainee=trainee)
        opens_at = (
            date_format(timezone.localtime(standing.next_allowed_at), "F j, Y, g:i A")
            if standing.next_allowed_at
            else ""
        )
        if trainee.email:
            email_send_template(
                to=[trainee.email],
                template="assessments/quiz_override",
                context={
                    "trainee": trainee,
                    "quiz": quiz,
                    "programme": programme,
                    "override": override,
                    "attempts_left": standing.attempts_left,
                    "opens_at": opens_at,
                },
                link_path=_quiz_path(quiz),
            )
    logger.info(
        "Quiz override %s (%s) on quiz %s for enrollment %s by user %s; %d request(s) closed",
        override.pk,
        kind,
        quiz.pk,
        enrollment.pk,
        coordinator.pk,
        closed,
    )
    return override


# ---------------------------------------------------------------- what coordinators see


def open_attempt_requests(*, coordinator, programme: ProgrammePage | None = None) -> QuerySet:
    """Open requests in the programmes ``coordinator`` coordinates (or in one): one query."""
    requests = AttemptRequest.objects.filter(
        closed_at__isnull=True,
        enrollment__programme__organisation__in=Membership.objects.filter(
            user=coordinator, role=Role.COORDINATOR
        ).values("organisation"),
    )
    if programme is not None:
        requests = requests.filter(enrollment__programme=programme)
    return requests.select_related("enrollment__trainee", "enrollment__programme", "quiz").order_by(
        "requested_at", "pk"
    )


@dataclass
class OverridePanel:
    """One quiz on a learner record: what a coordinator may do, and what was done."""

    quiz: QuizPage
    open_attempt: Attempt | None = None
    open_request: AttemptRequest | None = None
    history: list[QuizOverride] = field(default_factory=list)


def override_panels(*, enrollment: Enrollment) -> list[OverridePanel]:
    """Per published quiz of the programme: open attempt, open request, overrides. 4 queries."""
    quizzes = (
        QuizPage.objects.live()
        .filter(path__startswith=enrollment.programme.path)
        .order_by("path")
        .only("id", "title", "path")
    )
    panels = {quiz.pk: OverridePanel(quiz=quiz) for quiz in quizzes}
    for attempt in Attempt.objects.filter(
        enrollment=enrollment, quiz_id__in=panels, status=Attempt.Status.OPEN
    ):
        panels[attempt.quiz_id].open_attempt = attempt
    for request in AttemptRequest.objects.filter(
        enrollment=enrollment, quiz_id__in=panels, closed_at__isnull=True
    ):
        panels[request.quiz_id].open_request = request
    for override in QuizOverride.objects.filter(
        enrollment=enrollment, quiz_id__in=panels
    ).select_related("attempt"):
        panels[override.quiz_id].history.append(override)
    return list(panels.values())
