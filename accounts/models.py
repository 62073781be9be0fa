import datetime
import uuid
from typing import ClassVar

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower

from core.db import length_at_most

# Why someone's second factor was reset: a sentence or two for the audit.
MFA_RESET_REASON_MAX_LENGTH = 500
CERTIFICATE_NAME_MAX_LENGTH = 150


# A month and a day that exist in some year: February 29 is allowed (a leap-day birthday).
# "Not null" is spelled out: a check whose comparisons meet a NULL passes in SQL.
_VALID_MONTH_DAY = models.Q(
    renewal_birthday_month__isnull=False,
    renewal_birthday_day__isnull=False,
    renewal_birthday_day__gte=1,
) & (
    models.Q(renewal_birthday_month__in=[1, 3, 5, 7, 8, 10, 12], renewal_birthday_day__lte=31)
    | models.Q(renewal_birthday_month__in=[4, 6, 9, 11], renewal_birthday_day__lte=30)
    | models.Q(renewal_birthday_month=2, renewal_birthday_day__lte=29)
)


class UserManager(BaseUserManager["User"]):
    """Users are identified by email; there is no username."""

    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields) -> "User":
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields) -> "User":
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields) -> "User":
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not (extra_fields["is_staff"] and extra_fields["is_superuser"]):
            raise ValueError("A superuser must have is_staff=True and is_superuser=True.")
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person using Peerpath. What they may do comes from their organisation memberships."""

    # The stubs type AbstractUser.username as a column; Django removes a field set to None.
    username = None  # type: ignore[assignment]
    email = models.EmailField("email address", unique=True)
    first_name = models.CharField("first name", max_length=150)
    last_name = models.CharField("last name", max_length=150)
    # The name printed on certificates when it is not simply first + last name: a legal name,
    # a middle name, accents the sign-up form lost. Blank: the full name is printed.
    certificate_name = models.CharField(
        "name on certificates", max_length=CERTIFICATE_NAME_MAX_LENGTH, blank=True
    )

    # Who a credential is about, in the signed file (credentialSubject.id and the JWT's
    # ``sub``): random, so it says nothing about the person, and never changes, so every
    # credential of one holder names the same subject.
    subject_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    # The month and day a board's renewal cycle may end on (Washington's Certified Peer
    # Specialist): never the year, which the rules do not need and which would say more about
    # a person in recovery than they chose to share. Both or neither; only its holder sees it.
    renewal_birthday_month = models.PositiveSmallIntegerField(null=True, blank=True)
    renewal_birthday_day = models.PositiveSmallIntegerField(null=True, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    # The stubs expect django's username-based UserManager here; ours is keyed by email.
    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    class Meta:
        ordering = ["last_name", "first_name"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
            length_at_most(
                "certificate_name",
                CERTIFICATE_NAME_MAX_LENGTH,
                name="accounts_user_certificate_name_length",
            ),
            models.CheckConstraint(
                condition=_VALID_MONTH_DAY
                | models.Q(renewal_birthday_month__isnull=True, renewal_birthday_day__isnull=True),
                name="accounts_user_renewal_birthday_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def name_for_certificate(self) -> str:
        """The holder's name as a certificate issued now prints it."""
        return self.certificate_name or self.get_full_name()

    @property
    def renewal_birthday(self) -> datetime.date | None:
        """The birthday as the renewal engine takes it: a date whose year means nothing.

        2000 is a leap year, so February 29 exists; the engine reads only the month and day
        and moves a February 29 to the 28th in other years.
        """
        if self.renewal_birthday_month is None or self.renewal_birthday_day is None:
            return None
        return datetime.date(2000, self.renewal_birthday_month, self.renewal_birthday_day)


class MfaReset(models.Model):
    """A member of staff removed someone's second factor, and why: kept, never edited.

    Written only by ``accounts.services.mfa_reset`` (``manage.py reset_mfa``), the one way
    to reset another person's two-factor authentication; the admin shows these read-only.
    """

    REASON_MAX_LENGTH = MFA_RESET_REASON_MAX_LENGTH

    user = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="mfa_resets"
    )
    reset_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Kept as typed at the time: the accounts may change their address or be erased later.
    reset_by_email = models.EmailField()
    reason = models.TextField(max_length=REASON_MAX_LENGTH)
    authenticators_removed = models.PositiveSmallIntegerField()
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = "two-factor reset"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(reason=""), name="accounts_mfareset_reason_given"
            ),
            length_at_most(
                "reason", MFA_RESET_REASON_MAX_LENGTH, name="accounts_mfareset_reason_length"
            ),
        ]

    def __str__(self) -> str:
        return f"Two-factor reset of user {self.user_id} at {self.at:%Y-%m-%d %H:%M}"
