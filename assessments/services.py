"""Taking quizzes (starting an attempt, submitting it) and importing question banks."""

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Q, Sum
from django.utils import timezone
from django.utils.formats import date_format

from courses.models import Enrollment
from courses.selectors import first_blocking_module
from courses.services import enrollment_refresh_completion
from organisations.models import Organisation

from .gift import GiftSyntaxError, UnsupportedQuestion, parse_gift
from .grading import percent, score_question
from .models import (
    Attempt,
    AttemptRequest,
    Option,
    Question,
    QuestionCategory,
    QuizOverride,
    QuizPage,
    Response,
    ResponseChoice,
)
from .selectors import quiz_place

SINGLE_ANSWER_KINDS = {"single", "scenario", "true_false"}


@dataclass(frozen=True)
class QuizStanding:
    """Where a trainee stands with a quiz, and why they may or may not start an attempt."""

    enrollment: Enrollment | None
    attempts: list[Attempt]  # every attempt, voided ones too, in order
    open_attempt: Attempt | None
    passed_attempt: Attempt | None
    attempts_left: int | None  # None: unlimited
    next_allowed_at: datetime | None
    blocked_reason: str
    # Out of attempts: the trainee may ask their coordinators for another (see
    # ``assessments.overrides``); the open request, if they already have.
    out_of_attempts: bool = False
    open_request: AttemptRequest | None = None

    @property
    def can_start(self) -> bool:
        return not self.blocked_reason

    @property
    def attempts_used(self) -> int:
        return sum(1 for a in self.attempts if a.status == Attempt.Status.SUBMITTED)


def _overrides_in_force(*, enrollment: Enrollment, quiz: QuizPage) -> tuple[int, datetime | None]:
    """Extra attempts granted in all, and when the wait was last lifted: one query."""
    totals = QuizOverride.objects.filter(enrollment=enrollment, quiz=quiz).aggregate(
        extra=Sum("extra_attempts", filter=Q(kind=QuizOverride.Kind.EXTRA_ATTEMPTS)),
        lifted=Max("at", filter=Q(kind=QuizOverride.Kind.LIFT_WAIT)),
    )
    return totals["extra"] or 0, totals["lifted"]


def quiz_standing(*, quiz: QuizPage, trainee, now=None) -> QuizStanding:
    now = now or timezone.now()
    module, programme = quiz_place(quiz)
    enrollment = (
        Enrollment.objects.filter(trainee=trainee, programme=programme).first()
        if trainee.is_authenticated
        else None
    )
    attempts = list(Attempt.objects.filter(enrollment=enrollment, quiz=quiz)) if enrollment else []
    # Voided attempts are kept but count for nothing: not as used, not as a result.
    submitted = [a for a in attempts if a.status == Attempt.Status.SUBMITTED]
    open_attempt = next((a for a in attempts if a.is_open), None)
    passed = next((a for a in submitted if a.passed), None)
    extra, wait_lifted_at = (
        _overrides_in_force(enrollment=enrollment, quiz=quiz) if enrollment else (0, None)
    )
    # The quiz's attempts plus those coordinators granted; 0: unlimited.
    allowed = 0 if quiz.max_attempts == 0 else quiz.max_attempts + extra
    left = None if allowed == 0 else max(0, allowed - len(submitted))
    next_allowed: datetime | None = None
    if submitted and quiz.wait_minutes:
        last_submitted_at = submitted[-1].submitted_at
        assert last_submitted_at is not None  # a submitted attempt has its time
        next_allowed = last_submitted_at + timedelta(minutes=quiz.wait_minutes)
        # A coordinator lifted the wait after this attempt: it no longer applies.
        if next_allowed <= now or (wait_lifted_at and wait_lifted_at >= last_submitted_at):
            next_allowed = None

    reason = ""
    out_of_attempts = False
    open_request = None
    if enrollment is None:
        reason = f"Enrol in “{programme.title}” to take this quiz."
    elif passed and passed.score_percent is not None:
        reason = f"You passed this quiz with {passed.score_percent.normalize():f}%."
    elif programme.sequential_unlocking and (
        blocker := first_blocking_module(
            programme=programme, enrollment=enrollment, before_path=module.path
        )
    ):
        reason = f"This quiz unlocks when you complete “{blocker.title}”."
    elif open_attempt is None and left == 0:
        reason = (
            "You have used your one attempt."
            if allowed == 1
            else f"You have used all {allowed} attempts."
        )
        out_of_attempts = True
        open_request = AttemptRequest.objects.filter(
            enrollment=enrollment, quiz=quiz, closed_at__isnull=True
        ).first()
    elif open_attempt is None and next_allowed is not None:
        reason = (
            "Your next attempt opens at "
            + date_format(timezone.localtime(next_allowed), "F j, Y, g:i A")
            + "."
        )
    return QuizStanding(
        enrollment=enrollment,
        attempts=attempts,
        open_attempt=open_attempt,
        passed_attempt=passed,
        attempts_left=left,
        next_allowed_at=next_allowed,
        blocked_reason=reason,
        out_of_attempts=out_of_attempts,
        open_request=open_request,
    )


