"""Account changes: by the person themselves, or by staff on someone's behalf."""

import logging

from allauth.mfa.models import Authenticator
from django.db import transaction
from django.urls import reverse

from notifications.services import email_send_template

from .models import MfaReset, User

# User ids and the reset's id only: addresses and reasons are about a person.
logger = logging.getLogger(__name__)


class MfaResetRefused(ValueError):
    """The reset was not done; the message says why. Nothing was changed."""


def mfa_reset(*, user: User, reset_by: User, reason: str) -> MfaReset:
    """Remove every authenticator of ``user`` (app, recovery codes, keys) and record why.

    The support procedure for someone who lost their authenticator app (README, "Support:
    resetting a user's two-factor"): the person is emailed that it happened, and at their
    next visit to anything that needs a second factor they are asked to set one up again.
    ``reset_by`` must be active staff and someone else: nobody resets their own.
    """
    reason = reason.strip()
    if not reason:
        raise MfaResetRefused("Give a reason for the reset: it is kept in the audit record.")
    if len(reason) > MfaReset.REASON_MAX_LENGTH:
        raise MfaResetRefused(f"Keep the reason to {MfaReset.REASON_MAX_LENGTH} characters.")
    if not (reset_by.is_active and (reset_by.is_staff or reset_by.is_superuser)):
        raise MfaResetRefused(f"{reset_by.email} is not active staff, so cannot reset two-factor.")
    if reset_by.pk == user.pk:
        raise MfaResetRefused("Nobody resets their own two-factor: ask another member of staff.")
    with transaction.atomic():
        authenticators = Authenticator.objects.select_for_update().filter(user=user)
        count = len(authenticators)
        if not count:
            raise MfaResetRefused(f"{user.email} has no two-factor authentication to reset.")
        Authenticator.objects.filter(pk__in=[a.pk for a in authenticators]).delete()
        reset = MfaReset.objects.create(
            user=user,
            reset_by=reset_by,
            reset_by_email=reset_by.email,
            reason=reason,
            authenticators_removed=count,
        )
        email_send_template(
            to=[user.email],
            template="accounts/mfa_reset",
            context={"user": user, "reset": reset},
            link_path=reverse("mfa_index"),
        )
    logger.info(
        "Two-factor reset of user %s by user %s (reset %s, %d authenticator(s) removed)",
        user.pk,
        reset_by.pk,
        reset.pk,
        count,
    )
    return reset


def certificate_name_set(*, user: User, name: str) -> User:
    """Keep the name ``user``'s certificates will print (checked by ``CertificateNameForm``).

    The same as the account's full name is kept as blank, so the certificate follows the
    account's name. Certificates already issued keep the name they were issued with.
    """
    user.certificate_name = "" if name == " ".join(user.get_full_name().split()) else name
    user.save(update_fields=["certificate_name"])
    logger.info("User %s changed the name on their certificates", user.pk)
    return user
