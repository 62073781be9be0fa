"""Snippet views that keep each training provider's rows to itself (see ``tenancy``)."""

from functools import wraps

from django.contrib.admin.utils import unquote
from django.db.models import QuerySet
from django.http import Http404
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from .tenancy import choosable_rows, is_provider_owned, owned_rows


class ProviderScopedFilterSet(WagtailFilterSet):
    """Listing filters offer only the user's providers' rows (and shared ones) as choices.

    A filter by programme or category would otherwise list every provider's titles.
    """

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if request is None:
            return
        for listing_filter in self.filters.values():
            queryset = getattr(listing_filter, "queryset", None)
            if isinstance(queryset, QuerySet) and is_provider_owned(queryset.model):
                listing_filter.queryset = choosable_rows(queryset, request.user)


class ProviderScopedIndexView(IndexView):
    base_filterset_class = ProviderScopedFilterSet


def _guard_pk_view(view, model):
    """Wrap a view taking ``pk``: a row of another provider is a 404, whatever the view."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        pk = kwargs.get("pk", args[0] if args else None)
        if (
            pk is not None
            and not owned_rows(model._default_manager.all(), request.user)
            .filter(pk=unquote(str(pk)))
            .exists()
        ):
            raise Http404(f"No {model._meta.verbose_name} of yours has this id.")
        return view(request, *args, **kwargs)

    return guarded


class _ScopedChooseMixin:
    def get_object_list(self):
        return choosable_rows(super().get_object_list(), self.request.user)


class ScopedChooseView(_ScopedChooseMixin, snippet_chooser.ChooseView):
    pass


class ScopedChooseResultsView(_ScopedChooseMixin, snippet_chooser.ChooseResultsView):
    pass


class _ScopedChosenView(snippet_chooser.SnippetChosenView):
    def get_object(self, pk):
        return choosable_rows(self.model_class.objects.all(), self.request.user).get(pk=pk)


class _ScopedChosenMultipleView(snippet_chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return choosable_rows(self.model_class.objects.filter(pk__in=pks), self.request.user)


class ProviderScopedChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView
    chosen_view_class = _ScopedChosenView
    chosen_multiple_view_class = _ScopedChosenMultipleView


class ProviderScopedSnippetViewSet(SnippetViewSet):
    """A snippet viewset whose every view sees only the user's providers' rows.

    The listing (and its results, search and any export) comes from ``get_queryset``;
    every URL that names a row by ``pk`` — edit, delete, history, usage, revisions,
    preview, lock, workflow, copy, inspect, and any Wagtail adds later — goes through
    ``_guard_pk_view`` first; the chooser offers own and shared rows; forms narrow their
    choice fields (``ProviderScopedFormMixin``). Register the model's
    ``ProviderOwnedPermissionPolicy`` as well, so buttons and per-row checks agree.
    """

    chooser_viewset_class = ProviderScopedChooserViewSet
    index_view_class = ProviderScopedIndexView

    def get_queryset(self, request):
        return owned_rows(self.model._default_manager.all(), request.user)

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            if "pk" in pattern.pattern.regex.groupindex:
                pattern.callback = _guard_pk_view(pattern.callback, self.model)
        return patterns
