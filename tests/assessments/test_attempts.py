import re

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from assessments.models import Attempt, Option, Question, QuizPool, Response, ResponseChoice
from assessments.services import attempt_start, attempt_submit
from courses.selectors import ModuleState, programme_progress
from courses.services import enrollment_create
from organisations.roles import Role
from tests.assessments.conftest import make_question, right_answers, wrong_answers
from tests.builders import lesson_done, lessons_of

pytestmark = pytest.mark.django_db


def test_a_trainee_not_enrolled_cannot_start(quiz, trainee):
    with pytest.raises(ValidationError, match="Enroll in"):
        attempt_start(trainee=trainee, quiz=quiz)
    assert not Attempt.objects.exists()


def test_a_quiz_in_a_locked_module_cannot_be_started(make_quiz, enrolled, trainee):
    quiz = make_quiz(module_slug="module-2")
    with pytest.raises(ValidationError, match="unlocks when you complete"):
        attempt_start(trainee=trainee, quiz=quiz)


def test_starting_twice_resumes_the_open_attempt(quiz, enrolled, trainee):
    first = attempt_start(trainee=trainee, quiz=quiz)
    second = attempt_start(trainee=trainee, quiz=quiz)
    assert first.pk == second.pk


def test_the_database_allows_one_open_attempt(quiz, enrolled, trainee):
    attempt = attempt_start(trainee=trainee, quiz=quiz)
    with pytest.raises(IntegrityError):
        Attempt.objects.create(enrollment=enrolled, quiz=quiz, number=2, questions=[], pass_mark=75)
    assert attempt.is_open


def test_the_page_before_submission_carries_no_marker_of_correct_options(
    client, quiz, enrolled, trainee
):
    attempt = attempt_start(trainee=trainee, quiz=quiz)
    client.force_login(trainee)

    html = client.get(f"/assessments/attempts/{attempt.pk}/").content.decode()

    start = html.index('class="quiz-form"')
    form = html[start : html.index("</form>", start)]
    assert "correct" not in form.lower()
    assert "feedback" not in form.lower()
    assert "Because." not in form
    correct_ids = {str(o.pk) for o in Option.objects.filter(is_correct=True)}
    inputs = re.findall(r'<input type="radio"[^>]*>', form)
    assert len(inputs) == 12
    assert {re.search(r'value="(\d+)"', i).group(1) for i in inputs} >= correct_ids
    assert all(
        re.fullmatch(r'<input type="radio" name="q-\d+" id="q-\d+-\d+" value="\d+">', i)
        for i in inputs
    )


def test_passing_grades_on_the_server_and_completes_the_module(quiz, enrolled, trainee, programme):
    for lesson in lessons_of(programme)[:2]:
        lesson_done(trainee=trainee, lesson=lesson)
    assert programme_progress(enrollment=enrolled).modules[0].state == ModuleState.IN_PROGRESS

    attempt = attempt_start(trainee=trainee, quiz=quiz)
    attempt = attempt_submit(trainee=trainee, attempt_id=attempt.pk, answers=right_answers(attempt))

    assert attempt.passed and attempt.score_percent == 100
    assert Response.objects.filter(attempt=attempt, is_correct=True).count() == 4
    progress = programme_progress(enrollment=enrolled)
    assert progress.modules[0].state == ModuleState.COMPLETE
    assert progress.modules[1].state == ModuleState.AVAILABLE


def test_lessons_alone_do_not_complete_a_module_with_a_quiz(quiz, enrolled, trainee, programme):
    for lesson in lessons_of(programme)[:2]:
        lesson_done(trainee=trainee, lesson=lesson)

    progress = programme_progress(enrollment=enrolled)
    assert progress.modules[0].state == ModuleState.IN_PROGRESS
    assert progress.modules[1].state == ModuleState.LOCKED
    assert progress.next_step.specific_class.__name__ == "QuizPage"


def test_failing_records_the_score_and_the_module_stays_open(quiz, enrolled, trainee):
    attempt = attempt_start(trainee=trainee, quiz=quiz)
    answers = wrong_answers(attempt)
    answers["1"] = right_answers(attempt)["1"]

    attempt = attempt_submit(trainee=trainee, attempt_id=attempt.pk, answers=answers)

    assert attempt.score_percent == 25
    assert attempt.passed is False


