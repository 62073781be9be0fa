"""Who checked which credential, the clinics' rosters and their API keys."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone


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

    class Meta:
        ordering = ["-added_at"]
        verbose_name_plural = "roster entries"
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "credential"], name="verification_roster_once"
            )
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
    results = models.JSONField(help_text="One object per row, as the results CSV has them.")

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
