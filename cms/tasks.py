"""Periodic work that belongs to the CMS as a whole."""

import io
import logging

from celery import shared_task
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision

logger = logging.getLogger(__name__)


@shared_task(ignore_result=True)
def publish_scheduled() -> int:
    """Every minute: Wagtail's ``publish_scheduled``, so scheduled pages go live on time.

    A page published with a "go live" date in the future keeps an approved revision that
    waits for this; pages past their "expiry" date are unpublished. Without it a lesson
    scheduled for Monday never appears. Returns how many revisions were due.
    """
    due = Revision.objects.filter(approved_go_live_at__lt=timezone.now()).count()
    # The command writes a dry-run report only; its output is of no use in a worker's log.
    call_command("publish_scheduled", stdout=io.StringIO())
    if due:
        logger.info("Scheduled publishing: %d revision(s) went live", due)
    return due
