import datetime

from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When
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
    # Revoked, suspended, expired, expiring soon, then the rest; soonest expiry first.
    "attention": ("attention_rank", "credential__expires_on", "credential__number"),
}
# What the roster's attention banner counts, most serious first (ranks 0 to 3).
ATTENTION_KINDS = ("revoked", "suspended", "expired", "expiring")
# The roster filter "expiring" shows valid credentials this close to their end.
EXPIRING_WITHIN = datetime.timedelta(days=60)


def clinics_of(user) -> QuerySet[Organisation]:
    """The clinics where ``user`` is a verifier: the only ones whose roster they may see."""
    return Organisation.objects.filter(
        kind=OrganisationKind.CLINIC, memberships__user=user, memberships__role=Role.VERIFIER
    ).distinct()


def verifiers_of(clinic: Organisation):
    """The clinic's verifiers, by name: who may see its roster."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(memberships__organisation=clinic, memberships__role=Role.VERIFIER)
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )


def _verdict_filter(verdict: str, today: datetime.date) -> Q:
    active = Q(credential__status=CredentialStatus.ACTIVE)
    return {
        Verdict.VALID: active & Q(credential__expires_on__gte=today),
        Verdict.EXPIRED: active & Q(credential__expires_on__lt=today),
        Verdict.SUSPENDED: Q(credential__status=CredentialStatus.SUSPENDED),
        Verdict.REVOKED: Q(credential__status=CredentialStatus.REVOKED),
        "expiring": active & Q(credential__expires_on__range=(today, today + EXPIRING_WITHIN)),
    }.get(verdict, Q())


def _attention_conditions(today: datetime.date) -> list[Q]:
    """One condition per ATTENTION_KINDS entry, in order."""
    return [
        _verdict_filter(Verdict.REVOKED, today),
        _verdict_filter(Verdict.SUSPENDED, today),
        _verdict_filter(Verdict.EXPIRED, today),
        _verdict_filter("expiring", today),
    ]


def roster_attention(*, organisation: Organisation) -> dict[str, int]:
    """How many roster entries need attention, by kind, and in all: one query."""
    conditions = _attention_conditions(timezone.localdate())
    counts = RosterEntry.objects.filter(organisation=organisation).aggregate(
        **{
            kind: Count("pk", filter=condition)
            for kind, condition in zip(ATTENTION_KINDS, conditions, strict=True)
        }
    )
    counts["total"] = sum(counts[kind] for kind in ATTENTION_KINDS)
    return counts


def roster_entries(
    *, organisation: Organisation, verdict: str = "", query: str = "", sort: str = "name"
) -> QuerySet[RosterEntry]:
    today = timezone.localdate()
    entries = (
        RosterEntry.objects.filter(organisation=organisation)
        .filter(_verdict_filter(verdict, today))
        .annotate(
            attention_rank=Case(
                *(
                    When(condition, then=Value(rank))
                    for rank, condition in enumerate(_attention_conditions(today))
                ),
                default=Value(len(ATTENTION_KINDS)),
                output_field=IntegerField(),
            )
        )
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
