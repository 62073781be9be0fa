from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from cms.erasure import ErasureRefused, user_erase


class Command(BaseCommand):
    help = (
        "Serve an erasure request: pseudonymise the person in the audit trail, delete their "
        "private data and their account (or anonymise it where kept records point to it). "
        "Refuses, changing nothing, while a board's retention rule keeps their practice "
        "records (PRACTICE_RECORD_RETENTION_DAYS)."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="The email address of the account to erase.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would happen; change nothing."
        )

    def handle(self, *args, email: str, dry_run: bool, **options):
        user = get_user_model().objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"No account uses the email address {email}. Nothing changed.")
        try:
            plan = user_erase(user=user, dry_run=dry_run)
        except ErasureRefused as error:
            raise CommandError(
                "Refused, nothing changed:\n- " + "\n- ".join(error.reasons)
            ) from error
        heading = "Would erase" if dry_run else "Erased"
        self.stdout.write(f"{heading} {email} as {plan.pseudonym}:")
        for step in plan.steps:
            self.stdout.write(f"- {step}")
        if dry_run:
            self.stdout.write("Dry run: nothing changed.")
        else:
            self.stdout.write(self.style.SUCCESS(f"Done: the account was {plan.account}."))
