"""Clinics' rosters, API keys and the checks made, for support staff.

Read-only: rosters and keys are the clinics' own, managed (and keys revoked, with a
confirmation) on their pages; checks are a record the holder sees.
"""

from django.contrib import admin

from core.admin import EvidenceAdmin, EvidenceInline

from .models import ApiKey, RosterAlert, RosterEntry, VerificationEvent


class RosterAlertInline(EvidenceInline):
    model = RosterAlert
    fields = ["kind", "reference", "sent_at"]
    verbose_name_plural = "alerts sent"


@admin.register(RosterEntry)
class RosterEntryAdmin(EvidenceAdmin):
    list_display = ["credential", "holder", "credential_status", "organisation", "added_at"]
    list_filter = ["organisation", "credential__status", "added_at"]
    list_select_related = ["credential__holder", "organisation"]
    search_fields = ["credential__number", "credential__holder__last_name", "organisation__name"]
    date_hierarchy = "added_at"
    fields = ["organisation", "credential", "holder", "credential_status", "added_by", "added_at"]
    inlines = [RosterAlertInline]

    @admin.display(description="Holder")
    def holder(self, entry: RosterEntry):
        return entry.credential.holder

    @admin.display(description="Status today")
    def credential_status(self, entry: RosterEntry) -> str:
        return entry.credential.effective_status.capitalize()


@admin.register(ApiKey)
class ApiKeyAdmin(EvidenceAdmin):
    """Only the key's first characters and its hash exist: the secret is never stored."""

    list_display = ["name", "hint", "organisation", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["organisation", ("revoked_at", admin.EmptyFieldListFilter)]
    list_select_related = ["organisation"]
    search_fields = ["name", "hint", "organisation__name"]
    fields = [
        "name",
        "organisation",
        "hint",
        "key_hash",
        "created_by",
        "created_at",
        "last_used_at",
        "revoked_at",
    ]


@admin.register(VerificationEvent)
class VerificationEventAdmin(EvidenceAdmin):
    list_display = ["at", "credential", "channel", "organisation"]
    list_filter = ["channel", "organisation", "at"]
    list_select_related = ["credential", "organisation"]
    search_fields = ["credential__number", "organisation__name"]
    date_hierarchy = "at"
    fields = ["at", "credential", "channel", "organisation"]
