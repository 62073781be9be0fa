"""Reading quiz results: a trainee's standing, cohort results and item analysis."""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone

from courses.models import Cohort, CompetencyDomain, Enrollment, ModulePage, ProgrammePage

from .blueprint import blueprint_counts
from .models import Attempt, Option, Question, QuizPage, Response, ResponseChoice


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
    from .services import quiz_standing

    module, programme = quiz_place(quiz)
    context = {"module": module, "programme": programme, "standing": None}
    if user.is_authenticated:
        context["standing"] = quiz_standing(quiz=quiz, trainee=user)
    return context


def attempt_review(attempt: Attempt) -> list[dict]:
    """Each question of a submitted attempt with what was chosen, what was right, and why."""
    chosen: dict[int, set[str]] = {}
    for position, option_key in ResponseChoice.objects.filter(
        response__attempt=attempt
    ).values_list("response__position", "option_id"):
        chosen.setdefault(position, set()).add(str(option_key))
    points = dict(attempt.responses.values_list("position", "points"))
    review = []
    for position, question in enumerate(attempt.questions, start=1):
        picked = chosen.get(position, set())
        review.append(
            {
                **question,
                "position": position,
                "points": points.get(position),
                "options": [
                    {**option, "chosen": option["key"] in picked} for option in question["options"]
                ],
            }
        )
    return review


@dataclass(frozen=True)
class ItemStats:
    question_id: int
    text: str
    answered: int
    correct: int
    top_wrong_option: str
    top_wrong_count: int

    @property
    def percent_correct(self) -> int:
        return round(100 * self.correct / self.answered) if self.answered else 0


def item_analysis(*, quiz: QuizPage, cohort: Cohort | None = None) -> list[ItemStats]:
    """Per question: how many answered, how many got it right, the most chosen wrong option.

    Four queries whatever the number of attempts.
    """
    responses = Response.objects.filter(
        attempt__quiz=quiz, attempt__status=Attempt.Status.SUBMITTED, question__isnull=False
    )
    wrong = ResponseChoice.objects.filter(
        response__attempt__quiz=quiz,
        response__attempt__status=Attempt.Status.SUBMITTED,
        is_correct=False,
        option__isnull=False,
        response__question__isnull=False,
    )
    if cohort is not None:
        responses = responses.filter(attempt__enrollment__cohort=cohort)
        wrong = wrong.filter(response__attempt__enrollment__cohort=cohort)
    totals = list(
        responses.values("question_id")
        .annotate(answered=Count("pk"), correct=Count("pk", filter=Q(is_correct=True)))
        .order_by()
    )
    top_wrong: dict[int, tuple[int, int]] = {}
    for question_id, option_id, n in (
        wrong.values_list("response__question_id", "option_id").annotate(n=Count("pk")).order_by()
    ):
        if n > top_wrong.get(question_id, (None, 0))[1]:
            top_wrong[question_id] = (option_id, n)
    texts = dict(
        Question.objects.filter(pk__in=[t["question_id"] for t in totals]).values_list("pk", "text")
    )
    option_texts = dict(
        Option.objects.filter(pk__in=[o for o, _ in top_wrong.values()]).values_list("pk", "text")
    )
    stats = [
        ItemStats(
            question_id=row["question_id"],
            text=texts.get(row["question_id"], ""),
            answered=row["answered"],
            correct=row["correct"],
            top_wrong_option=option_texts.get(top_wrong.get(row["question_id"], (None, 0))[0], ""),
            top_wrong_count=top_wrong.get(row["question_id"], (None, 0))[1],
        )
        for row in totals
    ]
    return sorted(stats, key=lambda s: (s.percent_correct, s.question_id))


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
