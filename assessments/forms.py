from django import forms
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
