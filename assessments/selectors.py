"""Reading quiz results: a trainee's standing, cohort results and item analysis."""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone

from courses.models import Cohort, CompetencyDomain, Enrollment, ModulePage, ProgrammePage

from .blueprint import blueprint_counts
from .formatting import readable_text
from .itemstats import (
    LONGEST_IS_RIGHT,
    MIN_OPTIONS_FOR_LENGTH_CUE,
    MIN_RESPONSES,
    NEGATIVE_DISCRIMINATION,
    QUIZ_LONGEST_IS_RIGHT,
    UNUSED_DISTRACTOR,
    Flag,
    longest_is_right,
    point_biserial,
)
from .models import Attempt, Question, QuizPage, Response, ResponseChoice
from .review import Shown, later_sentence, moment_for


def quiz_place(quiz: QuizPage) -> tuple[ModulePage, ProgrammePage]:
    """The module and programme a quiz belongs to."""
    steplen = QuizPage.steplen
    module = ModulePage.objects.get(path=quiz.path[:-steplen])
    programme = ProgrammePage.objects.get(path=quiz.path[: -2 * steplen])
    return module, programme


@dataclass(frozen=True)
class DomainShare:
    """One competency domain's part of a final exam."""

    domain: CompetencyDomain
    hours: Decimal
    count: int
    questions: QuerySet[Question]  # the bank questions the exam may draw for the domain


def final_exam_blueprint(*, programme: ProgrammePage, exam_length: int) -> list[DomainShare]:
    """How a final exam of ``exam_length`` questions is shared among the domains.

    In proportion to the training hours the programme's requirement profile asks in each
    domain (largest remainder, ``blueprint_counts``). A domain's questions are those of
    the bank categories filed under it that the programme's provider keeps, or shared ones.
    """
    profile = programme.requirement_profile
    if profile is None:
        return []
    minimums = list(profile.training_minimums.select_related("domain").order_by("sort_order"))
    counts = blueprint_counts(weights={m.domain: m.hours for m in minimums}, total=exam_length)
    return [
        DomainShare(
            domain=minimum.domain,
            hours=minimum.hours,
            count=counts[minimum.domain],
            questions=Question.objects.filter(category__domain=minimum.domain).filter(
                Q(category__organisation_id=programme.organisation_id)
                | Q(category__organisation__isnull=True)
            ),
        )
        for minimum in minimums
    ]


def final_exam_evidence(*, enrollment: Enrollment) -> list[dict]:
    """The passed final exams of an enrollment, with their result per domain.

    For certificates to keep with a credential: one entry per final exam of the programme
    the trainee passed (the passing attempt's own record, as computed at submission).
    """
    attempts = (
        Attempt.objects.filter(
            enrollment=enrollment,
            quiz__kind=QuizPage.Kind.FINAL_EXAM,
            status=Attempt.Status.SUBMITTED,
            passed=True,
        )
        .select_related("quiz")
        .order_by("quiz__path", "number")
    )
    return [
        {
            "exam": attempt.quiz.title,
            "attempt": attempt.number,
            "submitted_on": timezone.localdate(attempt.submitted_at).isoformat(),
            "score_percent": str(attempt.score_percent),
            "pass_mark": attempt.pass_mark,
            "domains": attempt.domain_scores,
        }
        for attempt in attempts
    ]


def quiz_page_context(*, quiz: QuizPage, user) -> dict:
    """The quiz's place, the trainee's standing, and what their attempts' reviews show.

    ``shown`` (assessments.review.Shown) is what the trainee may see of their submitted
    attempts now; ``review_later`` the sentence on what they will see later.
    """
    from .services import quiz_standing

    module, programme = quiz_place(quiz)
    context = {"module": module, "programme": programme, "standing": None}
    if user.is_authenticated:
        standing = quiz_standing(quiz=quiz, trainee=user)
        moment = moment_for(
            passed=standing.passed_attempt is not None,
            has_open_attempt=standing.open_attempt is not None,
            attempts_left=standing.attempts_left,
        )
        context.update(
            {
                "standing": standing,
                "shown": quiz.review_shown(moment),
                "review_later": later_sentence(
                    moment=moment,
                    now=quiz.review_mask(moment),
                    after_pass=quiz.review_after_pass,
                    after_last=quiz.review_after_last,
                    limited=quiz.max_attempts > 0,
                ),
            }
        )
    return context


