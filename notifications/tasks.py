from smtplib import SMTPException

from celery import shared_task

from .outbox import OutboxTask
from .services import email_deliver_now, outbox_sweep


@shared_task(
    base=OutboxTask,
    autoretry_for=(SMTPException, ConnectionError, TimeoutError),
    retry_backoff=30,
    # Below the broker's visibility timeout: with Redis, a retry waiting longer than that
    # is handed to a second worker. Longer waits belong to the outbox sweep.
    retry_backoff_max=5 * 60,
    max_retries=4,
)
def email_deliver(email_id: int) -> bool:
    """Deliver one stored email. Running it twice sends the message once."""
    return email_deliver_now(email_id=email_id)


@shared_task(ignore_result=True)
def sweep_outbox() -> int:
    """Every minute: dispatch again any outbox call not done when it fell due."""
    return outbox_sweep()
