"""The dashboard's panels from practice: the trainee's returned and held entries and hours
against the minimums; the supervisor's waiting entries and quiet trainees; the coordinator's
trainees without a supervisor."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, Exists, Min, OuterRef, Q, Subquery, Sum
from django.http import HttpRequest
from django.utils import timezone

from accounts.mfa import session_passed_mfa
from courses.models import Enrollment
from organisations.models import Membership
from organisations.roles import Role

from .models import LogEntry, SupervisorAssignment, SupervisorRequest
from .selectors import SIXTY, practice_totals_for, supervisor_queue


def trainee_practice_context(*, request: HttpRequest, user) -> dict | None:
    """Entries returned by a supervisor, drafts held for want of one, and each practice
    requirement's hours from ``practice_totals_for`` (the numbers the log and the
    credentials page show). Six queries at most, whatever the number of programs."""
    returned = list(
        LogEntry.objects.filter(enrollment__trainee=user, status=LogEntry.Status.RETURNED)
        .select_related("category", "enrollment__programme")
        .order_by("date", "pk")
    )
    # Drafts can only be submitted once a supervisor is assigned in the program's
    # organization: until then they wait, whatever the trainee does.
    held = list(
        LogEntry.objects.filter(enrollment__trainee=user, status=LogEntry.Status.DRAFT)
        .exclude(
            Exists(
                SupervisorAssignment.objects.filter(
                    trainee=OuterRef("enrollment__trainee"),
                    organisation=OuterRef("enrollment__programme__organisation"),
                    ended_at__isnull=True,
                )
            )
        )
        .order_by()
        .values("enrollment_id", "enrollment__programme__title")
        .annotate(entries=Count("pk"))
        .order_by("enrollment__programme__title")
    )
    enrollments = list(
        Enrollment.objects.for_trainee(user)
        .filter(programme__requirement_profile__isnull=False)
        .select_related("programme__requirement_profile")
        .order_by("programme__title", "pk")
    )
    by_enrollment = practice_totals_for(enrollments=enrollments)
    totals = [
        {"enrollment": enrollment, "totals": by_enrollment[enrollment.pk]}
        for enrollment in enrollments
    ]
    totals = [row for row in totals if row["totals"].categories or row["totals"].required_total]
    if not (returned or held or totals):
        return None
    return {"returned": returned, "held": held, "totals": totals}


@dataclass(frozen=True)
class WaitingTrainee:
    """One trainee's entries waiting for this supervisor's sign-off."""

    trainee_id: int
    name: str
    entries: int
    minutes: int
    oldest_date: datetime.date
    waiting_since: datetime.datetime

    @property
    def hours(self) -> Decimal:
        return Decimal(self.minutes) / SIXTY

    @property
    def waiting_days(self) -> int:
        return (timezone.now() - self.waiting_since).days


def _full_name(first: str, last: str, email: str) -> str:
    return " ".join(part for part in (first, last) if part) or email


def supervisor_context(*, request: HttpRequest, user) -> dict | None:
    """What waits for the supervisor, by trainee (the queue's own entries: only trainees
    assigned to them), and their trainees who logged nothing lately. Two queries."""
    if not session_passed_mfa(request):
        # Names of trainees are behind the second factor, as on the queue itself.
        return {"mfa_needed": True}
    waiting = [
        WaitingTrainee(
            trainee_id=row["enrollment__trainee_id"],
            name=_full_name(
                row["enrollment__trainee__first_name"],
                row["enrollment__trainee__last_name"],
                row["enrollment__trainee__email"],
            ),
            entries=row["entries"],
            minutes=row["minutes"],
            oldest_date=row["oldest_date"],
            # A waiting entry cannot change until it is decided or withdrawn, so its last
            # change is when it was submitted.
            waiting_since=row["waiting_since"],
        )
        for row in supervisor_queue(supervisor=user)
        .order_by()
        .values(
            "enrollment__trainee_id",
            "enrollment__trainee__first_name",
            "enrollment__trainee__last_name",
            "enrollment__trainee__email",
        )
        .annotate(
            entries=Count("pk"),
            minutes=Sum("minutes"),
            oldest_date=Min("date"),
            waiting_since=Min("updated_at"),
        )
    ]
    # The queue's order: the trainee whose oldest entry is oldest first.
    waiting.sort(key=lambda row: (row.oldest_date, row.trainee_id))
    weeks = settings.SUPERVISOR_QUIET_WEEKS
    cutoff = timezone.now() - datetime.timedelta(weeks=weeks)
    last_logged = (
        LogEntry.objects.filter(
            enrollment__trainee=OuterRef("trainee"),
            enrollment__programme__organisation=OuterRef("organisation"),
        )
        .order_by("-created_at")
        .values("created_at")[:1]
    )
    quiet = list(
        SupervisorAssignment.objects.filter(
            supervisor=user, ended_at__isnull=True, started_at__lt=cutoff
        )
        .annotate(last_logged=Subquery(last_logged))
        .filter(Q(last_logged__isnull=True) | Q(last_logged__lt=cutoff))
        .select_related("trainee", "organisation")
        .order_by("trainee__first_name", "trainee__last_name", "pk")
    )
    return {"waiting": waiting, "quiet": quiet, "quiet_weeks": weeks}


def supervisor_requests_context(*, request: HttpRequest, user) -> dict | None:
    """How many trainees of the coordinator's organizations wait for a supervisor: the
    requests practice records when one tries to submit without one (removed on assigning)."""
    waiting = SupervisorRequest.objects.filter(
        organisation__in=Membership.objects.filter(user=user, role=Role.COORDINATOR).values(
            "organisation"
        )
    ).count()
    return {"waiting": waiting}
