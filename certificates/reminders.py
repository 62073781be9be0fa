"""Expiry reminders: 90, 30 and 7 days before a credential lapses, once each."""

import datetime

from django.db import transaction
from django.utils import timezone

from notifications.services import email_queue

from .models import Credential, CredentialEvent

REMINDER_DAYS = (90, 30, 7)


def expiry_reminders_send(*, today: datetime.date | None = None) -> int:
    """Queue the reminders due today. Safe to run twice: each is recorded as an event."""
    today = today or timezone.localdate()
    sent = 0
    for days in REMINDER_DAYS:
        action = f"reminded_{days}d"
        due = (
            Credential.objects.filter(
                status=Credential.Status.ACTIVE, expires_on=today + datetime.timedelta(days=days)
            )
            .exclude(events__action=action)
            .select_related("holder")
        )
        for credential in due:
            with transaction.atomic():
                CredentialEvent.objects.create(credential=credential, action=action)
                email_queue(
                    to=[credential.holder.email],
                    subject=f"[Peerpath] Your credential expires in {days} days",
                    body_text=(
                        f"Hello {credential.holder.first_name},\n\nYour credential "
                        f"{credential.number} expires on {credential.expires_on:%d %B %Y}. "
                        "Talk to your training coordinator about the continuing education "
                        "you need to renew it.\n"
                    ),
                )
            sent += 1
    return sent
