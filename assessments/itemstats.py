"""Item analysis arithmetic and the flags that tell an author which questions to fix.

Pure functions over plain numbers; ``assessments.selectors.item_analysis`` feeds them.

Discrimination is the corrected point-biserial correlation: the Pearson correlation,
over every submitted answer to a question, between getting it right (1 or 0) and the
same attempt's score on its *other* questions (their points over their number). Leaving
the question itself out of the total keeps a short quiz from flattering every question.
It runs from -1 to 1: around 0.3 or more, the question separates trainees who know the
material from those who don't; near 0 it tells them apart no better than chance; below 0,
trainees who did well overall got it wrong more often than the others.
"""

import math
from dataclasses import dataclass

# Fewer answers than this say too little about a question to flag it.
MIN_RESPONSES = 5
# The "right answer is the longest" cue only means something with three options or more.
MIN_OPTIONS_FOR_LENGTH_CUE = 3


@dataclass(frozen=True)
class Flag:
    code: str
    label: str
    advice: str


LONGEST_IS_RIGHT = Flag(
    "longest_is_right",
    "Right answer is the longest",
    "Trainees can pick it by its length: shorten it, or give the wrong options as much detail.",
)
UNUSED_DISTRACTOR = Flag(
    "unused_distractor",
    "Wrong option nobody picks",
    "An option no one chooses does no work: replace it with a mistake trainees really make.",
)
NEGATIVE_DISCRIMINATION = Flag(
    "negative_discrimination",
    "Strong trainees miss it",
    "Trainees who did well overall got this one wrong more often than others: check the "
    "answer key, then look for wording that misleads.",
)
QUIZ_LONGEST_IS_RIGHT = Flag(
    "quiz_longest_is_right",
    "The right answer is always the longest",
    "In every question with three options or more the right answer is the longest, so "
    "length alone passes this quiz: vary which option is longest.",
)


def point_biserial(right: list[int], rest: list[float]) -> float | None:
    """Pearson correlation of 0/1 ``right`` with ``rest``; None when either never varies."""
    n = len(right)
    if n < 2 or len(rest) != n:
        return None
    mean_x = sum(right) / n
    mean_y = sum(rest) / n
    cov = sum((x - mean_x) * (y - mean_y) for x, y in zip(right, rest, strict=True))
    var_x = sum((x - mean_x) ** 2 for x in right)
    var_y = sum((y - mean_y) ** 2 for y in rest)
    if var_x == 0 or var_y == 0:
        return None
    return cov / math.sqrt(var_x * var_y)


def longest_is_right(options: list[tuple[str, bool]]) -> bool:
    """With three options or more: every right option is longer than every wrong one.

    With one right option, that is: the right option is strictly the longest.
    """
    if len(options) < MIN_OPTIONS_FOR_LENGTH_CUE:
        return False
    right = [len(text.strip()) for text, correct in options if correct]
    wrong = [len(text.strip()) for text, correct in options if not correct]
    return bool(right and wrong) and min(right) > max(wrong)
