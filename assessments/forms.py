from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm


class QuestionAdminForm(WagtailAdminModelForm):
    """Checks the options as a whole: how many are correct, and how many there are."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("options")
        if formset is None or not formset.is_valid():
            return cleaned
        options = [
            form.instance
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        try:
            self.instance.kind = cleaned.get("kind", self.instance.kind)
            self.instance.validate_options(options)
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned
