"""A lesson is credited on evidence, in a real browser: a lesson whose content-warning
section is never opened is not credited, however long the trainee stays; opening it, with
the time, credits it.

The heartbeat (static/js/lesson.js) beats every second here and the share of the lesson's
estimate to spend on it is small (a one-minute lesson asks 3 seconds), so the test waits
seconds, not minutes; the rule is the one users get.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from courses.models import LessonCompletion, LessonEngagement, LessonPage
from courses.services import enrollment_create
from organisations.roles import Role
from tests.builders import lesson_body, lessons_of

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

OPEN_THE_SECTION = "Open the section after the content warning to finish this lesson."


@pytest.fixture
def warning_lesson(build_programme, make_member, settings):
    """warning_lesson(lessons=) -> (lesson, trainee, enrollment): the first lesson of a
    one-module program opens with a content warning, and the trainee is enrolled. The
    heartbeat beats every second and a lesson asks 5% of its estimate in active time."""
    settings.LESSON_HEARTBEAT_SECONDS = 1
    settings.LESSON_ACTIVE_SHARE = 0.05

    def make(*, lessons: int):
        programme = build_programme(modules=1, lessons=lessons)
        lesson = lessons_of(programme)[0]
        lesson.body = lesson_body(warning=True)
        lesson.save_revision().publish()
        trainee = make_member(Role.TRAINEE)
        enrollment = enrollment_create(trainee=trainee, programme=programme)
        return LessonPage.objects.get(pk=lesson.pk), trainee, enrollment

    return make


def test_an_unopened_warning_section_is_not_credited_and_opening_it_with_time_is(
    tab: Page, log_in, warning_lesson
):
    lesson, trainee, enrollment = warning_lesson(lessons=2)
    assert lesson.estimated_minutes == 1  # 3 seconds at this share
    page = log_in(tab, trainee)

    page.goto(lesson.url)
    needs = page.locator("#completion-needs")
    expect(needs).to_contain_text(OPEN_THE_SECTION)
    expect(needs).to_contain_text("Spend about 1 more minute with this lesson.")
    # Reaching the end marks nothing done; time passes, the warning's section stays shut.
    page.get_by_role("navigation", name="Lessons in this module").scroll_into_view_if_needed()
    expect(needs).to_have_text(OPEN_THE_SECTION)
    assert LessonEngagement.objects.get(enrollment=enrollment).active_seconds >= 3

    # "Mark as done" is refused, saying what is missing; nothing is credited.
    page.get_by_role("button", name="Mark as done and continue").click()
    expect(page.locator("#completion-status")).to_have_text(
        f"Not marked as done yet. {OPEN_THE_SECTION}"
    )
    assert not LessonCompletion.objects.filter(enrollment=enrollment).exists()
    expect(page.locator("details[data-gate]")).not_to_have_attribute("open", "")

    # Opening the section is the evidence still missing: the page says nothing is left.
    with page.expect_response(lambda r: "/engagement/" in r.url and r.ok):
        page.get_by_text("I understand — show the rest of this lesson").click()
    expect(page.get_by_text("Hidden until chosen.")).to_be_visible()
    expect(needs).to_be_hidden()
    page.get_by_role("button", name="Mark as done and continue").click()
    expect(page).to_have_url(re.compile(r"/module-1/lesson-2/$"))
    expect(page.locator("ul.messages")).to_have_text(f"“{lesson.title}” marked as done.")
    assert LessonCompletion.objects.filter(enrollment=enrollment, lesson=lesson).exists()


def test_a_report_refused_for_coming_too_fast_is_sent_again_and_counts(
    tab: Page, log_in, warning_lesson
):
    """The server limits a page's reports (429 with Retry-After): the opening of a section,
    refused once, is sent again when the server says, so the evidence is not lost."""
    lesson, trainee, enrollment = warning_lesson(lessons=1)
    page = log_in(tab, trainee)
    refused = []

    def refuse_the_first_opening(route):
        if 'name="opened"' in (route.request.post_data or "") and not refused:
            refused.append(route.request.post_data)
            route.fulfill(
                status=429,
                headers={"Retry-After": "1"},
                content_type="application/json",
                body='{"error": "Too many reports; wait a moment."}',
            )
        else:
            route.continue_()

    page.route(re.compile(r"/engagement/$"), refuse_the_first_opening)
    page.goto(lesson.url)
    needs = page.locator("#completion-needs")
    expect(needs).to_contain_text(OPEN_THE_SECTION)

    def an_opening_taken(response):
        opening = 'name="opened"' in (response.request.post_data or "")
        return "/engagement/" in response.url and response.ok and opening

    with page.expect_response(an_opening_taken):
        page.get_by_text("I understand — show the rest of this lesson").click()
    assert len(refused) == 1  # the first was refused; the one answered is the retry
    expect(needs).to_be_hidden()
    # The refused evidence arrived: the section's opening is recorded.
    assert LessonEngagement.objects.get(enrollment=enrollment).opened_sections
    page.get_by_role("button", name="Mark as done").click()
    expect(page.locator("ul.messages")).to_have_text(f"“{lesson.title}” marked as done.")
    assert LessonCompletion.objects.filter(enrollment=enrollment, lesson=lesson).exists()
