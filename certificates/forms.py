from django import forms

from .models import Credential


class _ErrorText:
    def error_text(self) -> str:
        errors = self.errors  # type: ignore[attr-defined]
        return " ".join(str(message) for messages in errors.values() for message in messages)


def _reason_field(*, label: str, required: bool, help_text: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=Credential.REASON_MAX_LENGTH,
        help_text=help_text,
        error_messages={
            "max_length": Credential.REASON_TOO_LONG,
            "required": "Give the reason: the holder is told it, and it is kept.",
        },
    )


def _note_field() -> forms.CharField:
    return forms.CharField(
        label="Internal note (optional)",
        required=False,
        max_length=Credential.NOTE_MAX_LENGTH,
        help_text="For coordinators only: never emailed, never shown to verifiers.",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": Credential.NOTE_TOO_LONG},
    )


def _public_reason_field() -> forms.CharField:
    return _reason_field(
        label="Public reason (optional)",
        required=False,
        help_text="Shown to anyone who checks the credential, with the date. Leave empty to "
        "show only the status.",
    )


class StatusChangeForm(_ErrorText, forms.Form):
    """A coordinator's reversible change to a credential: suspend or reinstate with a
    reason, or render its PDF again. Revoking has its own form (``RevokeForm``)."""

    action = forms.ChoiceField(
        choices=[
            ("suspend", "Suspend"),
            ("reinstate", "Reinstate"),
            ("rerender", "Render the PDF again"),
        ],
        error_messages={
            "invalid_choice": "Choose suspend, reinstate or render again (revoke has its own "
            "confirmation page)."
        },
    )
    reason = forms.CharField(
        required=False,
        max_length=Credential.REASON_MAX_LENGTH,
        error_messages={"max_length": Credential.REASON_TOO_LONG},
    )
    public_reason = forms.CharField(
        required=False,
        max_length=Credential.REASON_MAX_LENGTH,
        error_messages={"max_length": Credential.REASON_TOO_LONG},
    )
    note = forms.CharField(
        required=False,
        max_length=Credential.NOTE_MAX_LENGTH,
        error_messages={"max_length": Credential.NOTE_TOO_LONG},
    )


class RevokeForm(_ErrorText, forms.Form):
    """Revoking cannot be undone: its own reason and the credential number, typed."""

    reason = _reason_field(
        label="Reason for revoking",
        required=True,
        help_text="Emailed to the holder and kept on the credential's record.",
    )
    public_reason = _public_reason_field()
    note = _note_field()
    confirm_number = forms.CharField(
        label="Type the credential number to confirm",
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        error_messages={"required": "Type the credential number to confirm."},
    )
