"""Reading sessions and attendance, and the minutes of training they credit."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone

from ..models import (
    AttendancePolicy,
    AttendanceRecord,
    Cohort,
    Enrollment,
    LiveSession,
    SessionDomainMinutes,
)


@dataclass(frozen=True)
class Policy:
    required_percent: int = AttendancePolicy.DEFAULT_REQUIRED_PERCENT
    partial_credit: bool = False
    make_ups_allowed: bool = True


DEFAULT_POLICY = Policy()


def policy_for(programme_id: int) -> Policy:
    row = AttendancePolicy.objects.filter(programme_id=programme_id).first()
    return _policy(row)


def _policy(row: AttendancePolicy | None) -> Policy:
    if row is None:
        return DEFAULT_POLICY
    return Policy(row.required_percent, row.partial_credit, row.make_ups_allowed)


def _split(total: int, minutes_by_domain: dict[int, int], length: int) -> dict[int, int]:
    """``total`` minutes shared across domains in proportion to the session's own split
    (largest remainders, so the parts add up to ``total``)."""
    if total >= length:
        return dict(minutes_by_domain)
    shares = {d: total * m / length for d, m in minutes_by_domain.items()}
    parts = {d: int(share) for d, share in shares.items()}
    left = total - sum(parts.values())
    for d in sorted(shares, key=lambda d: (parts[d] - shares[d], d))[:left]:
        parts[d] += 1
    return {d: m for d, m in parts.items() if m}


def credited_minutes_of_session(*, policy: Policy, length: int, minutes_attended: int) -> int:
    """Minutes of a session credited to a trainee who attended ``minutes_attended``."""
    if length <= 0 or minutes_attended <= 0:
        return 0
    if minutes_attended * 100 >= policy.required_percent * length:
        return length
    return minutes_attended if policy.partial_credit else 0


def credited_session_minutes(enrollment_ids: Iterable[int]) -> dict[int, dict[int, int]]:
    """enrollment id → competency-domain id → minutes credited from attended live sessions,
    applying the programme's attendance policy (threshold share, partial credit, make-ups).

    A session attended for at least the policy's share credits all its minutes; below it,
    the minutes attended if the policy gives partial credit, otherwise none. A make-up
    session stands in for the session it replaces (the better of the two counts, once)
    where the policy allows make-ups; where it does not, a make-up credits nothing.
    Four queries whatever the number of enrollments; one when none of them attended a
    session (most trainees of an online program), as nothing is then credited.
    """
    ids = list(enrollment_ids)
    result: dict[int, dict[int, int]] = {pk: {} for pk in ids}
    if not ids:
        return result
    records = list(
        AttendanceRecord.objects.filter(enrollment_id__in=ids).values_list(
            "enrollment_id",
            "session_id",
            "session__make_up_for_id",
            "session__starts_at",
            "session__ends_at",
            "minutes_attended",
        )
    )
    if not records:
        return result
    enrollments = list(
        Enrollment.objects.filter(pk__in=ids).values_list("pk", "cohort_id", "programme_id")
    )
    programme_ids = {programme_id for _, _, programme_id in enrollments}
    policies = {
        row.programme_id: _policy(row)
        for row in AttendancePolicy.objects.filter(programme_id__in=programme_ids)
    }
    domains_by_session: dict[int, dict[int, int]] = defaultdict(dict)
    for session_id, domain_id, minutes in (
        SessionDomainMinutes.objects.filter(session__cohort__enrollments__pk__in=ids)
        .values_list("session_id", "domain_id", "minutes")
        .distinct()
    ):
        domains_by_session[session_id][domain_id] = minutes
    programme_of = {pk: programme_id for pk, _, programme_id in enrollments}
    # enrollment -> the session credited (the original) -> (credited minutes, its domains)
    best: dict[int, dict[int, tuple[int, dict[int, int], int]]] = defaultdict(dict)
    for enrollment_id, session_id, make_up_for, starts, ends, attended in records:
        policy = policies.get(programme_of[enrollment_id], DEFAULT_POLICY)
        if make_up_for is not None and not policy.make_ups_allowed:
            continue
        length = int((ends - starts).total_seconds() // 60)
        credited = credited_minutes_of_session(
            policy=policy, length=length, minutes_attended=attended
        )
        if not credited:
            continue
        counted_as = make_up_for or session_id
        current = best[enrollment_id].get(counted_as)
        if current is None or credited > current[0]:
            best[enrollment_id][counted_as] = (credited, domains_by_session[session_id], length)
    for enrollment_id, sessions in best.items():
        totals = result[enrollment_id]
        for credited, domains, length in sessions.values():
            for domain_id, minutes in _split(credited, domains, length).items():
                totals[domain_id] = totals.get(domain_id, 0) + minutes
    return result


def hours(minutes: int) -> Decimal:
    return (Decimal(minutes) / 60).quantize(Decimal("0.01"))


def sessions_with_domains():
    return LiveSession.objects.select_related("cohort__programme").prefetch_related(
        Prefetch(
            "domain_minutes",
            queryset=SessionDomainMinutes.objects.select_related("domain"),
        ),
        "facilitators",
    )


def trainee_sessions(*, user) -> dict:
    """A trainee's sessions (upcoming and past, with their attendance) across their cohorts."""
    enrollments = list(
        Enrollment.objects.filter(trainee=user, cohort__isnull=False).select_related("programme")
    )
    sessions = list(sessions_with_domains().filter(cohort__in=[e.cohort_id for e in enrollments]))
    records = {r.session_id: r for r in AttendanceRecord.objects.filter(enrollment__in=enrollments)}
    now = timezone.now()
    rows = [{"session": s, "record": records.get(s.pk)} for s in sessions]
    return {
        "upcoming": [r for r in rows if r["session"].ends_at >= now],
        "past": [r for r in rows if r["session"].ends_at < now],
        "enrollments": enrollments,
    }


