"""Tell clinics when someone on their roster nears expiry or is suspended or revoked."""

import datetime
from collections import defaultdict

from django.db import transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone

from certificates.api import CredentialStatus
from notifications.services import email_send_template
from organisations.models import Membership
from organisations.roles import Role
from renewals.api import readiness_many

from .models import RosterAlert, RosterEntry

Kind = RosterAlert.Kind
EXPIRY_WINDOWS = ((30, Kind.EXPIRES_30), (60, Kind.EXPIRES_60))
STATUS_ACTIONS = {CredentialStatus.SUSPENDED: "suspended", CredentialStatus.REVOKED: "revoked"}


def _due_alert(entry: RosterEntry, today: datetime.date) -> tuple[str, str] | None:
    """The (kind, reference) this entry calls for today, if any."""
    credential = entry.credential
    if credential.status in STATUS_ACTIONS:
        # The event that made it so: a second suspension after a reinstatement is news again.
        # ``status_event`` is annotated by the query in roster_alerts_send.
        return credential.status, str(entry.status_event or credential.status)  # type: ignore[attr-defined]
    days_left = (credential.expires_on - today).days
    for window, kind in EXPIRY_WINDOWS:
        if 0 <= days_left <= window:
            return kind, credential.expires_on.isoformat()
    return None


# How far ahead a renewal window may open (the longest seeded window is 180 days).
RENEWAL_HORIZON_DAYS = 366


def _renewals_at_risk(today: datetime.date) -> list[RosterEntry]:
    """Entries whose holder's renewal window is open, or whose expiry is within 60 days,
    while the gap is not closed (renewals' engine decides; no CE detail comes back)."""
    entries = list(
        RosterEntry.objects.filter(
            credential__status=CredentialStatus.ACTIVE,
            credential__expires_on__range=(
                today - datetime.timedelta(days=RENEWAL_HORIZON_DAYS),
                today + datetime.timedelta(days=RENEWAL_HORIZON_DAYS),
            ),
        ).select_related("credential")
    )
    readiness = readiness_many(credential_ids={e.credential_id for e in entries}, today=today)
    return [e for e in entries if (r := readiness.get(e.credential_id)) and r.at_risk]


def roster_alerts_send(*, today: datetime.date | None = None) -> int:
    """Email each clinic's verifiers the roster news they have not had yet; count alerts.

    Windows rather than exact days, so a day the scheduler missed is caught up the next
    day; each (entry, kind, reference) is recorded and so sent once.
    """
    today = today or timezone.localdate()
    latest_window = today + datetime.timedelta(days=EXPIRY_WINDOWS[-1][0])
    entries = (
        RosterEntry.objects.filter(
            Q(credential__status__in=list(STATUS_ACTIONS))
            | Q(
                credential__status=CredentialStatus.ACTIVE,
                credential__expires_on__range=(today, latest_window),
            )
        )
        .select_related("credential")
        .annotate(
            status_event=Max(
                "credential__events__pk",
                filter=Q(credential__events__action__in=list(STATUS_ACTIONS.values())),
            )
        )
    )
    due_by_organisation: defaultdict[int, list[tuple[RosterEntry, str, str]]] = defaultdict(list)
    for entry in entries:
        alert = _due_alert(entry, today)
        if alert is not None:
            due_by_organisation[entry.organisation_id].append((entry, *alert))
    for risky in _renewals_at_risk(today):
        due_by_organisation[risky.organisation_id].append(
            (risky, Kind.RENEWAL_AT_RISK, risky.credential.expires_on.isoformat())
        )
    # Only the alerts of the entries due now: the table grows with every alert ever sent.
    already = set(
        RosterAlert.objects.filter(
            entry_id__in=[entry.pk for due in due_by_organisation.values() for entry, *_ in due]
        ).values_list("entry_id", "kind", "reference")
    )
    sent = 0
    for organisation_id, due in due_by_organisation.items():
        news = [
            (entry, kind, ref) for entry, kind, ref in due if (entry.pk, kind, ref) not in already
        ]
        if not news:
            continue
        recipients = list(
            Membership.objects.filter(
                organisation_id=organisation_id, role=Role.VERIFIER, user__is_active=True
            ).values_list("user__email", flat=True)
        )
        if not recipients:
            continue
        with transaction.atomic():
            RosterAlert.objects.bulk_create(
                RosterAlert(entry=entry, kind=kind, reference=ref) for entry, kind, ref in news
            )
            email_send_template(
                to=recipients,
                template="verification/roster_alert",
                context={"count": len(news), "items": _alert_items(news, today=today)},
                link_path=reverse("verification:roster", args=[organisation_id]),
            )
        sent += len(news)
    return sent


def _alert_items(news, *, today: datetime.date) -> list[dict]:
    """One line each for the email, soonest expiry first: a name and a number, nothing more.

    The name is the one printed on the credential, which the clinic already sees on its
    roster; the holder's address and the reason for a suspension stay out.
    """
    items = []
    for entry, kind, _ in sorted(news, key=lambda item: item[0].credential.expires_on):
        credential = entry.credential
        items.append(
            {
                "name": credential.achievement.get("holder_name", ""),
                "number": credential.number,
                "status": kind if kind in STATUS_ACTIONS else "",
                "renewal_at_risk": kind == Kind.RENEWAL_AT_RISK,
                "expires_on": credential.expires_on,
                "days_left": (credential.expires_on - today).days,
            }
        )
    return items
