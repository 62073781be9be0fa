"""Reading the practice log: totals against minimums, hours per week, the review queue."""

import datetime
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from django.db.models import Exists, OuterRef, Q, Sum
from django.db.models.functions import TruncWeek
from django.utils import timezone

from courses.models import Enrollment

from .models import (
    Decision,
    LogEntry,
    PracticeHourMinimum,
    SupervisorAssignment,
    SupervisorRequest,
)

SIXTY = Decimal(60)


@dataclass(frozen=True)
class CategoryTotal:
    name: str
    approved: Decimal
    pending: Decimal
    minimum: Decimal | None

    @property
    def percent(self) -> int:
        if not self.minimum:
            return 100 if self.approved else 0
        return min(100, round(100 * self.approved / self.minimum))

    @property
    def met(self) -> bool:
        return self.minimum is None or self.approved >= self.minimum


@dataclass(frozen=True)
class PracticeTotals:
    categories: list[CategoryTotal]
    approved: Decimal
    pending: Decimal
    required_total: Decimal

    @property
    def percent(self) -> int:
        if not self.required_total:
            return 100 if self.approved else 0
        return min(100, round(100 * self.approved / self.required_total))

    @property
    def all_met(self) -> bool:
        return self.approved >= self.required_total and all(c.met for c in self.categories)


def practice_totals(*, enrollment: Enrollment) -> PracticeTotals:
    """Approved (and waiting) hours per category against the profile's minimums.

    Three queries: sums are computed by the database, corrections replace what they correct.
    """
    return practice_totals_many(programme=enrollment.programme, enrollments=[enrollment])[
        enrollment.pk
    ]


def practice_totals_many(
    *, programme, enrollments: Sequence[Enrollment]
) -> dict[int, PracticeTotals]:
    """``practice_totals`` for several enrolments of ``programme`` in the same three queries.

    The one place practice hours are added up: the trainee's log, eligibility for the
    credential and the coordinator's gradebook all read it.
    """
    profile = programme.requirement_profile
    ids = [e.pk for e in enrollments]
    entries = LogEntry.objects.filter(enrollment_id__in=ids)
    approved: dict[int, dict[str, int]] = defaultdict(dict)
    for enrollment_id, name, minutes in (
        entries.counting()
        .order_by()
        .values("enrollment_id", "category__name")
        .annotate(m=Sum("minutes"))
        .values_list("enrollment_id", "category__name", "m")
    ):
        approved[enrollment_id][name] = minutes
    pending: dict[int, dict[str, int]] = defaultdict(dict)
    for enrollment_id, name, minutes in (
        entries.filter(status=LogEntry.Status.SUBMITTED)
        .order_by()
        .values("enrollment_id", "category__name")
        .annotate(m=Sum("minutes"))
        .values_list("enrollment_id", "category__name", "m")
    ):
        pending[enrollment_id][name] = minutes
    minimums = (
        dict(
            PracticeHourMinimum.objects.filter(profile=profile)
            .order_by("sort_order")
            .values_list("category__name", "hours")
        )
        if profile
        else {}
    )
    required_total = profile.practice_hours_total if profile else Decimal(0)
    return {
        pk: _totals(
            approved=approved.get(pk, {}),
            pending=pending.get(pk, {}),
            minimums=minimums,
            required_total=required_total,
        )
        for pk in ids
    }


def _totals(
    *,
    approved: dict[str, int],
    pending: dict[str, int],
    minimums: dict[str, Decimal],
    required_total: Decimal,
) -> PracticeTotals:
    names = list(minimums) + sorted((set(approved) | set(pending)) - set(minimums))
    categories = [
        CategoryTotal(
            name=name,
            approved=Decimal(approved.get(name, 0)) / SIXTY,
            pending=Decimal(pending.get(name, 0)) / SIXTY,
            minimum=minimums.get(name),
        )
        for name in names
    ]
    return PracticeTotals(
        categories=categories,
        approved=sum((c.approved for c in categories), Decimal(0)),
        pending=sum((c.pending for c in categories), Decimal(0)),
        required_total=required_total,
    )


