from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Cohort, CompetencyDomain, RequirementProfile


class CompetencyDomainViewSet(SnippetViewSet):
    model = CompetencyDomain
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class RequirementProfileViewSet(SnippetViewSet):
    model = RequirementProfile
    icon = "list-ul"
    list_display = ["name", "credential_validity_months", "renewal_ce_hours"]
    search_fields = ["name"]


class CohortViewSet(SnippetViewSet):
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
