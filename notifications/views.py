"""The bell: a signed-in user's in-app notifications (one per email Peerpath sent them)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from .models import Notification
from .selectors import notifications_recent, notifications_unread_count
from .services import notifications_mark_read


@login_required
@require_safe
def notification_list(request):
    return render(
        request,
        "notifications/list.html",
        {"notifications": notifications_recent(user=request.user)},
    )


@never_cache
@login_required
@require_safe
def unread_count(request):
    """The count the header's bell shows (static/js/notifications.js asks for it)."""
    return JsonResponse({"unread": notifications_unread_count(user=request.user)})


@login_required
@require_POST
def notification_open(request, notification_id: int):
    """Mark one of the user's notices read and go to the page it is about."""
    notice = get_object_or_404(Notification, pk=notification_id, user=request.user)
    notifications_mark_read(user=request.user, notification_ids=[notice.pk])
    return redirect(notice.link_path)


@login_required
@require_POST
def mark_all_read(request):
    count = notifications_mark_read(user=request.user)
    messages.success(
        request,
        f"Marked {count} notification{'' if count == 1 else 's'} as read."
        if count
        else "You had no unread notifications.",
    )
    return redirect("notifications:list")
