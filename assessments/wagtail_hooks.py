from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import gift_upload
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


@hooks.register("register_admin_urls")
def gift_upload_url():
    return [path("gift-import/", gift_upload, name="assessments_gift_upload")]


class GiftImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("assessments.add_question")


@hooks.register("register_admin_menu_item")
def gift_upload_menu_item():
    return GiftImportMenuItem(
        "Import GIFT questions", reverse("assessments_gift_upload"), icon_name="upload", order=215
    )
