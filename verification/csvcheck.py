"""A clinic's spreadsheet of credential numbers and last names: reading it, checking each
row, and writing the results back in the clinic's own layout.

Peerpath reads what Excel, LibreOffice, Sheets and Teams write: CSV in UTF-8 (with or without
the byte order mark), UTF-16 (Excel's "Unicode text", Teams exports) or Windows-1252 (Excel's
"CSV" on Windows), separated by commas, semicolons (Excel where the decimal mark is a comma)
or tabs; and the first sheet of an ``.xlsx`` workbook. It says which encoding and separator
it read. A file is accepted whole or refused whole with one clear message, so a half-read
file never leaves half an answer.

Each row gets one result, named precisely: a verdict (VALID, EXPIRED, SUSPENDED, REVOKED) or
a problem (malformed number, check character wrong, no such credential, name does not match,
duplicate row). The results keep every one of the clinic's columns in their order, with
Peerpath's appended, as CSV in UTF-8 with a byte order mark (so Excel shows "Núñez") and the
clinic's own separator, or as ``.xlsx``. Neither can carry a formula back into a spreadsheet.
"""

import csv
import dataclasses
import datetime
import enum
import io
import re
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError

from certificates.api import normalise, number_problem
from core.csv import FORMULA_PREFIXES, safe_cell

from .results import EXPLANATIONS, VerificationResult

HEADER = ("credential_number", "last_name")
MAX_BYTES = 2 * 1024 * 1024
# A workbook is a zip: 2 MB of it may unpack to far more XML than any real sheet of
# 10,000 rows needs. Refused before it is parsed, so a zip bomb costs nothing.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_COLUMNS = 100
CSV_SUFFIXES = (".csv", ".txt", ".tsv")
WORKBOOK_SUFFIX = ".xlsx"
ZIP_MAGIC = b"PK\x03\x04"
# Old binary workbooks (.xls) and password-protected .xlsx files are OLE compound files.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab"}
_BY_NAME = {name: char for char, name in SEPARATORS.items()}
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8", "UTF-8 with byte order mark"),
    (b"\xff\xfe", "utf-16-le", "UTF-16 (little-endian)"),
    (b"\xfe\xff", "utf-16-be", "UTF-16 (big-endian)"),
)
WORKBOOK = "Excel workbook (.xlsx)"
_EXCEL_SEPARATOR_LINE = re.compile(r"sep=(.)\r?\n")
_TEMPLATE_HINT = "Download the template to see the layout."

# Peerpath's columns, appended after the clinic's, and the stored row's key for each.
PEERPATH_COLUMNS = {
    "peerpath_line": "row",
    "peerpath_result": "result",
    "peerpath_detail": "detail",
    "peerpath_holder_name": "holder_name",
    "peerpath_programme": "programme",
    "peerpath_issuer": "issuer",
    "peerpath_issued_on": "issued_on",
    "peerpath_expires_on": "expires_on",
    "peerpath_checked_at": "checked_at",
}


class RowProblem(enum.StrEnum):
    """Why a row has no verdict, in the words the results show."""

    MALFORMED = "MALFORMED NUMBER"
    CHECK_CHARACTER = "CHECK CHARACTER WRONG"
    NOT_FOUND = "NO SUCH CREDENTIAL"
    NAME_MISMATCH = "NAME DOES NOT MATCH"
    DUPLICATE = "DUPLICATE ROW"


PROBLEMS = tuple(RowProblem)


@dataclasses.dataclass(slots=True)
class Row:
    line: int  # the file's line (CSV) or row (workbook), as the clinic sees it
    cells: list[str]  # every cell as read, the clinic's columns in order
    number: str  # the credential number and last name as typed, without surrounding spaces
    name: str


@dataclasses.dataclass(slots=True)
class Sheet:
    """What a file held: the clinic's header and rows, and how it was read."""

    columns: list[str]
    rows: list[Row]
    encoding: str
    separator: str  # a key of _BY_NAME, or "" for a workbook

    @property
    def read_as(self) -> str:
        return describe(self.encoding, self.separator)


def describe(encoding: str, separator: str) -> str:
    """How a file was read, in words: "Windows-1252 text, semicolon-separated"."""
    if not encoding:
        return ""
    if not separator:
        return encoding
    return f"{encoding} text, {separator}-separated"


