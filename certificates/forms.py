from django import forms

from .models import Credential


class StatusChangeForm(forms.Form):
    """A coordinator's change to a credential: suspend, reinstate or revoke with a reason,
    or render its PDF again. Which changes a credential allows is the service's business."""

    action = forms.ChoiceField(
        choices=[
            ("suspend", "Suspend"),
            ("reinstate", "Reinstate"),
            ("revoke", "Revoke"),
            ("rerender", "Render the PDF again"),
        ],
        error_messages={"invalid_choice": "Choose suspend, reinstate, revoke or render again."},
    )
    reason = forms.CharField(
        required=False,
        max_length=Credential.REASON_MAX_LENGTH,
        error_messages={"max_length": Credential.REASON_TOO_LONG},
    )

    def error_text(self) -> str:
        return " ".join(str(message) for messages in self.errors.values() for message in messages)
