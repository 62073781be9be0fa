from smtplib import SMTPException

from celery import shared_task

from .services import email_deliver_now


@shared_task(
    acks_late=True,
    autoretry_for=(SMTPException, ConnectionError, TimeoutError),
    retry_backoff=30,
    retry_backoff_max=60 * 30,
    max_retries=8,
)
def email_deliver(email_id: int) -> bool:
    """Deliver one stored email. Running it twice sends the message once."""
    return email_deliver_now(email_id=email_id)
