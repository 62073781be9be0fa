"""The question chooser: filter the bank by category, kind and words, and pick many at once.

Quizzes add their questions with a ``MultipleChooserPanel``: the chooser opens with
checkboxes, the author narrows the list (a category, a kind, words from the question or
its vignette), ticks the ones they want and confirms; each becomes a row of the quiz.
The chooser lists only the author's providers' questions and shared ones
(``organisations.snippets.ProviderScopedChooserViewSet``); its category filter offers the
same categories.
"""

from django import forms
from django.db.models import Q
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column

from organisations.snippets import (
    ProviderScopedChooserViewSet,
    ScopedChooseResultsView,
    ScopedChooseView,
)
from organisations.tenancy import choosable_rows

from .models import Question, QuestionCategory

# A filter select reloads the results as soon as it changes (Wagtail's chooser script).
_RELOADS = {"data-chooser-modal-search-filter": True}
MAX_SEARCH_TERMS = 10


class QuestionChooserFilterForm(BaseFilterForm):
    # "q" (id_q): the chooser script searches as the author types.
    q = forms.CharField(
        label="Words in the question",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"placeholder": "Search question text"}),
    )
    category = forms.ModelChoiceField(
        queryset=QuestionCategory.objects.none(),
        required=False,
        empty_label="All categories",
        widget=forms.Select(attrs=_RELOADS),
    )
    kind = forms.ChoiceField(
        choices=[("", "All kinds"), *Question.Kind.choices],
        required=False,
        widget=forms.Select(attrs=_RELOADS),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = choosable_rows(QuestionCategory.objects.all(), user)

    def filter(self, objects):
        objects = super().filter(objects)
        data = self.cleaned_data
        if data.get("category"):
            objects = objects.filter(category=data["category"])
        if data.get("kind"):
            objects = objects.filter(kind=data["kind"])
        # Every word must appear in the question or its vignette. The database, not the
        # search index: exact, the same on SQLite and PostgreSQL, and a provider's bank is
        # small enough.
        terms = (data.get("q") or "").split()[:MAX_SEARCH_TERMS]
        for term in terms:
            objects = objects.filter(Q(text__icontains=term) | Q(vignette__icontains=term))
        if terms or data.get("category") or data.get("kind"):
            self.is_searching = True
            self.search_query = data.get("q") or "these filters"
        return objects


class _QuestionChooseMixin:
    def get_object_list(self):
        return super().get_object_list().select_related("category")

    def get_filter_form(self):
        return QuestionChooserFilterForm(self.request.GET, user=self.request.user)

    @property
    def title_column(self):
        column = super().title_column
        column.label = "Question"
        return column

    @property
    def columns(self):
        return [
            *super().columns,
            Column("kind", label="Kind", accessor="get_kind_display", width="20%"),
            Column("category", label="Category", accessor="category", width="20%"),
        ]


class QuestionChooseView(_QuestionChooseMixin, ScopedChooseView):
    pass


class QuestionChooseResultsView(_QuestionChooseMixin, ScopedChooseResultsView):
    pass


class QuestionChooserViewSet(ProviderScopedChooserViewSet):
    choose_view_class = QuestionChooseView
    choose_results_view_class = QuestionChooseResultsView
