"""A cohort's gradebook and one trainee's learner record, for the programme's coordinators.

Every number comes from the selectors the trainee's own pages use (``courses.selectors``
for progress and training hours, ``practice.selectors`` for practice hours), asked for the
whole cohort at once, so the coordinator and the trainee always read the same figure and
the page costs the same few queries for 3 trainees or 300.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Count, Max, Q
from django.utils import timezone

from assessments.models import Attempt, QuizPage
from courses.models import Enrollment, ProgrammePage
from courses.selectors import DEFAULT_STALLED_DAYS, ProgrammeProgress, programme_progress_many
from practice.models import LogEntry
from practice.selectors import PracticeTotals, practice_totals, practice_totals_many

from .models import Credential, EthicsAffirmation, EthicsCode

# ?sort= values the gradebook accepts; anything else falls back to the default.
SORTS = {
    "name": "Name",
    "progress": "Lessons %",
    "quizzes": "Quizzes passed",
    "practice": "Practice hours",
    "ethics": "Ethics",
    "credential": "Credential",
    "activity": "Last activity",
}
DEFAULT_SORT = "name"


@dataclass(frozen=True)
class QuizResult:
    quiz_id: int
    title: str
    attempts: int
    best_score: Decimal | None
    passed: bool


@dataclass
class GradebookRow:
    enrollment: Enrollment
    progress: ProgrammeProgress
    practice: PracticeTotals
    quizzes: list[QuizResult]
    ethics_affirmed_at: datetime | None  # None: not affirmed (or nothing to affirm)
    credential: Credential | None
    stalled: bool
    quizzes_total: int = 0
    extra: dict = field(default_factory=dict)

    @property
    def trainee(self):
        return self.enrollment.trainee

    @property
    def quizzes_passed(self) -> int:
        return sum(1 for q in self.quizzes if q.passed)

    @property
    def credential_status(self) -> str:
        return self.credential.effective_status if self.credential else ""

    @property
    def credential_label(self) -> str:
        if self.credential is None:
            return "Not issued"
        return f"{self.credential.effective_status.capitalize()} · {self.credential.number}"


def _quiz_results(
    *, programme: ProgrammePage, enrollment_ids: list[int]
) -> tuple[list[QuizPage], dict[int, list[QuizResult]]]:
    """Published quizzes of the programme and, per enrolment, attempts and best score."""
    quizzes = list(
        QuizPage.objects.live()
        .filter(path__startswith=programme.path)
        .order_by("path")
        .only("id", "title", "path")
    )
    summary: dict[tuple[int, int], Any] = {}
    if quizzes and enrollment_ids:
        for row in (
            Attempt.objects.filter(
                enrollment_id__in=enrollment_ids,
                quiz__in=quizzes,
                status=Attempt.Status.SUBMITTED,
            )
            .order_by()
            .values("enrollment_id", "quiz_id")
            .annotate(
                n=Count("pk"),
                best=Max("score_percent"),
                passes=Count("pk", filter=Q(passed=True)),
            )
        ):
            summary[(row["enrollment_id"], row["quiz_id"])] = row
    results: dict[int, list[QuizResult]] = {}
    for pk in enrollment_ids:
        results[pk] = [
            QuizResult(
                quiz_id=quiz.pk,
                title=quiz.title,
                attempts=summary.get((pk, quiz.pk), {}).get("n", 0),
                best_score=summary.get((pk, quiz.pk), {}).get("best"),
                passed=bool(summary.get((pk, quiz.pk), {}).get("passes")),
            )
            for quiz in quizzes
        ]
    return quizzes, results


def _ethics_code(programme: ProgrammePage) -> EthicsCode | None:
    return (
        EthicsCode.objects.filter(profile_id=programme.requirement_profile_id)
        .order_by("-version")
        .first()
        if programme.requirement_profile_id
        else None
    )


def _latest_credentials(enrollment_ids: list[int]) -> dict[int, Credential]:
    latest: dict[int, Credential] = {}
    for credential in Credential.objects.filter(enrollment_id__in=enrollment_ids).order_by("pk"):
        latest[credential.enrollment_id] = credential  # the newest wins
    return latest


def gradebook_rows(
    *,
    programme: ProgrammePage,
    stalled_days: int = DEFAULT_STALLED_DAYS,
    sort: str = DEFAULT_SORT,
) -> list[GradebookRow]:
    """One row per enrolment, sorted by ``sort`` (a key of SORTS, "-" for descending)."""
    enrollments = list(
        Enrollment.objects.filter(programme=programme).select_related("trainee", "cohort")
    )
    ids = [e.pk for e in enrollments]
    progress = programme_progress_many(programme=programme, enrollments=enrollments)
    practice = practice_totals_many(programme=programme, enrollments=enrollments)
    _, quizzes = _quiz_results(programme=programme, enrollment_ids=ids)
    code = _ethics_code(programme)
    affirmed = (
        dict(
            EthicsAffirmation.objects.filter(
                code=code, trainee_id__in=[e.trainee_id for e in enrollments]
            ).values_list("trainee_id", "affirmed_at")
        )
        if code is not None
        else {}
    )
    credentials = _latest_credentials(ids)
    stalled_before = timezone.now() - timedelta(days=stalled_days)
    rows = [
        GradebookRow(
            enrollment=e,
            progress=progress[e.pk],
            practice=practice[e.pk],
            quizzes=quizzes[e.pk],
            quizzes_total=len(quizzes[e.pk]),
            ethics_affirmed_at=affirmed.get(e.trainee_id),
            credential=credentials.get(e.pk),
            stalled=e.completed_at is None and e.last_activity_at < stalled_before,
        )
        for e in enrollments
    ]
    return sort_rows(rows, sort)


_CREDENTIAL_ORDER = {"active": 0, "suspended": 1, "expired": 2, "revoked": 3, "": 4}


def _sort_key(key: str):
    name = lambda r: (r.trainee.last_name.lower(), r.trainee.first_name.lower(), r.trainee.pk)  # noqa: E731
    keys = {
        "name": name,
        "progress": lambda r: (r.progress.percent, name(r)),
        "quizzes": lambda r: (r.quizzes_passed, name(r)),
        "practice": lambda r: (r.practice.approved, name(r)),
        "ethics": lambda r: (r.ethics_affirmed_at is not None, name(r)),
        "credential": lambda r: (-_CREDENTIAL_ORDER[r.credential_status], name(r)),
        "activity": lambda r: (r.enrollment.last_activity_at, name(r)),
    }
    return keys[key]


def sort_rows(rows: list[GradebookRow], sort: str) -> list[GradebookRow]:
    descending = sort.startswith("-")
    key = sort.removeprefix("-")
    if key not in SORTS:
        key, descending = DEFAULT_SORT, False
    return sorted(rows, key=_sort_key(key), reverse=descending)


def valid_sort(value: str | None) -> str | None:
    """``value`` if it names a sort ("practice", "-practice"); None otherwise."""
    if value and value.removeprefix("-") in SORTS:
        return value
    return None


@dataclass(frozen=True)
class LearnerRecord:
    enrollment: Enrollment
    progress: ProgrammeProgress
    practice: PracticeTotals
    attempts: list[Attempt]
    quizzes: list[QuizResult]
    ethics_code: EthicsCode | None
    ethics_affirmation: EthicsAffirmation | None
    credentials: list[Credential]
    recent_entries: list[LogEntry]


def learner_record(*, enrollment: Enrollment) -> LearnerRecord:
    """Everything a coordinator keeps on one trainee in one programme."""
    programme = enrollment.programme
    progress = programme_progress_many(programme=programme, enrollments=[enrollment])[enrollment.pk]
    _, quizzes = _quiz_results(programme=programme, enrollment_ids=[enrollment.pk])
    code = _ethics_code(programme)
    affirmation = (
        EthicsAffirmation.objects.filter(trainee=enrollment.trainee, code=code).first()
        if code is not None
        else None
    )
    credentials = list(
        Credential.objects.filter(enrollment=enrollment).prefetch_related("events").order_by("-pk")
    )
    attempts = list(
        Attempt.objects.filter(enrollment=enrollment, status=Attempt.Status.SUBMITTED)
        .select_related("quiz")
        .order_by("-submitted_at")
    )
    entries = list(
        LogEntry.objects.filter(enrollment=enrollment)
        .select_related("category")
        .order_by("-date", "-pk")[:20]
    )
    return LearnerRecord(
        enrollment=enrollment,
        progress=progress,
        practice=practice_totals(enrollment=enrollment),
        attempts=attempts,
        quizzes=quizzes[enrollment.pk],
        ethics_code=code,
        ethics_affirmation=affirmation,
        credentials=credentials,
        recent_entries=entries,
    )
