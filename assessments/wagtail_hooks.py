from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Question, QuestionCategory


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    list_display = ["text", "kind", "category"]
    list_filter = ["kind", "category"]
    search_fields = ["text", "vignette"]


class QuestionCategoryViewSet(SnippetViewSet):
    model = QuestionCategory
    icon = "folder"
    list_display = ["name"]
    search_fields = ["name"]


class QuestionBankGroup(SnippetViewSetGroup):
    menu_label = "Question bank"
    menu_icon = "help"
    menu_order = 210
    items = (QuestionViewSet, QuestionCategoryViewSet)


register_snippet(QuestionBankGroup)