def _snapshot(quiz: QuizPage) -> list[dict]:
    rng = secrets.SystemRandom()
    questions = list(quiz.question_pool().prefetch_related("options").order_by("pk"))
    if not quiz.shuffle_questions:
        order = {link.question_id: link.sort_order for link in quiz.quiz_questions.all()}
        questions.sort(key=lambda q: (order.get(q.pk, 10_000), q.pk))
    else:
        rng.shuffle(questions)
    if quiz.draw_count and quiz.draw_count < len(questions):
        questions = questions[: quiz.draw_count]
    snapshot = []
    for position, question in enumerate(questions, start=1):
        options = list(question.options.all())
        if quiz.shuffle_options and question.kind != Question.Kind.TRUE_FALSE:
            rng.shuffle(options)
        snapshot.append(
            {
                "key": str(position),
                "question_id": question.pk,
                "kind": question.kind,
                "vignette": question.vignette,
                "text": question.text,
                "explanation": question.explanation,
                "options": [
                    {
                        "key": str(option.pk),
                        "text": option.text,
                        "correct": option.is_correct,
                        "weight": str(option.weight) if option.weight is not None else None,
                        "feedback": option.feedback,
                    }
                    for option in options
                ],
            }
        )
    return snapshot


@transaction.atomic
def attempt_start(*, trainee, quiz: QuizPage) -> Attempt:
    """Open an attempt, or return the one already open. Rules are checked under a row lock."""
    if not quiz.live:
        raise ValidationError("This quiz is not published.")
    standing = quiz_standing(quiz=quiz, trainee=trainee)
    if standing.enrollment is None:
        raise ValidationError(standing.blocked_reason)
    Enrollment.objects.select_for_update().get(pk=standing.enrollment.pk)
    standing = quiz_standing(quiz=quiz, trainee=trainee)  # again, now that we hold the lock
    if standing.open_attempt:
        return standing.open_attempt
    if not standing.can_start:
        raise ValidationError(standing.blocked_reason)
    assert standing.enrollment is not None  # one who may start is enrolled
    questions = _snapshot(quiz)
    if not questions:
        raise ValidationError("This quiz has no questions yet.")
    try:
        with transaction.atomic():
            return Attempt.objects.create(
                enrollment=standing.enrollment,
                quiz=quiz,
                number=len(standing.attempts) + 1,
                questions=questions,
                pass_mark=quiz.pass_mark,
            )
    except IntegrityError:
        return Attempt.objects.get(enrollment=standing.enrollment, quiz=quiz, status="open")


def _validated_choices(attempt: Attempt, answers: dict[str, list[str]]) -> dict[str, set[str]]:
    questions = {q["key"]: q for q in attempt.questions}
    unknown = sorted(set(answers) - set(questions))
    if unknown:
        raise ValidationError(
            "Your answers include questions that are not in this attempt. Reload the quiz and "
            "try again."
        )
    missing = [key for key in questions if not answers.get(key)]
    if missing:
        numbers = ", ".join(missing)
        raise ValidationError(f"Answer every question before submitting. Unanswered: {numbers}.")
    chosen = {}
    for key, values in answers.items():
        question = questions[key]
        allowed = {o["key"] for o in question["options"]}
        picked = set(values)
        if not picked <= allowed:
            raise ValidationError(
                f"An answer to question {key} does not match its options. Reload the quiz and "
                "try again."
            )
        if question["kind"] in SINGLE_ANSWER_KINDS and len(picked) != 1:
            raise ValidationError(f"Question {key} takes exactly one answer.")
        chosen[key] = picked
    return chosen


