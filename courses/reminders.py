"""Reminding stalled trainees: chosen by a coordinator, or automatically after N days.

Each reminder is a ``StallReminder`` row, unique per enrolment and last activity, written
in the same transaction as the queued email: once per stall, whoever or whatever asks.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from notifications.services import email_send_template
from organisations.roles import Role, has_role

from .models import Enrollment, ProgrammePage, StallReminder


def _remind(*, enrollment: Enrollment, sent_by=None) -> bool:
    """Send the reminder for this stall unless it was sent; True if sent now."""
    if enrollment.completed_at is not None:
        return False
    try:
        with transaction.atomic():
            StallReminder.objects.create(
                enrollment=enrollment, activity_at=enrollment.last_activity_at, sent_by=sent_by
            )
            email_send_template(
                to=[enrollment.trainee.email],
                template="courses/stall_reminder",
                context={
                    "trainee": enrollment.trainee,
                    "programme": enrollment.programme,
                    "last_activity_at": enrollment.last_activity_at,
                },
                link_path=reverse("courses:my_training"),
            )
    except IntegrityError:
        return False  # already reminded for this stall
    return True


def stall_reminders_send_chosen(
    *, coordinator, programme: ProgrammePage, enrollment_ids: list[int]
) -> tuple[int, int]:
    """A coordinator reminds chosen trainees: (sent, skipped as already reminded or done)."""
    if not has_role(coordinator, Role.COORDINATOR, organisation=programme.organisation):
        raise PermissionDenied("Only the program's coordinators can send reminders.")
    enrollments = Enrollment.objects.filter(
        programme=programme, pk__in=enrollment_ids
    ).select_related("trainee", "programme")
    sent = sum(_remind(enrollment=e, sent_by=coordinator) for e in enrollments)
    return sent, len(enrollment_ids) - sent


def stall_reminders_send_due(*, now=None) -> int:
    """Remind everyone stalled for ``STALL_REMINDER_DAYS`` not yet reminded for this stall.

    Safe to run any number of times: the database allows one reminder per stall.
    """
    days = settings.STALL_REMINDER_DAYS
    if not days:
        return 0
    cutoff = (now or timezone.now()) - timedelta(days=days)
    due = (
        Enrollment.objects.filter(
            completed_at__isnull=True, last_activity_at__lt=cutoff, programme__live=True
        )
        .exclude(stall_reminders__activity_at=F("last_activity_at"))
        .select_related("trainee", "programme")
    )
    return sum(_remind(enrollment=e) for e in due)