def test_a_replayed_submission_returns_the_same_result(quiz, enrolled, trainee):
    attempt = attempt_start(trainee=trainee, quiz=quiz)
    first = attempt_submit(trainee=trainee, attempt_id=attempt.pk, answers=wrong_answers(attempt))
    second = attempt_submit(trainee=trainee, attempt_id=attempt.pk, answers=right_answers(attempt))

    assert (
        (second.score_percent, second.passed) == (first.score_percent, first.passed) == (0, False)
    )
    assert Attempt.objects.count() == 1
    assert Response.objects.count() == 4


def bad_submission(attempt):
    good = right_answers(attempt)
    forged_option = max(Option.objects.values_list("pk", flat=True)) + 100
    return {
        "missing": ({k: v for k, v in good.items() if k != "2"}, "Unanswered: 2"),
        "unknown question": ({**good, "99": good["1"]}, "not in this attempt"),
        "forged option": ({**good, "3": [str(forged_option)]}, "does not match its options"),
        "option of another question": ({**good, "3": good["1"]}, "does not match its options"),
        "two answers to single choice": (
            {**good, "4": [o["key"] for o in attempt.questions[3]["options"][:2]]},
            "exactly one answer",
        ),
    }


@pytest.mark.parametrize(
    "case",
    [
        "missing",
        "unknown question",
        "forged option",
        "option of another question",
        "two answers to single choice",
    ],
)
def test_bad_submissions_are_refused_and_store_nothing(quiz, enrolled, trainee, case):
    attempt = attempt_start(trainee=trainee, quiz=quiz)
    answers, message = bad_submission(attempt)[case]

    with pytest.raises(ValidationError, match=message):
        attempt_submit(trainee=trainee, attempt_id=attempt.pk, answers=answers)

    attempt.refresh_from_db()
    assert attempt.is_open and attempt.score_percent is None
    assert not Response.objects.exists() and not ResponseChoice.objects.exists()


def test_the_attempts_limit_is_enforced(make_quiz, enrolled, trainee):
    quiz = make_quiz(max_attempts=2)
    for _ in range(2):
        attempt = attempt_start(trainee=trainee, quiz=quiz)
        attempt_submit(trainee=trainee, attempt_id=attempt.pk, answers=wrong_answers(attempt))

    with pytest.raises(ValidationError, match="used all 2 attempts"):
        attempt_start(trainee=trainee, quiz=quiz)
    assert Attempt.objects.count() == 2


def test_the_waiting_time_is_enforced_then_lifts(make_quiz, enrolled, trainee):
    quiz = make_quiz(wait_minutes=30)
    attempt = attempt_start(trainee=trainee, quiz=quiz)
    attempt_submit(trainee=trainee, attempt_id=attempt.pk, answers=wrong_answers(attempt))

    with pytest.raises(ValidationError, match="next attempt opens at"):
        attempt_start(trainee=trainee, quiz=quiz)

    Attempt.objects.update(submitted_at=timezone.now() - timezone.timedelta(minutes=31))
    assert attempt_start(trainee=trainee, quiz=quiz).number == 2


def test_a_passed_quiz_is_not_taken_again(quiz, enrolled, trainee):
    attempt = attempt_start(trainee=trainee, quiz=quiz)
    attempt_submit(trainee=trainee, attempt_id=attempt.pk, answers=right_answers(attempt))

    with pytest.raises(ValidationError, match="You passed this quiz"):
        attempt_start(trainee=trainee, quiz=quiz)


def test_editing_the_bank_later_never_changes_a_past_result(quiz, enrolled, trainee, client):
    attempt = attempt_start(trainee=trainee, quiz=quiz)
    attempt = attempt_submit(trainee=trainee, attempt_id=attempt.pk, answers=right_answers(attempt))
    question = Question.objects.get(text="Question 1?")
    question.text = "Question 1, reworded?"
    question.save()
    question.options.filter(is_correct=True).update(is_correct=False, text="Now wrong")

    client.force_login(trainee)
    html = client.get(f"/assessments/attempts/{attempt.pk}/").content.decode()

    attempt.refresh_from_db()
    assert attempt.score_percent == 100
    assert "Question 1?" in html and "reworded" not in html
    assert "Now wrong" not in html


