"""Reading a clinic's CSV of credential numbers and last names, and writing the results.

A file is accepted whole or refused whole with one clear message, so a half-read file
never leaves half an answer.
"""

import csv
import io

from django.conf import settings
from django.core.exceptions import ValidationError

from core.csv import FORMULA_PREFIXES

from .results import Verdict, VerificationResult

HEADER = ("credential_number", "last_name")
RESULT_HEADER = [
    "row",
    "credential_number",
    "last_name",
    "result",
    "holder_name",
    "programme",
    "issuer",
    "issued_on",
    "expires_on",
    "checked_at",
]
MAX_BYTES = 2 * 1024 * 1024
NO_MATCH = "NO MATCH"


def _column(name: str) -> str:
    return "_".join(name.strip().lower().replace("-", " ").split())


def read_checks(upload) -> list[tuple[int, str, str]]:
    """(row number, credential number, last name) for every data row, or ValidationError."""
    max_rows = settings.VERIFICATION_CSV_MAX_ROWS
    if upload.size > MAX_BYTES:
        raise ValidationError(
            f"The file is {upload.size / 1_048_576:.1f} MB; the limit is 2 MB "
            f"({max_rows:,} rows). Split it and upload the parts."
        )
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(
            "The file is not UTF-8 text. In your spreadsheet choose “Save as” → "
            "“CSV UTF-8 (comma delimited)” and upload that file."
        ) from error
    if "\x00" in text:
        raise ValidationError("The file is not a CSV text file. Upload a .csv file.")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [_column(cell) for cell in next(reader, [])]
    except csv.Error as error:
        raise ValidationError(f"The file could not be read as CSV: {error}.") from error
    if not set(HEADER) <= set(header):
        found = ", ".join(cell for cell in header if cell) or "nothing"
        raise ValidationError(
            f"The first row must name the columns {HEADER[0]} and {HEADER[1]} "
            f"(found: {found[:200]}). Download the template to see the layout."
        )
    number_at, name_at = header.index(HEADER[0]), header.index(HEADER[1])
    checks: list[tuple[int, str, str]] = []
    formulas = []
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if len(checks) == max_rows:
                raise ValidationError(
                    f"The file has more than {max_rows:,} rows. Split it into files of "
                    f"{max_rows:,} rows or fewer and upload each."
                )
            line = reader.line_num
            number = row[number_at].strip() if number_at < len(row) else ""
            name = row[name_at].strip() if name_at < len(row) else ""
            if number.startswith(FORMULA_PREFIXES) or name.startswith(FORMULA_PREFIXES):
                formulas.append(line)
            checks.append((line, number, name))
    except csv.Error as error:
        raise ValidationError(f"Line {reader.line_num} could not be read: {error}.") from error
    if formulas:
        shown = ", ".join(str(line) for line in formulas[:10])
        more = f" and {len(formulas) - 10:,} more" if len(formulas) > 10 else ""
        raise ValidationError(
            f"Lines {shown}{more} hold a spreadsheet formula (a cell starting with =, +, - "
            "or @). Peerpath accepts only plain numbers and names: remove the formulas and "
            "upload the file again."
        )
    if not checks:
        raise ValidationError("The file has a header but no rows to check.")
    return checks


def result_row(line: int, number: str, name: str, result: VerificationResult) -> dict:
    """One row of the results, as stored and as downloaded."""
    row = {
        "row": line,
        "credential_number": number,
        "last_name": name,
        "result": NO_MATCH if result.verdict is Verdict.NOT_FOUND else result.verdict.value,
        "checked_at": result.checked_at.isoformat(timespec="seconds"),
    }
    if result.found:
        assert result.issued_on is not None and result.expires_on is not None  # a credential's
        row |= {
            "holder_name": result.holder_name,
            "programme": result.programme,
            "issuer": result.issuer,
            "issued_on": result.issued_on.isoformat(),
            "expires_on": result.expires_on.isoformat(),
        }
    return row
