import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from certificates.api import Credential, CredentialStatus
from organisations.models import Organisation
from organisations.roles import OrganisationKind, Role

from .models import RosterEntry, VerificationEvent
from .results import Verdict

ROSTER_SORTS = {
    "name": ("credential__holder__last_name", "credential__holder__first_name"),
    "-name": ("-credential__holder__last_name", "-credential__holder__first_name"),
    "expires": ("credential__expires_on", "credential__number"),
    "-expires": ("-credential__expires_on", "credential__number"),
    "added": ("-added_at", "credential__number"),
}
# The roster filter "expiring" shows valid credentials this close to their end.
EXPIRING_WITHIN = datetime.timedelta(days=60)


def clinics_of(user) -> QuerySet[Organisation]:
    """The clinics where ``user`` is a verifier: the only ones whose roster they may see."""
    return Organisation.objects.filter(
        kind=OrganisationKind.CLINIC, memberships__user=user, memberships__role=Role.VERIFIER
    ).distinct()


def _verdict_filter(verdict: str, today: datetime.date) -> Q:
    active = Q(credential__status=CredentialStatus.ACTIVE)
    return {
        Verdict.VALID: active & Q(credential__expires_on__gte=today),
        Verdict.EXPIRED: active & Q(credential__expires_on__lt=today),
        Verdict.SUSPENDED: Q(credential__status=CredentialStatus.SUSPENDED),
        Verdict.REVOKED: Q(credential__status=CredentialStatus.REVOKED),
        "expiring": active & Q(credential__expires_on__range=(today, today + EXPIRING_WITHIN)),
    }.get(verdict, Q())


def roster_entries(
    *, organisation: Organisation, verdict: str = "", query: str = "", sort: str = "name"
) -> QuerySet[RosterEntry]:
    entries = RosterEntry.objects.filter(organisation=organisation).filter(
        _verdict_filter(verdict, timezone.localdate())
    )
    query = query.strip()
    if query:
        entries = entries.filter(
            Q(credential__number__icontains=query)
            | Q(credential__holder__first_name__icontains=query)
            | Q(credential__holder__last_name__icontains=query)
        )
    return entries.select_related("credential__holder").order_by(
        *ROSTER_SORTS.get(sort, ROSTER_SORTS["name"])
    )


def checks_of(credential: Credential) -> QuerySet[VerificationEvent]:
    """Who checked a credential, newest first, for its holder."""
    return credential.verifications.select_related("organisation").order_by("-at")
