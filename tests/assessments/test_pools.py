"""Question pools: each attempt draws afresh from the quiz's bank categories."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from assessments.models import Attempt, Question, QuestionCategory, QuizPage, QuizPool
from assessments.services import attempt_start, attempt_submit
from organisations.roles import Role
from tests.assessments.conftest import make_question, wrong_answers
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def shown(attempt) -> set[int]:
    return {q["question_id"] for q in attempt.questions}


def fail(trainee, attempt) -> None:
    attempt_submit(trainee=trainee, attempt_id=attempt.pk, answers=wrong_answers(attempt))


@pytest.fixture
def objectives(provider):
    """Two bank categories (one per learning objective) of six questions each."""
    categories = [
        QuestionCategory.objects.create(name=f"Objective {n}", organisation=provider)
        for n in (1, 2)
    ]
    for category in categories:
        for n in range(6):
            make_question(category, text=f"{category.name}, question {n}?")
    return categories


def test_each_attempt_draws_its_number_from_every_pool(make_quiz, objectives, enrolled, trainee):
    quiz = make_quiz(
        questions=[], pools=[QuizPool(category=category, draw=2) for category in objectives]
    )

    attempt = attempt_start(trainee=trainee, quiz=quiz)

    assert len(attempt.questions) == 4
    for category in objectives:
        assert len(shown(attempt) & set(category.questions.values_list("pk", flat=True))) == 2


def test_a_retake_asks_other_questions_when_the_pool_is_large_enough(
    make_quiz, objectives, enrolled, trainee
):
    quiz = make_quiz(
        questions=[],
        shuffle_questions=True,
        pools=[QuizPool(category=category, draw=2) for category in objectives],
    )
    first = attempt_start(trainee=trainee, quiz=quiz)
    fail(trainee, first)

    second = attempt_start(trainee=trainee, quiz=quiz)

    assert len(second.questions) == 4
    assert shown(first).isdisjoint(shown(second))


def test_every_attempt_prefers_questions_never_shown(make_quiz, objectives, enrolled, trainee):
    """Three attempts at 2 of 6 ask all six: the third does not go back to the first's."""
    category = objectives[0]
    quiz = make_quiz(questions=[], pools=[QuizPool(category=category, draw=2)])
    seen: list[set[int]] = []
    for _ in range(3):
        attempt = attempt_start(trainee=trainee, quiz=quiz)
        seen.append(shown(attempt))
        fail(trainee, attempt)

    assert set().union(*seen) == set(category.questions.values_list("pk", flat=True))


def test_a_small_pool_repeats_only_what_it_must(make_quiz, category, enrolled, trainee):
    questions = [make_question(category, text=f"Small {n}?") for n in range(3)]
    quiz = make_quiz(questions=[], pools=[QuizPool(category=category, draw=2)])
    first = attempt_start(trainee=trainee, quiz=quiz)
    fail(trainee, first)

    second = attempt_start(trainee=trainee, quiz=quiz)

    (unseen,) = {q.pk for q in questions} - shown(first)
    assert len(second.questions) == 2
    assert unseen in shown(second)
    assert len(shown(first) & shown(second)) == 1


def test_chosen_questions_are_all_asked_besides_the_pools(
    make_quiz, category, objectives, enrolled, trainee
):
    chosen = [make_question(category, text=f"Chosen {n}?") for n in range(2)]
    quiz = make_quiz(questions=chosen, pools=[QuizPool(category=objectives[0], draw=3)])

    attempt = attempt_start(trainee=trainee, quiz=quiz)

    # Unshuffled: the chosen questions in their order, then the pool's.
    assert [q["question_id"] for q in attempt.questions[:2]] == [q.pk for q in chosen]
    assert len(attempt.questions) == 5


def test_a_question_both_chosen_and_in_a_pool_is_asked_once(make_quiz, category, enrolled, trainee):
    questions = [make_question(category, text=f"Both {n}?") for n in range(3)]
    quiz = make_quiz(questions=questions[:1], pools=[QuizPool(category=category, draw=0)])

    attempt = attempt_start(trainee=trainee, quiz=quiz)

    assert sorted(q["question_id"] for q in attempt.questions) == [q.pk for q in questions]


def test_a_pool_short_of_questions_at_start_draws_what_exists(
    make_quiz, category, enrolled, trainee
):
    questions = [make_question(category, text=f"Soon gone {n}?") for n in range(3)]
    quiz = make_quiz(questions=[], pools=[QuizPool(category=category, draw=3)])
    Question.objects.filter(pk=questions[0].pk).delete()

    attempt = attempt_start(trainee=trainee, quiz=quiz)

    assert shown(attempt) == {questions[1].pk, questions[2].pk}


