"""The way on around a module's quiz: the last lesson leads to it, a pass says what opened."""

import pytest

from assessments.services import attempt_start
from courses.models import LessonCompletion, LessonPage
from tests.assessments.conftest import right_answers, wrong_answers
from tests.builders import evidence_for, lesson_done, lessons_of

pytestmark = pytest.mark.django_db


def lesson(slug_path: str) -> LessonPage:
    return LessonPage.objects.get(url_path__endswith=slug_path)


def test_the_last_lesson_of_a_module_leads_to_its_quiz(client, quiz, enrolled, trainee):
    client.force_login(trainee)

    html = " ".join(client.get(lesson("/module-1/lesson-2/").url).content.decode().split())

    assert f'<input type="hidden" name="next" value="{quiz.pk}">' in html
    assert "Mark as done and go to the quiz" in html
    assert '<a href="/programmes/peer-training/cpsw/module-1/quiz/">Module quiz →</a>' in html


def test_mark_as_done_on_the_last_lesson_goes_to_the_quiz(client, quiz, enrolled, trainee):
    last = lesson("/module-1/lesson-2/")
    evidence_for(trainee=trainee, lesson=last)  # worked through it
    client.force_login(trainee)

    response = client.post(f"/courses/lessons/{last.pk}/complete/", {"next": str(quiz.pk)})

    assert response.status_code == 302
    assert response["Location"] == "/programmes/peer-training/cpsw/module-1/quiz/"
    assert LessonCompletion.objects.filter(enrollment=enrolled, lesson=last).exists()


def test_a_next_page_outside_the_module_is_ignored(client, quiz, enrolled, trainee):
    first = lesson("/module-1/lesson-1/")
    elsewhere = lesson("/module-2/lesson-1/")
    evidence_for(trainee=trainee, lesson=first)
    client.force_login(trainee)

    response = client.post(f"/courses/lessons/{first.pk}/complete/", {"next": str(elsewhere.pk)})

    assert response["Location"] == "/programmes/peer-training/cpsw/module-1/lesson-1/"


def test_without_a_quiz_the_last_lesson_leads_back_to_the_module(client, enrolled, trainee):
    client.force_login(trainee)

    html = " ".join(client.get(lesson("/module-1/lesson-2/").url).content.decode().split())

    assert 'name="next"' not in html
    assert "Mark as done </button>" in html or "Mark as done</button>" in html
    assert "Back to Module 1" in html


def pass_through_the_page(client, trainee, quiz):
    attempt = attempt_start(trainee=trainee, quiz=quiz)
    client.force_login(trainee)
    post = {f"q-{k}": v for k, v in right_answers(attempt).items()}
    response = client.post(f"/assessments/attempts/{attempt.pk}/", post, follow=True)
    return " ".join(response.content.decode().split())


def test_a_pass_that_completes_the_module_says_what_opened(
    client, quiz, enrolled, trainee, programme
):
    for done in lessons_of(programme)[:2]:
        lesson_done(trainee=trainee, lesson=done)

    html = pass_through_the_page(client, trainee, quiz)

    assert "Passed: 100%" in html
    assert "Module complete — Module 2 is now open." in html
    assert '<a href="/programmes/peer-training/cpsw/module-2/">Go to Module 2</a>' in html


def test_a_pass_with_lessons_left_says_to_finish_them(client, quiz, enrolled, trainee):
    html = pass_through_the_page(client, trainee, quiz)

    assert "Passed: 100%" in html
    assert "Module complete" not in html
    assert "Finish its lessons to complete it" in html


def test_a_pass_in_the_last_module_says_so(client, make_quiz, enrolled, trainee, programme):
    for done in lessons_of(programme):
        lesson_done(trainee=trainee, lesson=done)
    quiz = make_quiz(module_slug="module-2")

    html = pass_through_the_page(client, trainee, quiz)

    assert "Module complete — that was the last module of Certified Peer Support Worker." in html


def test_a_fail_says_nothing_of_completion(client, quiz, enrolled, trainee, programme):
    for done in lessons_of(programme)[:2]:
        lesson_done(trainee=trainee, lesson=done)
    attempt = attempt_start(trainee=trainee, quiz=quiz)
    client.force_login(trainee)
    post = {f"q-{k}": v for k, v in wrong_answers(attempt).items()}

    html = client.post(f"/assessments/attempts/{attempt.pk}/", post, follow=True).content.decode()

    assert "Not passed: 0%" in html
    assert "Module complete" not in html
