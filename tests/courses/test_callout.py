"""Callouts name their kind once: "Content warning: suicide", never "Content warning: Content
warning: suicide", whether the title repeats the kind or not."""

import re

import pytest

from courses.blocks import CalloutBlock
from syllabus.tree import read_curriculum
from tests.syllabus.conftest import GOOD as FIXTURE


def render(**value) -> str:
    block = CalloutBlock()
    html = block.render(block.to_python({"text": "<p>Take a break if you need to.</p>", **value}))
    return " ".join(html.split())


@pytest.mark.parametrize(
    ("value", "heading"),
    [
        ({"kind": "content_warning", "title": "suicide"}, "Content warning: suicide"),
        (
            {"kind": "content_warning", "title": "Content warning: suicide"},
            "Content warning: suicide",
        ),
        ({"kind": "content_warning", "title": "content warning - grief"}, "Content warning: grief"),
        ({"kind": "content_warning", "title": ""}, "Content warning"),
        ({"kind": "key_point", "title": "Mutuality"}, "Key point: Mutuality"),
        ({"kind": "practice_tip", "title": ""}, "Practice tip"),
    ],
)
def test_the_heading_names_the_kind_once(value, heading):
    html = render(**value)

    assert f'<p class="callout-label">{heading}</p>' in html
    assert f'aria-label="{heading}"' in html
    assert html.lower().count("content warning") == (2 if "warning" in value["kind"] else 0)


@pytest.mark.parametrize("tree", [None, FIXTURE], ids=["curriculum", "fixture"])
def test_the_curriculums_content_warnings_do_not_repeat_the_label(tree):
    curriculum = read_curriculum(tree)
    titles = [
        block.value["title"]
        for module in curriculum.modules
        for lesson in module.lessons
        for block in lesson.blocks
        if block.type == "callout" and block.value["kind"] == "content_warning"
    ]
    if tree is FIXTURE:
        assert titles
    for title in titles:
        assert not re.match(r"(?i)content warning", title), title
        html = render(kind="content_warning", title=title)
        assert html.lower().count("content warning:") == 2  # the label and the aria-label
