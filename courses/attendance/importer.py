"""Reading video-meeting participant reports (Zoom, Microsoft Teams, BigBlueButton).

Pure functions over bytes, except ``report_import`` at the end, which writes records:

- ``report_read`` finds the participant table in the file whatever the product (Zoom's
  report may start with a meeting summary; Teams' is UTF-16, tab-separated, in numbered
  sections) and returns one row per join/leave interval;
- ``attendance_from_report`` merges each person's intervals (overlaps counted once),
  clipped to the session's time, and refuses a report of another day;
- ``people_match`` matches people to the cohort's trainees by email (by full name when the
  report has no email column, as BigBlueButton's dashboard export has none).

Times without a zone are read in the site's time zone (``TIME_ZONE``), the zone the
products write local times in for an account set to it.
"""

import csv
import io
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from core.dates import long_date

MAX_BYTES = 5 * 1024 * 1024
ACCEPTED_SUFFIXES = (".csv", ".tsv", ".txt")


class ReportRefused(Exception):
    """A report that cannot be imported, with the message shown to the facilitator."""


# Each logical column and the headings the products give it (compared in lower case).
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("name (original name)", "name", "full name", "participant name"),
    "email": ("user email", "email", "email address"),
    "join": ("join time", "join", "first join", "joined"),
    "leave": ("leave time", "left", "last leave", "leave"),
    "duration": ("duration (minutes)", "duration", "in-meeting duration", "time in meeting"),
}
REQUIRED = ("name", "join", "leave")
# Teams writes a table of first joins and last leaves, then one of every interval: the
# interval table is the more precise, so headings naming single joins win.
PREFERRED_JOIN = ("join time", "join", "joined")

TIME_FORMATS = (
    "%m/%d/%Y %I:%M:%S %p",  # Zoom: 12/07/2026 09:58:12 AM
    "%m/%d/%Y %H:%M:%S",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y %H:%M",
    "%m/%d/%y, %I:%M:%S %p",  # Teams: 12/7/26, 9:58:12 AM
    "%m/%d/%Y, %I:%M:%S %p",  # Teams (four-digit year), BigBlueButton: 12/7/2026, 9:58:12 AM
    "%m/%d/%Y, %H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
)


@dataclass(frozen=True)
class Interval:
    name: str
    email: str
    joined: datetime
    left: datetime


@dataclass
class Report:
    product: str
    intervals: list[Interval]


@dataclass
class PersonAttendance:
    name: str
    email: str
    minutes: int
    first_join: datetime
    last_leave: datetime
    rows: int = 1
    key: str = field(default="")


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    elif len(data) > 1 and data[1:2] == b"\x00" and data[0:1] != b"\x00":
        text = data.decode("utf-16-le")  # UTF-16 without its byte order mark
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as error:
                raise ReportRefused(_NOT_CSV) from error
    if "\x00" in text or any(ord(c) < 9 for c in text[:2000]):
        raise ReportRefused(_NOT_CSV)
    return text


_NOT_CSV = (
    "This file is not a CSV participant report. Export the attendance or participant "
    "report from Zoom, Microsoft Teams or BigBlueButton as CSV and upload that."
)


def _delimiter(text: str) -> str:
    sample = text[:4000]
    return "\t" if sample.count("\t") > sample.count(",") / 2 else ","


def _header_map(row: Sequence[str]) -> dict[str, int] | None:
    cells = [cell.strip().strip('"').lower() for cell in row]
    found: dict[str, int] = {}
    for column, names in COLUMNS.items():
        for name in names:
            if name in cells:
                found[column] = cells.index(name)
                break
    if all(column in found for column in REQUIRED):
        return found
    return None


def _product(row: Sequence[str]) -> str:
    cells = {cell.strip().lower() for cell in row}
    if "user email" in cells or "name (original name)" in cells:
        return "Zoom"
    if "first join" in cells or "join time" in cells or "role" in cells:
        return "Microsoft Teams"
    return "BigBlueButton"


def parse_time(text: str, *, tz: tzinfo) -> datetime:
    text = " ".join(text.strip().replace("\u202f", " ").split())
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        for fmt in TIME_FORMATS:
            try:
                moment = datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
        else:
            raise ReportRefused(f"“{text}” is not a date and time this importer reads.") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    return moment


def report_read(data: bytes, *, filename: str, tz: tzinfo) -> Report:
    """The join/leave intervals in a participant report, whichever product wrote it."""
    if not filename.lower().endswith(ACCEPTED_SUFFIXES):
        raise ReportRefused(_NOT_CSV)
    if len(data) > MAX_BYTES:
        raise ReportRefused("This report is larger than 5 MB; export one meeting at a time.")
    text = _decode(data)
    rows = list(csv.reader(io.StringIO(text), delimiter=_delimiter(text)))
    headers = [(i, m) for i, row in enumerate(rows) if (m := _header_map(row)) is not None]
    if not headers:
        classic = _classic_teams(rows, tz=tz)
        if classic is not None:
            return classic
        raise ReportRefused(
            "This file does not have the columns of a participant report: it needs the "
            "name, join time and leave time of each participant (and their email, to "
            "match trainees)."
        )
    # Prefer the table of single intervals (Teams' "In-Meeting Activities").
    headers.sort(key=lambda h: rows[h[0]][h[1]["join"]].strip().lower() not in PREFERRED_JOIN)
    start, columns = headers[0]
    product = _product(rows[start])
    intervals = []
    width = max(columns.values())
    for row in rows[start + 1 :]:
        if not any(cell.strip() for cell in row) or len(row) <= width:
            break  # the end of the table: a blank line, or the next section's title
        joined = parse_time(row[columns["join"]], tz=tz)
        left = parse_time(row[columns["leave"]], tz=tz)
        if left < joined:
            raise ReportRefused(f"A row for {row[columns['name']]} leaves before it joins.")
        email = row[columns["email"]].strip().lower() if "email" in columns else ""
        intervals.append(
            Interval(name=row[columns["name"]].strip(), email=email, joined=joined, left=left)
        )
    if not intervals:
        raise ReportRefused("This report lists no participants.")
    return Report(product=product, intervals=intervals)


