# Registered first (this app comes before allauth's in INSTALLED_APPS), to be replaced below.
import allauth.mfa.admin  # noqa: F401
from allauth.mfa.models import Authenticator
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from core.admin import EvidenceAdmin

from .models import MfaReset, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_staff", "is_active"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Name", {"fields": ["first_name", "last_name", "certificate_name"]}),
        (
            "Permissions",
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["email", "first_name", "last_name", "password1", "password2"],
            },
        )
    ]


# allauth's own admin lets a superuser delete anyone's authenticator, unrecorded, and shows
# its data (the TOTP secret). Resetting someone's two-factor goes through
# ``manage.py reset_mfa`` instead, which records who, whom and why, and tells the person.
admin.site.unregister(Authenticator)


@admin.register(Authenticator)
class AuthenticatorAdmin(EvidenceAdmin):
    list_display = ["user", "type", "created_at", "last_used_at"]
    list_filter = ["type", "created_at", "last_used_at"]
    list_select_related = ["user"]
    search_fields = ["user__email"]
    fields = ["user", "type", "created_at", "last_used_at"]  # never ``data``: the secret


@admin.register(MfaReset)
class MfaResetAdmin(EvidenceAdmin):
    list_display = ["at", "user", "reset_by_email", "authenticators_removed"]
    list_select_related = ["user"]
    search_fields = ["user__email", "reset_by_email"]
    date_hierarchy = "at"
    fields = ["at", "user", "reset_by", "reset_by_email", "reason", "authenticators_removed"]
