"""Enrolling a list of people from a CSV file: read and check every row, then apply them all.

A coordinator uploads a CSV with the columns email, first name and last name (as Excel
saves it: UTF-8 with or without a byte order mark, or Windows-1252; comma, semicolon or
tab separated). Every row is checked before anything changes; a file with any bad row is
refused whole, each problem named by its row. A good file is shown for confirmation and
then applied in one transaction through ``services.enrollment_by_email``: people who may
be enrolled directly are, everyone else is invited by email.
"""

import csv
import io
from dataclasses import dataclass

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from .models import ProgrammePage
from .services import EnrolByEmailResult, enrollment_by_email

MAX_BYTES = 512 * 1024
MAX_ROWS = 500
COLUMNS = ("email", "first name", "last name")
_SIGNING_SALT = "courses.bulk_enrolment"


@dataclass(frozen=True)
class BulkRow:
    line: int
    email: str
    first_name: str
    last_name: str


@dataclass(frozen=True)
class BulkRead:
    rows: list[BulkRow]
    errors: list[str]
    encoding: str = ""


def _decode(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        # Excel's "CSV" on Windows; every byte decodes, so this is the last resort.
        return data.decode("cp1252", errors="replace"), "Windows-1252"


def _header_key(cell: str) -> str:
    return " ".join(cell.strip().lower().replace("_", " ").split())


def bulk_enrolment_read(*, data: bytes) -> BulkRead:
    """Every row of the file, or every problem in it (a file with problems has no rows)."""
    if not data.strip():
        return BulkRead([], ["The file is empty."])
    if len(data) > MAX_BYTES:
        return BulkRead([], [f"The file is larger than {MAX_BYTES // 1024} KB."])
    if data[:2] == b"PK":
        return BulkRead([], ["This looks like an Excel workbook: save it as CSV and upload that."])
    text, encoding = _decode(data)
    first_line = text.splitlines()[0] if text else ""
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [_header_key(cell) for cell in next(reader, [])]
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        return BulkRead(
            [],
            [
                "The first row must name the columns email, first name and last name; "
                f"missing: {', '.join(missing)}."
            ],
            encoding,
        )
    where = {name: header.index(name) for name in COLUMNS}
    rows: list[BulkRow] = []
    errors: list[str] = []
    seen: dict[str, int] = {}
    for line, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        values = {
            name: cells[index].strip() if index < len(cells) else ""
            for name, index in where.items()
        }
        email = values["email"].lower()
        try:
            validate_email(email)
        except ValidationError:
            errors.append(f"Row {line}: “{values['email']}” is not an email address.")
            continue
        if email in seen:
            errors.append(f"Row {line}: {email} is already on row {seen[email]}.")
            continue
        seen[email] = line
        rows.append(BulkRow(line, email, values["first name"], values["last name"]))
    if len(rows) + len(errors) > MAX_ROWS:
        return BulkRead([], [f"Upload at most {MAX_ROWS} people at a time."], encoding)
    if not rows and not errors:
        errors.append("The file has a header row but nobody in it.")
    return BulkRead([] if errors else rows, errors, encoding)


def rows_sign(*, programme: ProgrammePage, rows: list[BulkRow]) -> str:
    """The checked rows, signed, for the confirmation form to send back unchanged."""
    return signing.dumps(
        {
            "programme": programme.pk,
            "rows": [[r.line, r.email, r.first_name, r.last_name] for r in rows],
        },
        salt=_SIGNING_SALT,
    )


def rows_unsign(*, programme: ProgrammePage, token: str) -> list[BulkRow]:
    try:
        payload = signing.loads(token, salt=_SIGNING_SALT, max_age=3600)
    except signing.BadSignature as error:
        raise ValidationError(
            "The confirmation expired or was changed: upload the file again."
        ) from error
    if payload.get("programme") != programme.pk:
        raise ValidationError("This confirmation is for another programme: upload the file again.")
    return [BulkRow(*row) for row in payload["rows"]]


@transaction.atomic
def enrollment_bulk_apply(
    *, coordinator, programme: ProgrammePage, rows: list[BulkRow]
) -> list[tuple[BulkRow, EnrolByEmailResult]]:
    """Enrol or invite everyone; all or nothing (a failure rolls every row back)."""
    return [
        (
            row,
            enrollment_by_email(
                coordinator=coordinator,
                programme=programme,
                email=row.email,
                first_name=row.first_name,
                last_name=row.last_name,
            ),
        )
        for row in rows
    ]
