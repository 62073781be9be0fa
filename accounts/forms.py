import re
import unicodedata

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms

from .models import CERTIFICATE_NAME_MAX_LENGTH


class SignupForm(AllauthSignupForm):
    """allauth's signup with the names a certificate is issued in."""

    first_name = forms.CharField(
        label="First name",
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label="Last name",
        max_length=150,
        help_text="As it should appear on your certificate.",
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )

    field_order = ["first_name", "last_name", "email", "password1", "password2"]

    def save(self, request):
        user = super().save(request)
        user.first_name = self.cleaned_data["first_name"].strip()
        user.last_name = self.cleaned_data["last_name"].strip()
        user.save(update_fields=["first_name", "last_name"])
        return user


# Letters (any script, accents included) in words joined by a space, hyphen or apostrophe, and
# a period after an initial: "Ana María O'Neill-Šimić", "J. R. Okafor".
_NAME_RE = re.compile(r"[^\W\d_]+\.?(?:(?: |-|'|\u2019)[^\W\d_]+\.?)*")


class CertificateNameForm(forms.Form):
    """The name printed on the trainee's certificates, checked before it is kept."""

    certificate_name = forms.CharField(
        label="Name on your certificates",
        max_length=CERTIFICATE_NAME_MAX_LENGTH,
        help_text=(
            "Your full name exactly as it should be printed, for example your legal name with "
            "its accents. Certificates issued from now on use it."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    def clean_certificate_name(self) -> str:
        name = " ".join(unicodedata.normalize("NFC", self.cleaned_data["certificate_name"]).split())
        if not _NAME_RE.fullmatch(name):
            raise forms.ValidationError(
                "Use letters only, with spaces, hyphens, apostrophes or a period after an "
                "initial; no digits, symbols or emoji."
            )
        if sum(ch.isalpha() for ch in name) < 2:
            raise forms.ValidationError("Enter your full name as it should be printed.")
        return name
