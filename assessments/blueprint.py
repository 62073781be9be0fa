"""A final exam's blueprint: how many questions each competency domain gets.

Pure functions, like ``grading``. The proportions are the programme's training hours per
domain (IC&RC asks 10/10/10/16 hours, so a 46-question exam asks 10/10/10/16 questions,
and a 20-question one 5/4/4/7).
"""

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import TypeVar

K = TypeVar("K")


def blueprint_counts(*, weights: Mapping[K, Decimal], total: int) -> dict[K, int]:
    """Share ``total`` questions among the keys of ``weights`` by the largest remainder.

    Each key first gets the whole part of its exact quota (total x weight / sum of weights);
    the questions left go one each to the largest fractional parts. Ties go to the larger
    weight, then to the key listed first, so the same blueprint always gives the same exam
    shape. Quotas are exact fractions: no rounding decides a question.
    """
    whole = sum((Fraction(w) for w in weights.values()), Fraction(0))
    if total <= 0 or whole <= 0:
        return dict.fromkeys(weights, 0)
    quotas = {key: total * Fraction(weight) / whole for key, weight in weights.items()}
    counts = {key: int(quota) for key, quota in quotas.items()}
    position = {key: index for index, key in enumerate(weights)}
    by_remainder = sorted(
        weights,
        key=lambda key: (-(quotas[key] - counts[key]), -Fraction(weights[key]), position[key]),
    )
    for key in by_remainder[: total - sum(counts.values())]:
        counts[key] += 1
    return counts