def _column(name: str) -> str:
    return "_".join(name.strip().lower().replace("-", " ").split())


# ---------------------------------------------------------------- reading


def read_sheet(upload) -> Sheet:
    """Every row of an uploaded CSV or .xlsx file, or ValidationError with one message."""
    max_rows = settings.VERIFICATION_CSV_MAX_ROWS
    if upload.size > MAX_BYTES:
        raise ValidationError(
            f"The file is {upload.size / 1_048_576:.1f} MB; the limit is 2 MB "
            f"({max_rows:,} rows). Split it and upload the parts."
        )
    name = upload.name or ""
    suffix = PurePath(name).suffix.lower()
    if suffix == ".xls":
        raise ValidationError(_OLD_WORKBOOK)
    if suffix and suffix not in (*CSV_SUFFIXES, WORKBOOK_SUFFIX):
        raise ValidationError(
            f"“{PurePath(name).name[:100]}” is not a spreadsheet Peerpath can read. Upload a "
            "CSV file (.csv) or an Excel workbook (.xlsx)."
        )
    data = upload.read()
    if not data.strip():
        raise ValidationError(
            "The file is empty. Its first row must name the columns credential_number and "
            f"last_name, then one peer worker per row. {_TEMPLATE_HINT}"
        )
    if data.startswith(ZIP_MAGIC) or suffix == WORKBOOK_SUFFIX:
        return _read_workbook(data, max_rows=max_rows)
    if data.startswith(OLE_MAGIC):
        raise ValidationError(_OLD_WORKBOOK)
    text, encoding = _decode(data)
    if "\x00" in text:
        raise ValidationError(
            "The file is not a CSV text file. Upload a .csv file or an Excel workbook (.xlsx)."
        )
    return _read_text(text, encoding=encoding, max_rows=max_rows)


_OLD_WORKBOOK = (
    "The file is an old Excel workbook (.xls) or a password-protected one, which Peerpath "
    "cannot read. In Excel choose “Save as” → “Excel Workbook (.xlsx)” or “CSV UTF-8”, "
    "without a password, and upload that file."
)


