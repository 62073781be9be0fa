"""What other apps may use of certificates: the credential, its status, its number, its URL.

Verification (the only app above this one that reads credentials) imports this module, not
``certificates.models`` or ``numbers`` from each of its modules, so what it depends on is
listed in one place and the rest of this app can change freely (import-linter holds
verification to it).
"""

import dataclasses
import datetime

from django.db.models import F, Max, Q, QuerySet
from django.db.models.functions import Coalesce

from core.db import AnyOf

from .models import Credential, effective_status
from .numbers import normalise, number_problem
from .openbadges import VERIFY_ROUTE, verification_path, verification_url
from .signals import credential_changed

__all__ = [
    "RENEWED",
    "VERIFY_ROUTE",
    "Credential",
    "CredentialStatus",
    "StatusChange",
    "credential_answers",
    "credential_changed",
    "credential_ids_existing",
    "credential_of_holder",
    "credential_status_change",
    "credentials_named",
    "effective_status",
    "normalise",
    "number_problem",
    "verification_path",
    "verification_url",
]

# The event a renewal records (renewals.services.renewal_approve): the credential keeps its
# number and gains a cycle; verifiers are told when.
RENEWED = "renewed"

# Active, suspended, revoked (expiry is computed: see Credential.effective_status).
CredentialStatus = Credential.Status


def credential_of_holder(*, number: str, holder) -> Credential | None:
    """``holder``'s credential with the number as typed (normalised here), or None."""
    return Credential.objects.filter(number=normalise(number) or "", holder=holder).first()


def credential_ids_existing(*, ids: list[int]) -> set[int]:
    """Which of ``ids`` are still credentials (erasure deletes them)."""
    return set(Credential.objects.filter(pk__in=ids).values_list("pk", flat=True))


@dataclasses.dataclass(frozen=True, slots=True)
class StatusChange:
    """When a credential was suspended or revoked and the reason verifiers may read. The
    reason the holder was told and the coordinators' note are never part of it."""

    at: datetime.datetime | None
    public_reason: str


def credential_status_change(credential: Credential) -> StatusChange | None:
    """The last suspension or revocation of ``credential`` as verifiers see it; None while
    it is active (a reinstated credential carries nothing of its past suspension)."""
    if credential.status == CredentialStatus.ACTIVE:
        return None
    return StatusChange(
        at=credential.status_changed_at, public_reason=credential.status_public_reason
    )


# What a verification answer reads of a credential (see ``credential_answers``).
_ANSWER_FIELDS = (
    "id",
    "number",
    "status",
    "issued_on",
    "expires_on",
    "achievement",
    "status_changed_at",
    "status_public_reason",
)


def _answer_rows(credentials: QuerySet[Credential], *extra) -> list[dict]:
    """Plain rows, no model instances (a 10,000-row check reads 10,000 of them); the status
    change is blanked while active, as ``credential_status_change`` does."""
    rows = []
    for row in credentials.order_by().values(*_ANSWER_FIELDS, *extra):
        if row["status"] == CredentialStatus.ACTIVE:
            row.update(status_changed_at=None, status_public_reason="")
        rows.append(row)
    return rows


def credential_answers(
    *, ids: list[int] | None = None, numbers: list[str] | None = None
) -> list[dict]:
    """What a verification answer needs of each credential (by id or canonical number), in
    one query: id, number, status, issued_on, expires_on, achievement, the public side of
    its last status change (``status_changed_at`` and ``status_public_reason``, blank while
    active), ``renewed_at`` (its last renewal, or None), and ``version``, which grows with
    every event on the credential (a cache keeps the highest it has seen)."""
    credentials = Credential.objects.all()
    if ids is not None:
        credentials = credentials.filter(pk__in=ids)
    else:
        credentials = credentials.filter(number__in=numbers or [])
    return _answer_rows(
        credentials.annotate(
            version=Coalesce(Max("events__id"), 0),
            renewed_at=Max("events__at", filter=Q(events__action=RENEWED)),
        ),
        "version",
        "renewed_at",
    )


def credentials_named(*, numbers: set[str]) -> list[dict]:
    """As ``credential_answers`` for these canonical numbers, with ``holder_last_name`` (the
    checks by number and last name compare it) instead of a version, and ``renewed_at``."""
    return _answer_rows(
        Credential.objects.filter(AnyOf(F("number"), numbers)).annotate(
            holder_last_name=F("holder__last_name"),
            renewed_at=Max("events__at", filter=Q(events__action=RENEWED)),
        ),
        "holder_last_name",
        "renewed_at",
    )
