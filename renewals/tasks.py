from celery import shared_task


@shared_task(acks_late=True)
def send_renewal_reminders() -> int:
    """Daily: remind holders 90, 60, 30 and 7 days before expiry, with their actual gap."""
    from .reminders import renewal_reminders_send

    return renewal_reminders_send()
