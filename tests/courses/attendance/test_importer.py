"""The meeting-report importer, on fixtures that mirror each product's export."""

import datetime
from pathlib import Path

import pytest

from courses.attendance import importer
from courses.attendance.importer import ReportRefused

from .conftest import REPORT_DAY_START

FIXTURES = Path(__file__).parent / "fixtures"
UTC = datetime.UTC
START = REPORT_DAY_START
END = START + datetime.timedelta(hours=2)


def read(name: str) -> importer.Report:
    return importer.report_read((FIXTURES / name).read_bytes(), filename=name, tz=UTC)


def minutes_by_key(name: str) -> dict[str, int]:
    people = importer.attendance_from_report(read(name), starts_at=START, ends_at=END, tz=UTC)
    return {p.key: p.minutes for p in people}


def test_zoom_report_with_a_meeting_summary_first_merges_three_joins_counting_overlaps_once():
    report = read("zoom_participants.csv")
    assert report.product == "Zoom"
    assert len(report.intervals) == 6
    minutes = minutes_by_key("zoom_participants.csv")
    # 10:00-10:40, then 10:41:30-11:20 and 11:15-12:01 overlapping: 40 + 78.5, within 10-12.
    assert minutes["ada@example.org"] == 118
    assert minutes["ben@example.org"] == 99  # the email matched in lower case
    assert minutes["sam (guest)"] == 88  # no email: keyed by name


def test_teams_utf16_tab_separated_report_reads_the_in_meeting_activities_table():
    report = read("teams_attendance_utf16.csv")
    assert report.product == "Microsoft Teams"
    assert len(report.intervals) == 5  # section 3, not the first-join/last-leave table
    minutes = minutes_by_key("teams_attendance_utf16.csv")
    assert minutes["ada@example.org"] == 110  # 10:00-11:20 merged, then 11:30-12:00
    assert minutes["ben@example.org"] == 39


def test_teams_utf16_without_byte_order_mark_and_comma_separated_utf8_teams_both_read():
    data = (FIXTURES / "teams_attendance_utf16.csv").read_bytes()
    no_bom = data[2:]
    assert len(importer.report_read(no_bom, filename="a.csv", tz=UTC).intervals) == 5
    utf8 = data.decode("utf-16").replace("\t", ",").replace(", ", " ").encode()
    # Teams in comma-separated UTF-8 (the web app's download) with "12/7/26 9:58:12 AM".
    utf8 = utf8.replace(b"12/7/26 ", b"12/07/2026 ")
    assert len(importer.report_read(utf8, filename="a.csv", tz=UTC).intervals) == 5


def test_bigbluebutton_dashboard_export_has_no_email_and_is_matched_by_name():
    report = read("bbb_dashboard.csv")
    assert report.product == "BigBlueButton"
    people = importer.attendance_from_report(report, starts_at=START, ends_at=END, tz=UTC)
    matched, unmatched = importer.people_match(
        people,
        [
            importer.Trainee(1, "ada@example.org", "Ada Okafor"),
            importer.Trainee(2, "chris@example.org", "Chris Lee"),
        ],
    )
    assert matched[1].minutes == 115
    assert matched[2].minutes == 30
    assert [p.name for p in unmatched] == ["Dana Facilitator"]


def test_matching_by_email_leaves_guests_and_strangers_unmatched():
    people = importer.attendance_from_report(
        read("zoom_participants.csv"), starts_at=START, ends_at=END, tz=UTC
    )
    matched, unmatched = importer.people_match(
        people,
        [
            importer.Trainee(1, "Ada@Example.org", "Ada Okafor"),
            importer.Trainee(2, "ben@example.org", "Ben Ruiz"),
        ],
    )
    assert sorted(matched) == [1, 2]
    assert {p.name for p in unmatched} == {"Dana Facilitator", "Sam (guest)"}


def test_a_report_of_another_day_is_refused():
    with pytest.raises(ReportRefused, match="December 7, 2026, but the session was on December 8"):
        importer.attendance_from_report(
            read("zoom_participants.csv"),
            starts_at=START + datetime.timedelta(days=1),
            ends_at=END + datetime.timedelta(days=1),
            tz=UTC,
        )


def test_wrong_columns_are_refused():
    data = b"Last name,First name,Email\nOkafor,Ada,ada@example.org\n"
    with pytest.raises(ReportRefused, match="columns of a participant report"):
        importer.report_read(data, filename="people.csv", tz=UTC)


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "report.pdf"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "report.csv"),  # xlsx renamed
        (b"Name,Join time,Leave time\n", "report.xlsx"),
    ],
)
def test_a_file_that_is_not_a_csv_report_is_refused(data, filename):
    with pytest.raises(ReportRefused, match="not a CSV participant report"):
        importer.report_read(data, filename=filename, tz=UTC)


def test_an_unreadable_time_is_refused_with_the_text():
    data = b"Name,Email,Join time,Leave time\nAda,ada@example.org,yesterday,today\n"
    with pytest.raises(ReportRefused, match="yesterday"):
        importer.report_read(data, filename="r.csv", tz=UTC)


def test_a_report_with_a_header_and_no_rows_is_refused():
    with pytest.raises(ReportRefused, match="no participants"):
        importer.report_read(b"Name,Email,Join time,Leave time\n", filename="r.csv", tz=UTC)


def test_overlapping_and_nested_intervals_count_once():
    t = START
    spans = [
        (t, t + datetime.timedelta(minutes=30)),
        (t + datetime.timedelta(minutes=10), t + datetime.timedelta(minutes=20)),
        (t + datetime.timedelta(minutes=25), t + datetime.timedelta(minutes=50)),
        (t + datetime.timedelta(minutes=60), t + datetime.timedelta(minutes=70)),
    ]
    assert importer._merged_seconds(spans) == 60 * 60


def test_teams_classic_attendance_list_of_join_and_leave_events_pairs_them_by_name():
    report = read("teams_classic_utf16.csv")
    assert report.product == "Microsoft Teams"
    minutes = minutes_by_key("teams_classic_utf16.csv")
    # Three joins: 10:00-10:40, 10:45-11:30, 11:35-12:00 within the session.
    assert minutes["ada okafor"] == 40 + 45 + 25
