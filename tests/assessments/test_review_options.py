"""Review options: what a trainee sees of a submitted attempt, at which moment."""

import re

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from assessments.models import QuizPage
from assessments.review import EVERYTHING, Moment, Reveal, later_sentence
from assessments.services import attempt_start, attempt_submit
from courses.services import enrollment_create
from organisations.roles import Role
from tests.assessments.conftest import right_answers, wrong_answers

pytestmark = pytest.mark.django_db

LATER = (
    "You will see the right answers, the feedback on each answer and the explanations once "
    "you pass or have used all your attempts."
)


def take(client, trainee, quiz, answers) -> str:
    """Submit an attempt through the page; the review's HTML."""
    attempt = attempt_start(trainee=trainee, quiz=quiz)
    client.force_login(trainee)
    post = {f"q-{k}": v for k, v in answers(attempt).items()}
    return client.post(f"/assessments/attempts/{attempt.pk}/", post, follow=True).content.decode()


def assert_answers_hidden(html: str) -> None:
    assert "Because." not in html
    assert "Feedback for" not in html
    assert "Correct answer" not in html and "correct-option" not in html
    assert "Why:" not in html


def assert_answers_shown(html: str) -> None:
    assert html.count("Why:</strong> Because.") == 4
    assert html.count('<span class="state-badge">Correct answer</span>') == 4
    assert "Feedback for Right" in html


def test_a_failed_attempt_shows_the_score_and_what_was_wrong_but_no_answer(
    client, quiz, enrolled, trainee
):
    html = take(client, trainee, quiz, wrong_answers)

    assert "Not passed: 0%" in html
    assert html.count("Not right") == 4
    assert "Your answer:</strong> Wrong" in html
    assert_answers_hidden(html)
    assert LATER in html


def test_once_passed_everything_is_shown(client, quiz, enrolled, trainee):
    html = take(client, trainee, quiz, right_answers)

    assert "Passed: 100%" in html
    assert_answers_shown(html)
    assert "You will see" not in html


def test_once_passed_the_earlier_failed_attempt_is_shown_in_full(client, quiz, enrolled, trainee):
    failed = attempt_start(trainee=trainee, quiz=quiz)
    attempt_submit(trainee=trainee, attempt_id=failed.pk, answers=wrong_answers(failed))
    client.force_login(trainee)
    assert_answers_hidden(client.get(f"/assessments/attempts/{failed.pk}/").content.decode())

    take(client, trainee, quiz, right_answers)

    html = client.get(f"/assessments/attempts/{failed.pk}/").content.decode()
    assert_answers_shown(html)
    assert "Feedback for Wrong" in html


def test_after_the_last_attempt_everything_is_shown(client, make_quiz, enrolled, trainee):
    quiz = make_quiz(max_attempts=2)
    assert_answers_hidden(take(client, trainee, quiz, wrong_answers))

    html = take(client, trainee, quiz, wrong_answers)

    assert "used all 2 attempts" in html
    assert_answers_shown(html)
    assert "Feedback for Wrong" in html


def test_an_earlier_attempt_gives_no_answer_while_another_is_open(
    client, make_quiz, enrolled, trainee
):
    quiz = make_quiz(review_after_fail=int(EVERYTHING))
    first = attempt_start(trainee=trainee, quiz=quiz)
    attempt_submit(trainee=trainee, attempt_id=first.pk, answers=wrong_answers(first))
    client.force_login(trainee)
    assert_answers_shown(client.get(f"/assessments/attempts/{first.pk}/").content.decode())

    attempt_start(trainee=trainee, quiz=quiz)

    html = client.get(f"/assessments/attempts/{first.pk}/").content.decode()
    assert_answers_hidden(html)
    assert "Not passed: 0%" in html and "Not right" in html


