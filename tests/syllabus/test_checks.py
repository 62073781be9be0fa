"""The curriculum files are checked before anything loads: each problem names file and line."""

import pytest
from django.core.management import CommandError, call_command

from syllabus.tree import read_curriculum

from .conftest import GOOD, edit

ASKING = "modules/01-alpha/01-asking.md"
RIGHTS = "modules/02-beta/01-rights.md"
ALPHA = "modules/01-alpha/module.yaml"
ALPHA_QUIZ = "modules/01-alpha/quiz.gift"


def problems(tree) -> list[str]:
    return [str(p) for p in read_curriculum(tree).problems]


def test_the_fixture_curriculum_is_valid_and_its_minutes_are_computed():
    curriculum = read_curriculum(GOOD)

    assert curriculum.problems == []
    alpha, _beta = curriculum.modules
    assert [lesson.computed_minutes for lesson in alpha.lessons] == [11, 16]
    assert alpha.computed_hours == 1
    kinds = [block.type for block in alpha.lessons[0].blocks]
    assert kinds == [
        "heading",
        "paragraph",
        "callout",
        "callout",
        "story",
        "scenario",
        "reflection",
        "knowledge_check",
    ]
    scenario = alpha.lessons[0].blocks[5].value
    assert (
        scenario["model_answer"]
        == "<p>Ask him plainly whether he is thinking about killing himself.</p>"
    )
    assert scenario["facilitator_notes"] == "Listen for vague questions."
    assert alpha.lessons[0].blocks[1].value == (
        "<p>Asking directly does <b>not</b> put the idea in someone's head. Call or text "
        '<a href="https://988lifeline.org">988</a> together.</p>'
    )
    assert len(alpha.questions) == 12


@pytest.mark.parametrize(
    ("file", "old", "new", "line", "message"),
    [
        (ASKING, ":::story", ":::poem", 35, "unknown block :::poem"),
        (ASKING, "  - id: a-1b\n", "  - id: \n", 13, "objective is missing id"),
        (
            ASKING,
            "icrc: ER-5\n    samhsa: 8\n    ncps: prof",
            "icrc: ER-99\n    samhsa: 8\n    ncps: prof",
            8,
            "unknown IC&RC task 'ER-99'",
        ),
        (ASKING, "samhsa: 8\n    ncps: prof", "samhsa: 13\n    ncps: prof", 8, "SAMHSA category"),
        (ASKING, "ncps: professional-ethical", "ncps: ethics", 8, "unknown NCPS domain 'ethics'"),
        (
            ASKING,
            "{ethical-responsibility: 11}",
            "{ethical-responsibility: 9}",
            6,
            "domain minutes add up to 9",
        ),
        (ASKING, "minutes: 11", "minutes: 12", 5, "minutes: 12 declared, 11 computed"),
        (ALPHA, "hours: 1", "hours: 2", 4, "hours: 2 declared"),
        (ASKING, "- [x] Call 911", "- [ ] Call 911", 58, "no option is marked [x]"),
        (ASKING, "- [ ] Wait for", "Wait for", 58, "at least two options"),
        (
            ASKING,
            "- [x] Call 911 and keep her talking. // Yes: immediate danger.\n",
            "- [x] Call 911. // Yes.\nAnd stay.\n",
            63,
            "malformed knowledge check",
        ),
        (
            ALPHA_QUIZ,
            "$CATEGORY: a-2b",
            "$CATEGORY: a-9z",
            65,
            "$CATEGORY 'a-9z' is not an objective id",
        ),
        (
            ASKING,
            "{ethical-responsibility: 11}",
            "{ethics: 11}",
            6,
            "unknown IC&RC domain 'ethics'",
        ),
        (ASKING, "## Why asking matters", "# Why asking matters", 22, "use ## for a section"),
        (
            ASKING,
            "[988](https://988lifeline.org) together.",
            "> quoted",
            25,
            "a quote (>) is not supported",
        ),
    ],
)
def test_each_refused_file_names_the_file_and_line(good_tree, file, old, new, line, message):
    edit(good_tree / file, old, new)

    found = problems(good_tree)

    expected = f"{good_tree / file}:{line}: "
    assert any(p.startswith(expected) and message in p for p in found), found


def test_an_objective_with_fewer_than_three_items_is_refused(good_tree):
    quiz = good_tree / ALPHA_QUIZ
    text = quiz.read_text()
    start = text.index("::a-2b-3::")
    quiz.write_text(text[:start])

    assert any("objective a-2b has 2 quiz item(s)" in p for p in problems(good_tree))


def test_a_lesson_without_objectives_is_refused(good_tree):
    path = good_tree / RIGHTS
    text = path.read_text()
    start, end = text.index("objectives:"), text.index("---\n\n## The ADA")
    path.write_text(text[:start] + text[end:])

    assert any(
        p.startswith(f"{path}:") and "front matter is missing 'objectives'" in p
        for p in problems(good_tree)
    )


@pytest.mark.django_db
def test_check_prints_minutes_and_hours_and_touches_no_database(
    good_tree, capsys, django_assert_num_queries
):
    with django_assert_num_queries(0):
        call_command("load_curriculum", "--check", "--path", str(good_tree))
    out = capsys.readouterr().out

    assert "01-asking.md" in out and "declared  11  computed  11" in out
    assert "hours: declared 1, computed 1 = lessons 27 min + live 33 min  ok" in out
    assert "No problems found." in out

    edit(good_tree / ASKING, "minutes: 11", "minutes: 12")
    with pytest.raises(CommandError, match="problem"):
        call_command("load_curriculum", "--check", "--path", str(good_tree))
    assert "MISMATCH" in capsys.readouterr().out
