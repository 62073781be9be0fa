from decimal import Decimal, InvalidOperation

from django import forms
from django.contrib.auth import get_user_model

from core.params import positive_int
from courses.models import CompetencyDomain

from .models import REFLECTION_MAX_LENGTH, Decision, LogEntry, PracticeCategory


class EntryForm(forms.Form):
    # <input type="date"> accepts only ISO dates, whatever the site's locale.
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    hours = forms.DecimalField(
        label="Duration (hours)",
        max_digits=5,
        decimal_places=2,
        help_text="In quarter hours: 0.25, 0.5, 0.75, 1…",
        widget=forms.NumberInput(attrs={"step": "0.25", "min": "0.25", "max": "24"}),
    )
    category = forms.ModelChoiceField(queryset=PracticeCategory.objects.none(), empty_label=None)
    domain = forms.ModelChoiceField(
        label="Competency domain", queryset=CompetencyDomain.objects.all(), empty_label=None
    )
    setting = forms.ChoiceField(choices=LogEntry.Setting.choices)
    reflection = forms.CharField(
        label="Reflection (de-identified)",
        max_length=REFLECTION_MAX_LENGTH,
        help_text="What you did and what you learned. No names, dates of birth, contact "
        "details, addresses or case numbers of the people you supported.",
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = categories

    def clean_hours(self):
        hours = self.cleaned_data["hours"]
        try:
            minutes = hours * 60
        except InvalidOperation as error:  # pragma: no cover - DecimalField already parsed it
            raise forms.ValidationError("Enter a number of hours.") from error
        if minutes != minutes.to_integral_value():
            raise forms.ValidationError("Log time in quarter hours (0.25, 0.5, 0.75, 1…).")
        return hours

    def entry_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "date": data["date"],
            "minutes": int(data["hours"] * Decimal(60)),
            "category": data["category"],
            "domain": data["domain"],
            "setting": data["setting"],
            "reflection": data["reflection"],
        }

    @classmethod
    def initial_from(cls, entry: LogEntry) -> dict:
        return {
            "date": entry.date,
            "hours": entry.hours.quantize(Decimal("0.01")),
            "category": entry.category_id,
            "domain": entry.domain_id,
            "setting": entry.setting,
            "reflection": entry.reflection,
        }


class AssignmentForm(forms.Form):
    trainee = forms.ModelChoiceField(queryset=get_user_model().objects.none())
    supervisor = forms.ModelChoiceField(queryset=get_user_model().objects.none())

    def __init__(self, *args, trainees, supervisors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trainee"].queryset = trainees
        self.fields["supervisor"].queryset = supervisors


class DecisionForm(forms.Form):
    """A supervisor's decision on one entry: approve, or return with a comment."""

    decision = forms.ChoiceField(choices=[("approve", "Approve"), ("return", "Return")])
    comment = forms.CharField(
        required=False,
        max_length=Decision.COMMENT_MAX_LENGTH,
        error_messages={"max_length": Decision.COMMENT_TOO_LONG},
    )

    def error_text(self) -> str:
        return " ".join(str(message) for messages in self.errors.values() for message in messages)


class _IdChoiceField(forms.ModelChoiceField):
    """A model choice sent as an id: anything but a plain positive number is refused
    before it reaches the database (a 5,000-digit number overflowed SQLite's integer)."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if positive_int(str(value)) is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class QueueFilterForm(forms.Form):
    """The sign-off queue's filters, read from the query string. All optional."""

    trainee = _IdChoiceField(
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label="All trainees",
        error_messages={"invalid_choice": "Choose one of the trainees you supervise."},
    )
    category = _IdChoiceField(
        queryset=PracticeCategory.objects.all(),
        required=False,
        empty_label="All categories",
        error_messages={"invalid_choice": "Choose one of the practice categories."},
    )
    date_from = forms.DateField(
        label="Practice from",
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Enter the start date as year-month-day, e.g. 2026-03-05."},
    )
    date_to = forms.DateField(
        label="Practice until",
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Enter the end date as year-month-day, e.g. 2026-03-31."},
    )

    def __init__(self, *args, trainees, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["trainee"]
        field.queryset = trainees
        field.label_from_instance = lambda user: user.get_full_name() or user.email

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The end date is before the start date.")
        return data

    def filters(self) -> dict:
        """Keyword arguments for ``selectors.supervisor_queue``; empty unless valid."""
        if not self.is_bound or not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            key: value
            for key, value in {
                "trainee_id": data["trainee"].pk if data["trainee"] else None,
                "category_id": data["category"].pk if data["category"] else None,
                "date_from": data["date_from"],
                "date_to": data["date_to"],
            }.items()
            if value is not None
        }

    def options(self, name: str) -> list[tuple[str, str, bool]]:
        """(value, label, selected) for the ``trainee`` or ``category`` select.

        Rendered by the template's own loop: a supervisor of 200 trainees made Django's
        select widget render 200 option templates, half the time of the queue page.
        """
        field = self.fields[name]
        if name == "trainee":
            rows = [
                (pk, f"{first} {last}".strip() or email)
                for pk, first, last, email in field.queryset.values_list(  # type: ignore[attr-defined]
                    "pk", "first_name", "last_name", "email"
                )
            ]
        else:
            rows = list(field.queryset.values_list("pk", "name"))  # type: ignore[attr-defined]
        chosen = str(self[name].value() or "")
        return [(str(pk), label, str(pk) == chosen) for pk, label in rows]

    def query(self) -> dict[str, str]:
        """The valid filters as query-string parameters, to carry into links and forms."""
        if not self.is_bound or not self.is_valid():
            return {}
        return {
            name: str(value.pk if hasattr(value, "pk") else value.isoformat())
            for name, value in self.cleaned_data.items()
            if value
        }

    def error_text(self) -> str:
        return " ".join(str(message) for messages in self.errors.values() for message in messages)
