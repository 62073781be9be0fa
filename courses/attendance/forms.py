from django import forms
from django.contrib.auth import get_user_model

from ..models import Cohort, CompetencyDomain, LiveSession
from . import access

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format=DATETIME_FORMAT, **kwargs)


class ScheduleForm(forms.Form):
    """A session for one of the cohorts the user may schedule for."""

    cohort: forms.ModelChoiceField[Cohort] = forms.ModelChoiceField(
        queryset=Cohort.objects.none(), empty_label=None
    )
    title = forms.CharField(max_length=200)
    place = forms.CharField(
        max_length=300, required=False, help_text="For a session in person: the room and address."
    )
    meeting_link = forms.URLField(
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text="For a virtual session: the video meeting's address.",
    )
    starts_at = forms.DateTimeField(
        label="Starts", widget=DateTimeLocalInput(), input_formats=[DATETIME_FORMAT]
    )
    ends_at = forms.DateTimeField(
        label="Ends", widget=DateTimeLocalInput(), input_formats=[DATETIME_FORMAT]
    )
    facilitators: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="You, if you choose nobody.",
    )
    make_up_for: forms.ModelChoiceField[LiveSession] = forms.ModelChoiceField(
        queryset=LiveSession.objects.none(),
        required=False,
        label="Make-up for",
        help_text="The session this one replaces for trainees who missed it, if any.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        cohorts = access.schedulable_cohorts(user)
        self.fields["cohort"].queryset = cohorts
        self.fields["facilitators"].queryset = (
            get_user_model()
            .objects.filter(
                memberships__organisation__programmes__cohorts__in=cohorts,
                memberships__role__in=access.FACILITATOR_ROLES,
                is_active=True,
            )
            .distinct()
            .order_by("last_name", "first_name", "email")
        )
        self.fields["facilitators"].label_from_instance = lambda u: u.get_full_name() or u.email
        self.fields["make_up_for"].queryset = LiveSession.objects.filter(
            cohort__in=cohorts
        ).select_related("cohort")
        self.domains = list(CompetencyDomain.objects.order_by("name"))
        for domain in self.domains:
            self.fields[f"domain_{domain.pk}"] = forms.IntegerField(
                label=f"Minutes of {domain.name}", min_value=0, required=False
            )

    def domain_fields(self):
        return [self[f"domain_{d.pk}"] for d in self.domains]

    def domain_minutes(self) -> dict:
        return {d: self.cleaned_data.get(f"domain_{d.pk}") or 0 for d in self.domains}

    def clean(self):
        data = super().clean()
        if not data.get("place") and not data.get("meeting_link"):
            raise forms.ValidationError(
                "Give a place for a session in person, or a meeting link for a virtual one."
            )
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", "The session must end after it starts.")
        return data


class ReportUploadForm(forms.Form):
    report = forms.FileField(
        label="Participant report (CSV)",
        help_text="Zoom: Reports, Usage, Participants, Export. Teams: the meeting's "
        "Attendance tab, Download. BigBlueButton: the Learning Analytics Dashboard, Download.",
    )


class FeedResetForm(forms.Form):
    confirm = forms.BooleanField(required=False)


class PolicyForm(forms.ModelForm):
    class Meta:
        from ..models import AttendancePolicy

        model = AttendancePolicy
        fields = ["required_percent", "partial_credit", "make_ups_allowed"]
        labels = {
            "required_percent": "Share of a session to attend (%)",
            "partial_credit": "Credit partial attendance",
            "make_ups_allowed": "Allow make-up sessions",
        }
