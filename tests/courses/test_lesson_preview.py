"""Wagtail's preview of a lesson states its place only when it has one."""

import pytest

from courses.models import LessonPage, ModulePage
from tests.builders import lesson_body

pytestmark = pytest.mark.django_db


def preview_html(lesson) -> str:
    response = lesson.make_preview_request()
    response.render()
    return response.content.decode()


def test_the_preview_of_a_new_draft_lesson_does_not_say_lesson_1_of_0(programme):
    module = ModulePage.objects.get(slug="module-1")
    draft = LessonPage(title="Draft", slug="draft", summary="s", body=lesson_body(), live=False)
    module.add_child(instance=draft)

    html = preview_html(draft)

    assert "Draft" in html
    assert " of 0" not in html and "Lesson 3 of" not in html
    # Its minutes come from its content: a few words are a minute's reading.
    assert "About 1 minute" in html


def test_the_preview_of_a_live_lesson_shows_its_place(programme):
    lesson = LessonPage.objects.get(url_path__endswith="/module-1/lesson-2/")

    assert "Lesson 2 of 2 · about" in preview_html(lesson)