def test_an_open_attempt_gives_nothing_away_whatever_the_options(
    client, make_quiz, enrolled, trainee
):
    quiz = make_quiz(
        review_after_fail=int(EVERYTHING),
        review_after_pass=int(EVERYTHING),
        review_after_last=int(EVERYTHING),
    )
    attempt = attempt_start(trainee=trainee, quiz=quiz)
    client.force_login(trainee)

    html = client.get(f"/assessments/attempts/{attempt.pk}/").content.decode()

    assert_answers_hidden(html)
    assert "correct" not in html[html.index('class="quiz-form"') :].lower()


def test_a_quiz_may_hide_the_score_and_which_answers_were_wrong(
    client, make_quiz, enrolled, trainee
):
    quiz = make_quiz(review_after_fail=0, review_after_pass=int(Reveal.CORRECTNESS))
    html = take(client, trainee, quiz, wrong_answers)

    assert "Not passed</h2>" in html and "0%" not in html
    assert "Not right" not in html and 'class="question-review"' in html
    assert (
        "You will see your score, the right answers, the feedback on each answer and the "
        "explanations once you have used all your attempts. You will see which answers were "
        "right once you pass or have used all your attempts."
    ) in html
    page = client.get(quiz.url).content.decode()
    assert "Attempt 1</a>: not passed" in page

    html = take(client, trainee, quiz, right_answers)

    assert "Passed</h2>" in html and "100%" not in html
    assert len(re.findall(r"</span>\s+Right\s+</h3>", html)) == 4
    assert_answers_hidden(html)
    assert "You passed this quiz." in client.get(quiz.url).content.decode()


def test_another_trainees_submitted_attempt_is_404(client, quiz, programme, make_member):
    owner, other = make_member(Role.TRAINEE), make_member(Role.TRAINEE)
    enrollment_create(trainee=owner, programme=programme)
    enrollment_create(trainee=other, programme=programme)
    attempt = attempt_start(trainee=owner, quiz=quiz)
    attempt_submit(trainee=owner, attempt_id=attempt.pk, answers=right_answers(attempt))
    client.force_login(other)

    response = client.get(f"/assessments/attempts/{attempt.pk}/")

    assert response.status_code == 404
    assert "Because." not in response.content.decode()


def test_new_quizzes_take_the_defaults(quiz):
    assert (quiz.review_after_fail, quiz.review_after_pass, quiz.review_after_last) == (
        int(Reveal.SCORE | Reveal.CORRECTNESS),
        int(EVERYTHING),
        int(EVERYTHING),
    )


@pytest.mark.parametrize(
    "value", [int(Reveal.RIGHT_ANSWERS), int(Reveal.OPTION_FEEDBACK | Reveal.SCORE), 32]
)
def test_the_database_refuses_incoherent_options(quiz, value):
    with pytest.raises(IntegrityError), transaction.atomic():
        QuizPage.objects.filter(pk=quiz.pk).update(review_after_fail=value)


# The admin form


@pytest.fixture
def editor(make_member, client, mfa_login):
    user = make_member(Role.EDITOR)
    mfa_login(client, user)
    return user


def edit_data(quiz, **review) -> dict:
    link = quiz.quiz_questions.first()
    return nested_form_data(
        {
            "title": quiz.title,
            "slug": quiz.slug,
            "quiz_questions": inline_formset(
                [{"id": link.pk, "question": link.question_id, "ORDER": 0}], initial=1
            ),
            "pools": inline_formset([]),
            "comments": inline_formset([]),
            "kind": QuizPage.Kind.MODULE,
            "exam_length": 0,
            "pass_mark": 75,
            "max_attempts": 3,
            "wait_minutes": 0,
            "draw_count": 0,
            "multiple_select_scoring": QuizPage.Scoring.ALL_OR_NOTHING,
        }
    ) | {name: [str(int(flag)) for flag in flags] for name, flags in review.items()}


