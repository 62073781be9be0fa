"""Reading quiz results: a trainee's standing, cohort results and item analysis."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max, Q

from courses.models import Cohort, ModulePage, ProgrammePage

from .models import Attempt, Option, Question, QuizPage, Response, ResponseChoice
from .review import Shown, later_sentence, moment_for


def quiz_place(quiz: QuizPage) -> tuple[ModulePage, ProgrammePage]:
    """The module and programme a quiz belongs to."""
    steplen = QuizPage.steplen
    module = ModulePage.objects.get(path=quiz.path[:-steplen])
    programme = ProgrammePage.objects.get(path=quiz.path[: -2 * steplen])
    return module, programme


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
                "explanation": question["explanation"] if shown.explanation else "",
                "points": points.get(position) if shown.correctness else None,
                "options": options,
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
