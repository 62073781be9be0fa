from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from organisations.snippets import ProviderScopedSnippetViewSet
from organisations.tenancy import ProviderOwnedPermissionPolicy

from .admin_guard import foreign_provider_paths
from .models import Cohort, CompetencyDomain, RequirementProfile

# Before any view asks: a fallback policy, once made, cannot be replaced.
register_permission_policy(Cohort, ProviderOwnedPermissionPolicy(Cohort))
register_permission_policy(RequirementProfile, ProviderOwnedPermissionPolicy(RequirementProfile))


class CompetencyDomainViewSet(SnippetViewSet):
    """One taxonomy for every provider: coordinators choose domains, administrators edit them."""

    model = CompetencyDomain
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class RequirementProfileViewSet(ProviderScopedSnippetViewSet):
    """A provider's own profiles; shared ones are offered in choosers, edited by administrators."""

    model = RequirementProfile
    icon = "list-ul"
    list_display = ["name", "credential_validity_months"]
    search_fields = ["name"]


class CohortViewSet(ProviderScopedSnippetViewSet):
    """The cohorts, with their invitation codes, of the coordinator's own programmes."""

    model = Cohort
    icon = "group"
    list_display = ["name", "programme", "invitation_code", "starts_on"]
    list_filter = ["programme"]
    search_fields = ["name", "invitation_code"]


class CurriculumGroup(SnippetViewSetGroup):
    menu_label = "Curriculum"
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (RequirementProfileViewSet, CompetencyDomainViewSet, CohortViewSet)


register_snippet(CurriculumGroup)


@hooks.register("construct_page_chooser_queryset")
def _hide_other_providers_pages(pages, request):
    """The page chooser lists every page to link to; not other providers' drafts and titles."""
    if request.user.is_superuser:
        return pages
    for path in foreign_provider_paths(request.user):
        pages = pages.exclude(path__startswith=path)
    return pages


@hooks.register("construct_reports_menu")
def _page_types_report_for_administrators(request, menu_items):
    """It names the last edited page of each type across providers (see admin_guard)."""
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]
