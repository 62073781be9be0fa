"""Expiry reminders: 90, 30 and 7 days before a credential lapses, once each."""

import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from notifications.services import email_send_template

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
                email_send_template(
                    to=[credential.holder.email],
                    template="certificates/expiry_reminder",
                    context={"holder": credential.holder, "credential": credential, "days": days},
                    link_path=reverse("certificates:mine"),
                )
            sent += 1
    return sent