def _decode(data: bytes) -> tuple[str, str]:
    """The text and the name of its encoding: a byte order mark decides, else UTF-8 if the
    bytes are UTF-8, else Windows-1252 (Excel's "CSV" on Windows, a superset of Latin-1's
    letters)."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), label
            except UnicodeDecodeError as error:
                raise ValidationError(
                    f"The file starts like {label} text but is not: it breaks off at byte "
                    f"{error.start + len(bom):,}. Save it again from your spreadsheet as "
                    "“CSV UTF-8” and upload that file."
                ) from error
    # UTF-16 without a byte order mark: the header's plain letters alternate with zeros.
    if len(data) >= 4 and data[0] and not data[1] and data[2] and not data[3]:
        candidates = [("utf-16-le", "UTF-16 (little-endian)")]
    elif len(data) >= 4 and not data[0] and data[1] and not data[2] and data[3]:
        candidates = [("utf-16-be", "UTF-16 (big-endian)")]
    else:
        candidates = [("utf-8", "UTF-8"), ("cp1252", "Windows-1252")]
    for codec, label in candidates:
        try:
            return data.decode(codec), label
        except UnicodeDecodeError:
            continue
    raise ValidationError(
        "The file is not text Peerpath can read (UTF-8, UTF-16 or Windows-1252). In your "
        "spreadsheet choose “Save as” → “CSV UTF-8 (comma delimited)” and upload that file."
    )


def _header_error(found: Sequence[str]) -> ValidationError:
    shown = ", ".join(cell.strip() for cell in found if cell.strip()) or "nothing"
    return ValidationError(
        f"The first row must name the columns {HEADER[0]} and {HEADER[1]} "
        f"(found: {shown[:200]}). {_TEMPLATE_HINT}"
    )


def _sniff(text: str) -> tuple[str, list[str]]:
    """The separator whose split of the first row names both columns, and that row.

    Comma, then semicolon, then tab: a header can only name both columns with the
    separator the file uses. If none does, the header as the most columns split it.
    """
    tried = []
    for char in SEPARATORS:
        try:
            header = next(csv.reader(io.StringIO(text, newline=""), delimiter=char), [])
        except csv.Error as error:
            raise ValidationError(f"The file could not be read as CSV: {error}.") from error
        header = [cell.lstrip("\ufeff") for cell in header]
        if set(HEADER) <= {_column(cell) for cell in header}:
            return char, header
        tried.append(header)
    raise _header_error(max(tried, key=len))


def _read_text(text: str, *, encoding: str, max_rows: int) -> Sheet:
    offset = 0
    hinted = _EXCEL_SEPARATOR_LINE.match(text)  # Excel's own "sep=;" first line
    if hinted and hinted[1] in SEPARATORS:
        text, offset = text[hinted.end() :], 1
    separator, header = _sniff(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    next(reader)  # the header, read by _sniff
    records = []
    try:
        for cells in reader:
            records.append((reader.line_num + offset, cells))
    except csv.Error as error:
        raise ValidationError(
            f"Line {reader.line_num + offset} could not be read: {error}."
        ) from error
    return _sheet(
        header, records, encoding=encoding, separator=SEPARATORS[separator], max_rows=max_rows
    )


def _read_workbook(data: bytes, *, max_rows: int) -> Sheet:
    """The first sheet of an .xlsx workbook, read-only (streamed), values as text."""
    import openpyxl

    corrupt = ValidationError(
        "The file could not be opened as an Excel workbook (.xlsx): it may be damaged or "
        "not a workbook at all. Open it in Excel and save it again as “Excel Workbook "
        "(.xlsx)” or “CSV UTF-8”, then upload that file."
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError) as error:
        raise corrupt from error
    if unpacked > MAX_UNPACKED_BYTES:
        raise ValidationError(
            f"The workbook unpacks to {unpacked / 1_048_576:,.0f} MB, more than a sheet of "
            f"{max_rows:,} rows needs. Copy the names and numbers into a new workbook, or "
            "save the sheet as “CSV UTF-8”, and upload that file."
        )
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise corrupt from error
    try:
        if not workbook.worksheets:
            raise corrupt
        rows = workbook.worksheets[0].iter_rows(values_only=True, max_col=MAX_COLUMNS + 1)
        header: list[str] = []
        records: list[tuple[int, list[str]]] = []
        for line, values in enumerate(rows, start=1):
            cells = [_cell_text(value) for value in values]
            while cells and not cells[-1]:  # rows come padded to the sheet's width
                cells.pop()
            if line == 1:
                header = cells
            elif any(cell.strip() for cell in cells):
                records.append((line, cells))
                if len(records) > max_rows:
                    break
    except ValidationError:
        raise
    except Exception as error:
        raise corrupt from error
    finally:
        workbook.close()
    if not set(HEADER) <= {_column(cell) for cell in header}:
        raise _header_error(header)
    return _sheet(header, records, encoding=WORKBOOK, separator="", max_rows=max_rows)


def _cell_text(value: Any) -> str:
    """A workbook cell as the text a CSV of it would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def _sheet(
    header: list[str],
    records: list[tuple[int, list[str]]],
    *,
    encoding: str,
    separator: str,
    max_rows: int,
) -> Sheet:
    """The rows worth checking, each cut to the clinic's columns; formulas refuse the file."""
    columns = [_column(cell) for cell in header]
    # A results file uploaded again: Peerpath's columns are written afresh, not twice.
    keep = [i for i, column in enumerate(columns) if column not in PEERPATH_COLUMNS]
    read_width = len(columns)
    trimmed = len(keep) != read_width
    if trimmed:
        header = [header[i] for i in keep]
        columns = [columns[i] for i in keep]
    number_at, name_at = columns.index(HEADER[0]), columns.index(HEADER[1])
    width = len(header)
    rows: list[Row] = []
    formulas = []
    for line, cells in records:
        if trimmed:
            cells = [cells[i] if i < len(cells) else "" for i in keep] + cells[read_width:]
        if not any(cell.strip() for cell in cells):
            continue
        if len(rows) == max_rows:
            raise ValidationError(
                f"The file has more than {max_rows:,} rows. Split it into files of "
                f"{max_rows:,} rows or fewer and upload each."
            )
        if len(cells) > width:
            while len(cells) > width and not cells[-1].strip():
                cells.pop()
            if len(cells) > MAX_COLUMNS:
                raise ValidationError(
                    f"Line {line} has more than {MAX_COLUMNS} columns. Keep the credential "
                    "numbers, last names and your own columns, and upload the file again."
                )
            width = max(width, len(cells))
        number = cells[number_at].strip() if number_at < len(cells) else ""
        name = cells[name_at].strip() if name_at < len(cells) else ""
        if number.startswith(FORMULA_PREFIXES) or name.startswith(FORMULA_PREFIXES):
            formulas.append(line)
        rows.append(Row(line, cells, number, name))
    if formulas:
        shown = ", ".join(str(line) for line in formulas[:10])
        more = f" and {len(formulas) - 10:,} more" if len(formulas) > 10 else ""
        raise ValidationError(
            f"Lines {shown}{more} hold a spreadsheet formula (a cell starting with =, +, - "
            "or @). Peerpath accepts only plain numbers and names: remove the formulas and "
            "upload the file again."
        )
    if not rows:
        raise ValidationError("The file has a header but no rows to check.")
    if width > MAX_COLUMNS:
        raise ValidationError(
            f"The first row has more than {MAX_COLUMNS} columns. Keep the credential numbers, "
            "last names and your own columns, and upload the file again."
        )
    # Every row as wide as the widest; cells past the header's get unnamed columns.
    header = [cell.lstrip("\ufeff") for cell in header] + [""] * (width - len(header))
    for row in rows:
        if len(row.cells) < width:
            row.cells.extend([""] * (width - len(row.cells)))
    return Sheet(columns=header, rows=rows, encoding=encoding, separator=separator)


