from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import pluralize
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from assessments.models.overrides import (
    EXTRA_ATTEMPTS_RANGE,
    MAX_EXTRA_ATTEMPTS,
    OVERRIDE_REASON_MAX_LENGTH,
    REASON_REQUIRED,
    REASON_TOO_LONG,
    QuizOverride,
)
from organisations.models import Organisation
from organisations.tenancy import ProviderScopedFormMixin, organisation_ids_for

from .review import LABELS, incoherence

REVIEW_FIELDS = ("review_after_fail", "review_after_pass", "review_after_last")


class RevealField(forms.MultipleChoiceField):
    """A review moment's flags (assessments.review.Reveal) as checkboxes; cleans to the mask."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        choices = [(str(int(flag)), label) for flag, label in LABELS.items()]
        super().__init__(choices=choices, required=False, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, int):
            return [str(int(flag)) for flag in LABELS if value & flag]
        return value

    def clean(self, value) -> int:
        return sum(int(flag) for flag in set(super().clean(value)))

    def has_changed(self, initial, data) -> bool:
        try:
            return self.clean(data) != (initial or 0)
        except forms.ValidationError:
            return True


class QuizPageForm(ProviderScopedFormMixin, WagtailAdminPageForm):
    """A quiz draws only on its provider's questions and categories, and shared ones.

    Its review options never show the right answers or the option feedback at a moment
    that hides whether each answer was right (see assessments.review).

    Publishing (or submitting for review) checks the bank can supply what the quiz draws:
    each category enough questions for its pool, each domain enough for its share of a
    final exam. A draft may still be short while its author writes the questions.
    """

    review_after_fail = RevealField(
        label="After an attempt that did not pass, trainees see",
        help_text="While they still have attempts left. Right answers shown here can be "
        "learned for the next attempt.",
    )
    review_after_pass = RevealField(label="Once the quiz is passed, trainees see")
    review_after_last = RevealField(
        label="After the last allowed attempt without a pass, trainees see"
    )

    def clean(self):
        cleaned = super().clean()
        for name in REVIEW_FIELDS:
            if name in cleaned and (problem := incoherence(cleaned[name])):
                self.add_error(name, problem)
        if not (self.data.get("action-publish") or self.data.get("action-submit")):
            return cleaned
        if cleaned.get("kind") == self.instance.Kind.FINAL_EXAM:
            for message in self._final_exam_problems(cleaned.get("exam_length") or 0):
                self.add_error(None, message)
        else:
            for message in self._short_pools():
                self.add_error(None, message)
        return cleaned

    def _kept_forms(self, name: str) -> list:
        formset = self.formsets.get(name)
        if formset is None:
            return []
        return [
            form
            for form in formset.forms
            if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]

    def _short_pools(self) -> list[str]:
        problems = []
        for form in self._kept_forms("pools"):
            category, draw = form.cleaned_data.get("category"), form.cleaned_data.get("draw")
            if category is None or not draw:
                continue
            held = category.questions.count()
            if draw > held:
                problems.append(
                    f"The category “{category}” holds {held} question{pluralize(held)}: "
                    f"a pool cannot draw {draw} from it. Draw fewer, or add questions to "
                    "the category first."
                )
        return problems

    def _final_exam_problems(self, exam_length: int) -> list[str]:
        from assessments.selectors import final_exam_blueprint

        if self._kept_forms("pools") or self._kept_forms("quiz_questions"):
            return [
                "A final exam draws its questions by competency domain: remove the questions "
                "chosen from the bank and the categories it draws from."
            ]
        if exam_length < 1:
            return ["Set how many questions the final exam has."]
        programme = self.parent_page.get_parent().specific
        shares = final_exam_blueprint(programme=programme, exam_length=exam_length)
        if not shares:
            return [
                f"“{programme.title}” has no training hours by competency domain in its "
                "requirement profile: a final exam shares its questions in those proportions."
            ]
        problems = []
        for share in shares:
            held = share.questions.count()
            if share.count > held:
                problems.append(
                    f"The final exam asks {share.count} question{pluralize(share.count)} "
                    f"in {share.domain.name}, and the bank holds {held} in categories of that "
                    "domain. Add questions, file a category under the domain, or shorten the "
                    "exam."
                )
        return problems


class QuestionAdminForm(ProviderScopedFormMixin, WagtailAdminModelForm):
    """Checks the options as a whole: how many are correct, and how many there are.

    The category offers only the editor's providers' categories, so a question is filed
    where its author may keep it.
    """

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


class GiftUploadForm(forms.Form):
    MAX_BYTES = 2 * 1024 * 1024

    file = forms.FileField(
        label="GIFT file", help_text="A .txt or .gift file exported from Moodle."
    )
    category = forms.CharField(
        label="Category",
        max_length=255,
        initial="Imported questions",
        help_text="For questions the file does not place in a category.",
    )
    skip_unsupported = forms.BooleanField(
        label="Skip question types Peerpath does not support and import the rest",
        required=False,
    )
    organisation = forms.ModelChoiceField(
        label="Training provider",
        queryset=Organisation.objects.none(),
        help_text="Whose question bank the questions and their categories go into.",
    )

    def __init__(self, *args, user, **kwargs):
        """Offer only the providers whose bank ``user`` may add to (superusers: also shared)."""
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        providers = Organisation.objects.filter(kind="provider")
        if user.is_superuser:
            field.queryset = providers
            field.required = False
            field.empty_label = "Shared by every provider"
        else:
            field.queryset = providers.filter(
                pk__in=organisation_ids_for(user, "assessments.add_question")
            )
            # Most authors write for one provider: then the field may be left out.
            field.required = False
            field.empty_label = None
        self.user = user

    def clean_organisation(self):
        chosen = self.cleaned_data.get("organisation")
        if chosen is None and not self.user.is_superuser:
            options = list(self.fields["organisation"].queryset[:2])
            if len(options) != 1:
                raise forms.ValidationError("Choose the training provider to import for.")
            return options[0]
        return chosen

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError("The file is larger than 2 MB; split it and try again.")
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(
                "The file is not UTF-8 text. Save it as UTF-8 and upload it again."
            ) from error


class QuizOverrideForm(forms.Form):
    """A coordinator's override on the learner record; ``quiz_override_create`` checks the rest.

    The kind comes from the button pressed (one form per quiz, one button per kind).
    """

    kind = forms.ChoiceField(
        label="What to do",
        choices=QuizOverride.Kind.choices,
        error_messages={
            "required": "Choose extra attempts, lift the wait or reset the open attempt.",
            "invalid_choice": "Choose extra attempts, lift the wait or reset the open attempt.",
        },
    )
    extra_attempts = forms.IntegerField(
        label="Extra attempts",
        required=False,
        min_value=1,
        max_value=MAX_EXTRA_ATTEMPTS,
        error_messages={
            "invalid": EXTRA_ATTEMPTS_RANGE,
            "min_value": EXTRA_ATTEMPTS_RANGE,
            "max_value": EXTRA_ATTEMPTS_RANGE,
        },
    )
    reason = forms.CharField(
        label="Reason",
        max_length=OVERRIDE_REASON_MAX_LENGTH,
        help_text="Kept with the override and shown in its history; the trainee is told it.",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": REASON_REQUIRED, "max_length": REASON_TOO_LONG},
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("kind") == QuizOverride.Kind.EXTRA_ATTEMPTS
            and cleaned.get("extra_attempts") is None
            and "extra_attempts" not in self.errors
        ):
            self.add_error("extra_attempts", EXTRA_ATTEMPTS_RANGE)
        return cleaned

    def error_text(self) -> str:
        return " ".join(str(message) for messages in self.errors.values() for message in messages)
