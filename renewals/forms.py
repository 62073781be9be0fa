import calendar

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


# Any leap year: February has 29 days, so a leap-day birthday can be given.
_LEAP_YEAR = 2000
_DAY_RANGE = "Give the day as a number from 1 to 31."


class BirthdayForm(forms.Form):
    """The month and day a birthday-anchored renewal cycle ends on; both empty forgets it."""

    HELP = (
        "Some boards end every renewal cycle on your birthday (Washington's Certified Peer "
        "Specialist does), so Peerpath needs the month and day to tell you when your "
        "credential expires. We never ask for the year, and only you can see it."
    )

    month = forms.TypedChoiceField(
        label="Month",
        choices=[("", "Choose a month")]
        + [(str(number), calendar.month_name[number]) for number in range(1, 13)],
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": "Choose a month from the list."},
    )
    day = forms.IntegerField(
        label="Day",
        required=False,
        min_value=1,
        max_value=31,
        error_messages={"invalid": _DAY_RANGE, "min_value": _DAY_RANGE, "max_value": _DAY_RANGE},
    )

    def clean(self):
        data = super().clean()
        month, day = data.get("month"), data.get("day")
        if self.errors:
            return data
        if (month is None) != (day is None):
            raise forms.ValidationError(
                "Give both the month and the day, or leave both empty to remove your birthday."
            )
        if month is not None and day is not None:
            last = calendar.monthrange(_LEAP_YEAR, month)[1]
            if day > last:
                self.add_error("day", f"{calendar.month_name[month]} has only {last} days.")
        return data
