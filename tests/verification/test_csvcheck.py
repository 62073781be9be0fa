"""The clinic's bulk check: reading what Excel writes, naming each row's problem, and writing
results that keep the clinic's columns and open in Excel with accents intact.

Every fixture file is built here, byte by byte, from the text and encoding it stands for.
"""

import csv
import datetime
import io
import zipfile

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from certificates.numbers import format_number
from verification import csvcheck
from verification.csvcheck import (
    PEERPATH_COLUMNS,
    read_sheet,
    results_csv,
    results_xlsx,
)
from verification.models import BulkCheck, RosterEntry, VerificationEvent
from verification.services import bulk_check_run

from .conftest import mistype

HEADER = "credential_number,last_name\r\n"
BOM = b"\xef\xbb\xbf"


def upload(content: str | bytes, name: str = "staff.csv") -> SimpleUploadedFile:
    data = content.encode() if isinstance(content, str) else content
    return SimpleUploadedFile(name, data, content_type="text/csv")


def checks(content: str | bytes, name: str = "staff.csv") -> list[tuple[int, str, str]]:
    """(line, number, last name) for every row read."""
    return [(row.line, row.number, row.name) for row in read_sheet(upload(content, name)).rows]


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


def workbook(rows: list[list], *, title: str = "Staff") -> bytes:
    """An .xlsx file whose first sheet holds ``rows`` (a string starting = is a formula)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xlsx(content: bytes, name: str = "staff.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name,
        content,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def read_back_csv(data: bytes) -> tuple[str, list[list[str]]]:
    """The delimiter and rows of a results CSV, which must start with a UTF-8 BOM."""
    assert data.startswith(BOM)
    text = data[len(BOM) :].decode("utf-8")
    delimiter = csv.Sniffer().sniff(text.splitlines()[0], delimiters=",;\t").delimiter
    return delimiter, list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


# ---------------------------------------------------------------- reading CSV


def test_rows_come_back_with_their_line_numbers_and_blank_lines_are_skipped():
    assert checks(HEADER + "PP-AAAA-BBBB-C, Okafor \r\n\r\n,,\r\n  pp-1234-5678-9 ,Mensah\r\n") == [
        (2, "PP-AAAA-BBBB-C", "Okafor"),
        (5, "pp-1234-5678-9", "Mensah"),
    ]


def test_the_header_is_forgiving_and_the_clinics_columns_are_kept_as_written():
    sheet = read_sheet(upload("Staff ID,Last-Name , Credential Number\r\n17,Okafor,PP-1\r\n"))

    assert [(row.line, row.number, row.name) for row in sheet.rows] == [(2, "PP-1", "Okafor")]
    assert sheet.columns == ["Staff ID", "Last-Name ", " Credential Number"]
    assert sheet.rows[0].cells == ["17", "Okafor", "PP-1"]


def test_short_rows_are_padded_and_cells_past_the_header_get_a_column():
    sheet = read_sheet(upload(HEADER + "PP-1\r\nPP-2,Mensah,,\r\nPP-3,Boateng,extra\r\n"))

    assert [row.cells for row in sheet.rows] == [
        ["PP-1", "", ""],
        ["PP-2", "Mensah", ""],
        ["PP-3", "Boateng", "extra"],
    ]
    assert sheet.columns == ["credential_number", "last_name", ""]


def test_quoted_cells_with_commas_and_newlines_keep_their_line():
    read = checks(HEADER + '"PP-1","Smith, Jr"\r\nPP-2,"Two\r\nLines"\r\nPP-3,X\r\n')

    assert [number for _, number, _ in read] == ["PP-1", "PP-2", "PP-3"]
    assert read[0][2] == "Smith, Jr"
    assert read[2][0] == 5


ENCODINGS = {
    # Excel "CSV UTF-8" (with a BOM), and UTF-8 as most other programs write it.
    "utf-8 with BOM": (lambda text: BOM + text.encode(), "UTF-8 with byte order mark"),
    "utf-8": (lambda text: text.encode(), "UTF-8"),
    # Excel "Unicode text" and Teams exports: UTF-16 with a BOM, little-endian.
    "utf-16 le": (lambda text: b"\xff\xfe" + text.encode("utf-16-le"), "UTF-16 (little-endian)"),
    "utf-16 be": (lambda text: b"\xfe\xff" + text.encode("utf-16-be"), "UTF-16 (big-endian)"),
    "utf-16 le without BOM": (lambda text: text.encode("utf-16-le"), "UTF-16 (little-endian)"),
    # Excel "CSV" on Windows.
    "windows-1252": (lambda text: text.encode("cp1252"), "Windows-1252"),
}
SEPARATORS = {"comma": ",", "semicolon": ";", "tab": "\t"}


@pytest.mark.parametrize("separator", SEPARATORS, ids=SEPARATORS)
@pytest.mark.parametrize("encoding", ENCODINGS, ids=ENCODINGS)
def test_every_encoding_and_separator_excel_writes_is_read_and_named(encoding, separator):
    encode, label = ENCODINGS[encoding]
    sep = SEPARATORS[separator]
    text = (
        sep.join(["Employee ID", "credential_number", "last_name", "Site"])
        + "\r\n"
        + sep.join(["E-17", "PP-7KQ4-M2XD-9", "Núñez", "Zürich Straße"])
        + "\r\n"
        + sep.join(["E-18", "PP-1111-2222-3", "O\u2019Brien\u2013Łukasz", "Café €5"])
        + "\r\n"
    )
    if encoding == "windows-1252":
        text = text.replace("Łukasz", "Lukasz")  # Ł is not in Windows-1252

    sheet = read_sheet(upload(encode(text)))

    assert sheet.encoding == label
    assert sheet.separator == separator
    assert sheet.read_as == f"{label} text, {separator}-separated"
    assert sheet.columns == ["Employee ID", "credential_number", "last_name", "Site"]
    assert sheet.rows[0].cells == ["E-17", "PP-7KQ4-M2XD-9", "Núñez", "Zürich Straße"]
    assert sheet.rows[0].name == "Núñez"
    assert sheet.rows[1].cells[3] == "Café €5"
    assert sheet.rows[1].name.startswith("O\u2019Brien\u2013")


def test_windows_1252_is_read_as_excel_wrote_it_not_as_latin_1():
    # 0x92 and 0x80 are a right quote and € in Windows-1252, control characters in Latin-1.
    data = HEADER.encode() + b"PP-1,O\x92Brien \x80\r\n"

    sheet = read_sheet(upload(data))

    assert sheet.encoding == "Windows-1252"
    assert sheet.rows[0].name == "O\u2019Brien €"


def test_a_utf_8_file_is_not_mistaken_for_windows_1252():
    sheet = read_sheet(upload(HEADER + "PP-1,Núñez\r\n"))

    assert sheet.encoding == "UTF-8"
    assert sheet.rows[0].name == "Núñez"


def test_a_semicolon_file_with_commas_in_its_cells_is_split_on_semicolons():
    sheet = read_sheet(
        upload("credential_number;last_name;notes\r\nPP-1;Smith, Jr;a, b\r\n".encode("cp1252"))
    )

    assert sheet.separator == "semicolon"
    assert sheet.rows[0].cells == ["PP-1", "Smith, Jr", "a, b"]


def test_excels_sep_line_names_the_separator_and_lines_still_count_from_the_top():
    sheet = read_sheet(upload("sep=;\r\ncredential_number;last_name\r\nPP-1;Okafor\r\n"))

    assert sheet.separator == "semicolon"
    assert [(row.line, row.number, row.name) for row in sheet.rows] == [(3, "PP-1", "Okafor")]


def test_a_results_file_can_be_checked_again_without_doubling_peerpaths_columns():
    results = results_csv(
        columns=["Employee ID", "credential_number", "last_name"],
        results=[
            {
                "row": 2,
                "cells": ["E-1", "PP-1", "Okafor"],
                "result": "VALID",
                "checked_at": "2026-01-01T00:00:00+00:00",
            }
        ],
        separator="semicolon",
    )

    sheet = read_sheet(upload(results))

    assert sheet.columns == ["Employee ID", "credential_number", "last_name"]
    assert sheet.rows[0].cells == ["E-1", "PP-1", "Okafor"]
    assert sheet.separator == "semicolon"


# ---------------------------------------------------------------- reading .xlsx


def test_the_first_sheet_of_a_workbook_is_read_with_its_columns():
    data = workbook(
        [
            ["Site", "Credential Number", "Last Name", "Started", "Hours"],
            ["Zürich", "PP-7KQ4-M2XD-9", "Núñez", datetime.datetime(2025, 3, 1), 37.5],
            [None, None, None, None, None],
            ["Oslo", "PP-1111-2222-3", "Ødegård", datetime.datetime(2025, 3, 1, 9, 30), 40],
        ]
    )

    sheet = read_sheet(xlsx(data))

    assert sheet.encoding == "Excel workbook (.xlsx)" and sheet.separator == ""
    assert sheet.read_as == "Excel workbook (.xlsx)"
    assert sheet.columns == ["Site", "Credential Number", "Last Name", "Started", "Hours"]
    assert [(row.line, row.number, row.name) for row in sheet.rows] == [
        (2, "PP-7KQ4-M2XD-9", "Núñez"),
        (4, "PP-1111-2222-3", "Ødegård"),
    ]
    assert sheet.rows[0].cells[3:] == ["2025-03-01", "37.5"]
    assert sheet.rows[1].cells[3:] == ["2025-03-01 09:30:00", "40"]


def test_only_the_first_sheet_is_read():
    book = openpyxl.Workbook()
    book.active.append(["credential_number", "last_name"])
    book.active.append(["PP-1", "Okafor"])
    book.create_sheet("Other").append(["credential_number", "last_name"])
    out = io.BytesIO()
    book.save(out)

    assert [row.number for row in read_sheet(xlsx(out.getvalue())).rows] == ["PP-1"]


def test_a_workbook_named_csv_is_still_read_as_a_workbook():
    data = workbook([["credential_number", "last_name"], ["PP-1", "Okafor"]])

    assert read_sheet(upload(data, name="staff.csv")).encoding == "Excel workbook (.xlsx)"


def test_a_formula_cell_in_a_workbooks_checked_columns_refuses_the_file():
    data = workbook([["credential_number", "last_name"], ["PP-1", "Okafor"], ["PP-2", "=A2&B2"]])

    with pytest.raises(ValidationError) as raised:
        read_sheet(xlsx(data))

    assert raised.value.messages[0].startswith("Lines 3 hold a spreadsheet formula")


def test_a_formula_in_the_clinics_own_columns_is_kept_as_text_and_written_back_inert():
    data = workbook([["credential_number", "last_name", "notes"], ["PP-1", "Okafor", "=1+2"]])
    sheet = read_sheet(xlsx(data))
    assert sheet.rows[0].cells == ["PP-1", "Okafor", "=1+2"]
    stored = [{"row": 2, "cells": sheet.rows[0].cells, "result": "VALID"}]

    _, rows = read_back_csv(results_csv(columns=sheet.columns, results=stored))
    book = openpyxl.load_workbook(io.BytesIO(results_xlsx(columns=sheet.columns, results=stored)))

    assert rows[1][:3] == ["PP-1", "Okafor", "'=1+2"]
    cell = book.active["C2"]
    assert cell.value == "=1+2" and cell.data_type == "s"


def test_a_workbook_with_more_rows_than_allowed_is_refused(settings):
    settings.VERIFICATION_CSV_MAX_ROWS = 3
    header = ["credential_number", "last_name"]

    assert len(read_sheet(xlsx(workbook([header] + [["PP-1", "A"]] * 3))).rows) == 3
    with pytest.raises(ValidationError) as raised:
        read_sheet(xlsx(workbook([header] + [["PP-1", "A"]] * 4)))

    assert raised.value.messages == [
        "The file has more than 3 rows. Split it into files of 3 rows or fewer and upload each."
    ]


def test_a_workbook_that_unpacks_to_too_much_is_refused_before_it_is_parsed(monkeypatch):
    data = workbook([["credential_number", "last_name"], ["PP-1", "A" * 5000]])
    monkeypatch.setattr(csvcheck, "MAX_UNPACKED_BYTES", 4000)
    monkeypatch.setattr(csvcheck, "_cell_text", lambda value: pytest.fail("the sheet was parsed"))

    with pytest.raises(ValidationError) as raised:
        read_sheet(xlsx(data))

    assert raised.value.messages[0].startswith("The workbook unpacks to 0 MB, more than a sheet")


# ---------------------------------------------------------------- refusing a file


def _zip_of(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


CORRUPT_WORKBOOK = "The file could not be opened as an Excel workbook (.xlsx)"
OLD_WORKBOOK = "The file is an old Excel workbook (.xls) or a password-protected one"

BAD_FILES = {
    "wrong header": (
        "number,surname\r\nPP-1,Okafor\r\n",
        "staff.csv",
        "The first row must name the columns credential_number and last_name "
        "(found: number, surname). Download the template to see the layout.",
    ),
    "wrong header, semicolons": (
        "number;surname;site\r\nPP-1;Okafor;A\r\n",
        "staff.csv",
        "(found: number, surname, site)",
    ),
    "one column missing": (
        "credential_number\r\nPP-1\r\n",
        "staff.csv",
        "The first row must name the columns credential_number and last_name "
        "(found: credential_number).",
    ),
    "empty file": (
        b"",
        "staff.csv",
        "The file is empty. Its first row must name the columns credential_number and "
        "last_name, then one peer worker per row. Download the template to see the layout.",
    ),
    "blank file": (b" \r\n\r\n", "staff.csv", "The file is empty."),
    "header only": (HEADER, "staff.csv", "The file has a header but no rows to check."),
    "header and blank lines": (
        HEADER + "\r\n , \r\n",
        "staff.csv",
        "The file has a header but no rows",
    ),
    "neither UTF-8 nor Windows-1252": (
        HEADER.encode() + b"PP-1,Oka\x81for\r\n",
        "staff.csv",
        "The file is not text Peerpath can read (UTF-8, UTF-16 or Windows-1252).",
    ),
    "a UTF-8 BOM on broken UTF-8": (
        BOM + HEADER.encode() + b"PP-1,M\xfcller\r\n",
        "staff.csv",
        "The file starts like UTF-8 with byte order mark text but is not: it breaks off at "
        "byte 38.",
    ),
    "a zip that is not a workbook": (
        _zip_of({"readme.txt": b"hello"}),
        "staff.xlsx",
        CORRUPT_WORKBOOK,
    ),
    "a truncated workbook": (
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",
        "staff.xlsx",
        CORRUPT_WORKBOOK,
    ),
    "an .xlsx that is text": (HEADER + "PP-1,Okafor\r\n", "staff.xlsx", CORRUPT_WORKBOOK),
    "a workbook with broken sheet XML": (
        _zip_of(
            {
                "[Content_Types].xml": b"<Types/>",
                "xl/workbook.xml": b"<workbook><sheets><sheet",
            }
        ),
        "staff.xlsx",
        CORRUPT_WORKBOOK,
    ),
    "an old .xls workbook": (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
        "staff.xls",
        OLD_WORKBOOK,
    ),
    "an OLE file named .csv": (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
        "staff.csv",
        OLD_WORKBOOK,
    ),
    "a PDF": (
        b"%PDF-1.7\n",
        "staff.pdf",
        "“staff.pdf” is not a spreadsheet Peerpath can read. Upload a CSV file (.csv) or an "
        "Excel workbook (.xlsx).",
    ),
    "a Word document": (b"PK\x03\x04", "staff.docx", "“staff.docx” is not a spreadsheet"),
    "NUL bytes": (
        (HEADER + "PP-1,Oka\x00for\r\n").encode(),
        "staff.csv",
        "The file is not a CSV text file. Upload a .csv file or an Excel workbook (.xlsx).",
    ),
    "formula in the name": (
        HEADER + "PP-1,Okafor\r\nPP-2,=cmd|' /C calc'!A0\r\n",
        "staff.csv",
        "Lines 3 hold a spreadsheet formula (a cell starting with =, +, - or @). Peerpath "
        "accepts only plain numbers and names: remove the formulas and upload the file again.",
    ),
    "formula in the number": (
        HEADER + '"=HYPERLINK(""http://x"")",Okafor\r\n',
        "staff.csv",
        "Lines 2 hold",
    ),
    "formula with semicolons": (
        "credential_number;last_name\r\n=1+1;Okafor\r\n".encode("cp1252"),
        "staff.csv",
        "Lines 2 hold a spreadsheet formula",
    ),
    "plus, minus and at": (
        HEADER + "+1+1,A\r\nPP-1,-2+3\r\n@SUM(A1),B\r\n",
        "staff.csv",
        "Lines 2, 3, 4 hold a spreadsheet formula",
    ),
    "formula after spaces": (HEADER + "PP-1,  =1+1\r\n", "staff.csv", "Lines 2 hold"),
    "a field too large": (
        HEADER + "PP-1," + "x" * 200_000 + "\r\n",
        "staff.csv",
        "Line 2 could not be read: field larger than field limit",
    ),
    "a header too large": (
        "credential_number,last_name," + "x" * 200_000 + "\r\nPP-1,Okafor\r\n",
        "staff.csv",
        "The file could not be read as CSV: field larger than field limit",
    ),
    "too many columns": (
        HEADER + "PP-1,Okafor" + ",x" * 100 + "\r\n",
        "staff.csv",
        "Line 2 has more than 100 columns.",
    ),
}


@pytest.mark.parametrize(("content", "name", "message"), BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_bad_file_is_refused_with_one_clear_message(content, name, message):
    with pytest.raises(ValidationError) as raised:
        read_sheet(upload(content, name))

    assert len(raised.value.messages) == 1
    assert message in raised.value.messages[0]


def test_more_than_ten_formula_lines_are_summarised():
    content = HEADER + "".join(f"PP-{i},=1+{i}\r\n" for i in range(25))

    with pytest.raises(ValidationError) as raised:
        read_sheet(upload(content))

    assert raised.value.messages[0].startswith(
        "Lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 15 more hold a spreadsheet formula"
    )


@pytest.mark.parametrize("name", ["staff.csv", "staff.xlsx"])
def test_a_file_over_two_megabytes_is_refused_before_it_is_read(name):
    big = upload(HEADER + "PP-1,Okafor\r\n" + "x" * (2 * 1024 * 1024), name)

    with pytest.raises(ValidationError) as raised:
        read_sheet(big)

    assert raised.value.messages == [
        "The file is 2.0 MB; the limit is 2 MB (10,000 rows). Split it and upload the parts."
    ]
    assert big.tell() == 0


def test_the_row_limit_boundary(settings):
    settings.VERIFICATION_CSV_MAX_ROWS = 5

    assert len(read_sheet(upload(rows_csv(5))).rows) == 5
    # Blank lines are not rows.
    assert len(read_sheet(upload(rows_csv(5) + "\r\n,\r\n\r\n")).rows) == 5
    with pytest.raises(ValidationError) as raised:
        read_sheet(upload(rows_csv(6)))

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
    assert {row["result"] for row in checked.results} == {"NO SUCH CREDENTIAL"}
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
@pytest.mark.parametrize(("content", "name", "message"), BAD_FILES.values(), ids=BAD_FILES.keys())
def test_no_bad_file_leaves_anything_behind(
    clinic, verifier, content, name, message, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(ValidationError),
    ):
        bulk_check_run(
            organisation=clinic,
            upload=upload(content, name),
            created_by=verifier,
            add_to_roster=True,
        )

    assert callbacks == []
    assert not BulkCheck.objects.exists()
    assert not RosterEntry.objects.exists()


@pytest.mark.django_db
def test_each_row_gets_its_verdict_or_its_problem_named_precisely(
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
        "Employee ID,credential_number,last_name,Site\r\n"
        + f"E1,{credential.number},okafor,North\r\n"
        + f"E2,{expired.number},Mensah,\r\n"
        + f"E3,{suspended.number},Boateng,\r\n"
        + f"E4,{credential.number},Wrongname,\r\n"
        + f"E5,{unknown_number},Okafor,\r\n"
        + f"E6,{mistype(credential.number)},Okafor,\r\n"
        + "E7,PP-12,Okafor,\r\n"
        + "E8,,Okafor,\r\n"
        + f"E9,{expired.number.replace('-', '').lower()},MENSAH,\r\n"
        + f"E10,{suspended.number},,\r\n"
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
    assert (checked.encoding, checked.separator) == ("UTF-8", "comma")
    assert checked.columns == ["Employee ID", "credential_number", "last_name", "Site"]
    assert [(row["row"], row["result"]) for row in checked.results] == [
        (2, "VALID"),
        (3, "EXPIRED"),
        (4, "SUSPENDED"),
        # The same number again: flagged, whatever the name.
        (5, "DUPLICATE ROW"),
        (6, "NO SUCH CREDENTIAL"),
        (7, "CHECK CHARACTER WRONG"),
        (8, "MALFORMED NUMBER"),
        (9, "MALFORMED NUMBER"),
        (10, "DUPLICATE ROW"),
        (11, "DUPLICATE ROW"),
    ]
    details = {row["row"]: row["detail"] for row in checked.results}
    assert details[5] == f"{credential.number} is also on line 2, and was checked there."
    assert details[6] == f"No credential has the number {unknown_number}."
    assert details[7].startswith("The last character (the check character) does not fit")
    assert details[8].startswith("This is not a credential number: they look like PP-7KQ4")
    assert details[9] == "This row has no credential number."
    assert details[10] == f"{expired.number} is also on line 3, and was checked there."
    first = checked.results[0]
    assert first == {
        "row": 2,
        "cells": ["E1", credential.number, "okafor", "North"],
        "credential_number": credential.number,
        "last_name": "okafor",
        "result": "VALID",
        "detail": "This credential is real and current.",
        "holder_name": "Ada Okafor",
        "programme": "Certified Peer Support Worker",
        "issuer": credential.issuer.name,
        "issued_on": credential.issued_on.isoformat(),
        "expires_on": credential.expires_on.isoformat(),
        "checked_at": first["checked_at"],
    }
    assert not RosterEntry.objects.exists()
    # Only the rows that matched are recorded as checks, each credential once.
    assert set(
        VerificationEvent.objects.values_list("credential_id", "organisation_id", "channel")
    ) == {
        (credential.pk, clinic.pk, "csv"),
        (expired.pk, clinic.pk, "csv"),
        (suspended.pk, clinic.pk, "csv"),
    }


@pytest.mark.django_db
def test_a_name_that_does_not_match_says_so_and_nothing_about_the_holder(
    clinic, verifier, credential, django_capture_on_commit_callbacks
):
    content = HEADER + f"{credential.number},Okafur\r\n"

    with django_capture_on_commit_callbacks(execute=True):
        checked = bulk_check_run(
            organisation=clinic, upload=upload(content), created_by=verifier, add_to_roster=True
        )

    (row,) = checked.results
    assert row["result"] == "NAME DOES NOT MATCH"
    assert row["detail"] == (
        f"{credential.number} is not held by anyone called “Okafur”. "
        "Compare the spelling with the certificate."
    )
    assert set(row) == {
        "row",
        "cells",
        "credential_number",
        "last_name",
        "result",
        "detail",
        "checked_at",
    }
    assert "Ada" not in str(row)
    assert not VerificationEvent.objects.exists()
    assert not RosterEntry.objects.exists()


@pytest.mark.django_db
def test_an_empty_last_name_does_not_match(clinic, verifier, credential):
    checked = bulk_check_run(
        organisation=clinic,
        upload=upload(HEADER + f"{credential.number},\r\n"),
        created_by=verifier,
        add_to_roster=False,
    )

    assert [(row["result"], row["detail"]) for row in checked.results] == [
        ("NAME DOES NOT MATCH", "This row has no last name.")
    ]


@pytest.mark.django_db
def test_a_windows_1252_semicolon_file_checks_accented_names(clinic, verifier, issue_credential):
    nunez = issue_credential(first_name="José", last_name="Núñez")
    data = f"credential_number;last_name;Sede\r\n{nunez.number};Núñez;Málaga\r\n".encode("cp1252")

    checked = bulk_check_run(
        organisation=clinic, upload=upload(data), created_by=verifier, add_to_roster=False
    )

    assert (checked.encoding, checked.separator) == ("Windows-1252", "semicolon")
    assert checked.results[0]["result"] == "VALID"
    assert checked.results[0]["cells"] == [nunez.number, "Núñez", "Málaga"]
    assert checked.results[0]["holder_name"] == "José Núñez"


@pytest.mark.django_db
def test_a_workbook_is_checked_like_a_csv(clinic, verifier, issue_credential):
    nunez = issue_credential(first_name="José", last_name="Núñez")
    data = workbook(
        [["ID", "last_name", "credential_number"], [7, "Núñez", nunez.number], [8, "X", "PP-1"]]
    )

    checked = bulk_check_run(
        organisation=clinic, upload=xlsx(data), created_by=verifier, add_to_roster=False
    )

    assert (checked.encoding, checked.separator) == ("Excel workbook (.xlsx)", "")
    assert checked.columns == ["ID", "last_name", "credential_number"]
    assert [(row["cells"], row["result"]) for row in checked.results] == [
        (["7", "Núñez", nunez.number], "VALID"),
        (["8", "X", "PP-1"], "MALFORMED NUMBER"),
    ]


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


@pytest.mark.django_db
def test_the_number_of_queries_does_not_grow_with_the_rows(
    clinic, verifier, issue_credential, django_assert_max_num_queries
):
    known = [issue_credential(last_name=f"Name{i}") for i in range(3)]

    def content(count: int) -> str:
        rows = [f"{credential.number},{credential.holder.last_name}" for credential in known]
        rows += [f"{number},Okafor" for number in numbers(count - len(known))]
        return HEADER + "\r\n".join(rows) + "\r\n"

    with django_assert_max_num_queries(50) as ten:
        small = bulk_check_run(
            organisation=clinic, upload=upload(content(10)), created_by=verifier, add_to_roster=True
        )
    RosterEntry.objects.all().delete()
    with django_assert_max_num_queries(len(ten.captured_queries)):
        large = bulk_check_run(
            organisation=clinic,
            upload=upload(content(1000)),
            created_by=verifier,
            add_to_roster=True,
        )

    assert len(small.results) == 10 and len(large.results) == 1000
    assert sum(row["result"] == "VALID" for row in large.results) == 3
    # One lookup for every number in the file.
    lookups = [q for q in ten.captured_queries if "certificates_credential" in q["sql"]]
    assert len(lookups) == 1


# ---------------------------------------------------------------- writing the results


STORED_COLUMNS = ["Employee ID", "credential_number", "last_name", "Notes"]
STORED = [
    {
        "row": 2,
        "cells": ["E-1", "PP-7KQ4-M2XD-9", "Núñez", "@home"],
        "credential_number": "PP-7KQ4-M2XD-9",
        "last_name": "Núñez",
        "result": "VALID",
        "detail": "This credential is real and current.",
        "holder_name": "José Núñez",
        "programme": "Certified Peer Support Worker",
        "issuer": "Peer Training Collaborative",
        "issued_on": "2025-01-01",
        "expires_on": "2027-01-01",
        "checked_at": "2026-12-03T10:00:00+00:00",
    },
    {
        "row": 3,
        "cells": ["E-2", "PP-1", "Ødegård", "-"],
        "credential_number": "PP-1",
        "last_name": "Ødegård",
        "result": "MALFORMED NUMBER",
        "detail": "This is not a credential number.",
        "checked_at": "2026-12-03T10:00:00+00:00",
    },
]


@pytest.mark.parametrize(("separator", "char"), [("comma", ","), ("semicolon", ";"), ("tab", "\t")])
def test_the_results_csv_keeps_the_clinics_columns_separator_and_accents(separator, char):
    data = results_csv(columns=STORED_COLUMNS, results=STORED, separator=separator)

    assert data.startswith(BOM)
    assert "Núñez".encode() in data
    delimiter, rows = read_back_csv(data)
    assert delimiter == char
    assert rows[0] == [*STORED_COLUMNS, *PEERPATH_COLUMNS]
    assert rows[1] == [
        "E-1",
        "PP-7KQ4-M2XD-9",
        "Núñez",
        "'@home",  # the clinic's cell, neutralised as every CSV Peerpath writes
        "2",
        "VALID",
        "This credential is real and current.",
        "José Núñez",
        "Certified Peer Support Worker",
        "Peer Training Collaborative",
        "2025-01-01",
        "2027-01-01",
        "2026-12-03T10:00:00+00:00",
    ]
    assert rows[2][:7] == ["E-2", "PP-1", "Ødegård", "'-", "3", "MALFORMED NUMBER", rows[2][6]]
    assert rows[2][7:12] == ["", "", "", "", ""]


def test_a_workbook_has_no_separator_so_its_results_csv_uses_commas():
    _, rows = read_back_csv(results_csv(columns=STORED_COLUMNS, results=STORED, separator=""))

    assert rows[0][:2] == ["Employee ID", "credential_number"]


def test_the_results_workbook_keeps_the_columns_and_accents_and_holds_no_formula():
    stored = [*STORED, {**STORED[1], "row": 4, "cells": ["E-3", "PP-2", "=1+2", "=HYPERLINK()"]}]

    book = openpyxl.load_workbook(io.BytesIO(results_xlsx(columns=STORED_COLUMNS, results=stored)))

    sheet = book.active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == [*STORED_COLUMNS, *PEERPATH_COLUMNS]
    assert rows[1][:6] == ["E-1", "PP-7KQ4-M2XD-9", "Núñez", "@home", 2, "VALID"]
    assert rows[3][2:4] == ["=1+2", "=HYPERLINK()"]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert sheet["A1"].font.bold


def test_checks_stored_before_columns_were_kept_still_download():
    old = [{"row": 2, "credential_number": "PP-1", "last_name": "Okafor", "result": "NO MATCH"}]

    _, rows = read_back_csv(results_csv(columns=[], results=old))

    assert rows[0][:3] == ["credential_number", "last_name", "peerpath_line"]
    assert rows[1][:4] == ["PP-1", "Okafor", "2", "NO MATCH"]


def test_control_characters_excel_refuses_are_dropped_from_the_workbook():
    stored = [{**STORED[0], "cells": ["E\x01-1", "PP-7KQ4-M2XD-9", "Núñez", "a\x0bb"]}]

    book = openpyxl.load_workbook(io.BytesIO(results_xlsx(columns=STORED_COLUMNS, results=stored)))

    assert [cell.value for cell in book.active[2]][:4] == ["E-1", "PP-7KQ4-M2XD-9", "Núñez", "ab"]