def test_a_pool_whose_questions_are_all_gone_cannot_start(make_quiz, category, enrolled, trainee):
    question = make_question(category, text="Only one?")
    quiz = make_quiz(questions=[], pools=[QuizPool(category=category, draw=1)])
    question.delete()

    with pytest.raises(ValidationError, match="no questions yet"):
        attempt_start(trainee=trainee, quiz=quiz)
    assert not Attempt.objects.exists()


# Publishing checks the bank can supply every pool


def quiz_form(quiz, user, *, pools, action="action-publish", **fields):
    data = nested_form_data(
        {
            "title": quiz.title,
            "slug": quiz.slug,
            "introduction": "",
            "kind": QuizPage.Kind.MODULE,
            "exam_length": 0,
            "quiz_questions": inline_formset([]),
            "pools": inline_formset(
                [
                    {"category": category.pk, "draw": draw, "ORDER": n}
                    for n, (category, draw) in enumerate(pools)
                ]
            ),
            "comments": inline_formset([]),
            "pass_mark": 75,
            "max_attempts": 3,
            "wait_minutes": 0,
            "draw_count": 0,
            "multiple_select_scoring": QuizPage.Scoring.ALL_OR_NOTHING,
            **fields,
        }
    )
    if action:
        data[action] = "1"
    form_class = QuizPage.get_edit_handler().get_form_class()
    return form_class(data=data, instance=quiz, for_user=user, parent_page=quiz.get_parent())


@pytest.fixture
def author(make_member):
    return make_member(Role.COORDINATOR)


def test_publishing_refuses_a_pool_larger_than_its_category(make_quiz, objectives, author):
    quiz = make_quiz(questions=[], pools=[QuizPool(category=objectives[0], draw=2)])

    form = quiz_form(quiz, author, pools=[(objectives[0], 2), (objectives[1], 7)])

    assert not form.is_valid()
    assert form.non_field_errors() == [
        "The category “Objective 2” holds 6 questions: a pool cannot draw 7 from it. Draw "
        "fewer, or add questions to the category first."
    ]
    assert list(QuizPage.objects.get(pk=quiz.pk).pools.values_list("draw", flat=True)) == [2]


def test_submitting_for_review_is_checked_as_publishing_is(make_quiz, objectives, author):
    quiz = make_quiz(questions=[], pools=[QuizPool(category=objectives[0], draw=2)])

    form = quiz_form(quiz, author, pools=[(objectives[0], 9)], action="action-submit")

    assert not form.is_valid()
    assert "holds 6 questions" in " ".join(form.non_field_errors())


def test_a_draft_may_ask_more_than_the_category_holds_yet(make_quiz, objectives, author):
    quiz = make_quiz(questions=[], pools=[QuizPool(category=objectives[0], draw=2)])

    assert quiz_form(quiz, author, pools=[(objectives[0], 9)], action="").is_valid()


def test_publishing_accepts_pools_the_bank_can_supply(make_quiz, objectives, author):
    quiz = make_quiz(questions=[], pools=[QuizPool(category=objectives[0], draw=2)])

    form = quiz_form(quiz, author, pools=[(objectives[0], 6), (objectives[1], 0)])

    assert form.is_valid(), form.errors


def test_a_pool_cannot_use_another_providers_category(make_quiz, objectives, author):
    theirs = QuestionCategory.objects.create(
        name="Their objective", organisation=OrganisationFactory(name="Other provider")
    )
    for n in range(3):
        make_question(theirs, text=f"Theirs {n}?")
    quiz = make_quiz(questions=[], pools=[QuizPool(category=objectives[0], draw=2)])

    form = quiz_form(quiz, author, pools=[(theirs, 1)])

    child = form.formsets["pools"].forms[0]
    assert theirs not in set(child.fields["category"].queryset)
    assert not form.is_valid()
    assert "category" in child.errors


def test_the_edit_page_offers_pools_and_shows_a_refusal(
    client, make_quiz, objectives, author, mfa_login
):
    quiz = make_quiz(questions=[], pools=[QuizPool(category=objectives[0], draw=2)])
    mfa_login(client, author)
    edit = reverse("wagtailadmin_pages:edit", args=[quiz.pk])

    page = client.get(edit).content.decode()
    form = quiz_form(quiz, author, pools=[(objectives[1], 8)])
    response = client.post(edit, form.data)

    # The category is picked in the bank's chooser, which lists the author's own.
    assert "/cms/snippets/choose/assessments/questioncategory/" in page
    assert response.status_code == 200
    assert "a pool cannot draw 8 from it" in response.content.decode()
    assert list(QuizPage.objects.get(pk=quiz.pk).pools.values_list("category", "draw")) == [
        (objectives[0].pk, 2)
    ]
