"""Item analysis: difficulty, discrimination, option counts and the flags, on known answers."""

import math
import random
import statistics
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assessments.itemstats import (
    LONGEST_IS_RIGHT,
    NEGATIVE_DISCRIMINATION,
    QUIZ_LONGEST_IS_RIGHT,
    UNUSED_DISTRACTOR,
    longest_is_right,
    point_biserial,
)
from assessments.models import Attempt, Option, QuizQuestion, Response, ResponseChoice
from assessments.selectors import item_analysis, quiz_flags
from organisations.roles import Role
from tests.assessments.conftest import make_question
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def answer_sheets(quiz, enrollment, sheets: list[str]) -> None:
    """One submitted attempt per sheet; a sheet's letters are its answers in question order:
    "1" the first right option, "0" the first wrong one."""
    links = list(quiz.quiz_questions.order_by("sort_order"))
    first: dict[tuple[int, bool], Option] = {}
    for option in Option.objects.filter(question__quiz_links__quiz=quiz).order_by("sort_order"):
        first.setdefault((option.question_id, option.is_correct), option)
    for number, sheet in enumerate(sheets, start=1):
        right = [c == "1" for c in sheet]
        attempt = Attempt.objects.create(
            enrollment=enrollment,
            quiz=quiz,
            number=number,
            questions=[],
            pass_mark=quiz.pass_mark,
            status=Attempt.Status.SUBMITTED,
            submitted_at=timezone.now(),
            score_percent=Decimal(100 * sum(right) / len(right)).quantize(Decimal("0.01")),
            passed=False,
        )
        for position, (link, is_right) in enumerate(zip(links, right, strict=True), start=1):
            response = Response.objects.create(
                attempt=attempt,
                position=position,
                question_id=link.question_id,
                points=Decimal(1 if is_right else 0),
                is_correct=is_right,
            )
            option = first[(link.question_id, is_right)]
            ResponseChoice.objects.create(response=response, option=option, is_correct=is_right)


def by_text(items):
    return {item.text: item for item in items}


def test_difficulty_discrimination_and_option_counts_on_known_answers(quiz, enrolled):
    # Question 1 goes with the rest of the quiz; question 3 does not at all.
    answer_sheets(quiz, enrolled, ["1111", "1101", "0011", "0001"])

    items = by_text(item_analysis(quiz=quiz))

    one, three = items["Question 1?"], items["Question 3?"]
    assert (one.answered, one.correct, one.difficulty, one.percent_correct) == (4, 2, 0.5, 50)
    # Right (1,1,0,0) against the share right of questions 2-4 (1, 2/3, 2/3, 1/3): the
    # sums of products of deviations are 1/3, and of squares 1 and 2/9, so
    # r = (1/3) / sqrt(2/9) = 1/sqrt(2).
    assert one.discrimination == pytest.approx(1 / math.sqrt(2))
    # Right (1,0,1,0) against questions 1, 2 and 4 (1, 1, 1/3, 1/3): no relation, r = 0.
    assert three.discrimination == pytest.approx(0)
    # Question 4 is right in every attempt: it cannot discriminate.
    assert items["Question 4?"].discrimination is None
    assert items["Question 4?"].difficulty == 1
    assert [(o.text, o.is_correct, o.chosen, o.percent) for o in one.options] == [
        ("Right", True, 2, 50),
        ("Wrong", False, 2, 50),
        ("Also wrong", False, 0, 0),
    ]
    # Fewer than five answers: nothing is flagged yet, not even the unused option.
    assert all(not item.flags for item in items.values())


@pytest.mark.parametrize(
    ("sheets", "expected"),
    [
        # Perfect: right exactly in the attempts that did well on the rest.
        (["11", "11", "00", "00"], [1.0, 1.0]),
        # Opposite: question 2 right exactly where question 1 was wrong.
        (["10", "10", "01", "01"], [-1.0, -1.0]),
        # Unrelated.
        (["11", "01", "10", "00"], [0.0, 0.0]),
        # Question 2 always right: neither it nor question 1 (whose rest never varies)
        # can discriminate.
        (["11", "01", "11", "01"], [None, None]),
    ],
)
def test_discrimination_table(make_quiz, category, enrolled, sheets, expected):
    questions = [make_question(category, text=f"Q{n}?") for n in (1, 2)]
    quiz = make_quiz(questions=questions)
    answer_sheets(quiz, enrolled, sheets)

    items = by_text(item_analysis(quiz=quiz))

    got = [items["Q1?"].discrimination, items["Q2?"].discrimination]
    assert got == [None if e is None else pytest.approx(e) for e in expected]


def test_point_biserial_matches_pearsons_r():
    rng = random.Random(14)
    right = [rng.randint(0, 1) for _ in range(40)]
    rest = [rng.random() + 0.3 * x for x in right]

    assert point_biserial(right, rest) == pytest.approx(statistics.correlation(right, rest))
    assert point_biserial([1], [0.5]) is None
    assert point_biserial([1, 1, 1], [0.1, 0.5, 0.9]) is None