@transaction.atomic
def attempt_submit(*, trainee, attempt_id: int, answers: dict[str, list[str]]) -> Attempt:
    """Grade and close an attempt. A second submission returns the first result unchanged.

    Raises Attempt.DoesNotExist for an attempt that is not the trainee's.
    """
    attempt = (
        Attempt.objects.select_for_update()
        .select_related("quiz", "enrollment")
        .get(pk=attempt_id, enrollment__trainee=trainee)
    )
    if not attempt.is_open:
        return attempt
    chosen = _validated_choices(attempt, answers)
    partial = attempt.quiz.multiple_select_scoring == QuizPage.Scoring.PARTIAL
    # The bank may have lost a question or option since the attempt began; the snapshot
    # still holds it, the rows just no longer point at it.
    existing_questions = set(
        Question.objects.filter(pk__in=[q["question_id"] for q in attempt.questions]).values_list(
            "pk", flat=True
        )
    )
    responses, points = [], []
    choices: list[tuple[Response, int, bool]] = []
    for position, question in enumerate(attempt.questions, start=1):
        picked = chosen[question["key"]]
        score = score_question(question, picked, partial=partial)
        points.append(score)
        response = Response(
            attempt=attempt,
            position=position,
            question_id=question["question_id"]
            if question["question_id"] in existing_questions
            else None,
            points=score,
            is_correct=score == 1,
        )
        responses.append(response)
        correct_keys = {o["key"] for o in question["options"] if o["correct"]}
        choices.extend((response, int(key), key in correct_keys) for key in sorted(picked, key=int))
    Response.objects.bulk_create(responses)
    existing_options = set(
        Option.objects.filter(pk__in=[option for _, option, _ in choices]).values_list(
            "pk", flat=True
        )
    )
    ResponseChoice.objects.bulk_create(
        ResponseChoice(
            response=response,
            option_id=option if option in existing_options else None,
            is_correct=is_correct,
        )
        for response, option, is_correct in choices
    )
    attempt.status = Attempt.Status.SUBMITTED
    attempt.submitted_at = timezone.now()
    attempt.score_percent = percent(points)
    attempt.passed = attempt.score_percent >= attempt.pass_mark
    attempt.save(update_fields=["status", "submitted_at", "score_percent", "passed"])
    enrollment = attempt.enrollment
    enrollment.last_activity_at = attempt.submitted_at
    enrollment.save(update_fields=["last_activity_at"])
    if attempt.passed:
        enrollment_refresh_completion(enrollment=enrollment)
    return attempt


@dataclass(frozen=True)
class GiftImportReport:
    imported: int
    skipped: list[UnsupportedQuestion]


class GiftImportError(ValueError):
    """The file was not imported; nothing was saved."""


def _describe(question: UnsupportedQuestion) -> str:
    title = f" “{question.title}”" if question.title else ""
    return f"line {question.line}: {question.kind.replace('_', ' ')} question{title}"


@transaction.atomic
def gift_import(
    *,
    text: str,
    default_category: str,
    skip_unsupported: bool,
    source: str = "",
    organisation: Organisation | None = None,
) -> GiftImportReport:
    """Import a GIFT file into the bank as one transaction: all of it, or none of it.

    Questions go into ``organisation``'s categories (made as needed), or shared ones when
    it is None; never into another provider's category of the same name.

    A syntax error names its line. Question types Peerpath does not support stop the import
    unless ``skip_unsupported`` is set, in which case they are listed and left out.
    """
    try:
        parsed, unsupported = parse_gift(text)
    except GiftSyntaxError as error:
        raise GiftImportError(f"Nothing was imported. {error}") from error
    if unsupported and not skip_unsupported:
        listed = "; ".join(_describe(q) for q in unsupported)
        raise GiftImportError(
            "Nothing was imported: Peerpath does not support these question types — "
            f"{listed}. Import again choosing to skip them (--skip-unsupported, or the "
            "checkbox on the upload form) to bring in the rest."
        )
    if not parsed:
        raise GiftImportError("Nothing was imported: the file holds no question Peerpath supports.")
    categories: dict[str, QuestionCategory] = {}
    for item in parsed:
        name = (item.category.split("$course$/")[-1].strip("/ ") or default_category)[:255]
        if name not in categories:
            categories[name], _ = QuestionCategory.objects.get_or_create(
                name=name, organisation=organisation
            )
        question = Question(
            category=categories[name],
            kind=item.kind,
            text=item.text,
            explanation=item.general_feedback,
            imported_from=f"{source} line {item.line}".strip()[:255],
        )
        options = [
            Option(
                text=option.text[:500],
                is_correct=option.correct,
                weight=option.weight,
                feedback=option.feedback[:500],
                sort_order=order,
            )
            for order, option in enumerate(item.options)
        ]
        try:
            question.full_clean(exclude=["category"])
            question.validate_options(options)
        except ValidationError as error:
            raise GiftImportError(
                f"Nothing was imported. Line {item.line}: {' '.join(error.messages)}"
            ) from error
        question.save()
        for option in options:
            option.question = question
        Option.objects.bulk_create(options)
        question.save_revision()
    return GiftImportReport(imported=len(parsed), skipped=unsupported)