def attempt_review(attempt: Attempt, *, shown: Shown) -> list[dict]:
    """Each question of a submitted attempt with what was chosen and, as ``shown`` allows,
    whether it was right, what was right, and why.

    What is not to be shown is left out here, not merely hidden by the template.
    """
    chosen: dict[int, set[str]] = {}
    for position, option_key in ResponseChoice.objects.filter(
        response__attempt=attempt
    ).values_list("response__position", "option_id"):
        chosen.setdefault(position, set()).add(str(option_key))
    points = dict(attempt.responses.values_list("position", "points"))
    review = []
    for position, question in enumerate(attempt.questions, start=1):
        picked = chosen.get(position, set())
        options = []
        for option in question["options"]:
            is_chosen = option["key"] in picked
            correct = shown.right_answers and option["correct"]
            # Feedback on an option not chosen would point at the right one.
            feedback_allowed = shown.option_feedback and (is_chosen or correct)
            options.append(
                {
                    "key": option["key"],
                    "text": option["text"],
                    "chosen": is_chosen,
                    "correct": correct,
                    "feedback": option["feedback"] if feedback_allowed else "",
                }
            )
        review.append(
            {
                "key": question["key"],
                "position": position,
                "kind": question["kind"],
                "vignette": question["vignette"],
                "text": question["text"],
                # Snapshots taken before formats were kept are plain text.
                "text_format": question.get("text_format", Question.TextFormat.PLAIN),
                "explanation": question["explanation"] if shown.explanation else "",
                "points": points.get(position) if shown.correctness else None,
                "options": options,
            }
        )
    return review


@dataclass(frozen=True)
class OptionStats:
    text: str
    is_correct: bool
    chosen: int
    percent: int  # of the question's answers; multiple-select options may add up past 100


@dataclass(frozen=True)
class ItemStats:
    question_id: int
    text: str
    answered: int
    correct: int
    discrimination: float | None  # see assessments.itemstats
    options: list[OptionStats]
    flags: list[Flag]

    @property
    def difficulty(self) -> float:
        """The share of answers that were right (0 to 1): higher is easier."""
        return self.correct / self.answered if self.answered else 0.0

    @property
    def percent_correct(self) -> int:
        return round(100 * self.difficulty)

    @property
    def top_wrong(self) -> OptionStats | None:
        wrong = [o for o in self.options if not o.is_correct and o.chosen]
        return max(wrong, key=lambda o: o.chosen) if wrong else None

    @property
    def top_wrong_option(self) -> str:
        return self.top_wrong.text if self.top_wrong else ""

    @property
    def top_wrong_count(self) -> int:
        return self.top_wrong.chosen if self.top_wrong else 0


