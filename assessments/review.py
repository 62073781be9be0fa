"""What a trainee may see when reviewing a submitted attempt, and when (as Moodle's review options).

A quiz keeps one set of ``Reveal`` flags per moment: right after an attempt that did not
pass, once the quiz is passed, and once the last allowed attempt is used without a pass.
There is deliberately no moment "during the attempt": an open attempt shows its questions
and options only, whatever the quiz says. And while a trainee has an attempt open, their
earlier attempts show at most their score and which answers were right, since the open
attempt may ask the same questions.

Pure logic over integers: the quiz page stores the flags, views and selectors ask here.
"""

import enum
from dataclasses import dataclass


class Reveal(enum.IntFlag):
    """One thing a review may show. Stored as a bitmask per moment on the quiz."""

    SCORE = 1
    CORRECTNESS = 2
    RIGHT_ANSWERS = 4
    OPTION_FEEDBACK = 8
    EXPLANATION = 16


EVERYTHING = (
    Reveal.SCORE
    | Reveal.CORRECTNESS
    | Reveal.RIGHT_ANSWERS
    | Reveal.OPTION_FEEDBACK
    | Reveal.EXPLANATION
)

# The admin's checkbox labels, in the order shown.
LABELS: dict[Reveal, str] = {
    Reveal.SCORE: "Their score",
    Reveal.CORRECTNESS: "Whether each of their answers was right",
    Reveal.RIGHT_ANSWERS: "The right answers",
    Reveal.OPTION_FEEDBACK: "The feedback on each option",
    Reveal.EXPLANATION: "The general explanation",
}

# Showing these tells the trainee which answers were right, so they need CORRECTNESS.
NEEDS_CORRECTNESS = Reveal.RIGHT_ANSWERS | Reveal.OPTION_FEEDBACK

# Defaults for new and existing quizzes: a failed attempt gives away no answer.
AFTER_FAIL_DEFAULT = int(Reveal.SCORE | Reveal.CORRECTNESS)
AFTER_PASS_DEFAULT = int(EVERYTHING)
AFTER_LAST_DEFAULT = int(EVERYTHING)

# While another attempt is open, an earlier one shows no more than this.
WHILE_OPEN_AT_MOST = Reveal.SCORE | Reveal.CORRECTNESS


class Moment(enum.Enum):
    AFTER_FAIL = "after_fail"
    WHILE_OPEN = "while_open"
    PASSED = "passed"
    LAST_USED = "last_used"


def moment_for(*, passed: bool, has_open_attempt: bool, attempts_left: int | None) -> Moment:
    """Which moment a trainee is at for a quiz, from their standing (not one attempt's).

    Once passed, or once out of attempts, every earlier attempt reviews alike.
    """
    if passed:
        return Moment.PASSED
    if has_open_attempt:
        return Moment.WHILE_OPEN
    if attempts_left == 0:
        return Moment.LAST_USED
    return Moment.AFTER_FAIL


def incoherence(mask: int) -> str:
    """Why a moment's flags make no sense together, or "" when they do."""
    if mask & ~int(EVERYTHING):
        return "Choose only from the options listed."
    if mask & NEEDS_CORRECTNESS and not mask & Reveal.CORRECTNESS:
        return (
            "The right answers and the feedback on each option show which answers were "
            "right: also tick “Whether each of their answers was right”, or untick them."
        )
    return ""


@dataclass(frozen=True)
class Shown:
    """The flags of one moment as booleans, for templates."""

    score: bool
    correctness: bool
    right_answers: bool
    option_feedback: bool
    explanation: bool

    @classmethod
    def of(cls, mask: int) -> "Shown":
        flags = Reveal(mask & int(EVERYTHING))
        return cls(
            score=Reveal.SCORE in flags,
            correctness=Reveal.CORRECTNESS in flags,
            right_answers=Reveal.RIGHT_ANSWERS in flags,
            option_feedback=Reveal.OPTION_FEEDBACK in flags,
            explanation=Reveal.EXPLANATION in flags,
        )


# How the sentence about later names each thing.
LATER_NAMES: dict[Reveal, str] = {
    Reveal.SCORE: "your score",
    Reveal.CORRECTNESS: "which answers were right",
    Reveal.RIGHT_ANSWERS: "the right answers",
    Reveal.OPTION_FEEDBACK: "the feedback on each answer",
    Reveal.EXPLANATION: "the explanations",
}


def _join(words: list[str], last: str) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" {last} " + words[-1]


def later_sentence(
    *, moment: Moment, now: int, after_pass: int, after_last: int, limited: bool
) -> str:
    """A plain sentence on what the trainee will see later that they cannot see now.

    ``now`` is what the current moment shows; ``limited`` says the quiz has an attempt
    limit (without one, "all your attempts" never comes).
    """
    if moment in (Moment.PASSED, Moment.LAST_USED):
        return ""
    groups: dict[tuple[bool, bool], list[str]] = {}
    for flag, name in LATER_NAMES.items():
        if flag & now:
            continue
        when = (bool(flag & after_pass), limited and bool(flag & after_last))
        if any(when):
            groups.setdefault(when, []).append(name)
    sentences = []
    for (on_pass, on_last), names in groups.items():
        if on_pass and on_last:
            when_text = "once you pass or have used all your attempts"
        elif on_pass:
            when_text = "once you pass"
        else:
            when_text = "once you have used all your attempts"
        sentences.append(f"You will see {_join(names, 'and')} {when_text}.")
    return " ".join(sentences)
