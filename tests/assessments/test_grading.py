from decimal import Decimal

import pytest

from assessments.grading import percent, score_question


def question(kind, options):
    return {
        "kind": kind,
        "options": [
            {"key": str(i), "correct": correct, "weight": weight}
            for i, (correct, weight) in enumerate(options)
        ],
    }


SINGLE = question("single", [(True, None), (False, None), (False, None)])
MULTI = question("multiple", [(True, None), (True, None), (False, None), (False, None)])
WEIGHTED = question("multiple", [(True, "50"), (False, "-100"), (True, "50"), (False, "-100")])


@pytest.mark.parametrize(("chosen", "points"), [({"0"}, "1"), ({"1"}, "0")])
def test_single_choice(chosen, points):
    assert score_question(SINGLE, chosen, partial=False) == Decimal(points)


@pytest.mark.parametrize(
    ("chosen", "points"),
    [({"0", "1"}, "1"), ({"0"}, "0"), ({"0", "1", "2"}, "0"), ({"2"}, "0")],
)
def test_multiple_select_is_all_or_nothing_by_default(chosen, points):
    assert score_question(MULTI, chosen, partial=False) == Decimal(points)


@pytest.mark.parametrize(
    ("chosen", "points"),
    [({"0", "1"}, "1"), ({"0"}, "0.5"), ({"0", "2"}, "0"), ({"0", "1", "2"}, "0.5"), ({"2"}, "0")],
)
def test_partial_credit_without_weights_is_right_minus_wrong(chosen, points):
    assert score_question(MULTI, chosen, partial=True) == Decimal(points)


@pytest.mark.parametrize(
    ("chosen", "points"),
    [({"0", "2"}, "1"), ({"0"}, "0.5"), ({"0", "1"}, "0"), ({"0", "2", "3"}, "0")],
)
def test_partial_credit_uses_option_weights_when_present(chosen, points):
    assert score_question(WEIGHTED, chosen, partial=True) == Decimal(points)


def test_percent_rounds_to_two_places():
    assert percent([Decimal(1), Decimal(0), Decimal(0)]) == Decimal("33.33")
    assert percent([]) == Decimal(0)
