from django import forms

from certificates.api import normalise

from .csvcheck import MAX_BYTES
from .results import NO_NUMBER_MESSAGE


class LookupForm(forms.Form):
    """A credential number and the holder's last name: both must match."""

    number = forms.CharField(
        label="Credential number",
        max_length=40,
        help_text="As printed on the certificate, for example PP-7KQ4-M2XD-9.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    last_name = forms.CharField(label="Holder's last name", max_length=150)

    def clean_number(self) -> str:
        # A typo the check character catches says so: no credential could have that number,
        # so saying it reveals nothing about who holds which.
        number = self.cleaned_data["number"]
        if normalise(number) is None:
            raise forms.ValidationError(NO_NUMBER_MESSAGE)
        return number


class ApiKeyForm(forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=100,
        help_text="Which system will use it, for example “HR system”.",
    )


class BulkCheckForm(forms.Form):
    file = forms.FileField(
        label="CSV or Excel file",
        help_text=(
            "A CSV file (comma, semicolon or tab separated; UTF-8, UTF-16 or Windows-1252, as "
            "Excel saves it) or an Excel workbook (.xlsx, first sheet), with a header row "
            "naming the columns credential_number and last_name. Your other columns are kept "
            f"in the results. Up to {MAX_BYTES // 1_048_576} MB."
        ),
        widget=forms.FileInput(attrs={"accept": ".csv,.txt,.tsv,.xlsx"}),
    )
    add_to_roster = forms.BooleanField(
        label="Add every credential that matches to our roster", required=False
    )


class RosterFilterForm(forms.Form):
    """The roster's search box. Bounded: SQLite refuses a LIKE pattern past 50,000 bytes
    ("LIKE or GLOB pattern too complex"), and no name or number is longer than this."""

    QUERY_MAX_LENGTH = 100

    q = forms.CharField(
        required=False,
        max_length=QUERY_MAX_LENGTH,
        error_messages={
            "max_length": (
                f"Search for at most {QUERY_MAX_LENGTH} characters: "
                "part of a name or a credential number."
            )
        },
    )
    # Unknown statuses mean "all", unknown sorts "by last name"; no sort means "needs
    # attention first" (verification.selectors).
    status = forms.CharField(required=False, max_length=20)
    sort = forms.CharField(required=False, max_length=20)

    def filters(self) -> dict[str, str]:
        """Keyword arguments for ``selectors.roster_entries``; call after ``is_valid()``."""
        data = self.cleaned_data if self.is_bound and not self.errors else {}
        return {
            "verdict": data.get("status", ""),
            "query": data.get("q", ""),
            "sort": data.get("sort") or "attention",
        }

    def error_text(self) -> str:
        return " ".join(str(message) for messages in self.errors.values() for message in messages)


class RosterAddForm(LookupForm):
    """Add a peer worker: number and last name, and the clinic's own columns if it likes."""

    employee_id = forms.CharField(label="Employee ID (optional)", max_length=50, required=False)
    site = forms.CharField(label="Site (optional)", max_length=100, required=False)


class RosterEntryForm(forms.Form):
    """The clinic's own columns of one roster entry."""

    employee_id = forms.CharField(label="Employee ID", max_length=50, required=False)
    site = forms.CharField(label="Site", max_length=100, required=False)
    notes = forms.CharField(
        label="Notes",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For your clinic only: the holder and the issuer never see them.",
    )


class InviteVerifierForm(forms.Form):
    email = forms.EmailField(
        label="Colleague's email address",
        max_length=254,
        help_text="They get an email and become a verifier here once they accept.",
        error_messages={"invalid": "Enter an email address, like name@clinic.org."},
    )


class ReceiptLookupForm(forms.Form):
    code = forms.CharField(
        label="Receipt code",
        max_length=40,
        help_text="As printed on the receipt, for example ABCD-EFGH-JKLM.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
