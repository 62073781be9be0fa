"""Reading a user's in-app notifications."""

from django.db.models import QuerySet

from .models import Notification

# The list shows this many, newest first; older ones stay in the emails.
RECENT = 50


def notifications_unread_count(*, user) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def notifications_recent(*, user) -> QuerySet[Notification]:
    return Notification.objects.filter(user=user)[:RECENT]
