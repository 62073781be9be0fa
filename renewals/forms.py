from django import forms

from . import engine
from .models import CEActivity


class ActivityForm(forms.Form):
    """An activity earned outside Peerpath; the service checks everything that matters."""

    title = forms.CharField(max_length=200)
    provider = forms.CharField(max_length=200)
    started_on = forms.DateField(
        label="Started on", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    completed_on = forms.DateField(
        label="Completed on", widget=forms.DateInput(attrs={"type": "date"})
    )
    hours = forms.CharField(max_length=10, help_text="Contact hours, as on the certificate.")
    format = forms.ChoiceField(choices=CEActivity.Format.choices)
    kind = forms.ChoiceField(choices=CEActivity.Kind.choices, initial=CEActivity.Kind.COURSE)
    units = forms.CharField(
        label="College credits (college courses only)", required=False, max_length=6
    )
    categories = forms.MultipleChoiceField(
        required=False, widget=forms.CheckboxSelectMultiple, choices=[]
    )
    evidence = forms.FileField(
        label="Certificate of attendance (PDF or photo, up to 10 MB)", required=False
    )

    def __init__(self, *args, rules: engine.Rules | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = []
        if rules is not None:
            choices = [(c.key, c.label) for c in rules.categories] + [
                (r.category, r.label) for r in rules.recency
            ]
        field = self.fields["categories"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = choices

    def data_for_service(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("evidence", None)
        return data


class ApplyForm(forms.Form):
    signed_name = forms.CharField(label="Type your full name to sign", required=False)

    def __init__(self, *args, rules: engine.Rules, **kwargs):
        super().__init__(*args, **kwargs)
        for attestation in rules.attestations:
            name = f"attest_{attestation.key}"
            if attestation.kind == "date":
                self.fields[name] = forms.DateField(
                    label=attestation.label,
                    required=False,
                    widget=forms.DateInput(attrs={"type": "date"}),
                )
            else:
                self.fields[name] = forms.BooleanField(label=attestation.label, required=False)
        self.rules = rules

    def attestations(self) -> dict:
        return {a.key: self.cleaned_data.get(f"attest_{a.key}") for a in self.rules.attestations}


class ReturnForm(forms.Form):
    reason = forms.CharField(
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say what the holder needs to fix: they are told it."},
    )
