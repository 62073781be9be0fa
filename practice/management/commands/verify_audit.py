from django.core.management.base import BaseCommand, CommandError

from practice.audit import audit_verify


class Command(BaseCommand):
    help = (
        "Check the practice-log audit trail: every signed checkpoint, then every hash and "
        "link in the chain; reports the first bad event and whether it was altered, "
        "rewritten and rehashed, deleted, inserted or truncated away."
    )

    def handle(self, *args, **options):
        report = audit_verify()
        if report.broken_at is not None:
            raise CommandError(
                f"Audit trail broken at event {report.broken_at} ({report.kind}): it "
                f"{report.problem}. {report.checked} events before it are intact."
            )
        anchored = (
            f"anchored by {report.checkpoints} signed checkpoints"
            if report.checkpoints
            else "no signed checkpoint yet: run `manage.py sign_audit_checkpoint`"
        )
        self.stdout.write(
            self.style.SUCCESS(f"Audit trail intact: {report.checked} events, {anchored}.")
        )
