from celery import shared_task

from notifications.outbox import OutboxTask

from .services import certificate_render


# Queued through the outbox (certificates.services._render_later): the task marks its call
# done, and a worker lost mid-render hands the message back at once (OutboxTask).
@shared_task(
    base=OutboxTask, autoretry_for=(OSError,), retry_backoff=10, retry_backoff_max=60, max_retries=5
)
def render_certificate(credential_id: int, force: bool = False) -> bool:
    """Render a credential's PDF. Idempotent: a re-run after a crash leaves one PDF."""
    return certificate_render(credential_id=credential_id, force=force)


@shared_task(acks_late=True)
def send_expiry_reminders() -> int:
    """Daily: remind holders 90, 30 and 7 days before their credential expires."""
    from .reminders import expiry_reminders_send

    return expiry_reminders_send()
