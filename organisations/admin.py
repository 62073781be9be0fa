from django.contrib import admin
from django.contrib.auth import get_user_model

from .models import Membership, Organisation
from .services import user_groups_sync


class MembershipInline(admin.TabularInline):
    model = Membership
    autocomplete_fields = ["user"]
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "created_at"]
    list_filter = ["kind"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]

    def save_formset(self, request, form, formset, change):
        """Memberships edited here bypass ``membership_grant``: keep the groups in step too."""
        organisation = form.instance
        before = (
            set(organisation.memberships.values_list("user_id", flat=True)) if change else set()
        )
        super().save_formset(request, form, formset, change)
        after = set(organisation.memberships.values_list("user_id", flat=True))
        for user in get_user_model().objects.filter(pk__in=before | after):
            user_groups_sync(user=user)
