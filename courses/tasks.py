from celery import shared_task

from .reminders import stall_reminders_send_due


@shared_task(acks_late=True)
def send_stall_reminders() -> int:
    """Daily: remind trainees with no progress for STALL_REMINDER_DAYS, once per stall."""
    return stall_reminders_send_due()
