"""Credentials for support staff: what was issued, to whom, and every change of status.

Read-only: suspending, reinstating and revoking go through ``/credentials/manage/``
(``certificates.services``), which records the event and tells the holder and clinics.
"""

from django.contrib import admin

from core.admin import EvidenceAdmin, EvidenceInline

from .models import Credential, CredentialEvent


class CredentialEventInline(EvidenceInline):
    """The status history, whatever fields an event carries."""

    model = CredentialEvent
    ordering = ["at"]
    verbose_name = "status change"
    verbose_name_plural = "status history"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


@admin.register(Credential)
class CredentialAdmin(EvidenceAdmin):
    list_display = ["number", "holder", "effective_status", "expires_on", "issuer"]
    list_filter = ["status", "issuer", "issued_on", "expires_on"]
    list_select_related = ["holder", "programme", "issuer"]
    search_fields = ["number", "holder__email", "holder__last_name"]
    date_hierarchy = "issued_on"
    inlines = [CredentialEventInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "number",
                    "holder",
                    "programme",
                    "enrollment",
                    "issuer",
                    "status",
                    "effective_status",
                    "status_reason",
                    "issued_on",
                    "expires_on",
                ]
            },
        ),
        (
            "Record",
            {
                "classes": ["collapse"],
                "fields": ["achievement", "status_index", "pdf", "pdf_rendered_at", "created_at"],
            },
        ),
    ]

    @admin.display(description="Status today")
    def effective_status(self, credential: Credential) -> str:
        return credential.effective_status.capitalize()
