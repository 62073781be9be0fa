"""Renewal reminders: 90, 60, 30 and 7 days before expiry, with the holder's actual gap.

Windows rather than exact days, so a day the scheduler missed is caught up the next day;
each (credential, expiry, days) is recorded in ``RenewalReminder`` and so sent once. A
credential renewed in the meantime has a new expiry and starts again.
"""

import datetime

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from certificates.models import Credential
from core.dates import long_date
from notifications.services import email_send_template

from .models import RenewalReminder
from .selectors import verdicts_many

REMINDER_DAYS = (90, 60, 30, 7)


def _due_days(days_left: int) -> int | None:
    """The smallest reminder window ``days_left`` falls in (7 before 30 before 60…)."""
    due = [d for d in REMINDER_DAYS if 0 <= days_left <= d]
    return min(due) if due else None


def renewal_reminders_send(*, today: datetime.date | None = None) -> int:
    """Queue the reminders due today; safe to run twice. Returns how many were queued."""
    today = today or timezone.localdate()
    candidates = list(
        Credential.objects.filter(
            status=Credential.Status.ACTIVE,
            expires_on__range=(today, today + datetime.timedelta(days=max(REMINDER_DAYS))),
        ).values_list("pk", "expires_on")
    )
    due = {
        pk: days
        for pk, expires_on in candidates
        if (days := _due_days((expires_on - today).days)) is not None
    }
    sent_already = set(
        RenewalReminder.objects.filter(credential_id__in=list(due)).values_list(
            "credential_id", "expires_on", "days"
        )
    )
    verdicts = verdicts_many(credential_ids=list(due), today=today)
    to_send = [
        pk
        for pk, days in due.items()
        if pk in verdicts
        and (pk, verdicts[pk].expires_on, days) not in sent_already
        and not verdicts[pk].application_open  # nothing to do but wait for the coordinator
    ]
    credentials = Credential.objects.select_related("holder").in_bulk(to_send)
    sent = 0
    for pk in to_send:
        days, credential, ev = due[pk], credentials[pk], verdicts[pk].evaluation
        sentences = list(ev.sentences) if ev else []
        try:
            with transaction.atomic():
                RenewalReminder.objects.create(
                    credential=credential, expires_on=credential.expires_on, days=days
                )
                email_send_template(
                    to=[credential.holder.email],
                    template="renewals/renewal_reminder",
                    context={
                        "holder": credential.holder,
                        "credential": credential,
                        "days": (credential.expires_on - today).days,
                        "expires_on": long_date(credential.expires_on),
                        "sentences": sentences,
                    },
                    link_path=reverse("renewals:keep"),
                )
        except IntegrityError:
            continue  # another run sent it
        sent += 1
    return sent