def item_analysis(*, quiz: QuizPage, cohort: Cohort | None = None) -> list[ItemStats]:
    """Per question answered: difficulty, discrimination, how often each option was chosen,
    and flags for what to fix (assessments.itemstats). Hardest first.

    Every submitted attempt counts, retakes included. Options are the question's current
    ones; an option deleted since is no longer counted. Four queries whatever the number
    of attempts.
    """
    submitted = Q(attempt__quiz=quiz, attempt__status=Attempt.Status.SUBMITTED)
    if cohort is not None:
        submitted &= Q(attempt__enrollment__cohort=cohort)
    rows = list(
        Response.objects.filter(submitted)
        .order_by()
        .values_list("attempt_id", "question_id", "is_correct", "points")
    )
    chosen_counts = {
        (question_id, option_id): n
        for question_id, option_id, n in ResponseChoice.objects.filter(
            response__in=Response.objects.filter(submitted, question__isnull=False),
            option__isnull=False,
        )
        .values_list("response__question_id", "option_id")
        .annotate(n=Count("pk"))
        .order_by()
    }
    # Each attempt's total points and number of questions, for the rest-of-quiz score.
    totals: dict[int, tuple[Decimal, int]] = {}
    for attempt_id, _, _, points in rows:
        total, count = totals.get(attempt_id, (Decimal(0), 0))
        totals[attempt_id] = (total + points, count + 1)
    # Per question: right (1/0) per answer, and (right, rest-of-quiz score) where the
    # attempt had other questions.
    answers: dict[int, tuple[list[int], list[tuple[int, float]]]] = {}
    for attempt_id, question_id, is_correct, points in rows:
        if question_id is None:
            continue
        right, pairs = answers.setdefault(question_id, ([], []))
        right.append(1 if is_correct else 0)
        total, count = totals[attempt_id]
        if count > 1:
            pairs.append((right[-1], float((total - points) / (count - 1))))
    questions = Question.objects.filter(pk__in=list(answers)).prefetch_related("options")
    stats = []
    for question in questions:
        right, pairs = answers[question.pk]
        answered, correct = len(right), sum(right)
        options = []
        for option in question.options.all():
            chosen = chosen_counts.get((question.pk, option.pk), 0)
            options.append(
                OptionStats(
                    text=readable_text(option.text, question.text_format),
                    is_correct=option.is_correct,
                    chosen=chosen,
                    percent=round(100 * chosen / answered),
                )
            )
        discrimination = point_biserial([x for x, _ in pairs], [y for _, y in pairs])
        flags = []
        if longest_is_right([(o.text, o.is_correct) for o in options]):
            flags.append(LONGEST_IS_RIGHT)
        if answered >= MIN_RESPONSES and any(not o.is_correct and not o.chosen for o in options):
            flags.append(UNUSED_DISTRACTOR)
        if answered >= MIN_RESPONSES and discrimination is not None and discrimination < 0:
            flags.append(NEGATIVE_DISCRIMINATION)
        stats.append(
            ItemStats(
                question_id=question.pk,
                text=readable_text(question.text, question.text_format),
                answered=answered,
                correct=correct,
                discrimination=discrimination,
                options=options,
                flags=flags,
            )
        )
    return sorted(stats, key=lambda s: (s.difficulty, s.question_id))


def quiz_flags(items: list[ItemStats]) -> list[Flag]:
    """Flags for the quiz as a whole: the right answer is the longest in every question
    with three options or more."""
    with_length_cue = [i for i in items if len(i.options) >= MIN_OPTIONS_FOR_LENGTH_CUE]
    if with_length_cue and all(LONGEST_IS_RIGHT in i.flags for i in with_length_cue):
        return [QUIZ_LONGEST_IS_RIGHT]
    return []


def cohort_results(*, quiz: QuizPage, cohort: Cohort | None = None) -> list[Mapping[str, Any]]:
    """One row per trainee: attempts used, best score, passed or not."""
    attempts = Attempt.objects.filter(quiz=quiz, status=Attempt.Status.SUBMITTED)
    if cohort is not None:
        attempts = attempts.filter(enrollment__cohort=cohort)
    return list(
        attempts.values(
            "enrollment_id",
            "enrollment__trainee__first_name",
            "enrollment__trainee__last_name",
            "enrollment__cohort__name",
        )
        .annotate(
            attempts_used=Count("pk"),
            best_score=Max("score_percent"),
            passes=Count("pk", filter=Q(passed=True)),
            last_submitted=Max("submitted_at"),
        )
        .order_by("enrollment__trainee__last_name", "enrollment__trainee__first_name")
    )
