"""A module quiz in a real browser: fail, wait, retake, pass, and the module completes.

The live server needs real commits, so the database is transactional; see
``site_structure`` in tests/conftest.py for what that means for the page tree.
"""

import re
from datetime import timedelta

import pytest
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from playwright.sync_api import Page, expect

from assessments.models import (
    Attempt,
    QuestionCategory,
    QuizPage,
)
from courses.models import ModulePage
from courses.services import enrollment_create
from organisations.roles import Role
from tests.builders import lesson_done, lessons_of, published_quiz

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

# (question, right option, wrong options), in the order the quiz shows them.
QUESTIONS = [
    (
        "Someone you support asks to borrow money. What do you do?",
        "Explain the boundary and help them find other support",
        ["Lend a small amount, once", "Ignore the request"],
    ),
    (
        "Who decides what recovery looks like?",
        "The person in recovery",
        ["The peer worker", "Their doctor"],
    ),
]


def add_quiz(module: ModulePage) -> QuizPage:
    """A quiz as the question bank builds it: fixed order, 3 attempts 30 minutes apart."""
    category = QuestionCategory.objects.create(name="Boundaries")
    return published_quiz(module, category=category, questions=QUESTIONS, wait_minutes=30)


def answer(page: Page, choose) -> None:
    """Pick, for each question, the option ``choose(right, wrong)`` names, and submit."""
    for number, (text, right, wrong) in enumerate(QUESTIONS, start=1):
        question = page.get_by_role("group", name=f"Question {number}")
        expect(question).to_contain_text(text)
        question.get_by_role("radio", name=choose(right, wrong), exact=True).check()
    page.get_by_role("button", name="Submit answers").click()


def module_row(page: Page, title: str):
    return page.locator("[data-module-state]").filter(
        has=page.get_by_role("heading", name=title, exact=True)
    )


def test_take_fail_retake_after_the_wait_pass_and_see_the_module_complete(
    tab: Page, log_in, build_programme, make_member
):
    programme = build_programme(modules=2, lessons=2)
    quiz = add_quiz(ModulePage.objects.get(slug="module-1"))
    trainee = make_member(Role.TRAINEE)
    enrollment = enrollment_create(trainee=trainee, programme=programme)
    for lesson in lessons_of(programme)[:2]:  # module 1's lessons
        lesson_done(trainee=trainee, lesson=lesson)
    page = log_in(tab, trainee)

    # Module 1's lessons are done, but its quiz is not passed: module 2 stays locked.
    page.goto("/courses/my-training/")
    expect(module_row(page, "Module 1")).to_contain_text("In progress · 2/3")
    expect(module_row(page, "Module 2")).to_have_attribute("data-module-state", "locked")

    page.goto("/programmes/peer-training/cpsw/module-1/quiz/")
    expect(page.get_by_role("heading", name="Module quiz", level=1)).to_be_visible()
    expect(page.get_by_text("3 attempts, 30 minutes apart")).to_be_visible()
    expect(page.get_by_text("3 attempts left.")).to_be_visible()
    page.get_by_role("button", name="Start the quiz").click()

    # The questions as the trainee sees them give nothing away.
    expect(page.get_by_role("heading", name="Module quiz: attempt 1")).to_be_visible()
    expect(page.get_by_role("radio")).to_have_count(6)
    html = page.get_by_role("main").inner_html()
    assert "correct" not in html.lower()
    assert "Feedback for" not in html
    assert "Because." not in html

    # Wrong answers: not passed, two attempts left, and a wait before the next.
    answer(page, lambda right, wrong: wrong[0])
    result = page.locator("[data-result]")
    expect(result).to_have_text("Not passed: 0%")
    expect(page.get_by_text("The pass mark was 75%.")).to_be_visible()
    expect(page.locator("[data-attempts-left]")).to_have_text("2 attempts left.")
    first = Attempt.objects.get(enrollment=enrollment, quiz=quiz)
    opens_at = timezone.localtime(first.submitted_at + timedelta(minutes=30))
    expect(page.locator("[data-quiz-blocked]")).to_have_text(
        f"Your next attempt opens at {date_format(opens_at, 'F j, Y, g:i A')}."
    )
    expect(page.get_by_role("button", name=re.compile("^Start"))).to_have_count(0)
    assert (first.number, first.passed, first.score_percent) == (1, False, 0)

    # The half hour passes (moved in the database) and the retake opens.
    Attempt.objects.filter(pk=first.pk).update(
        started_at=F("started_at") - timedelta(minutes=31),
        submitted_at=F("submitted_at") - timedelta(minutes=31),
    )
    page.reload()
    expect(page.locator("[data-quiz-blocked]")).to_have_count(0)
    page.get_by_role("button", name="Start attempt 2").click()
    expect(page.get_by_role("heading", name="Module quiz: attempt 2")).to_be_visible()
    assert "correct" not in page.get_by_role("main").inner_html().lower()

    # Right answers: passed, and the module's work is done.
    answer(page, lambda right, wrong: right)
    expect(page.locator("[data-result]")).to_have_text("Passed: 100%")
    outcome = page.locator("[data-outcome]")
    expect(outcome).to_contain_text("Module complete — Module 2 is now open.")
    expect(outcome.get_by_role("link", name="Go to Module 2")).to_have_attribute(
        "href", "/programmes/peer-training/cpsw/module-2/"
    )
    second = Attempt.objects.get(enrollment=enrollment, quiz=quiz, number=2)
    assert (second.passed, second.score_percent) == (True, 100)

    page.goto("/courses/my-training/")
    module_1 = module_row(page, "Module 1")
    expect(module_1).to_have_attribute("data-module-state", "complete")
    expect(module_1.locator(".state-badge")).to_have_text("Complete")
    expect(module_1).to_contain_text("+ quiz (passed)")
    module_2 = module_row(page, "Module 2")
    expect(module_2).to_have_attribute("data-module-state", "available")
    expect(module_2.get_by_role("link", name="Module 2")).to_be_visible()
    expect(page.get_by_role("link", name="Resume: Lesson 2.1")).to_be_visible()
    # 2 lessons + quiz done of 2 + quiz + 2: 3 of 5 steps.
    expect(page.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "60")
