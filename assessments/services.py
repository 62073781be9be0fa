"""Taking quizzes (starting an attempt, submitting it) and importing question banks."""

import random
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Q, Sum
from django.utils import timezone
from django.utils.formats import date_format

from courses.models import Enrollment
from courses.selectors import first_blocking_module
from courses.services import enrollment_refresh_completion
from organisations.models import Organisation

from .formatting import clean_html, readable_text
from .gift import GiftSyntaxError, ParsedQuestion, UnsupportedQuestion, parse_gift
from .grading import domain_results, percent, score_question
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
from .review import Reveal
from .selectors import final_exam_blueprint, quiz_place

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
        reason = f"Enroll in “{programme.title}” to take this quiz."
    elif passed and passed.score_percent is not None:
        reason = "You passed this quiz."
        if quiz.review_after_pass & Reveal.SCORE:
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
            "text_format": question.text_format,
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
    created: int
    updated: int
    unchanged: int
    skipped: list[UnsupportedQuestion]

    @property
    def imported(self) -> int:
        return self.created + self.updated + self.unchanged

    def summary(self) -> str:
        return (
            f"Imported {self.imported} questions: {self.created} new, {self.updated} updated, "
            f"{self.unchanged} unchanged."
        )


class GiftImportError(ValueError):
    """The file was not imported; nothing was saved."""


def _describe(question: UnsupportedQuestion) -> str:
    title = f" “{question.title}”" if question.title else ""
    return f"line {question.line}: {question.kind.replace('_', ' ')} question{title}"


_OPTION_TEXT_MAX = Option._meta.get_field("text").max_length or 500
_NAME_MAX = Question._meta.get_field("name").max_length or 255
_CATEGORY_MAX = QuestionCategory._meta.get_field("name").max_length or 255


def _stored_text(text: str, text_format: str) -> str:
    return clean_html(text) if text_format == Question.TextFormat.HTML else text


def _question_name(item: ParsedQuestion, text: str) -> str:
    """The GIFT title, or, as Moodle names an untitled question, the start of its text."""
    if len(item.title) > _NAME_MAX:
        raise GiftImportError(
            f"Nothing was imported. Line {item.line}: the title is {len(item.title)} "
            f"characters long; a question's name may have at most {_NAME_MAX}."
        )
    name = item.title or " ".join(readable_text(text, item.text_format).split())
    return name if len(name) <= _NAME_MAX else name[: _NAME_MAX - 1].rstrip() + "…"


def _prepared(item: ParsedQuestion) -> tuple[dict, list[dict]]:
    """The question's and its options' field values as they will be stored."""
    fmt = item.text_format
    text = _stored_text(item.text, fmt)
    fields = {
        "name": _question_name(item, text),
        "kind": item.kind,
        "text": text,
        "text_format": fmt,
        "explanation": _stored_text(item.general_feedback, fmt),
    }
    options = []
    for number, option in enumerate(item.options, start=1):
        option_text = _stored_text(option.text, fmt)
        if not readable_text(option_text, fmt).strip():
            raise GiftImportError(
                f"Nothing was imported. Line {item.line}: answer {number} has no text once "
                "its HTML is cleaned (only text, emphasis, lists and links are kept)."
            )
        if len(option_text) > _OPTION_TEXT_MAX:
            raise GiftImportError(
                f"Nothing was imported. Line {item.line}: answer {number} is "
                f"{len(option_text)} characters long; an answer may have at most "
                f"{_OPTION_TEXT_MAX}. Shorten it, or move the detail into its feedback."
            )
        options.append(
            {
                "text": option_text,
                "is_correct": option.correct,
                # As Moodle keeps fractions to seven places: 33.33333% stays 33.33333%.
                "weight": option.weight.quantize(Decimal("0.00001"))
                if option.weight is not None
                else None,
                "feedback": _stored_text(option.feedback, fmt),
                "sort_order": number - 1,
            }
        )
    return fields, options


def _category_name(item: ParsedQuestion, default_category: str) -> str:
    name = item.category.split("$course$/")[-1].strip("/ ") or default_category
    if len(name) > _CATEGORY_MAX:
        raise GiftImportError(
            f"Nothing was imported. The category before line {item.line} is {len(name)} "
            f"characters long; a category's name may have at most {_CATEGORY_MAX}."
        )
    return name


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

    Importing the same file again changes nothing: a question is matched by its name (the
    GIFT title, else the start of its text) within its category, and updated in place when
    it differs, with a new revision. Names may repeat, as in Moodle's own files; the n-th
    question of a name in the file matches the n-th stored one.

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
    existing: dict[tuple[str, str], list[Question]] = {}
    created = updated = unchanged = 0
    for item in parsed:
        category_name = _category_name(item, default_category)
        if category_name not in categories:
            category, _ = QuestionCategory.objects.get_or_create(
                name=category_name, organisation=organisation
            )
            categories[category_name] = category
            for stored in (
                Question.objects.filter(category=category)
                .exclude(name="")
                .prefetch_related("options")
                .order_by("pk")
            ):
                existing.setdefault((category_name, stored.name), []).append(stored)
        fields, option_values = _prepared(item)
        matches = existing.get((category_name, fields["name"]))
        question = matches.pop(0) if matches else Question(category=categories[category_name])
        current = list(question.options.all()) if question.pk else []
        if question.pk and _same(question, fields, current, option_values):
            unchanged += 1
            continue
        for field, value in fields.items():
            setattr(question, field, value)
        question.imported_from = f"{source} line {item.line}".strip()[:255]
        # An answer keeps its row (and the item analysis of past choices) while its text
        # stays the same; a reworded answer is a new option.
        by_text: dict[str, list[Option]] = {}
        for option in current:
            by_text.setdefault(option.text, []).append(option)
        options = [
            (by_text.get(values["text"]) or [Option(question=question)]).pop(0)
            for values in option_values
        ]
        for option, values in zip(options, option_values, strict=True):
            for field, value in values.items():
                setattr(option, field, value)
        try:
            question.full_clean(exclude=["category"])
            question.validate_options(options)
        except ValidationError as error:
            raise GiftImportError(
                f"Nothing was imported. Line {item.line}: {' '.join(error.messages)}"
            ) from error
        if question.pk:
            updated += 1
        else:
            created += 1
        question.save()
        # Attempts keep their own snapshot of the question, so options the file no longer
        # has can go; their past choices keep their rows, without the link.
        kept = {option.pk for option in options}
        Option.objects.filter(pk__in=[o.pk for o in current if o.pk not in kept]).delete()
        for option in options:
            option.question = question
            option.save()
        question.save_revision()
    return GiftImportReport(
        created=created, updated=updated, unchanged=unchanged, skipped=unsupported
    )


def _same(
    question: Question, fields: dict, options: list[Option], option_values: list[dict]
) -> bool:
    if any(getattr(question, field) != value for field, value in fields.items()):
        return False
    return len(options) == len(option_values) and all(
        getattr(option, field) == value
        for option, values in zip(options, option_values, strict=True)
        for field, value in values.items()
    )
