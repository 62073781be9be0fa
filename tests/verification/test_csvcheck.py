import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from certificates.numbers import format_number
from verification.csvcheck import NO_MATCH, RESULT_HEADER, read_checks
from verification.models import BulkCheck, RosterEntry, VerificationEvent
from verification.results import Verdict
from verification.services import bulk_check_run

from .conftest import mistype

HEADER = "credential_number,last_name\r\n"


def upload(content: str | bytes, name: str = "staff.csv") -> SimpleUploadedFile:
    data = content.encode() if isinstance(content, str) else content
    return SimpleUploadedFile(name, data, content_type="text/csv")


def numbers(count: int) -> list[str]:
    """``count`` distinct well-formed numbers (no credential has them)."""
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    out = []
    for i in range(count):
        payload, n = "", i
        for _ in range(8):
            payload = alphabet[n % 32] + payload
            n //= 32
        out.append(format_number(payload))
    return out


def rows_csv(count: int) -> str:
    return HEADER + "".join(f"{number},Okafor\r\n" for number in numbers(count))


# ---------------------------------------------------------------- reading


def test_rows_come_back_with_their_line_numbers_and_blank_lines_are_skipped():
    checks = read_checks(
        upload(HEADER + "PP-AAAA-BBBB-C, Okafor \r\n\r\n,,\r\n  pp-1234-5678-9 ,Mensah\r\n")
    )

    assert checks == [(2, "PP-AAAA-BBBB-C", "Okafor"), (5, "pp-1234-5678-9", "Mensah")]


def test_the_header_is_forgiving_about_case_spaces_hyphens_order_and_extra_columns():
    content = "Staff ID,Last-Name , Credential Number\r\n17,Okafor,PP-1\r\n"

    assert read_checks(upload(content)) == [(2, "PP-1", "Okafor")]


def test_a_byte_order_mark_from_excel_is_ignored():
    assert read_checks(upload(("\ufeff" + HEADER + "PP-1,Okafor\r\n").encode())) == [
        (2, "PP-1", "Okafor")
    ]


def test_short_rows_give_empty_cells():
    assert read_checks(upload(HEADER + "PP-1\r\n")) == [(2, "PP-1", "")]


def test_quoted_cells_with_commas_and_newlines_keep_their_line():
    checks = read_checks(upload(HEADER + '"PP-1","Smith, Jr"\r\nPP-2,"Two\r\nLines"\r\nPP-3,X\r\n'))

    assert [number for _, number, _ in checks] == ["PP-1", "PP-2", "PP-3"]
    assert checks[0][2] == "Smith, Jr"


# ---------------------------------------------------------------- refusing a file


BAD_FILES = {
    "wrong header": (
        "number,surname\r\nPP-1,Okafor\r\n",
        "The first row must name the columns credential_number and last_name "
        "(found: number, surname). Download the template to see the layout.",
    ),
    "one column missing": (
        "credential_number\r\nPP-1\r\n",
        "The first row must name the columns credential_number and last_name "
        "(found: credential_number).",
    ),
    "empty file": (b"", "(found: nothing)"),
    "header only": (HEADER, "The file has a header but no rows to check."),
    "header and blank lines": (HEADER + "\r\n , \r\n", "The file has a header but no rows"),
    "latin-1": (
        (HEADER + "PP-1,Müller\r\n").encode("latin-1"),
        "The file is not UTF-8 text. In your spreadsheet choose “Save as” → "
        "“CSV UTF-8 (comma delimited)” and upload that file.",
    ),
    "utf-16": ((HEADER + "PP-1,Okafor\r\n").encode("utf-16"), "The file is not UTF-8 text."),
    "an Excel workbook": (
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",
        "not a CSV text file",
    ),
    "NUL bytes": (
        (HEADER + "PP-1,Oka\x00for\r\n").encode(),
        "The file is not a CSV text file. Upload a .csv file.",
    ),
    "formula in the name": (
        HEADER + "PP-1,Okafor\r\nPP-2,=cmd|' /C calc'!A0\r\n",
        "Lines 3 hold a spreadsheet formula (a cell starting with =, +, - or @). Peerpath "
        "accepts only plain numbers and names: remove the formulas and upload the file again.",
    ),
    "formula in the number": (HEADER + '"=HYPERLINK(""http://x"")",Okafor\r\n', "Lines 2 hold"),
    "plus, minus and at": (
        HEADER + "+1+1,A\r\nPP-1,-2+3\r\n@SUM(A1),B\r\n",
        "Lines 2, 3, 4 hold a spreadsheet formula",
    ),
    "formula after spaces": (HEADER + "PP-1,  =1+1\r\n", "Lines 2 hold"),
    "a field too large": (
        HEADER + "PP-1," + "x" * 200_000 + "\r\n",
        "Line 2 could not be read: field larger than field limit",
    ),
    "a header too large": (
        "credential_number,last_name," + "x" * 200_000 + "\r\nPP-1,Okafor\r\n",
        "The file could not be read as CSV: field larger than field limit",
    ),
}