class WeekHours(NamedTuple):
    """One week of the log: hours sent for sign-off (submitted or approved) and drafts."""

    monday: datetime.date
    hours: Decimal  # submitted or approved
    drafts: Decimal  # saved but not yet submitted


def weekly_hours(*, enrollment: Enrollment, weeks: int = 12) -> list[WeekHours]:
    """Hours for each of the last ``weeks`` weeks, drafts apart; returned entries left out."""
    today = timezone.localdate()
    this_monday = today - datetime.timedelta(days=today.weekday())
    first = this_monday - datetime.timedelta(weeks=weeks - 1)
    draft = Q(status=LogEntry.Status.DRAFT)
    rows = {
        (week.date() if isinstance(week, datetime.datetime) else week): (sent or 0, drafts or 0)
        for week, sent, drafts in LogEntry.objects.filter(enrollment=enrollment, date__gte=first)
        .exclude(status=LogEntry.Status.RETURNED)
        .annotate(week=TruncWeek("date"))
        .values("week")
        .annotate(sent=Sum("minutes", filter=~draft), drafts=Sum("minutes", filter=draft))
        .values_list("week", "sent", "drafts")
    }
    weeks_rows = []
    for monday in (first + datetime.timedelta(weeks=i) for i in range(weeks)):
        sent, drafts = rows.get(monday, (0, 0))
        weeks_rows.append(WeekHours(monday, Decimal(sent) / SIXTY, Decimal(drafts) / SIXTY))
    return weeks_rows


def supervisor_queue(*, supervisor):
    """Submitted entries of the trainees this supervisor currently supervises."""
    supervises = SupervisorAssignment.objects.filter(
        supervisor=supervisor,
        ended_at__isnull=True,
        trainee=OuterRef("enrollment__trainee"),
        organisation=OuterRef("enrollment__programme__organisation"),
    )
    return (
        LogEntry.objects.filter(status=LogEntry.Status.SUBMITTED)
        .filter(Exists(supervises))
        .select_related("enrollment__trainee", "enrollment__programme", "category", "domain")
        .order_by("date", "pk")
    )


@dataclass(frozen=True)
class SupervisionStatus:
    """Who signs off the trainee's entries in one organisation, or that nobody does yet."""

    assignment: SupervisorAssignment | None
    request: SupervisorRequest | None

    @property
    def waiting(self) -> bool:
        return self.assignment is None


def supervision_status(*, enrollment: Enrollment) -> SupervisionStatus:
    """The trainee's current supervisor for the enrolment's organisation (two queries)."""
    organisation_id = enrollment.programme.organisation_id
    assignment = (
        SupervisorAssignment.objects.filter(
            trainee_id=enrollment.trainee_id, organisation_id=organisation_id, ended_at__isnull=True
        )
        .select_related("supervisor")
        .first()
    )
    request = (
        None
        if assignment
        else SupervisorRequest.objects.filter(
            trainee_id=enrollment.trainee_id, organisation_id=organisation_id
        ).first()
    )
    return SupervisionStatus(assignment=assignment, request=request)


def entry_last_return(*, entry: LogEntry) -> Decision | None:
    """The supervisor's latest return of an entry still open to change, with its comment."""
    if not entry.is_editable:
        return None
    return (
        Decision.objects.filter(entry=entry, outcome=Decision.Outcome.RETURNED)
        .order_by("-decided_at", "-pk")
        .first()
    )


def log_entries_for_export(*, enrollment: Enrollment) -> list[LogEntry]:
    """Every entry of the enrolment, oldest first, with its decisions: two queries."""
    return list(
        LogEntry.objects.filter(enrollment=enrollment)
        .select_related("category", "domain", "corrects")
        .prefetch_related("decisions")
        .order_by("date", "pk")
    )
