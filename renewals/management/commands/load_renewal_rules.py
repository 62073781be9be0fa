from django.core.management.base import BaseCommand

from renewals.loader import load_rule_sets


class Command(BaseCommand):
    help = "Add the seeded boards' renewal rule sets (renewals/data/*.yaml) that are missing."

    def handle(self, *args, **options) -> None:
        added = load_rule_sets()
        self.stdout.write(f"Renewal rules: {added} version(s) added.")
