"""Admin forms the page models name as their ``base_form_class``.

Kept apart from ``forms.py``, whose site forms import the models: the models import these.
"""

from wagtail.admin.forms import WagtailAdminPageForm

from courses.reading_time import lesson_minutes
from organisations.tenancy import ProviderScopedFormMixin


class ProgrammePageForm(ProviderScopedFormMixin, WagtailAdminPageForm):
    """A programme's admin form: its requirement profile is one of the provider's or shared.

    The organisation is not a field: it follows the provider page (``ProgrammePage.save``).
    """


class LessonPageForm(WagtailAdminPageForm):
    """A lesson's admin form: a split of its minutes among domains must add up.

    The minutes are computed from the body as submitted (``courses.reading_time``), so the
    author learns at once what the lesson now comes to. No split, or one domain, needs no
    sums: the lesson's save gives that domain every minute.
    """

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("domain_minutes")
        body = cleaned.get("body")
        if formset is None or body is None or not formset.is_valid():
            return cleaned
        rows = [
            form.cleaned_data
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        domains = [row["domain"].pk for row in rows if row.get("domain")]
        if len(domains) != len(set(domains)):
            self.add_error(None, "Name each competency domain once in the split of minutes.")
        if len(rows) < 2:
            return cleaned
        minutes = lesson_minutes(body)
        given = sum(row.get("minutes") or 0 for row in rows)
        if given != minutes:
            self.add_error(
                None,
                f"This lesson comes to {minutes} minutes from its content, but its minutes by "
                f"competency domain add up to {given}. Make them add up to {minutes}, or "
                "leave one domain to count every minute there.",
            )
        return cleaned
