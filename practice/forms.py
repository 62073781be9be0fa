import re
from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model

from core.params import positive_int
from courses.models import CompetencyDomain

from .models import (
    MINUTES_PER_DAY,
    MINUTES_STEP,
    REFLECTION_MAX_LENGTH,
    Decision,
    LogEntry,
    PracticeCategory,
)

# "1.5", ".75", "2" (hours) or "1:30", "0:45" (hours and minutes).
DECIMAL_HOURS = re.compile(r"(\d{1,2})?(?:[.,](\d{1,2}))?")
HOURS_MINUTES = re.compile(r"(\d{1,2}):(\d{2})")
QUARTER_HOURS = "Log time in quarter hours: 0.25, 0.5, 0.75, 1… or 0:15, 0:30, 0:45, 1:00…"


def parse_duration(text: str) -> int:
    """Minutes in ``text``: decimal hours ("1.5") or hours and minutes ("1:30")."""
    text = text.strip()
    if match := HOURS_MINUTES.fullmatch(text):
        hours, minutes = int(match[1]), int(match[2])
        if minutes >= 60:
            raise forms.ValidationError("Minutes go up to 59: write 1:30 for an hour and a half.")
        return hours * 60 + minutes
    match = DECIMAL_HOURS.fullmatch(text)
    if not text or match is None or (match[1] is None and match[2] is None):
        raise forms.ValidationError(
            "Enter the time in hours, as 1.5 or as 1:30 (hours and minutes)."
        )
    exact = Decimal(f"{match[1] or 0}.{match[2] or 0}") * 60
    if exact != exact.to_integral_value():
        raise forms.ValidationError(QUARTER_HOURS)
    return int(exact)


def format_minutes(minutes: int) -> str:
    """90 -> "1:30", as the duration field and the time fields show it."""
    return f"{minutes // 60}:{minutes % 60:02d}"


class EntryForm(forms.Form):
    """One practice entry. The duration is typed as hours ("1.5", "1:30") or given by a
    start and an end time; ``minutes`` in ``cleaned_data`` is what is saved."""

    # <input type="date"> accepts only ISO dates, whatever the site's locale.
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    hours = forms.CharField(
        label="Duration (hours)",
        required=False,
        max_length=8,
        help_text="In quarter hours, as 1.5 or 1:30. Or leave it empty and give the start "
        "and end times below.",
        widget=forms.TextInput(attrs={"size": "6", "autocomplete": "off"}),
    )
    start_time = forms.TimeField(
        label="Start time (optional)",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time", "step": "900"}, format="%H:%M"),
    )
    end_time = forms.TimeField(
        label="End time (optional)",
        required=False,
        widget=forms.TimeInput(attrs={"type": "time", "step": "900"}, format="%H:%M"),
    )
    category = forms.ModelChoiceField(
        queryset=PracticeCategory.objects.none(),
        empty_label="Choose a category",
        error_messages={"required": "Choose the kind of practice."},
    )
    domain = forms.ModelChoiceField(
        label="Competency domain",
        queryset=CompetencyDomain.objects.all(),
        empty_label="Choose a domain",
        error_messages={"required": "Choose the competency domain you worked in."},
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

    def clean_hours(self) -> int | None:
        text = self.cleaned_data["hours"]
        return parse_duration(text) if text.strip() else None

    def clean(self):
        data = super().clean()
        typed = data.get("hours")
        start, end = data.get("start_time"), data.get("end_time")
        if self.has_error("hours") or self.has_error("start_time") or self.has_error("end_time"):
            return data
        if (start is None) != (end is None):
            missing = "end_time" if end is None else "start_time"
            self.add_error(
                missing,
                f"Give the {'end' if end is None else 'start'} time too, or leave both "
                "times empty and type the hours.",
            )
            return data
        timed = None
        if start is not None and end is not None:
            if end <= start:
                self.add_error(
                    "end_time",
                    "The end time must be after the start time. Practice that runs past "
                    "midnight goes in two entries, one for each day.",
                )
                return data
            timed = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
            if start.second or end.second or timed % MINUTES_STEP:
                self.add_error(
                    "end_time",
                    f"From {start:%H:%M} to {end:%H:%M} is {format_minutes(timed)}. "
                    f"{QUARTER_HOURS}",
                )
                return data
        if typed is None and timed is None:
            self.add_error("hours", "Enter the hours (1.5 or 1:30), or a start and an end time.")
            return data
        if typed is not None and timed is not None and typed != timed:
            self.add_error(
                "hours",
                f"The hours ({format_minutes(typed)}) and the times ({start:%H:%M} to "
                f"{end:%H:%M}, {format_minutes(timed)}) disagree: give one or the other.",
            )
            return data
        minutes = typed if typed is not None else (timed or 0)
        if minutes % MINUTES_STEP:
            self.add_error("hours", QUARTER_HOURS)
        elif minutes < MINUTES_STEP:
            self.add_error("hours", "Log at least a quarter of an hour (0.25 or 0:15).")
        elif minutes > MINUTES_PER_DAY:
            self.add_error("hours", "An entry can't be longer than 24 hours.")
        else:
            data["minutes"] = minutes
        return data

    def entry_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "date": data["date"],
            "minutes": data["minutes"],
            "category": data["category"],
            "domain": data["domain"],
            "setting": data["setting"],
            "reflection": data["reflection"],
        }

    @classmethod
    def initial_from(cls, entry: LogEntry) -> dict:
        return {
            "date": entry.date,
            "hours": f"{entry.hours.quantize(Decimal('0.01'))}",
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
