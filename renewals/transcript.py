"""The CE transcript of a holder's cycle, as CSV and as a signed PDF.

The PDF carries the same rows as a JWT signed by the site's Open Badges key (RS256,
published in /.well-known/jwks.json) as an embedded file, so whoever holds the paper can
check that Peerpath issued exactly these rows.
"""

import datetime
import hashlib
from typing import TextIO

from django.template.loader import render_to_string
from django.utils import timezone

from certificates.openbadges import sign
from core.csv import safe_cell
from core.dates import long_date
from core.pdf import embedded_file, html_to_pdf

from .selectors import Standing

HEADER = [
    "title",
    "provider",
    "completed_on",
    "hours",
    "format",
    "kind",
    "categories",
    "source",
    "counted_hours",
    "counted_toward",
    "why_not_counted",
]


def rows(standing: Standing) -> list[list[str]]:
    ev = standing.evaluation
    allocations = {a.activity_id: a for a in ev.allocations} if ev else {}
    out = []
    for activity in standing.activities:
        allocation = allocations.get(activity.pk)
        out.append(
            [
                activity.title,
                activity.provider,
                activity.completed_on.isoformat(),
                f"{activity.hours.normalize():f}",
                activity.get_format_display(),
                activity.get_kind_display(),
                "; ".join(activity.categories),
                activity.get_source_display(),
                f"{allocation.counted_hours.normalize():f}" if allocation else "0",
                "; ".join(k for k, _ in allocation.by_category) if allocation else "",
                " ".join(allocation.reasons) if allocation and not allocation.counts else "",
            ]
        )
    return out


def write_csv(out: TextIO, standing: Standing) -> None:
    import csv

    writer = csv.writer(out)
    writer.writerow(HEADER)
    for row in rows(standing):
        writer.writerow([safe_cell(cell) for cell in row])


def claims(standing: Standing) -> dict:
    ev = standing.evaluation
    assert ev is not None
    return {
        "credential": standing.credential.number,
        "cycle": ev.cycle.number,
        "cycle_starts_on": ev.cycle.starts_on.isoformat(),
        "cycle_expires_on": ev.cycle.expires_on.isoformat(),
        "rules": str(standing.version),
        "total_counted": f"{ev.total.counted.normalize():f}",
        "total_required": f"{ev.total.required.normalize():f}",
        "rows": [dict(zip(HEADER, row, strict=True)) for row in rows(standing)],
        "iat": int(timezone.now().timestamp()),
    }


def pdf(standing: Standing) -> bytes:
    token = sign(claims(standing))
    now = timezone.now().astimezone(datetime.UTC)
    html = render_to_string(
        "renewals/transcript.html",
        {
            "standing": standing,
            "ev": standing.evaluation,
            "rows": rows(standing),
            "generated_on": long_date(timezone.localdate()),
            "fingerprint": hashlib.sha256(token.encode()).hexdigest()[:32],
        },
    )
    attachment = embedded_file(
        token.encode(),
        name="ce-transcript.jwt",
        media_type="application/jwt",
        description="The transcript's rows, signed by Peerpath (RS256)",
        relationship="Alternative",
        modified=now,
    )
    return html_to_pdf(html, attachments=[attachment])
