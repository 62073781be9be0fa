"""Queueing and delivering email."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from .models import Email


def email_queue(*, to: list[str], subject: str, body_text: str, body_html: str = "") -> Email:
    """Store a message and deliver it through Celery once the current transaction commits."""
    from .tasks import email_deliver

    email = Email.objects.create(
        to=list(to), subject=subject, body_text=body_text, body_html=body_html
    )
    email_deliver.delay_on_commit(email.pk)
    return email


def email_deliver_now(*, email_id: int) -> bool:
    """Send a stored message unless it has already gone out. Returns True if sent now.

    The row is locked while sending, so two workers handed the same id send it once.
    A failure is recorded on the row and re-raised for Celery to retry.
    """
    failure: Exception | None = None
    with transaction.atomic():
        email = Email.objects.select_for_update().get(pk=email_id)
        if email.status == Email.Status.SENT:
            return False
        email.attempts += 1
        message = EmailMultiAlternatives(
            subject=email.subject,
            body=email.body_text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=email.to,
        )
        if email.body_html:
            message.attach_alternative(email.body_html, "text/html")
        try:
            message.send()
        except Exception as exc:
            failure = exc
            email.status = Email.Status.FAILED
            email.last_error = repr(exc)[:2000]
        else:
            email.status = Email.Status.SENT
            email.sent_at = timezone.now()
            email.last_error = ""
        email.save(update_fields=["status", "attempts", "last_error", "sent_at"])
    if failure is not None:
        raise failure
    return True
