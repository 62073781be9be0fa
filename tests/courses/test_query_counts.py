"""Lesson pages and the dashboard run the same number of queries for any programme size."""

import pytest

from courses.models import (
    LessonPage,
)
from courses.services import enrollment_create, reflection_save
from tests.builders import lesson_body, lesson_done, live_programme

pytestmark = pytest.mark.django_db

# Measured on the 6-module programme; the 60 x 5 programme must not need more. A lesson page
# is about a dozen queries of Wagtail's own (site, one per URL segment below the program,
# view restrictions, the user bar's permissions), session and user, and four of ours (the
# module and program come with the routing). My training: the user, their roles, the
# enrollments, five for progress and the next step, three for the training hours (credited
# lessons, attendance, the domains' names; three more for sessions and policies when a
# trainee attended one), permissions and the site: 14, whatever the number of enrollments.
LESSON_PAGE_MAX_QUERIES = 18
DASHBOARD_MAX_QUERIES = 14


@pytest.fixture(params=[(6, 3), (60, 5)], ids=["6-modules", "60x5"])
def sized_enrollment(request, provider, trainee):
    modules, lessons = request.param
    programme = live_programme(
        organisation=provider, modules=modules, lessons=lessons, body=lesson_body(reflection=True)
    )
    enrollment = enrollment_create(trainee=trainee, programme=programme)
    # Finish the first module and start the second, so locking logic has work to do.
    all_lessons = list(LessonPage.objects.descendant_of(programme).order_by("path"))
    for lesson in all_lessons[: lessons + 1]:
        lesson_done(trainee=trainee, lesson=lesson)
    reading = all_lessons[lessons + 1]
    reflection_save(trainee=trainee, lesson=reading, block_id="reflect-1", text="A thought.")
    return enrollment, reading


def test_lesson_page_queries_do_not_grow(
    client, trainee, sized_enrollment, django_assert_max_num_queries
):
    _, lesson = sized_enrollment
    client.force_login(trainee)
    url = lesson.url
    client.get(url)  # warm per-process caches (site root paths, content types)

    with django_assert_max_num_queries(LESSON_PAGE_MAX_QUERIES):
        response = client.get(url)

    assert "A thought." in response.content.decode()


def test_dashboard_queries_do_not_grow(
    client, trainee, sized_enrollment, django_assert_max_num_queries
):
    client.force_login(trainee)
    client.get("/courses/my-training/")

    with django_assert_max_num_queries(DASHBOARD_MAX_QUERIES):
        response = client.get("/courses/my-training/")

    assert "Resume:" in response.content.decode()