def test_the_admin_shows_review_options_as_checkboxes(client, editor, quiz):
    html = client.get(reverse("wagtailadmin_pages:edit", args=[quiz.pk])).content.decode()

    assert "Review options" in html
    boxes = re.findall(r'<input type="checkbox" name="review_after_fail" value="(\d+)"[^>]*>', html)
    assert boxes == ["1", "2", "4", "8", "16"]
    # The defaults come ticked: score and correctness after a fail, nothing more.
    ticked = re.findall(r'name="review_after_fail" value="(\d+)"[^>]* checked>', html)
    assert ticked == ["1", "2"]
    assert "Whether each of their answers was right" in html


def test_the_admin_saves_chosen_review_options(client, editor, quiz):
    data = edit_data(
        quiz,
        review_after_fail=[Reveal.SCORE],
        review_after_pass=[Reveal.SCORE, Reveal.CORRECTNESS, Reveal.RIGHT_ANSWERS],
        review_after_last=[Reveal.CORRECTNESS, Reveal.EXPLANATION],
    )

    response = client.post(reverse("wagtailadmin_pages:edit", args=[quiz.pk]), data)

    assert response.status_code == 302, response.content.decode()[:2000]
    draft = QuizPage.objects.get(pk=quiz.pk).get_latest_revision_as_object()
    assert (draft.review_after_fail, draft.review_after_pass, draft.review_after_last) == (1, 7, 18)


@pytest.mark.parametrize(
    ("field", "flags"),
    [
        ("review_after_fail", [Reveal.SCORE, Reveal.RIGHT_ANSWERS]),
        ("review_after_pass", [Reveal.OPTION_FEEDBACK]),
        ("review_after_last", [Reveal.EXPLANATION, Reveal.RIGHT_ANSWERS, Reveal.OPTION_FEEDBACK]),
    ],
)
def test_the_admin_refuses_answers_shown_where_correctness_is_hidden(
    client, editor, quiz, field, flags
):
    before = quiz.get_latest_revision().pk
    data = edit_data(quiz, **{field: flags})

    response = client.post(reverse("wagtailadmin_pages:edit", args=[quiz.pk]), data)

    assert response.status_code == 200
    assert "also tick “Whether each of their answers was right”" in response.content.decode()
    assert response.context["form"].errors[field]
    quiz.refresh_from_db()
    assert quiz.get_latest_revision().pk == before
    assert (quiz.review_after_fail, quiz.review_after_pass, quiz.review_after_last) == (3, 31, 31)


def test_the_admin_refuses_an_unknown_option(client, editor, quiz):
    data = edit_data(quiz)
    data["review_after_fail"] = ["1", "64"]
    before = quiz.get_latest_revision().pk

    response = client.post(reverse("wagtailadmin_pages:edit", args=[quiz.pk]), data)

    assert response.status_code == 200
    assert "64 is not one of the available choices" in response.content.decode()
    assert quiz.get_latest_revision().pk == before


# The sentence about later


@pytest.mark.parametrize(
    ("now", "after_pass", "after_last", "limited", "expected"),
    [
        (3, 31, 31, True, LATER),
        (
            3,
            31,
            31,
            False,
            "You will see the right answers, the feedback on each answer and the explanations "
            "once you pass.",
        ),
        (
            3,
            7,
            31,
            True,
            "You will see the right answers once you pass or have used all your attempts. "
            "You will see the feedback on each answer and the explanations once you have used "
            "all your attempts.",
        ),
        (3, 3, 3, True, ""),
        (31, 31, 31, True, ""),
    ],
)
def test_the_sentence_says_what_comes_later(now, after_pass, after_last, limited, expected):
    assert (
        later_sentence(
            moment=Moment.AFTER_FAIL,
            now=now,
            after_pass=after_pass,
            after_last=after_last,
            limited=limited,
        )
        == expected
    )


def test_the_quiz_page_says_before_the_first_attempt_what_comes_later(client, quiz, enrolled):
    client.force_login(enrolled.trainee)

    html = client.get(quiz.url).content.decode()

    assert f"<li data-review-later>{LATER}</li>" in html
