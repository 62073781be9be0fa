"""Dashboard panels for live sessions: a trainee's next sessions and hours, a facilitator's."""

from django.http import HttpRequest
from django.utils import timezone

from . import access, selectors


def trainee_sessions_context(*, request: HttpRequest, user) -> dict | None:
    sessions = selectors.trainee_sessions(user=user)
    if not sessions["upcoming"] and not sessions["past"]:
        return None
    return {
        "upcoming": sessions["upcoming"][:3],
        "attended": [r for r in sessions["past"] if r["record"]][-3:],
        "hours": selectors.trainee_domain_hours(enrollments=sessions["enrollments"]),
    }


def facilitator_sessions_context(*, request: HttpRequest, user) -> dict | None:
    upcoming = list(
        access.editable_sessions(user)
        .filter(ends_at__gte=timezone.now())
        .select_related("cohort")
        .order_by("starts_at")[:3]
    )
    return {"upcoming": upcoming}