# ---------------------------------------------------------------- checking


@dataclasses.dataclass(slots=True)
class Plan:
    """Each row's canonical number, or the problem found before any lookup."""

    canonical: list[str | None]
    problems: list[tuple[RowProblem, str] | None]

    @property
    def numbers(self) -> set[str]:
        """The numbers to look up: well-formed ones, each once."""
        return {
            number
            for number, problem in zip(self.canonical, self.problems, strict=True)
            if number and problem is None
        }


def sheet_plan(sheet: Sheet) -> Plan:
    """Malformed numbers, wrong check characters and repeats, found without the database."""
    canonical: list[str | None] = []
    problems: list[tuple[RowProblem, str] | None] = []
    first_seen: dict[str, int] = {}
    for row in sheet.rows:
        number = normalise(row.number) if row.number else None
        canonical.append(number)
        if number is None:
            problems.append(_number_problem(row.number))
        elif number in first_seen:
            problems.append(
                (
                    RowProblem.DUPLICATE,
                    f"{number} is also on line {first_seen[number]}, and was checked there.",
                )
            )
        else:
            first_seen[number] = row.line
            problems.append(None)
    return Plan(canonical=canonical, problems=problems)


def _number_problem(typed: str) -> tuple[RowProblem, str]:
    if not typed:
        return RowProblem.MALFORMED, "This row has no credential number."
    if number_problem(typed) == "check_character":
        return (
            RowProblem.CHECK_CHARACTER,
            "The last character (the check character) does not fit the others, so a "
            "character is mistyped. Compare the number with the certificate.",
        )
    return (
        RowProblem.MALFORMED,
        "This is not a credential number: they look like PP-7KQ4-M2XD-9, eight letters and "
        "digits after PP, then a check character.",
    )