def test_draw_n_questions_from_the_pool(make_quiz, category, enrolled, trainee):
    questions = [make_question(category, text=f"Pool {n}?") for n in range(10)]
    quiz = make_quiz(questions=questions, draw_count=3, shuffle_questions=True)

    attempt = attempt_start(trainee=trainee, quiz=quiz)

    assert len(attempt.questions) == 3
    assert {q["text"] for q in attempt.questions} <= {q.text for q in questions}


def test_a_pool_drawing_all_adds_its_categorys_questions(make_quiz, category, enrolled, trainee):
    quiz = make_quiz(questions=[], pools=[QuizPool(category=category, draw=0)])
    make_question(category, text="From the category?")

    attempt = attempt_start(trainee=trainee, quiz=quiz)

    assert [q["text"] for q in attempt.questions] == ["From the category?"]


def test_a_quiz_without_questions_cannot_start(make_quiz, enrolled, trainee):
    quiz = make_quiz(questions=[])
    with pytest.raises(ValidationError, match="no questions yet"):
        attempt_start(trainee=trainee, quiz=quiz)


def test_a_trainee_cannot_see_another_trainees_attempt(client, quiz, programme, make_member):
    owner = make_member(Role.TRAINEE)
    other = make_member(Role.TRAINEE)
    enrollment_create(trainee=owner, programme=programme)
    enrollment_create(trainee=other, programme=programme)
    attempt = attempt_start(trainee=owner, quiz=quiz)
    client.force_login(other)

    assert client.get(f"/assessments/attempts/{attempt.pk}/").status_code == 404
    response = client.post(f"/assessments/attempts/{attempt.pk}/", {"q-1": "1"})
    assert response.status_code == 404
    with pytest.raises(Attempt.DoesNotExist):
        attempt_submit(trainee=other, attempt_id=attempt.pk, answers=right_answers(attempt))
    attempt.refresh_from_db()
    assert attempt.is_open


def test_submitting_through_the_page_shows_the_review(client, quiz, enrolled, trainee):
    attempt = attempt_start(trainee=trainee, quiz=quiz)
    client.force_login(trainee)
    post = {f"q-{k}": v for k, v in wrong_answers(attempt).items()}

    response = client.post(f"/assessments/attempts/{attempt.pk}/", post, follow=True)

    html = response.content.decode()
    assert "Not passed: 0%" in html
    assert "Your answer:</strong> Wrong" in html
    assert "Not right" in html
    # The quiz's default review options: no answer is given away while attempts remain.
    assert "Feedback for" not in html
    assert "Because." not in html
    assert "2 attempts left" in html


def test_an_incomplete_form_is_shown_again_with_a_message(client, quiz, enrolled, trainee):
    attempt = attempt_start(trainee=trainee, quiz=quiz)
    client.force_login(trainee)

    response = client.post(
        f"/assessments/attempts/{attempt.pk}/", {"q-1": attempt.questions[0]["options"][0]["key"]}
    )

    assert response.status_code == 400
    assert "Answer every question before submitting" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.is_open


def test_the_questions_left_unanswered_are_marked_when_the_form_comes_back(
    client, quiz, enrolled, trainee
):
    attempt = attempt_start(trainee=trainee, quiz=quiz)
    first, second, *rest = attempt.questions
    client.force_login(trainee)

    response = client.post(
        f"/assessments/attempts/{attempt.pk}/",
        {f"q-{first['key']}": first["options"][0]["key"]},
    )

    html = response.content.decode()
    assert response.status_code == 400
    answered = re.search(rf'<fieldset class="([^"]*)" id="question-{first["key"]}"', html)
    assert answered.group(1) == "question"
    assert f'value="{first["options"][0]["key"]}" checked' in html
    for question in (second, *rest):
        key = question["key"]
        assert re.search(
            rf'<fieldset class="question question-unanswered" id="question-{key}" '
            rf'aria-describedby="question-{key}-error">',
            html,
        )
        assert f'<p class="question-error" id="question-{key}-error">Not answered yet' in html
        assert f'<a href="#question-{key}">question {key}</a>' in html
    assert html.count("question-unanswered") == len(rest) + 1
    # A form shown for the first time marks nothing.
    assert (
        "question-unanswered"
        not in client.get(f"/assessments/attempts/{attempt.pk}/").content.decode()
    )
