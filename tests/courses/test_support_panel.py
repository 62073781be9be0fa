""" "If this brings things up for you" stands beside every content warning and reflection."""

import pytest

from courses.blocks import CalloutBlock, ReflectionBlock
from courses.models import LessonPage
from courses.services import enrollment_create
from tests.builders import lesson_body

PANEL = 'aria-label="If this brings things up for you"'


def render(block, value: dict) -> str:
    return block.render(block.to_python(value))


def test_a_content_warning_has_the_panel_and_other_callouts_do_not():
    text = {"text": "<p>What follows describes an overdose.</p>", "title": "Overdose"}

    warning = render(CalloutBlock(), {"kind": "content_warning", **text})

    assert PANEL in warning
    assert 'href="tel:988"' in warning and 'href="sms:988"' in warning
    assert "988lifeline.org/chat" in warning
    assert "employee assistance program" in warning and "supervisor" in warning
    for kind in ("key_point", "practice_tip", "law", "state_note"):
        assert PANEL not in render(CalloutBlock(), {"kind": kind, **text}), kind


def test_a_reflection_prompt_has_the_panel():
    html = render(ReflectionBlock(), {"prompt": "When did someone help you?", "guidance": ""})

    assert PANEL in html and 'href="tel:988"' in html


@pytest.mark.django_db
def test_a_lesson_shows_the_panel_once_per_warning_and_reflection(client, programme, trainee):
    lesson = LessonPage.objects.get(url_path__endswith="/module-1/lesson-1/")
    lesson.body = lesson_body(reflection=True, warning=True)
    lesson.save_revision().publish()
    enrollment_create(trainee=trainee, programme=programme)
    client.force_login(trainee)

    html = client.get(lesson.url).content.decode()

    assert html.count(PANEL) == 2