def sheet_check(
    sheet: Sheet,
    plan: Plan,
    *,
    credentials: Mapping[str, dict],
    names_match: Callable[[str, str], bool],
    result_of: Callable[[dict], VerificationResult],
    checked_at: datetime.datetime,
) -> tuple[list[dict], list[VerificationResult]]:
    """One stored result per row, and the results of rows that matched (to be recorded).

    ``credentials`` holds ``certificates.api.credentials_named`` rows by number;
    ``result_of`` makes a row's result.

    A name that does not match says only that: the row gets none of the credential's details.
    Saying that a number exists tells the clinic nothing the public page at that number
    does not.
    """
    stamp = checked_at.isoformat(timespec="seconds")
    stored = []
    matched = []
    for row, number, problem in zip(sheet.rows, plan.canonical, plan.problems, strict=True):
        found: dict[str, Any] = {}
        outcome = ("", "")
        if problem is None:
            credential = credentials.get(number) if number else None
            if credential is None:
                problem = (RowProblem.NOT_FOUND, f"No credential has the number {number}.")
            elif not names_match(row.name, credential["holder_last_name"]):
                problem = (
                    (RowProblem.NAME_MISMATCH, "This row has no last name.")
                    if not row.name
                    else (
                        RowProblem.NAME_MISMATCH,
                        f"{number} is not held by anyone called “{row.name[:100]}”. "
                        "Compare the spelling with the certificate.",
                    )
                )
            else:
                result = result_of(credential)
                matched.append(result)
                outcome = (result.verdict.value, EXPLANATIONS[result.verdict])
                found = _found(result)
        if problem is not None:
            outcome = (problem[0].value, problem[1])
        stored.append(
            {
                "row": row.line,
                "cells": row.cells,
                "credential_number": row.number,
                "last_name": row.name,
                "result": outcome[0],
                "detail": outcome[1],
                "checked_at": stamp,
                **found,
            }
        )
    return stored, matched


def _found(result: VerificationResult) -> dict[str, Any]:
    assert result.issued_on is not None and result.expires_on is not None  # a credential's
    return {
        "holder_name": result.holder_name,
        "programme": result.programme,
        "issuer": result.issuer,
        "issued_on": result.issued_on.isoformat(),
        "expires_on": result.expires_on.isoformat(),
    }


# ---------------------------------------------------------------- results


def results_table(
    *, columns: Sequence[str], results: Sequence[dict]
) -> tuple[list[str], Iterator[list[Any]]]:
    """The header and rows of a results file: the clinic's columns, then Peerpath's.

    Checks stored before the clinic's columns were kept have only the two checked ones.
    """
    own = list(columns) or list(HEADER)
    header = own + list(PEERPATH_COLUMNS)
    keys = list(PEERPATH_COLUMNS.values())

    def rows() -> Iterator[list[Any]]:
        for row in results:
            cells = row.get("cells") or [row.get("credential_number", ""), row.get("last_name", "")]
            yield [*cells, *(row.get(key, "") for key in keys)]

    return header, rows()


def results_csv(
    *, columns: Sequence[str], results: Sequence[dict], separator: str = "comma"
) -> bytes:
    """The results as CSV: UTF-8 with a byte order mark (Excel then reads it as UTF-8), in
    the clinic's separator (Excel splits on its list separator), formula-safe."""
    header, rows = results_table(columns=columns, results=results)
    out = io.StringIO(newline="")
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=_BY_NAME.get(separator, ","))
    writer.writerow([safe_cell(cell) for cell in header])
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return out.getvalue().encode("utf-8")


def results_xlsx(*, columns: Sequence[str], results: Sequence[dict]) -> bytes:
    """The results as an .xlsx workbook. Every cell is stored as text (the line number as a
    number), never as a formula: openpyxl would otherwise write "=…" as one."""
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    header, rows = results_table(columns=columns, results=results)
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Results")
    bold = Font(bold=True)
    line_at = len(header) - len(PEERPATH_COLUMNS)

    def cell(value: Any, *, font: Font | None = None) -> WriteOnlyCell:
        text = ILLEGAL_CHARACTERS_RE.sub("", "" if value is None else str(value))
        written = WriteOnlyCell(sheet, value=text)
        written.data_type = "s"  # openpyxl makes a string starting with = a formula
        if font is not None:
            written.font = font
        return written

    def value(text: Any) -> Any:
        # Plain strings are cheap to write; only those openpyxl would take for a formula,
        # or would refuse, need a cell of their own.
        text = "" if text is None else str(text)
        if text.startswith("=") or ILLEGAL_CHARACTERS_RE.search(text):
            return cell(text)
        return text

    sheet.append([cell(name, font=bold) for name in header])
    for row in rows:
        sheet.append([line if i == line_at else value(line) for i, line in enumerate(row)])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
