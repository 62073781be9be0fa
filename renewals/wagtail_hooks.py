from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import CEOffering, RuleSet


class RuleSetViewSet(SnippetViewSet):
    """Staff edit a board's rules as dated versions; a new version never rewrites a cycle
    judged by an earlier one."""

    model = RuleSet
    icon = "list-ol"
    menu_label = "Renewal rules"
    list_display = ["board", "credential_name", "key"]
    search_fields = ["board", "credential_name", "key"]


class CEOfferingViewSet(SnippetViewSet):
    """Programmes and modules offered as continuing education, with their hours."""

    model = CEOffering
    icon = "date"
    menu_label = "CE offerings"
    list_display = ["page", "hours", "format"]


class RenewalsGroup(SnippetViewSetGroup):
    menu_label = "Renewals"
    menu_icon = "repeat"
    menu_order = 240
    items = (RuleSetViewSet, CEOfferingViewSet)


register_snippet(RenewalsGroup)