CLASSIC_TEAMS = ("full name", "user action", "timestamp")


def _classic_teams(rows: list[list[str]], *, tz: tzinfo) -> Report | None:
    """Teams' older attendance list: one row per event ("Joined", "Joined before", "Left"),
    no email. A join never followed by a leave lasts to the list's last event."""
    start = next(
        (
            i
            for i, row in enumerate(rows)
            if all(name in [c.strip().lower() for c in row] for name in CLASSIC_TEAMS)
        ),
        None,
    )
    if start is None:
        return None
    cells = [cell.strip().lower() for cell in rows[start]]
    name_at, action_at, time_at = (cells.index(name) for name in CLASSIC_TEAMS)
    events = []
    for row in rows[start + 1 :]:
        if len(row) <= max(name_at, action_at, time_at) or not row[name_at].strip():
            break
        events.append(
            (row[name_at].strip(), row[action_at].strip().lower(), parse_time(row[time_at], tz=tz))
        )
    if not events:
        raise ReportRefused("This report lists no participants.")
    last = max(moment for _, _, moment in events)
    open_since: dict[str, datetime] = {}
    intervals = []
    for name, action, moment in sorted(events, key=lambda e: e[2]):
        if action.startswith("join"):
            open_since.setdefault(name, moment)
        elif action == "left" and name in open_since:
            intervals.append(
                Interval(name=name, email="", joined=open_since.pop(name), left=moment)
            )
    intervals += [Interval(name=n, email="", joined=t, left=last) for n, t in open_since.items()]
    return Report(product="Microsoft Teams", intervals=intervals)


def _merged_seconds(spans: list[tuple[datetime, datetime]]) -> int:
    total = 0
    current_start: datetime | None = None
    current_end: datetime | None = None
    for start, end in sorted(spans):
        if current_end is None or start > current_end:
            if current_start is not None and current_end is not None:
                total += int((current_end - current_start).total_seconds())
            current_start, current_end = start, end
        elif end > current_end:
            current_end = end
    if current_start is not None and current_end is not None:
        total += int((current_end - current_start).total_seconds())
    return total


def attendance_from_report(
    report: Report, *, starts_at: datetime, ends_at: datetime, tz: tzinfo
) -> list[PersonAttendance]:
    """Each person's minutes within the session, overlapping intervals counted once.

    Refused when the report's meeting was not on the session's date.
    """
    session_days: set[date] = {
        starts_at.astimezone(tz).date(),
        ends_at.astimezone(tz).date(),
    }
    report_days = {i.joined.astimezone(tz).date() for i in report.intervals}
    if not report_days <= session_days:
        other = ", ".join(long_date(d) for d in sorted(report_days - session_days))
        day = starts_at.astimezone(tz).date()
        raise ReportRefused(
            f"This report is for a meeting on {other}, but the session was on "
            f"{long_date(day)}. Check you exported the right meeting."
        )
    by_person: dict[str, list[Interval]] = defaultdict(list)
    for interval in report.intervals:
        by_person[interval.email or interval.name.lower()].append(interval)
    people = []
    for key, intervals in by_person.items():
        spans = [
            (max(i.joined, starts_at), min(i.left, ends_at))
            for i in intervals
            if min(i.left, ends_at) > max(i.joined, starts_at)
        ]
        length = int((ends_at - starts_at).total_seconds() // 60)
        people.append(
            PersonAttendance(
                name=intervals[0].name,
                email=intervals[0].email,
                minutes=min(length, _merged_seconds(spans) // 60),
                first_join=min(i.joined for i in intervals),
                last_leave=max(i.left for i in intervals),
                rows=len(intervals),
                key=key,
            )
        )
    return people


@dataclass(frozen=True)
class Trainee:
    enrollment_id: int
    email: str
    full_name: str


def people_match(
    people: Iterable[PersonAttendance], trainees: Iterable[Trainee]
) -> tuple[dict[int, PersonAttendance], list[PersonAttendance]]:
    """(enrollment id → person, unmatched people): by email, else by a unique full name."""
    trainees = list(trainees)
    by_email = {t.email.lower(): t for t in trainees}
    names: dict[str, list[Trainee]] = defaultdict(list)
    for t in trainees:
        names[t.full_name.strip().lower()].append(t)
    matched: dict[int, PersonAttendance] = {}
    unmatched: list[PersonAttendance] = []
    for person in people:
        trainee = by_email.get(person.email) if person.email else None
        if trainee is None and not person.email:
            candidates = names.get(person.name.lower(), [])
            trainee = candidates[0] if len(candidates) == 1 else None
        if trainee is None or trainee.enrollment_id in matched:
            unmatched.append(person)
        else:
            matched[trainee.enrollment_id] = person
    return matched, unmatched


def status_for(
    person_minutes: int,
    *,
    first_join: datetime,
    last_leave: datetime,
    starts_at: datetime,
    ends_at: datetime,
    length: int,
) -> str:
    grace = timedelta(minutes=5)
    if person_minutes <= 0:
        return "absent"
    if first_join > starts_at + grace:
        return "late"
    if last_leave < ends_at - grace or person_minutes < length - 5:
        return "left_early"
    return "present"
