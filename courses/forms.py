from django import forms
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from organisations.tenancy import ProviderScopedFormMixin


class ProgrammePageForm(ProviderScopedFormMixin, WagtailAdminPageForm):
    """A programme's admin form: its requirement profile is one of the provider's or shared.

    The organisation is not a field: it follows the provider page (``ProgrammePage.save``).
    """


class ProviderScopedModelForm(ProviderScopedFormMixin, WagtailAdminModelForm):
    """Snippet form of tenant data: choice fields offer only the editor's providers' rows."""


class EnrolForm(forms.Form):
    invitation_code = forms.CharField(
        label="Invitation code", max_length=16, required=False, strip=True
    )


class ReflectionForm(forms.Form):
    text = forms.CharField(label="Your reflection", widget=forms.Textarea(attrs={"rows": 6}))


class CoordinatorEnrolForm(forms.Form):
    email = forms.EmailField(label="Trainee's email address")


class CohortFilterForm(forms.Form):
    stalled_days = forms.IntegerField(
        label="Stalled after (days without activity)",
        min_value=1,
        max_value=365,
        initial=14,
        required=False,
    )
