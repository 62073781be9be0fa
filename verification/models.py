"""Who checked which credential, the clinics' rosters and their API keys."""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.db import length_at_most


class VerificationEvent(models.Model):
    """One check of one credential. The holder sees these: it is their data."""

    class Channel(models.TextChoices):
        PAGE = "page", "Verification page"
        API = "api", "API"
        ROSTER = "roster", "Roster"
        CSV = "csv", "CSV check"

    credential = models.ForeignKey(
        "certificates.Credential", on_delete=models.CASCADE, related_name="verifications"
    )
    # Empty for a member of the public; a clinic when it checked through its roster or API.
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    channel = models.CharField(max_length=10, choices=Channel.choices)
    at = models.DateTimeField(default=timezone.now)
    # The Redis stream entry it came from ("<entry id>/<index>"): a drain that runs twice
    # stores nothing twice. Empty for checks recorded directly (no Redis, or Redis down).
    event_id = models.CharField(max_length=48, unique=True, null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["credential", "-at"], name="verification_event_recent")]
        # Recording is retried after a worker dies; the second run must not add rows.
        constraints = [
            models.UniqueConstraint(
                fields=["credential", "channel", "at"], name="verification_event_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.credential_id} checked by {self.organisation_id or 'public'} at {self.at}"


class RosterEntry(models.Model):
    """A peer worker a clinic employs, added by credential number and last name."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="roster"
    )
    credential = models.ForeignKey(
        "certificates.Credential", on_delete=models.CASCADE, related_name="roster_entries"
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)
    # The clinic's own columns: kept with the entry and exported in the roster CSV.
    employee_id = models.CharField("Employee ID", max_length=50, blank=True)
    site = models.CharField(max_length=100, blank=True)
    notes = models.TextField(blank=True, max_length=1000)

    class Meta:
        ordering = ["-added_at"]
        verbose_name_plural = "roster entries"
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "credential"], name="verification_roster_once"
            ),
            length_at_most("notes", 1000, name="verification_roster_notes_length"),
        ]

    def __str__(self) -> str:
        return f"{self.credential_id} on the roster of {self.organisation_id}"


class RosterAlert(models.Model):
    """An alert sent to a clinic about one roster entry, so it is sent once.

    ``reference`` tells occurrences apart: the expiry date for expiry alerts (a renewed
    credential alerts again), the status event for suspension and revocation (a second
    suspension after a reinstatement alerts again).
    """

    class Kind(models.TextChoices):
        EXPIRES_60 = "expires_60", "Expires within 60 days"
        EXPIRES_30 = "expires_30", "Expires within 30 days"
        SUSPENDED = "suspended", "Suspended"
        REVOKED = "revoked", "Revoked"
        RENEWAL_AT_RISK = "renewal_risk", "Renewal at risk"

    entry = models.ForeignKey(RosterEntry, on_delete=models.CASCADE, related_name="alerts")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    reference = models.CharField(max_length=40)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "kind", "reference"], name="verification_alert_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} for roster entry {self.entry_id}"


class BulkCheck(models.Model):
    """The results of one CSV upload, kept so the clinic can download them."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="bulk_checks"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    filename = models.CharField(max_length=255)
    # How the file was read, shown to the clinic ("Windows-1252", "semicolon"); the results
    # CSV is written with the same separator. Empty for checks made before they were kept.
    encoding = models.CharField(max_length=40, blank=True)
    separator = models.CharField(max_length=10, blank=True)
    columns = models.JSONField(
        default=list, blank=True, help_text="The clinic's own header row, in its order."
    )
    results = models.JSONField(
        help_text="One object per row: the clinic's cells and what Peerpath found."
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.filename} ({len(self.results)} rows)"


def hash_api_key(key: str) -> str:
    # Keys are 32 random bytes, so a fast hash is safe: there is nothing to brute-force.
    return hashlib.sha256(key.encode()).hexdigest()


class ApiKeyQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(revoked_at__isnull=True)


class ApiKey(models.Model):
    """A clinic's key for the verification API. Only its hash is stored."""

    PREFIX = "ppk_"

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="api_keys"
    )
    name = models.CharField(max_length=100)
    # The first characters of the key, shown so people can tell their keys apart.
    hint = models.CharField(max_length=12)
    key_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    objects = ApiKeyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "API key"

    def __str__(self) -> str:
        return f"{self.name} ({self.hint}…)"

    @classmethod
    def new_secret(cls) -> str:
        return cls.PREFIX + secrets.token_urlsafe(32)

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None


class VerificationReceipt(models.Model):
    """A printable record that a clinic checked a credential, for HR files and audits.

    It keeps the answer as it was when checked; anyone holding the code can confirm the
    receipt on a public page, which shows only what the receipt says. It goes with the
    credential when the holder's data is erased.
    """

    CODE_LENGTH = 12

    code = models.CharField(max_length=CODE_LENGTH, unique=True)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="receipts"
    )
    credential = models.ForeignKey(
        "certificates.Credential", on_delete=models.CASCADE, related_name="receipts"
    )
    number = models.CharField(max_length=20)
    verdict = models.CharField(max_length=12)
    holder_name = models.CharField(max_length=300)
    programme = models.CharField(max_length=300, blank=True)
    issuer = models.CharField(max_length=300, blank=True)
    expires_on = models.DateField(null=True, blank=True)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    public_reason = models.TextField(blank=True)
    checked_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-checked_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(verdict__in=["VALID", "EXPIRED", "SUSPENDED", "REVOKED"]),
                name="verification_receipt_verdict_valid",
            )
        ]

    def __str__(self) -> str:
        return f"Receipt {self.code}"

    @property
    def display_code(self) -> str:
        """The code in groups of four, as printed: ABCD-EFGH-JKLM."""
        return "-".join(self.code[i : i + 4] for i in range(0, len(self.code), 4))


def _verifier_invitation_expiry():
    return timezone.now() + datetime.timedelta(days=VerifierInvitation.VALID_DAYS)


class VerifierInvitation(models.Model):
    """A verifier's offer to a colleague to verify for the clinic too.

    Nothing is granted until the person signed in with the invited address accepts.
    """

    VALID_DAYS = 14

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for an answer"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        WITHDRAWN = "withdrawn", "Withdrawn"

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="verifier_invitations",
    )
    email = models.EmailField()
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=_verifier_invitation_expiry)
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "email"],
                condition=models.Q(status="pending"),
                name="verification_one_pending_invitation",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["pending", "accepted", "declined", "withdrawn"]),
                name="verification_invitation_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"Verifier invitation {self.pk} to {self.organisation_id}"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()
