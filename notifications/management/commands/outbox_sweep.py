from django.core.management.base import BaseCommand
from django.db.models import Q

from notifications.models import Email, TaskCall
from notifications.services import outbox_sweep


class Command(BaseCommand):
    help = (
        "Dispatch again the outbox's calls (emails, certificate renders) not done when they "
        "fell due. Celery beat runs this every minute; run it by hand, or from cron, in "
        "inline mode (no CELERY_BROKER_URL), where there is no beat."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--all",
            action="store_true",
            dest="everything",
            help="Dispatch every pending call now, due or not (calls given up stay so).",
        )

    def handle(self, *args, everything: bool = False, **options):
        dispatched = outbox_sweep(everything=everything)
        pending = TaskCall.objects.filter(done_at__isnull=True)
        given_up = pending.filter(attempts__gte=TaskCall.MAX_ATTEMPTS).count()
        unsent = Email.objects.filter(~Q(status=Email.Status.SENT)).count()
        self.stdout.write(
            f"Dispatched {dispatched} call(s). Not done: {pending.count() - given_up} pending, "
            f"{given_up} given up. Emails not sent: {unsent}."
        )
