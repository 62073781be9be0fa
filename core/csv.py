"""CSV export that spreadsheet programs cannot turn into formulas."""

import csv
from collections.abc import Iterable

from django.http import HttpResponse

# A cell starting with one of these is run as a formula by Excel, LibreOffice and Sheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


# The byte order mark Excel needs to read a CSV as UTF-8 ("Núñez", not "NÃºÃ±ez").
UTF8_BOM = "\ufeff"


def csv_response(
    *, filename: str, header: list[str], rows: Iterable[Iterable], bom: bool = False
) -> HttpResponse:
    """A CSV download; ``bom`` starts it with a byte order mark, for Excel."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if bom:
        response.write(UTF8_BOM)
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return response
