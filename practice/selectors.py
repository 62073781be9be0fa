"""Reading the practice log: totals against minimums, hours per week, the review queue."""

import datetime
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

from django.contrib.auth import get_user_model
from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, Min, OuterRef, Prefetch, Q, Sum
from django.db.models.functions import TruncWeek
from django.utils import timezone

from core.codes import READABLE_ALPHABET
from courses.models import Enrollment, RequirementProfile

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
    return practice_totals_for(enrollments=[enrollment])[enrollment.pk]


def practice_totals_for(*, enrollments: Sequence[Enrollment]) -> dict[int, PracticeTotals]:
    """``practice_totals`` for each of ``enrollments``, whatever their programmes (a
    trainee's dashboard), in the same three queries as for one. The enrolments' programmes
    and profiles should be loaded (``select_related("programme__requirement_profile")``)."""
    return _practice_totals(profiles={e.pk: e.programme.requirement_profile for e in enrollments})


def practice_totals_many(
    *, programme, enrollments: Sequence[Enrollment]
) -> dict[int, PracticeTotals]:
    """``practice_totals`` for several enrolments of ``programme`` (a coordinator's
    gradebook) in the same three queries."""
    profile = programme.requirement_profile
    return _practice_totals(profiles={e.pk: profile for e in enrollments})


