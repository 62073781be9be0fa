"""Checks on what trainees write in lessons, owned by apps above courses.

A reflection is private, yet the trainee should still be told when one seems to identify the
person they supported: the confidentiality guard does that for practice notes. The guard
lives in practice, an app above courses, so practice registers it here from its
``AppConfig.ready()`` (as assessments registers its quiz in ``gates``), and courses asks
without importing it. For reflections a concern is a warning the trainee may override.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Concern:
    """Words that looked identifying, and why, in plain words."""

    phrase: str
    reason: str

    @property
    def key(self) -> str:
        return phrase_key(self.phrase)


def phrase_key(phrase: str) -> str:
    """How a phrase is compared when the trainee chose to keep it: spacing and case aside."""
    return " ".join(phrase.split()).casefold()


# name -> (text) -> the concerns found in it
_checks: dict[str, Callable[[str], Iterable[Concern]]] = {}


def register(name: str, check: Callable[[str], Iterable[Concern]]) -> None:
    """Add ``check`` under ``name``; registering a name again replaces it (``ready()`` may run
    twice in some test runners)."""
    _checks[name] = check


def concerns(text: str) -> list[Concern]:
    """What every registered check found in ``text``, each phrase and reason once."""
    found: list[Concern] = []
    seen: set[tuple[str, str]] = set()
    for check in _checks.values():
        for concern in check(text):
            phrase = " ".join(concern.phrase.split())
            if (phrase_key(phrase), concern.reason) in seen:
                continue
            seen.add((phrase_key(phrase), concern.reason))
            found.append(Concern(phrase=phrase, reason=concern.reason))
    return found
