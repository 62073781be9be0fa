"""The dashboard's panels from assessments: quizzes left open, requests for another attempt."""

from django.http import HttpRequest

from .models import Attempt
from .overrides import open_attempt_requests


def open_attempts_context(*, request: HttpRequest, user) -> dict | None:
    """The trainee's quiz attempts started and not yet submitted, oldest first (one query)."""
    attempts = list(
        Attempt.objects.filter(enrollment__trainee=user, status=Attempt.Status.OPEN)
        .select_related("quiz", "enrollment__programme")
        .order_by("started_at", "pk")
    )
    return {"attempts": attempts} if attempts else None


def attempt_requests_context(*, request: HttpRequest, user) -> dict | None:
    """How many trainees wait for the coordinator's answer to a request for another attempt:
    the same requests the requests page lists, counted in one query."""
    return {"requests": open_attempt_requests(coordinator=user).count()}
