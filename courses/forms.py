from django import forms

from .models import Reflection


class EnrolForm(forms.Form):
    invitation_code = forms.CharField(
        label="Invitation code", max_length=16, required=False, strip=True
    )


class ReflectionForm(forms.Form):
    text = forms.CharField(
        label="Your reflection",
        max_length=Reflection.TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": "Write your reflection before saving it.",
            "max_length": f"Reflections can be up to {Reflection.TEXT_MAX_LENGTH} characters.",
        },
    )


class LessonSearchForm(forms.Form):
    """The lesson search box, bounded so the search backend never sees an essay."""

    QUERY_MAX_LENGTH = 200

    q = forms.CharField(
        required=False,
        max_length=QUERY_MAX_LENGTH,
        error_messages={"max_length": f"Search for at most {QUERY_MAX_LENGTH} characters."},
    )


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
