from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from organisations.snippets import ProviderScopedSnippetViewSet
from organisations.tenancy import ProviderOwnedPermissionPolicy

from .admin_views import gift_upload
from .choosers import QuestionChooserViewSet
from .models import Question, QuestionCategory

# Before any view asks: a fallback policy, once made, cannot be replaced.
register_permission_policy(Question, ProviderOwnedPermissionPolicy(Question))
register_permission_policy(QuestionCategory, ProviderOwnedPermissionPolicy(QuestionCategory))


class QuestionViewSet(ProviderScopedSnippetViewSet):
    """The questions of the author's own providers' categories."""

    model = Question
    icon = "help"
    list_display = ["text", "kind", "category"]
    list_filter = ["kind", "category"]
    # Filter by category, kind and words; tick many at once for a quiz (choosers.py).
    chooser_viewset_class = QuestionChooserViewSet
    chooser_per_page = 50  # a whole quiz's worth on one page
    # No ``search_fields``: Question is indexed (its ``search_fields`` and autocomplete
    # fields), so the listing and chooser search Wagtail's database backend. Field names
    # given here are passed to the backend as ``fields=``, which SQLite's FTS5 backend turns
    # into FTS columns that do not exist ("no such column: text", a 500 on every search).


class QuestionCategoryViewSet(ProviderScopedSnippetViewSet):
    """The author's own providers' categories; shared ones are offered to quizzes."""

    model = QuestionCategory
    icon = "folder"
    list_display = ["name", "domain"]
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
