from celery import shared_task

from .services import certificate_render


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=10, max_retries=5)
def render_certificate(credential_id: int, force: bool = False) -> bool:
    """Render a credential's PDF. Idempotent: a re-run after a crash leaves one PDF."""
    return certificate_render(credential_id=credential_id, force=force)
