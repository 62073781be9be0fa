"""Render certificate PDFs again, in the background: after the template or the site's
address changed, every PDF on file is out of date, and re-rendering them one by one from
the coordinators' page is not an option."""

import datetime as dt
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from certificates.models import Credential
from certificates.numbers import normalise
from certificates.services import certificates_rerender_queue
from notifications.models import TaskCall

BATCH = 500  # credentials queued per transaction: progress shows, and no lock is held long
POLL_SECONDS = 2.0
STATUSES = [*Credential.Status.values, "expired"]


class Command(BaseCommand):
    help = (
        "Queue certificate PDFs to be rendered again by the workers (through the outbox): "
        "all of them, or those chosen with --number, --status and --issued-before. With "
        "--wait, follow the renders until every one is done."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--number",
            action="append",
            default=[],
            metavar="NUMBER",
            help="A credential number (repeat for several).",
        )
        parser.add_argument("--status", choices=STATUSES, help="Only credentials in this status.")
        parser.add_argument(
            "--issued-before",
            metavar="YYYY-MM-DD",
            help="Only credentials issued before this date.",
        )
        parser.add_argument(
            "--wait", action="store_true", help="Wait for the renders and print their progress."
        )
        parser.add_argument(
            "--timeout",
            type=float,
            default=3600.0,
            help="With --wait: give up waiting after this many seconds (default 3600).",
        )

    def handle(
        self,
        *args,
        number: list[str],
        status: str | None,
        issued_before: str | None,
        wait: bool,
        timeout: float,
        **options,
    ) -> None:
        credentials = self._selection(number, status, issued_before)
        ids = list(credentials.order_by("pk").values_list("pk", flat=True))
        total = len(ids)
        if not total:
            self.stdout.write("No credential matches: nothing to render.")
            return
        calls: list[int] = []
        for start in range(0, total, BATCH):
            calls += certificates_rerender_queue(credential_ids=ids[start : start + BATCH])
            self.stdout.write(f"Queued {len(calls)} of {total}")
        if wait:
            self._wait(calls, timeout)
        else:
            self.stdout.write(
                f"{total} certificate(s) queued; the workers render them in the background."
            )

    def _selection(self, numbers: list[str], status: str | None, issued_before: str | None):
        credentials = Credential.objects.all()
        if numbers:
            if bad := [n for n in numbers if normalise(n) is None]:
                raise CommandError(f"Not a credential number: {', '.join(bad)}. Nothing queued.")
            canonical = {n for n in map(normalise, numbers) if n is not None}
            found = set(credentials.filter(number__in=canonical).values_list("number", flat=True))
            if missing := canonical - found:
                raise CommandError(
                    f"No credential has the number {', '.join(sorted(missing))}. Nothing queued."
                )
            credentials = credentials.filter(number__in=canonical)
        today = timezone.localdate()
        if status == "expired":
            credentials = credentials.filter(status=Credential.Status.ACTIVE, expires_on__lt=today)
        elif status == Credential.Status.ACTIVE:
            credentials = credentials.filter(status=status, expires_on__gte=today)
        elif status:
            credentials = credentials.filter(status=status)
        if issued_before:
            try:
                before = dt.date.fromisoformat(issued_before)
            except ValueError as error:
                raise CommandError(
                    f"--issued-before {issued_before!r} is not a date (YYYY-MM-DD). Nothing queued."
                ) from error
            credentials = credentials.filter(issued_on__lt=before)
        return credentials

    def _wait(self, calls: list[int], timeout: float) -> None:
        total = len(calls)
        deadline = time.monotonic() + timeout
        reported = -1
        while True:
            done = TaskCall.objects.filter(pk__in=calls, done_at__isnull=False).count()
            if done != reported:
                self.stdout.write(f"Rendered {done} of {total}")
                reported = done
            if done == total:
                return
            if time.monotonic() >= deadline:
                raise CommandError(
                    f"Stopped waiting after {timeout:.0f} s: {done} of {total} rendered; the "
                    "rest stay queued and the workers carry on."
                )
            time.sleep(POLL_SECONDS)
