"""Keep each provider's pages out of other providers' reach in the Wagtail admin.

Page permissions already stop Y's authors from changing X's pages, and Wagtail's explorer,
search and admin API list only pages a user may explore. A few admin views, though, show a
page before checking anything (the move confirmation shows the page and destination, the
page chooser shows the parent it lists, the workflow cancellation modal names the task),
and Wagtail does not tie a workflow action's task state to the page in its URL. So every
admin URL that names a page is checked here first, in one place, for views Wagtail has
today and ones it adds later: a page under another provider's page is a 404. The page
types report, which lists the last edited page of each type site-wide, is for
superusers. An approval sent by the page's own submitter is turned back here with the
reason (two-person review, ``models.review``).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.models import Page, TaskState

from organisations.tenancy import authored_organisation_ids

from .models import ProviderPage
from .models.review import SELF_APPROVAL_REFUSED, submitter_id_of

# Reports that show every provider's pages whatever the reader's permissions: the page types
# report names the last edited page of each type. Site administrators only.
SUPERUSER_ONLY = frozenset(
    {"wagtailadmin_reports:page_types_usage", "wagtailadmin_reports:page_types_usage_results"}
)
# URL arguments that always name a page, and namespaces where ``pk`` does too.
PAGE_ARGUMENTS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk")
PAGE_PK_NAMESPACES = ("wagtailadmin_pages", "wagtailadmin_api:pages")


def foreign_provider_paths(user) -> list[str]:
    """Tree paths of the provider pages whose subtrees ``user`` may not see in the admin."""
    return list(
        ProviderPage.objects.exclude(organisation__in=authored_organisation_ids(user))
        .order_by()
        .values_list("path", flat=True)
    )


def _page_ids(match) -> set[int]:
    ids = {match.kwargs[name] for name in PAGE_ARGUMENTS if name in match.kwargs}
    if "pk" in match.kwargs and match.namespace in PAGE_PK_NAMESPACES:
        ids.add(match.kwargs["pk"])
    return {int(value) for value in ids if str(value).isdecimal()}


class ProviderPagesAdminGuard:
    """Middleware: a non-superuser naming another provider's page in an admin URL gets 404."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = None

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if self.admin_prefix is None:
            self.admin_prefix = reverse("wagtailadmin_home")
        user = getattr(request, "user", None)
        if (
            not request.path.startswith(self.admin_prefix)
            or user is None
            or not user.is_authenticated
            or user.is_superuser
        ):
            return None
        match = request.resolver_match
        if match.view_name in SUPERUSER_ONLY:
            raise PermissionDenied("This report is for site administrators.")
        page_ids = _page_ids(match)
        if not page_ids:
            return None
        if "task_state_id" in match.kwargs and "page_id" in match.kwargs:
            task_state = TaskState.objects.filter(pk=match.kwargs["task_state_id"]).first()
            if task_state is None or task_state.workflow_state.object_id != str(
                match.kwargs["page_id"]
            ):
                raise Http404("This task is not about this page.")
            if match.kwargs.get("action_name") == "approve" and (
                submitter_id_of(task_state) == user.pk
            ):
                # ProgrammeReviewTask offers the submitter no approval and refuses one sent
                # anyway; this says why, instead of Wagtail's bare "permission denied".
                messages.error(request, SELF_APPROVAL_REFUSED)
                return redirect("wagtailadmin_pages:edit", match.kwargs["page_id"])
        foreign = foreign_provider_paths(user)
        if not foreign:
            return None
        paths = Page.objects.filter(pk__in=page_ids).values_list("path", flat=True)
        if any(path.startswith(provider) for path in paths for provider in foreign):
            raise Http404("No page of yours has this id.")
        return None
