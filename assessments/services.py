"""Taking quizzes (starting an attempt, submitting it) and importing question banks."""

import random
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format

from courses.models import Enrollment
from courses.selectors import first_blocking_module
from courses.services import enrollment_refresh_completion
from organisations.models import Organisation

from .gift import GiftSyntaxError, UnsupportedQuestion, parse_gift
from .grading import domain_results, percent, score_question
from .models import (
    Attempt,
    Option,
    Question,
    QuestionCategory,
    QuizPage,
    Response,
    ResponseChoice,
)
from .selectors import final_exam_blueprint, quiz_place

SINGLE_ANSWER_KINDS = {"single", "scenario", "true_false"}


@dataclass(frozen=True)
class QuizStanding:
    """Where a trainee stands with a quiz, and why they may or may not start an attempt."""

    enrollment: Enrollment | None
    attempts: list[Attempt]
    open_attempt: Attempt | None
    passed_attempt: Attempt | None
    attempts_left: int | None  # None: unlimited
    next_allowed_at: datetime | None
    blocked_reason: str

    @property
    def can_start(self) -> bool:
        return not self.blocked_reason


def quiz_standing(*, quiz: QuizPage, trainee, now=None) -> QuizStanding:
    now = now or timezone.now()
    module, programme = quiz_place(quiz)
    enrollment = (
        Enrollment.objects.filter(trainee=trainee, programme=programme).first()
        if trainee.is_authenticated
        else None
    )
    attempts = list(Attempt.objects.filter(enrollment=enrollment, quiz=quiz)) if enrollment else []
    submitted = [a for a in attempts if not a.is_open]
    open_attempt = next((a for a in attempts if a.is_open), None)
    passed = next((a for a in submitted if a.passed), None)
    left = None if quiz.max_attempts == 0 else max(0, quiz.max_attempts - len(submitted))
    next_allowed: datetime | None = None
    if submitted and quiz.wait_minutes:
        last_submitted_at = submitted[-1].submitted_at
        assert last_submitted_at is not None  # a submitted attempt has its time
        next_allowed = last_submitted_at + timedelta(minutes=quiz.wait_minutes)
        if next_allowed <= now:
            next_allowed = None

    reason = ""
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
        reason = f"You have used all {quiz.max_attempts} attempts. Ask your coordinator for help."
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
    )


def _draw(
    candidates: list[Question], count: int, *, last_seen: dict[int, int], rng: random.Random
) -> list[Question]:
    """``count`` of ``candidates`` (0: all), those the trainee saw longest ago first.

    Questions never shown come first, then those of the oldest attempts, and those of the
    previous attempt last, each group in a fresh random order; so a retake brings new
    questions wherever the category has them, and a small category repeats some. Fewer
    candidates than ``count`` (questions deleted since the quiz was published) give them all.
    """
    keyed = [(last_seen.get(q.pk, 0), rng.random(), q) for q in candidates]
    ordered = [q for _, _, q in sorted(keyed, key=lambda item: item[:2])]
    return ordered[:count] if count else ordered


def _last_seen(quiz: QuizPage, enrollment: Enrollment) -> dict[int, int]:
    """Question id -> number of the latest attempt at ``quiz`` that showed it."""
    seen: dict[int, int] = {}
    for number, questions in Attempt.objects.filter(enrollment=enrollment, quiz=quiz).values_list(
        "number", "questions"
    ):
        for question in questions:
            seen[question["question_id"]] = max(number, seen.get(question["question_id"], 0))
    return seen


def _module_quiz_questions(
    quiz: QuizPage, *, last_seen: dict[int, int], rng: random.Random
) -> list[Question]:
    """The chosen questions (``draw_count`` of them, or all), then each pool's draw."""
    links = list(quiz.quiz_questions.select_related("question").order_by("sort_order", "pk"))
    chosen = [link.question for link in links]
    drawn = {q.pk for q in _draw(chosen, quiz.draw_count, last_seen=last_seen, rng=rng)}
    questions = [q for q in chosen if q.pk in drawn]
    taken = set(drawn)  # a question chosen and in a pool's category is asked once
    pools = list(quiz.pools.order_by("sort_order", "pk"))
    by_category: dict[int, list[Question]] = {pool.category_id: [] for pool in pools}
    for question in Question.objects.filter(category_id__in=by_category).order_by("pk"):
        by_category[question.category_id].append(question)
    for pool in pools:
        candidates = [q for q in by_category[pool.category_id] if q.pk not in taken]
        picked = _draw(candidates, pool.draw, last_seen=last_seen, rng=rng)
        questions.extend(sorted(picked, key=lambda q: q.pk))
        taken.update(q.pk for q in picked)
    return questions


def _final_exam_questions(
    quiz: QuizPage, *, last_seen: dict[int, int], rng: random.Random
) -> list[Question]:
    """Each domain's share of the exam, from its categories (see ``final_exam_blueprint``)."""
    questions: list[Question] = []
    _, programme = quiz_place(quiz)
    for share in final_exam_blueprint(programme=programme, exam_length=quiz.exam_length):
        if not share.count:
            continue
        candidates = list(share.questions.order_by("pk"))
        picked = _draw(candidates, share.count, last_seen=last_seen, rng=rng)
        questions.extend(sorted(picked, key=lambda q: q.pk))
    return questions


def _snapshot(quiz: QuizPage, *, enrollment: Enrollment) -> list[dict]:
    rng = secrets.SystemRandom()
    last_seen = _last_seen(quiz, enrollment)
    if quiz.is_final_exam:
        questions = _final_exam_questions(quiz, last_seen=last_seen, rng=rng)
    else:
        questions = _module_quiz_questions(quiz, last_seen=last_seen, rng=rng)
    if quiz.shuffle_questions:
        rng.shuffle(questions)
    options_of: dict[int, list[Option]] = {}
    for option in Option.objects.filter(question__in=questions).order_by("sort_order", "pk"):
        options_of.setdefault(option.question_id, []).append(option)
    domain_of = (
        {
            pk: {"slug": slug, "name": name}
            for pk, slug, name in QuestionCategory.objects.filter(
                pk__in={q.category_id for q in questions}, domain__isnull=False
            ).values_list("pk", "domain__slug", "domain__name")
        }
        if quiz.is_final_exam
        else {}
    )
    snapshot = []
    for position, question in enumerate(questions, start=1):
        options = options_of.get(question.pk, [])
        if quiz.shuffle_options and question.kind != Question.Kind.TRUE_FALSE:
            rng.shuffle(options)
        shown = {
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
        if question.category_id in domain_of:
            # A final exam scores each domain from what was shown, as it was filed then.
            shown["domain"] = domain_of[question.category_id]
        snapshot.append(shown)
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
    questions = _snapshot(quiz, enrollment=standing.enrollment)
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
    # Kept with the attempt as evidence: what each domain scored, as graded now.
    attempt.domain_scores = domain_results(attempt.questions, points, pass_mark=attempt.pass_mark)
    attempt.save(
        update_fields=["status", "submitted_at", "score_percent", "passed", "domain_scores"]
    )
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
