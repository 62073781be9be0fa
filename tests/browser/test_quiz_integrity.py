"""A quiz that teaches rather than gives itself away, in a real browser.

A trainee fails and sees which answers were wrong, not the right ones; the retake draws
other questions from the pool; out of attempts, they ask for another; the coordinator
grants it from the learner record (with a second factor and a reason); the trainee passes.
"""

import os
import re

import pytest
from playwright.sync_api import Page, expect

from assessments.models import Attempt, Option, Question, QuestionCategory, QuizPage, QuizPool
from courses.models import ModulePage
from courses.services import enrollment_create
from organisations.roles import Role
from tests.builders import lesson_done, lessons_of, publish

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = os.environ.get("PEERPATH_SCREENSHOTS", "")
EXPLANATION = "The teaching point of question"


def pool_quiz(module: ModulePage) -> QuizPage:
    """Two attempts, each drawing 2 of a category's 6 questions, 100% to pass."""
    category = QuestionCategory.objects.create(name="Boundaries")
    for n in range(1, 7):
        question = Question.objects.create(
            category=category,
            kind=Question.Kind.SINGLE,
            text=f"Boundary question {n}?",
            explanation=f"{EXPLANATION} {n}.",
        )
        for sort_order, (text, right) in enumerate([(f"Wrong {n}", False), (f"Right {n}", True)]):
            Option.objects.create(
                question=question,
                text=text,
                is_correct=right,
                feedback=f"Feedback on {text}",
                sort_order=sort_order,
            )
    quiz = QuizPage(
        title="Boundaries quiz",
        slug="quiz",
        pass_mark=100,
        max_attempts=2,
        wait_minutes=0,
        shuffle_options=False,
    )
    quiz.pools.add(QuizPool(category=category, draw=2))
    return publish(module, quiz)


def shown_questions(page: Page) -> list[str]:
    questions = page.get_by_role("group", name=re.compile(r"^Question \d+"))
    expect(questions).to_have_count(2)
    return [q.locator(".question-text").inner_text().strip() for q in questions.all()]


def answer_all(page: Page, *, right: bool) -> None:
    for question in page.get_by_role("group", name=re.compile(r"^Question \d+")).all():
        number = re.search(r"\d+", question.locator(".question-text").inner_text()).group()
        label = f"Right {number}" if right else f"Wrong {number}"
        question.get_by_label(label, exact=True).check()
    page.get_by_role("button", name="Submit answers").click()


def screenshot(page: Page, name: str) -> None:
    if not SCREENSHOTS:
        return
    page.screenshot(path=f"{SCREENSHOTS}/{name}-1280.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=f"{SCREENSHOTS}/{name}-390.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_fail_see_what_was_wrong_retake_new_questions_ask_for_more_and_pass(
    new_tab, log_in, build_programme, make_member, coordinator, with_totp
):
    programme = build_programme(modules=1, lessons=1)
    quiz = pool_quiz(ModulePage.objects.get(slug="module-1"))
    trainee = make_member(Role.TRAINEE, first_name="Tess", last_name="Taylor")
    enrollment = enrollment_create(trainee=trainee, programme=programme)
    lesson_done(trainee=trainee, lesson=lessons_of(programme)[0])
    with_totp(coordinator)

    page = log_in(new_tab(), trainee)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(quiz.url)
    page.get_by_role("button", name="Start the quiz").click()
    first = shown_questions(page)

    # A failed attempt: the score and which answers were wrong, never what was right.
    answer_all(page, right=False)
    expect(page.locator("[data-result]")).to_have_text("Not passed: 0%")
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", name=re.compile("Not right"))).to_have_count(2)
    html = main.inner_html()
    assert "Correct answer" not in html and "correct-option" not in html
    assert EXPLANATION not in html and "Feedback on" not in html
    expect(page.locator("[data-review-later]")).to_contain_text("once you pass")
    screenshot(page, "quiz-failed")

    # The retake draws the two questions the first attempt did not show.
    page.goto(quiz.url)
    page.get_by_role("button", name="Start attempt 2").click()
    second = shown_questions(page)
    assert not set(first) & set(second), (first, second)

    # The last attempt fails too: now the answers are shown, and the trainee may ask.
    answer_all(page, right=False)
    expect(page.locator("[data-result]")).to_have_text("Not passed: 0%")
    expect(page.get_by_text("Correct answer").first).to_be_visible()
    page.goto(quiz.url)
    expect(page.get_by_text("You have used all 2 attempts.")).to_be_visible()
    page.get_by_role("button", name="Request another attempt").click()
    expect(
        page.get_by_text("Your coordinators have been asked for another attempt")
    ).to_be_visible()
    expect(page.get_by_role("button", name="Request another attempt")).to_have_count(0)
    screenshot(page, "quiz-requested")

    # The coordinator finds the request from the dashboard and grants one attempt.
    desk = log_in(new_tab(), coordinator)
    desk.set_viewport_size({"width": 1280, "height": 900})
    desk.get_by_role("link", name="Requests for another quiz attempt").click()
    desk.get_by_role("link", name=re.compile("Tess Taylor")).first.click()
    expect(desk.get_by_role("heading", level=1)).to_have_text("Learner record: Tess Taylor")
    panel = desk.locator(f"#quiz-{quiz.pk}")
    expect(panel.locator("[data-open-request]")).to_be_visible()
    # Without a reason, nothing is granted (the browser asks for one first).
    panel.get_by_role("button", name="Grant extra attempts").click()
    assert not enrollment.attempts.filter(status=Attempt.Status.OPEN).exists()
    panel.get_by_label(re.compile("^Reason")).fill("Lost connection during attempt 2")
    panel.get_by_label(re.compile("^Extra attempts")).fill("1")
    panel.get_by_role("button", name="Grant extra attempts").click()
    expect(desk.get_by_text("The trainee has been emailed.")).to_be_visible()
    expect(desk.locator(f"#quiz-{quiz.pk} [data-override]")).to_contain_text(
        "Lost connection during attempt 2"
    )
    expect(desk.locator(f"#quiz-{quiz.pk} [data-open-request]")).to_have_count(0)
    screenshot(desk, "quiz-override")

    # The trainee takes the granted attempt and passes.
    page.goto(quiz.url)
    page.get_by_role("button", name="Start attempt 3").click()
    answer_all(page, right=True)
    expect(page.locator("[data-result]")).to_have_text("Passed: 100%")
    third = Attempt.objects.get(enrollment=enrollment, quiz=quiz, number=3)
    assert third.passed
    # Once passed, the explanations show.
    expect(page.get_by_text(re.compile(EXPLANATION)).first).to_be_visible()
