"""Credentials: what a trainee earns when every requirement of a programme is met."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.panels import FieldPanel

from core.db import length_at_most

from .numbers import new_number

# A suspension or revocation reason is emailed to the holder and kept: a few sentences.
CREDENTIAL_REASON_MAX_LENGTH = 500
# A coordinator's internal note on a status change: for coordinators only, never emailed.
CREDENTIAL_NOTE_MAX_LENGTH = 2000


class EthicsCode(models.Model):
    """One version of a profile's code of ethics. A new version means a new row."""

    profile = models.ForeignKey(
        "courses.RequirementProfile", on_delete=models.CASCADE, related_name="ethics_codes"
    )
    version = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200, default="Code of ethics for peer support workers")
    text = models.TextField(help_text="The commitments the trainee affirms, one per paragraph.")
    published_at = models.DateTimeField(default=timezone.now)

    panels = [FieldPanel("profile"), FieldPanel("version"), FieldPanel("title"), FieldPanel("text")]

    class Meta:
        ordering = ["profile", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "version"], name="certificates_ethics_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} (version {self.version})"


class EthicsAffirmation(models.Model):
    """A trainee signed a version of the code of ethics, by typing their name."""

    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ethics_affirmations"
    )
    code = models.ForeignKey(EthicsCode, on_delete=models.PROTECT, related_name="affirmations")
    signed_name = models.CharField(max_length=300)
    affirmed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["trainee", "code"], name="certificates_affirm_once")
        ]

    def __str__(self) -> str:
        return f"{self.signed_name} affirmed {self.code}"


class CredentialQuerySet(models.QuerySet):
    def live(self):
        """Not revoked: active or suspended (an expired one is still live until replaced)."""
        return self.filter(status__in=[Credential.Status.ACTIVE, Credential.Status.SUSPENDED])


def effective_status(status: str, expires_on: datetime.date, *, today: datetime.date) -> str:
    """active, suspended, revoked, or expired (active but past its date): one rule for the
    model and for the verification answers kept as plain fields."""
    if status == Credential.Status.ACTIVE and expires_on < today:
        return "expired"
    return status


