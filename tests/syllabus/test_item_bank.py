"""The item-bank measures, on hand-made items."""

from decimal import Decimal

from assessments.gift import ParsedOption, ParsedQuestion
from syllabus.itembank import bank_report, correct_is_longest
from syllabus.tree import read_curriculum

from .conftest import GOOD


def question(kind: str, options: list[tuple[str, bool]]) -> ParsedQuestion:
    return ParsedQuestion(
        line=1,
        title="q",
        category="a-1a",
        kind=kind,
        text="?",
        options=tuple(
            ParsedOption(text, correct, Decimal(100) if correct else None)
            for text, correct in options
        ),
    )


def test_the_correct_option_counts_as_longest_only_when_strictly_longest():
    assert correct_is_longest(question("single", [("A long right answer", True), ("No", False)]))
    assert not correct_is_longest(question("single", [("Same", True), ("Size", False)]))
    assert not correct_is_longest(question("single", [("Yes", True), ("A longer one", False)]))


def test_the_fixture_banks_measures():
    curriculum = read_curriculum(GOOD)
    curriculum.modules[0].questions.append(
        question("true_false", [("True", True), ("False", False)])
    )

    report = bank_report(curriculum)

    assert (report.single, report.longest_correct) == (18, 0)
    assert (report.true_false, report.keyed_true, report.true_share) == (1, 1, 1.0)
    assert report.thin_objectives() == {}
    assert report.per_objective["a-1a"] == 4