def test_flags_wait_for_five_answers_then_name_unused_options_and_negative_discrimination(
    make_quiz, category, enrolled
):
    questions = [make_question(category, text=f"Q{n}?") for n in (1, 2, 3)]
    quiz = make_quiz(questions=questions)
    four = ["110", "110", "001", "001"]
    answer_sheets(quiz, enrolled, four)
    assert all(not item.flags for item in item_analysis(quiz=quiz))

    Attempt.objects.all().delete()
    answer_sheets(quiz, enrolled, [*four, "110"])
    items = by_text(item_analysis(quiz=quiz))

    # Q3 is right exactly when Q1 and Q2 are wrong.
    assert items["Q3?"].discrimination == pytest.approx(-1)
    assert items["Q3?"].flags == [UNUSED_DISTRACTOR, NEGATIVE_DISCRIMINATION]
    # The rest of Q1's quiz (Q2 and Q3) always scores one half: no discrimination, no flag.
    assert items["Q1?"].discrimination is None
    assert items["Q1?"].flags == [UNUSED_DISTRACTOR]


@pytest.mark.parametrize(
    ("options", "flagged"),
    [
        ([("The one long right answer", True), ("No", False), ("Never", False)], True),
        ([("Yes", True), ("No", False), ("Never", False)], False),
        ([("Tied!", True), ("Never", False), ("No", False)], False),
        ([("The long right answer", True), ("No", False)], False),  # two options: no cue
        (
            [("Both of these long ones", True), ("And this long one too", True), ("No", False)],
            True,
        ),
        ([("A long right answer", True), ("Short", True), ("Medium one", False)], False),
    ],
)
def test_the_right_answer_is_the_longest(options, flagged):
    assert longest_is_right(options) is flagged


def test_the_quiz_is_flagged_when_the_right_answer_is_always_the_longest(
    make_quiz, category, enrolled
):
    long_right = [("The long and careful right answer", True), ("Wrong", False), ("No", False)]
    questions = [
        make_question(category, text="Long 1?", options=long_right),
        make_question(category, text="Long 2?", options=long_right),
        make_question(
            category,
            text="True or false?",
            kind="true_false",
            options=[("True", True), ("False", False)],
        ),
    ]
    quiz = make_quiz(questions=questions)
    answer_sheets(quiz, enrolled, ["110", "100"])

    items = item_analysis(quiz=quiz)

    assert [LONGEST_IS_RIGHT in i.flags for i in sorted(items, key=lambda i: i.text)] == [
        True,
        True,
        False,
    ]
    assert quiz_flags(items) == [QUIZ_LONGEST_IS_RIGHT]

    plain = make_question(category, text="Plain?")
    QuizQuestion.objects.create(quiz=quiz, question=plain, sort_order=3)
    Attempt.objects.all().delete()
    answer_sheets(quiz, enrolled, ["1101", "1000"])
    assert quiz_flags(item_analysis(quiz=quiz)) == []


def test_the_results_page_shows_the_table_and_flags(
    client, make_quiz, category, enrolled, coordinator, mfa_login
):
    quiz = make_quiz(questions=[make_question(category, text=f"Q{n}?") for n in (1, 2, 3)])
    answer_sheets(quiz, enrolled, ["110", "110", "001", "001", "110"])
    mfa_login(client, coordinator)

    html = client.get(f"/assessments/quizzes/{quiz.pk}/results/").content.decode()

    assert '<table class="stack item-analysis"' in html
    assert '<td data-label="Discrimination" class="number" data-discrimination>' in html
    assert "-1.00" in html
    assert html.count('data-flag="unused_distractor"') == 3
    assert html.count('data-flag="negative_discrimination"') == 1
    assert "Strong trainees miss it" in html and "check the answer key" in html
    assert 'Also wrong: <span class="number">0 (0%)</span>' in html


def test_a_coordinator_of_another_provider_gets_404(client, quiz, enrolled, make_member, mfa_login):
    answer_sheets(quiz, enrolled, ["1111"])
    mfa_login(client, make_member(Role.COORDINATOR, organisation=OrganisationFactory()))

    response = client.get(f"/assessments/quizzes/{quiz.pk}/results/")

    assert response.status_code == 404
    assert "Question 1?" not in response.content.decode()


def _page_queries(client, quiz) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(f"/assessments/quizzes/{quiz.pk}/results/").status_code == 200
    return len(captured)


def test_queries_stay_flat_as_answers_grow(
    client, quiz, enrolled, coordinator, mfa_login, django_assert_max_num_queries
):
    answer_sheets(quiz, enrolled, ["1010", "0101"])
    mfa_login(client, coordinator)
    few = _page_queries(client, quiz)
    with django_assert_max_num_queries(4):
        item_analysis(quiz=quiz)

    Attempt.objects.all().delete()
    answer_sheets(quiz, enrolled, [format(n % 16, "04b") for n in range(40)])

    with django_assert_max_num_queries(4):
        items = item_analysis(quiz=quiz)
    assert sum(item.answered for item in items) == 160
    with django_assert_max_num_queries(few):
        client.get(f"/assessments/quizzes/{quiz.pk}/results/")
