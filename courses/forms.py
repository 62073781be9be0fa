from django import forms


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