class Credential(models.Model):
    """A peer support credential. Expiry follows from the date, never from a nightly job."""

    REASON_MAX_LENGTH = CREDENTIAL_REASON_MAX_LENGTH
    REASON_TOO_LONG = f"Keep the reason to {REASON_MAX_LENGTH} characters."
    NOTE_MAX_LENGTH = CREDENTIAL_NOTE_MAX_LENGTH
    NOTE_TOO_LONG = f"Keep the internal note to {NOTE_MAX_LENGTH} characters."

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        SUSPENDED = "suspended", "Suspended"
        REVOKED = "revoked", "Revoked"

    number = models.CharField(max_length=20, unique=True, default=new_number, editable=False)
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="credentials"
    )
    enrollment = models.ForeignKey(
        "courses.Enrollment", on_delete=models.PROTECT, related_name="credentials"
    )
    programme = models.ForeignKey(
        "courses.ProgrammePage", on_delete=models.PROTECT, related_name="credentials"
    )
    issuer = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="credentials"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    # Told to the holder by email with every status change; coordinators see it too.
    status_reason = models.TextField(blank=True, max_length=REASON_MAX_LENGTH)
    # Shown to verifiers (public page, API, roster) with the date of the change; optional.
    status_public_reason = models.TextField(blank=True, max_length=REASON_MAX_LENGTH)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    issued_on = models.DateField()
    expires_on = models.DateField()
    achievement = models.JSONField(help_text="What was achieved, as it stood on issue.")
    pdf = models.FileField(upload_to="certificates/", blank=True)
    pdf_rendered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CredentialQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["holder", "programme"],
                condition=Q(status__in=["active", "suspended"]),
                name="certificates_one_live_credential",
            ),
            models.CheckConstraint(
                condition=Q(expires_on__gt=models.F("issued_on")),
                name="certificates_expires_after_issue",
            ),
            length_at_most(
                "status_reason",
                CREDENTIAL_REASON_MAX_LENGTH,
                name="certificates_status_reason_length",
            ),
            length_at_most(
                "status_public_reason",
                CREDENTIAL_REASON_MAX_LENGTH,
                name="certificates_status_public_reason_length",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def effective_status(self) -> str:
        """active, suspended, revoked, or expired (an active credential past its date)."""
        return effective_status(self.status, self.expires_on, today=timezone.localdate())

    def current_cycle(self) -> "CredentialCycle | None":
        """The cycle signed into the credential file today: the latest one."""
        return self.cycles.order_by("-cycle").first()

    @property
    def status_index(self) -> int | None:
        """The current cycle's position in the status list (None before it has one)."""
        cycle = self.current_cycle()
        return cycle.status_index if cycle else None

    @property
    def pdf_ready(self) -> bool:
        return bool(self.pdf) and self.pdf_rendered_at is not None

    @property
    def pdf_storage_key(self) -> str:
        """The same key every time, so a re-run of the render task overwrites, never adds."""
        return f"certificates/{self.number}.pdf"


class CredentialCycle(models.Model):
    """One signed period of a credential: its first issue, or a renewal of the same number.

    Each cycle has its own position in the published status list, so a file signed for one
    cycle names that cycle's entry; every entry of a credential reads the credential's
    status (a revocation reaches every file ever downloaded for its number).
    """

    credential = models.ForeignKey(Credential, on_delete=models.CASCADE, related_name="cycles")
    cycle = models.PositiveSmallIntegerField(default=1)
    # Position in the published Bitstring Status List (Open Badges 3.0 credentialStatus),
    # drawn at random (services.credential_create) so the list reveals no issuance order.
    status_index = models.PositiveIntegerField(unique=True, editable=False)
    # The first day of this cycle's validity: the day after the expiry a renewal replaced.
    # Null for the first cycle, which runs from the credential's issue date.
    valid_from = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["credential", "cycle"]
        constraints = [
            models.UniqueConstraint(fields=["credential", "cycle"], name="certificates_cycle_once"),
            models.CheckConstraint(condition=Q(cycle__gte=1), name="certificates_cycle_from_one"),
        ]

    def __str__(self) -> str:
        return f"{self.credential_id} cycle {self.cycle}"


class CredentialEvent(models.Model):
    """Issue, suspension, reinstatement, revocation or re-rendering, with who and why."""

    credential = models.ForeignKey(Credential, on_delete=models.PROTECT, related_name="events")
    action = models.CharField(max_length=20)
    # What the holder was told.
    reason = models.TextField(blank=True, max_length=Credential.REASON_MAX_LENGTH)
    # What verifiers see (optional), and a note for coordinators only (never emailed).
    public_reason = models.TextField(blank=True, max_length=Credential.REASON_MAX_LENGTH)
    note = models.TextField(blank=True, max_length=Credential.NOTE_MAX_LENGTH)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    actor_name = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at"]
        constraints = [
            length_at_most(
                "reason", CREDENTIAL_REASON_MAX_LENGTH, name="certificates_event_reason_length"
            ),
            length_at_most(
                "public_reason",
                CREDENTIAL_REASON_MAX_LENGTH,
                name="certificates_event_public_reason_length",
            ),
            length_at_most(
                "note", CREDENTIAL_NOTE_MAX_LENGTH, name="certificates_event_note_length"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.credential_id} at {self.at:%Y-%m-%d}"


class SigningKeyQuerySet(models.QuerySet):
    def current(self):
        return self.filter(retired_at__isnull=True)


class SigningKey(models.Model):
    """A public key that signs Open Badges credentials and status lists (RS256).

    Only the public half is kept here, so every key stays published, at its own URL and
    in the JWKS, after it is retired and even after its private half is deleted: a
    credential it signed must verify for as long as it runs. The private half is a PEM
    file ``<kid>.pem`` in ``SIGNING_KEYS_DIR``, never in the database.
    """

    class Algorithm(models.TextChoices):
        RS256 = "RS256"

    # The RFC 7638 JWK thumbprint (base64url SHA-256): derived from the key, so it names
    # the key whatever the site's address; the kid URL is built from it when served.
    kid = models.CharField(max_length=64, unique=True)
    algorithm = models.CharField(max_length=10, choices=Algorithm.choices)
    public_jwk = models.JSONField()
    created_at = models.DateTimeField(default=timezone.now)
    retired_at = models.DateTimeField(null=True, blank=True)
    # When it last signed anything, credential or status list (updated at most hourly).
    last_signed_at = models.DateTimeField(null=True, blank=True)

    objects = SigningKeyQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["algorithm"],
                condition=Q(retired_at__isnull=True),
                name="certificates_one_current_signing_key",
            ),
            models.CheckConstraint(
                condition=Q(algorithm__in=["RS256"]), name="certificates_signing_key_algorithm"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.algorithm} {self.kid}{' (retired)' if self.retired_at else ''}"


class CredentialSignature(models.Model):
    """A key signed a copy of a credential: which keys a holder's files can name.

    A credential is signed again on each download, with the key current then, so after a
    rotation one credential has copies signed by several keys; a key may only be
    forgotten once every credential it signed has expired.
    """

    credential = models.ForeignKey(Credential, on_delete=models.CASCADE, related_name="+")
    key = models.ForeignKey(SigningKey, on_delete=models.PROTECT, related_name="signatures")
    first_signed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["credential", "key"], name="certificates_signature_once_per_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.credential_id} signed by {self.key_id}"
