"""The outbox for support staff: what is stuck and why, and a way to try again.

Rows change only through the outbox's services; the actions here call them, so a message
sent again goes through the same queue, retries and logging as the first time.
"""

from django.contrib import admin, messages
from django.db import transaction

from core.admin import EvidenceAdmin

from .models import Email, TaskCall
from .services import email_resend, task_call_retry


@admin.register(Email)
class EmailAdmin(EvidenceAdmin):
    # No bodies: they carry confirmation and password-reset links.
    fields = ["to", "subject", "status", "attempts", "last_error", "created_at", "sent_at"]
    list_display = ["subject", "recipients", "status", "attempts", "created_at"]
    list_filter = ["status", "created_at"]
    search_fields = ["subject", "to"]
    date_hierarchy = "created_at"
    actions = ["resend"]

    @admin.display(description="To")
    def recipients(self, email: Email) -> str:
        return ", ".join(email.to)

    @admin.action(
        description="Send the selected emails again (a sent one is sent as a new copy)",
        permissions=["resend"],
    )
    def resend(self, request, queryset):
        with transaction.atomic():
            again = [email_resend(email=email) for email in queryset.order_by("pk")]
        self.message_user(
            request, f"Queued {len(again)} email(s) to be sent again.", messages.SUCCESS
        )

    def has_resend_permission(self, request) -> bool:
        return request.user.has_perm("notifications.change_email")


@admin.register(TaskCall)
class TaskCallAdmin(EvidenceAdmin):
    fields = [
        "task",
        "kwargs",
        "status",
        "attempts",
        "created_at",
        "due_at",
        "done_at",
        "last_error",
    ]
    list_display = ["task", "kwargs", "status", "attempts", "due_at"]
    list_filter = ["task", ("done_at", admin.EmptyFieldListFilter), "created_at"]
    search_fields = ["task"]
    date_hierarchy = "created_at"
    actions = ["retry"]

    @admin.action(
        description="Retry the selected calls now (those not done yet)", permissions=["retry"]
    )
    def retry(self, request, queryset):
        with transaction.atomic():
            retried = sum(task_call_retry(call=call) for call in queryset.order_by("pk"))
        skipped = queryset.count() - retried
        self.message_user(
            request,
            f"Dispatched {retried} call(s) again"
            + (f"; {skipped} already done, left alone." if skipped else "."),
            messages.SUCCESS,
        )

    def has_retry_permission(self, request) -> bool:
        return request.user.has_perm("notifications.change_taskcall")
