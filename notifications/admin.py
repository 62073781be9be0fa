from django.contrib import admin

from .models import Email, TaskCall


class ReadOnlyAdmin(admin.ModelAdmin):
    """What the outbox holds, to see what is stuck and why; changed only by the outbox."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Email)
class EmailAdmin(ReadOnlyAdmin):
    # No bodies: they carry confirmation and password-reset links.
    fields = ["to", "subject", "status", "attempts", "last_error", "created_at", "sent_at"]
    list_display = ["subject", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]
    date_hierarchy = "created_at"


@admin.register(TaskCall)
class TaskCallAdmin(ReadOnlyAdmin):
    fields = ["task", "kwargs", "attempts", "created_at", "due_at", "done_at", "last_error"]
    list_display = ["task", "kwargs", "attempts", "created_at", "due_at", "done_at"]
    list_filter = ["task", ("done_at", admin.EmptyFieldListFilter)]
    date_hierarchy = "created_at"
