"""Shared pieces for the Django admin's read-mostly views for support staff.

``core`` imports no app, so these work on any model: each app's ``admin.py`` uses them.
"""

from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets


class EvidenceAdminMixin:
    """Records kept as evidence: listed and opened, never added, edited or deleted here.

    Changes go through each app's services, which check, record and notify; the admin only
    shows what happened (and offers actions that call those services).
    """

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class EvidenceAdmin(EvidenceAdminMixin, admin.ModelAdmin):
    """A read-only ``ModelAdmin``: every field shown, none editable."""

    list_per_page = 50
    show_full_result_count = False  # one COUNT(*) less on big tables

    def get_readonly_fields(self, request, obj=None):
        if self.fieldsets:
            return flatten_fieldsets(self.fieldsets)
        if self.fields:
            return list(self.fields)
        return [field.name for field in self.model._meta.concrete_fields if not field.primary_key]


class EvidenceInline(EvidenceAdminMixin, admin.TabularInline):
    """A read-only inline showing every field the model has (bar its key and parent)."""

    extra = 0
    can_delete = False
    show_change_link = False

    def get_fields(self, request, obj=None):
        if self.fields:
            return list(self.fields)
        parent = self.fk_name
        return [
            field.name
            for field in self.model._meta.concrete_fields
            if not field.primary_key
            and not (field.is_relation and field.related_model is self.parent_model)
            and field.name != parent
        ]

    def get_readonly_fields(self, request, obj=None):
        return self.get_fields(request, obj)
