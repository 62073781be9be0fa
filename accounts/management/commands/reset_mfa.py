from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from accounts.services import MfaResetRefused, mfa_reset


class Command(BaseCommand):
    help = (
        "Reset a user's two-factor authentication (they lost their authenticator app): "
        "delete their authenticators, record who did it and why, and email them. "
        "See the README, 'Support: resetting a user's two-factor'."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="The email address of the account to reset.")
        parser.add_argument(
            "--reason",
            required=True,
            help="Why, and how you checked it was them (kept in the audit record).",
        )
        parser.add_argument(
            "--by", required=True, dest="by", help="Your own (staff) email address."
        )

    def handle(self, *args, email: str, reason: str, by: str, **options):
        user = _user(email, "No account uses the email address")
        reset_by = _user(by, "No account uses the staff email address")
        try:
            reset = mfa_reset(user=user, reset_by=reset_by, reason=reason)
        except MfaResetRefused as error:
            raise CommandError(f"Refused, nothing changed: {error}") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Reset two-factor for {user.email}: {reset.authenticators_removed} "
                f"authenticator(s) removed, audit record {reset.pk}, email queued."
            )
        )


def _user(email: str, missing: str) -> User:
    user = User.objects.filter(email__iexact=email.strip()).first()
    if user is None:
        raise CommandError(f"{missing} {email}. Nothing changed.")
    return user