def _practice_totals(
    *, profiles: Mapping[int, RequirementProfile | None]
) -> dict[int, PracticeTotals]:
    """enrolment id -> its totals against ``profiles[id]``'s minimums. Three queries.

    The one place practice hours are added up: the trainee's log, the dashboard,
    eligibility for the credential and the coordinator's gradebook all read it.
    """
    ids = list(profiles)
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
    profile_ids = {profile.pk for profile in profiles.values() if profile is not None}
    minimums: dict[int, dict[str, Decimal]] = {pk: {} for pk in profile_ids}
    if profile_ids:
        for profile_id, name, hours in (
            PracticeHourMinimum.objects.filter(profile_id__in=profile_ids)
            .order_by("sort_order")
            .values_list("profile_id", "category__name", "hours")
        ):
            minimums[profile_id][name] = hours
    return {
        pk: _totals(
            approved=approved.get(pk, {}),
            pending=pending.get(pk, {}),
            minimums=minimums[profile.pk] if profile else {},
            required_total=profile.practice_hours_total if profile else Decimal(0),
        )
        for pk, profile in profiles.items()
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


def supervisor_queue(
    *,
    supervisor,
    trainee_id: int | None = None,
    category_id: int | None = None,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
):
    """Submitted entries of the trainees this supervisor currently supervises.

    The filters narrow it further (a trainee, a category, the practice dates); none of
    them can widen it past the supervisor's own trainees.
    """
    supervises = SupervisorAssignment.objects.filter(
        supervisor=supervisor,
        ended_at__isnull=True,
        trainee=OuterRef("enrollment__trainee"),
        organisation=OuterRef("enrollment__programme__organisation"),
    )
    entries = LogEntry.objects.filter(status=LogEntry.Status.SUBMITTED).filter(Exists(supervises))
    if trainee_id is not None:
        entries = entries.filter(enrollment__trainee_id=trainee_id)
    if category_id is not None:
        entries = entries.filter(category_id=category_id)
    if date_from is not None:
        entries = entries.filter(date__gte=date_from)
    if date_to is not None:
        entries = entries.filter(date__lte=date_to)
    return entries.select_related(
        "enrollment__trainee", "enrollment__programme", "category", "domain"
    ).order_by("date", "pk")


def supervisees(*, supervisor):
    """The trainees this supervisor currently supervises, by name."""
    User = get_user_model()
    return (
        User.objects.filter(
            supervisor_assignments__supervisor=supervisor,
            supervisor_assignments__ended_at__isnull=True,
        )
        .distinct()
        .order_by("first_name", "last_name", "pk")
    )


QUEUE_PAGE_SIZE = 50


@dataclass(frozen=True)
class QueueGroup:
    """One trainee's waiting entries on a page of the queue, and their whole waiting total."""

    trainee: Any
    entries: list[LogEntry]
    waiting_entries: int
    waiting_minutes: int
    oldest: datetime.date

    @property
    def hours(self) -> Decimal:
        return Decimal(self.waiting_minutes) / SIXTY

    @property
    def continues(self) -> bool:
        """Some of this trainee's waiting entries are on another page."""
        return len(self.entries) < self.waiting_entries


@dataclass(frozen=True)
class QueuePage:
    page: Page
    groups: list[QueueGroup]
    entries: int
    minutes: int
    trainees: int

    @property
    def hours(self) -> Decimal:
        return Decimal(self.minutes) / SIXTY


def _after(key: tuple[datetime.date, int]) -> Q:
    """Entries at or after ``key`` in (date, pk) order."""
    date, pk = key
    return Q(date__gt=date) | Q(date=date, pk__gte=pk)


def _before(key: tuple[datetime.date, int]) -> Q:
    """Entries at or before ``key`` in (date, pk) order."""
    date, pk = key
    return Q(date__lt=date) | Q(date=date, pk__lte=pk)


def supervisor_queue_page(
    *, supervisor, page_number: str | int | None = None, **filters
) -> QueuePage:
    """A page of the queue grouped by trainee: the trainee waiting longest first.

    Within a trainee, entries run oldest first. At most five queries whatever the queue's
    size: the totals per trainee, which order the trainees and say which of them the page
    holds; the (date, id) of the page's first and last entries where the page starts or
    ends inside a trainee's entries; the page's entries; and their earlier returns (the
    "returned before" marker). Ordering every waiting entry by its trainee's oldest date
    in the database (a window function) took a second for 20,000 waiting entries.
    """
    queue = supervisor_queue(supervisor=supervisor, **filters)
    # Per enrolment, then added up per trainee: the page's queries then select entries by
    # enrolment, which the (enrollment, status) index finds without scanning the queue.
    per_trainee: dict[int, dict] = {}
    for row in (
        queue.order_by()
        .values("enrollment__trainee_id", "enrollment_id")
        .annotate(oldest=Min("date"), minutes=Sum("minutes"), entries=Count("pk"))
    ):
        total = per_trainee.setdefault(
            row["enrollment__trainee_id"],
            {
                "trainee_id": row["enrollment__trainee_id"],
                "enrollments": [],
                "minutes": 0,
                "entries": 0,
                "oldest": row["oldest"],
            },
        )
        total["enrollments"].append(row["enrollment_id"])
        total["minutes"] += row["minutes"]
        total["entries"] += row["entries"]
        total["oldest"] = min(total["oldest"], row["oldest"])
    totals = sorted(per_trainee.values(), key=lambda row: (row["oldest"], row["trainee_id"]))
    count = sum(row["entries"] for row in totals)
    page = Paginator(range(count), QUEUE_PAGE_SIZE).get_page(page_number)
    start, end = (page.start_index() - 1, page.end_index()) if count else (0, 0)

    # The trainees on this page, and the part of each one's entries it shows.
    on_page = Q(pk__in=[])
    rank: dict[int, int] = {}
    offset = 0
    for row in totals:
        first, last = max(start - offset, 0), min(end - offset, row["entries"])
        offset += row["entries"]
        if first >= last:
            if offset >= end:
                break
            continue
        rank[row["trainee_id"]] = len(rank)
        own = queue.filter(enrollment_id__in=row["enrollments"]).order_by("date", "pk")
        slice_ = Q(enrollment_id__in=row["enrollments"])
        # Entries decided since the totals were read can move a boundary by a row or two;
        # a boundary entry no longer there leaves that side of the trainee's slice open.
        if first > 0 and (key := own.values_list("date", "pk")[first : first + 1].first()):
            slice_ &= _after(key)
        if last < row["entries"] and (
            key := own.values_list("date", "pk")[last - 1 : last].first()
        ):
            slice_ &= _before(key)
        on_page |= slice_
    entries = (
        list(
            queue.filter(on_page).prefetch_related(
                Prefetch(
                    "decisions",
                    queryset=Decision.objects.filter(outcome=Decision.Outcome.RETURNED).order_by(
                        "-submission_round"
                    ),
                    to_attr="earlier_returns",
                )
            )
        )
        if rank
        else []
    )
    entries.sort(key=lambda e: (rank[e.enrollment.trainee_id], e.date, e.pk))
    groups: list[QueueGroup] = []
    for entry in entries:
        trainee = entry.enrollment.trainee
        if not groups or groups[-1].trainee.pk != trainee.pk:
            row = per_trainee[trainee.pk]
            groups.append(
                QueueGroup(
                    trainee=trainee,
                    entries=[],
                    waiting_entries=row["entries"],
                    waiting_minutes=row["minutes"],
                    oldest=row["oldest"],
                )
            )
        groups[-1].entries.append(entry)
    return QueuePage(
        page=page,
        groups=groups,
        entries=count,
        minutes=sum(row["minutes"] for row in totals),
        trainees=len(totals),
    )


def supervisor_decisions(*, supervisor):
    """The decisions this supervisor made, newest first: the queue's "Decided" tab."""
    return (
        Decision.objects.filter(supervisor=supervisor)
        .select_related("entry__enrollment__trainee", "entry__category")
        .order_by("-decided_at", "-pk")
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


# ---------------------------------------------------------------- sign-off codes, checked


@dataclass(frozen=True)
class SignoffCheck:
    """What the public check of a sign-off code shows, and nothing more: no reflection,
    category, setting, comment or client detail, and of the trainee only what tells a
    verifier the code belongs to the report in their hands (see ``trainee_initialled``)."""

    counts: bool  # False: a later approved correction replaced this entry
    hours: Decimal
    practice_date: datetime.date
    signed_off_at: datetime.datetime
    supervisor_name: str
    supervisor_role: str
    trainee_initialled: str


def normalised_code(text: str) -> str | None:
    """``"abcd efgh-jk23"`` -> ``"ABCD-EFGH-JK23"``, as codes are stored; None for anything
    that cannot be a code, which callers answer exactly as an unknown code."""
    compact = "".join(text.upper().split()).replace("-", "")
    if len(compact) != 12 or any(char not in READABLE_ALPHABET for char in compact):
        return None
    return f"{compact[:4]}-{compact[4:8]}-{compact[8:]}"


def signoff_check(*, code: str) -> SignoffCheck | None:
    """The approved sign-off with this verification code, as the public may see it; None
    for a malformed code, an unknown one and a returned entry's decision alike."""
    canonical = normalised_code(code[:64])
    if canonical is None:
        return None
    decision = (
        Decision.objects.filter(verification_code=canonical, outcome=Decision.Outcome.APPROVED)
        .select_related("entry__enrollment__trainee")
        .only(
            "decided_at",
            "supervisor_name",
            "supervisor_role",
            "entry__date",
            "entry__minutes",
            "entry__enrollment__trainee__first_name",
            "entry__enrollment__trainee__last_name",
        )
        .first()
    )
    if decision is None:
        return None
    entry = decision.entry
    replaced = LogEntry.objects.filter(corrects=entry, status=LogEntry.Status.APPROVED).exists()
    trainee = entry.enrollment.trainee
    initial = trainee.last_name.strip()[:1]
    return SignoffCheck(
        counts=not replaced,
        hours=entry.hours,
        practice_date=entry.date,
        signed_off_at=decision.decided_at,
        supervisor_name=decision.supervisor_name,
        supervisor_role=decision.supervisor_role,
        trainee_initialled=" ".join(
            part for part in (trainee.first_name.strip(), f"{initial}." if initial else "") if part
        ),
    )
