from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import PracticeCategory


class PracticeCategoryViewSet(SnippetViewSet):
    model = PracticeCategory
    icon = "time"
    menu_label = "Practice categories"
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "is_supervision"]
    search_fields = ["name"]


register_snippet(PracticeCategoryViewSet)
