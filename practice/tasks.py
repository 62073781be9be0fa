from celery import shared_task

from .services import supervisor_digests_send


@shared_task(acks_late=True)
def send_supervisor_digests() -> int:
    """Daily: tell each supervisor how many entries wait for them. Safe to run twice a day."""
    return supervisor_digests_send()
