from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import EthicsCode


class EthicsCodeViewSet(SnippetViewSet):
    """Each version is its own row: publish a new version rather than editing a signed one."""

    model = EthicsCode
    icon = "doc-full"
    menu_label = "Codes of ethics"
    menu_order = 230
    add_to_admin_menu = True
    list_display = ["title", "version", "profile", "published_at"]
    list_filter = ["profile"]


register_snippet(EthicsCodeViewSet)
