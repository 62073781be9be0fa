from django.core.management.base import BaseCommand, CommandError

from practice.audit import ChainBroken, audit_checkpoint_sign


class Command(BaseCommand):
    help = (
        "Sign a checkpoint of the audit chain's head now (Celery beat does it every hour). "
        "Refuses if the chain since the last checkpoint does not verify."
    )

    def handle(self, *args, **options):
        try:
            signed = audit_checkpoint_sign()
        except ChainBroken as error:
            raise CommandError(str(error)) from error
        if not signed:
            self.stdout.write("No new events since the last checkpoint: nothing to sign.")
            return
        head = signed[-1]
        self.stdout.write(
            self.style.SUCCESS(
                f"Signed {len(signed)} checkpoint(s); head event {head.head_event_id}, "
                f"{head.event_count} events, hash {head.head_hash[:16]}…"
            )
        )
