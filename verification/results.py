"""The answer to "is this credential real and current?", the same on every surface."""

import dataclasses
import datetime
import enum

from certificates.api import (
    Credential,
    CredentialStatus,
    credential_status_change,
    effective_status,
)
from core.dates import long_date

NO_MATCH_MESSAGE = (
    "No credential matches this number and last name — check both and try again. "
    "The number is printed on the certificate, for example PP-7KQ4-M2XD-9."
)
NO_NUMBER_MESSAGE = "No credential with this number — check the characters."


class Verdict(enum.StrEnum):
    VALID = "VALID"
    EXPIRED = "EXPIRED"
    SUSPENDED = "SUSPENDED"
    REVOKED = "REVOKED"
    NOT_FOUND = "NOT_FOUND"


# What each verdict means, in words a receptionist can act on.
EXPLANATIONS = {
    Verdict.VALID: "This credential is real and current.",
    Verdict.EXPIRED: "This credential was real but has expired. The holder needs to renew it.",
    Verdict.SUSPENDED: (
        "This credential is suspended. The holder may not work as a certified peer "
        "support worker until the issuer reinstates it."
    ),
    Verdict.REVOKED: "This credential has been revoked. It is no longer valid.",
    Verdict.NOT_FOUND: NO_NUMBER_MESSAGE,
}

_VERDICT_BY_STATUS = {
    "active": Verdict.VALID,
    "expired": Verdict.EXPIRED,
    CredentialStatus.SUSPENDED: Verdict.SUSPENDED,
    CredentialStatus.REVOKED: Verdict.REVOKED,
}


def _day(moment) -> datetime.date | None:
    if moment is None:
        return None
    if isinstance(moment, datetime.datetime):
        from django.utils import timezone

        return timezone.localdate(moment)
    return moment


@dataclasses.dataclass(frozen=True, slots=True)
class Answer:
    """What a verification result needs of a credential, as kept in Redis (``answers``) or
    read from a ``certificates.api`` row: never a verdict (EXPIRED depends on the day)."""

    status: str
    issued_on: datetime.date
    expires_on: datetime.date
    holder_name: str
    programme: str
    issuer: str
    status_changed_at: datetime.datetime | None
    public_reason: str
    # The day of its last renewal (the number kept, a new cycle signed), or None.
    renewed_on: datetime.date | None = None

    @classmethod
    def of_row(cls, row: dict) -> "Answer":
        """From a ``credential_answers`` or ``credentials_named`` row."""
        achieved = row["achievement"] or {}
        return cls(
            row["status"],
            row["issued_on"],
            row["expires_on"],
            achieved.get("holder_name", ""),
            achieved.get("programme", ""),
            achieved.get("issuer", ""),
            row["status_changed_at"],
            row["status_public_reason"],
            _day(row.get("renewed_at")),
        )


@dataclasses.dataclass(frozen=True, slots=True)
class VerificationResult:
    """Only what a verifier needs: never an email, a note or a story."""

    number: str
    verdict: Verdict
    checked_at: datetime.datetime
    holder_name: str = ""
    programme: str = ""
    issuer: str = ""
    issued_on: datetime.date | None = None
    expires_on: datetime.date | None = None
    # When it was suspended or revoked, and the public reason (optional); never the reason
    # the holder was told or the coordinators' note.
    status_changed_at: datetime.datetime | None = None
    public_reason: str = ""
    # When it was last renewed (same number, next cycle): "VALID — renewed on …".
    renewed_on: datetime.date | None = None
    # For recording the check; never shown.
    credential_id: int | None = dataclasses.field(default=None, repr=False, compare=False)

    @property
    def found(self) -> bool:
        return self.verdict is not Verdict.NOT_FOUND

    @property
    def is_valid(self) -> bool:
        return self.verdict is Verdict.VALID

    @property
    def explanation(self) -> str:
        return EXPLANATIONS[self.verdict]

    @property
    def headline(self) -> str:
        """ "VALID — renewed on February 2, 2027, valid until March 14, 2029", or the verdict."""
        if self.verdict is Verdict.VALID and self.renewed_on and self.expires_on:
            return (
                f"VALID — renewed on {long_date(self.renewed_on)}, "
                f"valid until {long_date(self.expires_on)}"
            )
        return self.verdict.value

    @classmethod
    def of(
        cls,
        credential: Credential,
        *,
        checked_at: datetime.datetime,
        renewed_on: datetime.date | None = None,
    ) -> "VerificationResult":
        """From a credential row; ``renewed_on`` from the caller (the roster reads it for
        every row at once through renewals), so this costs no query."""
        achieved = credential.achievement
        change = credential_status_change(credential)
        return cls(
            number=credential.number,
            verdict=_VERDICT_BY_STATUS[credential.effective_status],
            checked_at=checked_at,
            holder_name=achieved.get("holder_name", ""),
            programme=achieved.get("programme", ""),
            issuer=achieved.get("issuer", ""),
            issued_on=credential.issued_on,
            expires_on=credential.expires_on,
            status_changed_at=change.at if change else None,
            public_reason=change.public_reason if change else "",
            renewed_on=renewed_on,
            credential_id=credential.pk,
        )

    @classmethod
    def of_answer(
        cls,
        number: str,
        answer: Answer,
        *,
        credential_id: int,
        checked_at: datetime.datetime,
        today: datetime.date,
    ) -> "VerificationResult":
        """From an ``Answer`` (kept in Redis or read as a row). The verdict is worked out
        here, from the stored status and ``today`` (``certificates.api.effective_status``)."""
        return cls(
            number=number,
            verdict=_VERDICT_BY_STATUS[
                effective_status(answer.status, answer.expires_on, today=today)
            ],
            checked_at=checked_at,
            holder_name=answer.holder_name,
            programme=answer.programme,
            issuer=answer.issuer,
            issued_on=answer.issued_on,
            expires_on=answer.expires_on,
            status_changed_at=answer.status_changed_at,
            public_reason=answer.public_reason,
            renewed_on=answer.renewed_on,
            credential_id=credential_id,
        )

    @classmethod
    def not_found(cls, number: str, *, checked_at: datetime.datetime) -> "VerificationResult":
        return cls(number=number, verdict=Verdict.NOT_FOUND, checked_at=checked_at)