@dataclass
class AttendanceGrid:
    cohort: Cohort
    sessions: list[LiveSession]
    rows: list[dict]
    policy: Policy


def cohort_attendance(*, cohort: Cohort) -> AttendanceGrid:
    """Every session of a cohort by every trainee of it, with credited hours: a fixed
    number of queries whatever the size."""
    sessions = list(LiveSession.objects.filter(cohort=cohort).prefetch_related("domain_minutes"))
    enrollments = list(
        Enrollment.objects.filter(cohort=cohort)
        .select_related("trainee")
        .order_by("trainee__last_name", "trainee__first_name", "pk")
    )
    records: dict[tuple[int, int], AttendanceRecord] = {
        (r.enrollment_id, r.session_id): r
        for r in AttendanceRecord.objects.filter(session__cohort=cohort).only(
            "enrollment_id", "session_id", "status", "minutes_attended", "session_minutes"
        )
    }
    credited = credited_session_minutes(e.pk for e in enrollments)
    policy = policy_for(cohort.programme_id)
    rows = []
    for enrollment in enrollments:
        cells = [records.get((enrollment.pk, s.pk)) for s in sessions]
        total = sum(credited[enrollment.pk].values())
        now = timezone.now()

        def counts(session, cell) -> bool:
            attended = cell.minutes_attended if cell else 0
            return attended * 100 >= policy.required_percent * session.length_minutes

        made_up = {
            s.make_up_for_id
            for s, cell in zip(sessions, cells, strict=True)
            if s.make_up_for_id and policy.make_ups_allowed and counts(s, cell)
        }
        below = [
            s
            for s, cell in zip(sessions, cells, strict=True)
            if s.ends_at < now
            and s.make_up_for_id is None
            and s.pk not in made_up
            and not counts(s, cell)
        ]
        rows.append(
            {
                "enrollment": enrollment,
                "cells": cells,
                "credited_hours": hours(total),
                "needs_make_up": below,
            }
        )
    return AttendanceGrid(cohort=cohort, sessions=sessions, rows=rows, policy=policy)


def trainee_domain_hours(*, enrollments) -> list[dict]:
    """Hours credited from live sessions by domain, per programme, for the trainee's page.

    Until courses.hours folds session and lesson hours into one figure, this shows the
    session part alone."""
    from ..models import CompetencyDomain

    credited = credited_session_minutes(e.pk for e in enrollments)
    names = dict(CompetencyDomain.objects.values_list("pk", "name"))
    return [
        {
            "enrollment": e,
            "domains": [
                {"name": names.get(d, "?"), "hours": hours(m)}
                for d, m in sorted(credited[e.pk].items(), key=lambda i: names.get(i[0], ""))
            ],
            "total": hours(sum(credited[e.pk].values())),
        }
        for e in enrollments
    ]
