"""The dashboard's panels from courses: programs open to self-enrollment, stalled trainees."""

from django.http import HttpRequest

from organisations.models import Membership
from organisations.roles import Role

from .models import Enrollment, ProgrammePage
from .selectors import DEFAULT_STALLED_DAYS, PROGRAMME_FIELDS


def open_programmes_context(*, request: HttpRequest, user) -> dict | None:
    """Programs anyone signed in may join with one click: what a person with no role can do."""
    programmes = list(
        ProgrammePage.objects.live()
        .public()
        .filter(enrolment_mode=ProgrammePage.EnrolmentMode.OPEN)
        .only(*PROGRAMME_FIELDS, "summary")
        .order_by("title", "pk")
    )
    return {"programmes": programmes}


def stalled_context(*, request: HttpRequest, user) -> dict | None:
    """How many trainees of the coordinator's organizations made no progress lately: the
    gradebook's "stalled" (no progress for ``DEFAULT_STALLED_DAYS`` days), counted at once."""
    stalled = (
        Enrollment.objects.filter(
            programme__organisation__in=Membership.objects.filter(
                user=user, role=Role.COORDINATOR
            ).values("organisation")
        )
        .stalled(days=DEFAULT_STALLED_DAYS)
        .count()
    )
    return {"stalled": stalled, "days": DEFAULT_STALLED_DAYS}