@pytest.mark.parametrize(("content", "message"), BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_bad_file_is_refused_with_one_clear_message(content, message):
    with pytest.raises(ValidationError) as raised:
        read_checks(upload(content))

    assert len(raised.value.messages) == 1
    assert message in raised.value.messages[0]


def test_more_than_ten_formula_lines_are_summarised():
    content = HEADER + "".join(f"PP-{i},=1+{i}\r\n" for i in range(25))

    with pytest.raises(ValidationError) as raised:
        read_checks(upload(content))

    assert raised.value.messages[0].startswith(
        "Lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 15 more hold a spreadsheet formula"
    )


def test_a_file_over_two_megabytes_is_refused_before_it_is_read():
    big = upload(HEADER + "PP-1,Okafor\r\n" + "x" * (2 * 1024 * 1024))

    with pytest.raises(ValidationError) as raised:
        read_checks(big)

    assert raised.value.messages == [
        "The file is 2.0 MB; the limit is 2 MB (10,000 rows). Split it and upload the parts."
    ]
    assert big.tell() == 0


def test_the_row_limit_boundary(settings):
    settings.VERIFICATION_CSV_MAX_ROWS = 5

    assert len(read_checks(upload(rows_csv(5)))) == 5
    # Blank lines are not rows.
    assert len(read_checks(upload(rows_csv(5) + "\r\n,\r\n\r\n"))) == 5
    with pytest.raises(ValidationError) as raised:
        read_checks(upload(rows_csv(6)))

    assert raised.value.messages == [
        "The file has more than 5 rows. Split it into files of 5 rows or fewer and upload each."
    ]


@pytest.mark.django_db
def test_ten_thousand_real_rows_are_checked_and_one_more_is_refused(clinic, verifier):
    checked = bulk_check_run(
        organisation=clinic,
        upload=upload(rows_csv(10_000)),
        created_by=verifier,
        add_to_roster=False,
    )
    with pytest.raises(ValidationError, match="more than 10,000 rows"):
        bulk_check_run(
            organisation=clinic,
            upload=upload(rows_csv(10_001)),
            created_by=verifier,
            add_to_roster=False,
        )

    assert len(checked.results) == 10_000
    assert checked.results[-1]["row"] == 10_001
    assert BulkCheck.objects.count() == 1


# ---------------------------------------------------------------- checking a file


@pytest.mark.django_db
def test_a_refused_file_changes_nothing(
    clinic, verifier, credential, django_capture_on_commit_callbacks
):
    content = HEADER + f"{credential.number},Okafor\r\nPP-2,=cmd|' /C calc'!A0\r\n"

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(ValidationError, match="Lines 3 hold a spreadsheet formula"),
    ):
        bulk_check_run(
            organisation=clinic, upload=upload(content), created_by=verifier, add_to_roster=True
        )

    assert callbacks == []
    assert not BulkCheck.objects.exists()
    assert not RosterEntry.objects.exists()
    assert not VerificationEvent.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("content", "message"), BAD_FILES.values(), ids=BAD_FILES.keys())
def test_no_bad_file_leaves_anything_behind(
    clinic, verifier, content, message, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(ValidationError),
    ):
        bulk_check_run(
            organisation=clinic, upload=upload(content), created_by=verifier, add_to_roster=True
        )

    assert callbacks == []
    assert not BulkCheck.objects.exists()
    assert not RosterEntry.objects.exists()


@pytest.mark.django_db
def test_a_good_file_is_checked_row_by_row(
    clinic,
    verifier,
    credential,
    issue_credential,
    change_status,
    unknown_number,
    django_capture_on_commit_callbacks,
):
    expired = issue_credential(last_name="Mensah", expires_in_days=-3)
    suspended = issue_credential(last_name="Boateng")
    change_status(suspended, "suspend")
    content = (
        HEADER
        + f"{credential.number},okafor\r\n"
        + f"{expired.number},Mensah\r\n"
        + f"{suspended.number},Boateng\r\n"
        + f"{credential.number},Wrongname\r\n"
        + f"{unknown_number},Okafor\r\n"
        + f"{mistype(credential.number)},Okafor\r\n"
    )

    with django_capture_on_commit_callbacks(execute=True):
        checked = bulk_check_run(
            organisation=clinic,
            upload=upload(content, name="march.csv"),
            created_by=verifier,
            add_to_roster=False,
        )

    assert checked.filename == "march.csv"
    assert checked.organisation == clinic and checked.created_by == verifier
    assert [(row["row"], row["result"]) for row in checked.results] == [
        (2, Verdict.VALID),
        (3, Verdict.EXPIRED),
        (4, Verdict.SUSPENDED),
        (5, NO_MATCH),
        (6, NO_MATCH),
        (7, NO_MATCH),
    ]
    first = checked.results[0]
    assert first == {
        "row": 2,
        "credential_number": credential.number,
        "last_name": "okafor",
        "result": "VALID",
        "holder_name": "Ada Okafor",
        "programme": "Certified Peer Support Worker",
        "issuer": credential.issuer.name,
        "issued_on": credential.issued_on.isoformat(),
        "expires_on": credential.expires_on.isoformat(),
        "checked_at": first["checked_at"],
    }
    assert set(first) == set(RESULT_HEADER)
    # A miss says nothing about the credential, even when the number exists.
    assert set(checked.results[3]) == {
        "row",
        "credential_number",
        "last_name",
        "result",
        "checked_at",
    }
    assert not RosterEntry.objects.exists()
    assert set(
        VerificationEvent.objects.values_list("credential_id", "organisation_id", "channel")
    ) == {
        (credential.pk, clinic.pk, "csv"),
        (expired.pk, clinic.pk, "csv"),
        (suspended.pk, clinic.pk, "csv"),
    }


@pytest.mark.django_db
def test_matches_can_be_added_to_the_roster(
    clinic, verifier, roster_entry, credential, issue_credential, unknown_number
):
    other = issue_credential(last_name="Mensah")
    content = (
        HEADER
        + f"{credential.number},Okafor\r\n"
        + f"{other.number},Mensah\r\n"
        + f"{other.number},Mensah\r\n"
        + f"{unknown_number},Okafor\r\n"
    )

    bulk_check_run(
        organisation=clinic, upload=upload(content), created_by=verifier, add_to_roster=True
    )

    assert sorted(RosterEntry.objects.values_list("credential_id", flat=True)) == sorted(
        [credential.pk, other.pk]
    )
    assert RosterEntry.objects.get(credential=other).added_by == verifier
