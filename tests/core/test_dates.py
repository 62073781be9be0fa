"""core.dates writes what Django's date filter writes, without its per-call cost."""

import datetime
import zoneinfo

import pytest
from django.template import Context, Template
from django.test import override_settings
from django.utils.dateformat import format as django_format

from core import dates

DAYS = [datetime.date(2026, month, day) for month in range(1, 13) for day in (1, 9, 10, 28)]
# Every hour of the clock (midnight and noon are the 12s) in and out of daylight saving.
MOMENTS = [
    datetime.datetime(2026, month, 8, hour, minute, 5, 120, tzinfo=datetime.UTC)
    for month in (1, 3, 7, 11)
    for hour in range(24)
    for minute in (0, 7, 59)
]


def test_long_date_is_djangos_f_j_y():
    for day in DAYS:
        assert dates.long_date(day) == django_format(day, "F j, Y")


@pytest.mark.parametrize("zone", ["UTC", "America/New_York", "America/Los_Angeles"])
def test_long_datetime_and_iso_are_djangos_in_the_sites_time_zone(zone):
    with override_settings(TIME_ZONE=zone):
        local = zoneinfo.ZoneInfo(zone)
        for moment in MOMENTS:
            assert dates.long_datetime(moment) == django_format(
                moment.astimezone(local), "F j, Y, g:i A T"
            )
            assert dates.iso_datetime(moment) == django_format(moment.astimezone(local), "c")


def test_the_filters_leave_a_missing_date_empty():
    template = Template(
        "{% load dates %}[{{ d|long_date }}|{{ m|long_datetime }}|{{ m|iso_datetime }}]"
    )
    assert template.render(Context({"d": None, "m": None})) == "[||]"
    moment = datetime.datetime(2027, 3, 14, 21, 5, tzinfo=datetime.UTC)
    with override_settings(TIME_ZONE="America/Chicago"):
        rendered = Template(
            "{% load dates %}{{ d|long_date }}; {{ m|long_datetime }}; {{ m|iso_datetime }}"
        ).render(Context({"d": datetime.date(2027, 3, 14), "m": moment}))
    assert rendered == "March 14, 2027; March 14, 2027, 4:05 PM CDT; 2027-03-14T16:05:00-05:00"
