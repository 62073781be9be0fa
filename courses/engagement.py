"""Evidence that a trainee worked through a lesson, and what is still missing.

A lesson is credited only when the trainee has opened every section behind a content
warning and then either spent active time on the page (``LessonEngagement.active_seconds``,
from the page's heartbeat) of at least ``LESSON_ACTIVE_SHARE`` of its estimated minutes, or
answered each of its practice questions correctly the first time. Nothing is credited
because the end of the page scrolled into view.

Reading only: the heartbeat that writes the evidence is ``services.lesson_engagement_beat``.
"""

import math
from dataclasses import dataclass

from django.conf import settings

from .models import Enrollment, LessonEngagement, LessonPage


def heartbeat_seconds() -> int:
    return max(1, int(settings.LESSON_HEARTBEAT_SECONDS))


def required_seconds(lesson: LessonPage) -> int:
    """The active time that credits ``lesson`` without its practice questions."""
    return math.ceil(lesson.estimated_minutes * 60 * float(settings.LESSON_ACTIVE_SHARE))


@dataclass(frozen=True)
class LessonEvidence:
    """What a trainee has done on a lesson, against what crediting it asks."""

    gated_unopened: int
    active_seconds: int
    required_seconds: int
    checks_total: int
    checks_answered: int
    checks_passed: int

    @property
    def sections_opened(self) -> bool:
        return self.gated_unopened == 0

    @property
    def time_spent(self) -> bool:
        return self.active_seconds >= self.required_seconds

    @property
    def checks_passed_all(self) -> bool:
        return self.checks_total > 0 and self.checks_passed == self.checks_total

    @property
    def complete(self) -> bool:
        return self.sections_opened and (self.time_spent or self.checks_passed_all)

    @property
    def minutes_left(self) -> int:
        return max(1, math.ceil((self.required_seconds - self.active_seconds) / 60))

    @property
    def missing(self) -> list[str]:
        """What the trainee still has to do, one sentence each; empty once complete."""
        needs = []
        if self.gated_unopened == 1:
            needs.append("Open the section after the content warning to finish this lesson.")
        elif self.gated_unopened > 1:
            needs.append(
                f"Open the {self.gated_unopened} sections after the content warnings to "
                "finish this lesson."
            )
        if not (self.time_spent or self.checks_passed_all):
            minutes = self.minutes_left
            text = (
                f"Spend about {minutes} more minute{'' if minutes == 1 else 's'} with this lesson"
            )
            if self.checks_answered < self.checks_total:
                text += ", or answer its practice questions correctly"
            needs.append(text + ".")
        return needs

    @property
    def message(self) -> str:
        return " ".join(self.missing)


def evidence_from(*, lesson: LessonPage, engagement: LessonEngagement | None) -> LessonEvidence:
    gated = set(lesson.gated_section_ids())
    opened = set(engagement.opened_sections) if engagement else set()
    checks = lesson.knowledge_check_answers()
    answers = engagement.check_answers if engagement else {}
    answered = [block_id for block_id in checks if block_id in answers]
    return LessonEvidence(
        gated_unopened=len(gated - opened),
        active_seconds=engagement.active_seconds if engagement else 0,
        required_seconds=required_seconds(lesson),
        checks_total=len(checks),
        checks_answered=len(answered),
        checks_passed=sum(1 for block_id in answered if answers[block_id] is True),
    )


def lesson_evidence(*, enrollment: Enrollment, lesson: LessonPage) -> LessonEvidence:
    """The trainee's evidence on ``lesson``: one query."""
    engagement = LessonEngagement.objects.filter(enrollment=enrollment, lesson=lesson).first()
    return evidence_from(lesson=lesson, engagement=engagement)
