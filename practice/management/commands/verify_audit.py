from django.core.management.base import BaseCommand, CommandError

from practice.audit import audit_verify


class Command(BaseCommand):
    help = "Check the practice-log audit trail: every hash and every link in the chain."

    def handle(self, *args, **options):
        report = audit_verify()
        if report.broken_at is not None:
            raise CommandError(
                f"Audit trail broken at event {report.broken_at}: it {report.problem}. "
                f"{report.checked} events before it are intact."
            )
        self.stdout.write(self.style.SUCCESS(f"Audit trail intact: {report.checked} events."))
