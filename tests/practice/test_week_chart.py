"""The weekly-hours chart: each bar stands over its own week's label, drafts apart."""

import datetime
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.utils import timezone
from django.utils.dateformat import format as date_format

from practice.charts import BAR, SLOT, week_chart
from practice.selectors import WeekHours, weekly_hours

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def chart_svg(client, enrollment) -> ET.Element:
    html = client.get(f"/practice/{enrollment.pk}/").content.decode()
    match = re.search(r"<svg role=\"img\".*?</svg>", html, re.S)  # not the header's icons
    assert match, "no chart on the log page"
    # The page is HTML; the chart is well-formed XML once it carries the SVG namespace.
    markup = match.group().replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    return ET.fromstring(markup)  # noqa: S314 (our own page, rendered by the test)


def weeks_ago(n: int) -> int:
    """days_ago for a day in the week ``n`` weeks before this one (its Monday)."""
    today = timezone.localdate()
    return today.weekday() + 7 * n


def test_each_bar_is_centred_over_its_own_weeks_label(
    client, trainee, practice_enrollment, log_entry
):
    log_entry(days_ago=weeks_ago(0), minutes=120)  # this week: submitted
    log_entry(days_ago=weeks_ago(3), minutes=60)  # three weeks ago: submitted
    log_entry(days_ago=weeks_ago(3), minutes=30, submit=False)  # and a draft
    client.force_login(trainee)

    svg = chart_svg(client, practice_enrollment)

    groups = svg.findall(f"{SVG}g[@data-week]")
    assert len(groups) == 12
    this_monday = timezone.localdate() - datetime.timedelta(days=timezone.localdate().weekday())
    for i, group in enumerate(groups):
        monday = this_monday - datetime.timedelta(weeks=11 - i)
        assert group.get("data-week") == monday.isoformat()
        (label,) = group.findall(f"{SVG}text")
        assert label.text == date_format(monday, "M j")
        assert label.get("text-anchor") == "middle"
        for bar in group.findall(f"{SVG}rect"):
            centre = float(bar.get("x")) + float(bar.get("width")) / 2
            assert centre == float(label.get("x")), (monday, centre, label.get("x"))
    # The bars are where the hours are: the last week and the ninth, nowhere else.
    with_bars = [i for i, group in enumerate(groups) if group.findall(f"{SVG}rect")]
    assert with_bars == [8, 11]
    # Every label sits inside the chart, the first one in the first slot.
    width = float(svg.get("viewBox").split()[2])
    labels = [float(g.find(f"{SVG}text").get("x")) for g in groups]
    assert labels[0] == SLOT / 2 and labels[-1] == width - SLOT / 2


def test_drafts_are_stacked_apart_and_labelled(client, trainee, practice_enrollment, log_entry):
    log_entry(days_ago=weeks_ago(1), minutes=60)
    log_entry(days_ago=weeks_ago(1), minutes=60, submit=False)
    client.force_login(trainee)

    svg = chart_svg(client, practice_enrollment)

    group = svg.findall(f"{SVG}g[@data-week]")[10]
    sent = group.find(f"{SVG}rect[@class='bar-sent']")
    draft = group.find(f"{SVG}rect[@class='bar-draft']")
    assert "1 h submitted or approved" in sent.find(f"{SVG}title").text
    assert "1 h in drafts, not yet submitted" in draft.find(f"{SVG}title").text
    assert float(sent.get("height")) == float(draft.get("height")) > 0
    # The draft sits on top of the submitted hours.
    assert float(draft.get("y")) + float(draft.get("height")) == float(sent.get("y"))
    html = " ".join(client.get(f"/practice/{practice_enrollment.pk}/").content.decode().split())
    assert "Drafts, not yet submitted" in html
    assert '<th scope="row">Drafts</th>' in html


def test_weekly_hours_keep_drafts_apart(practice_enrollment, log_entry):
    log_entry(days_ago=0, minutes=90)
    log_entry(days_ago=0, minutes=30, submit=False)

    this_week = weekly_hours(enrollment=practice_enrollment)[-1]

    assert (this_week.hours, this_week.drafts) == (Decimal("1.5"), Decimal("0.5"))


def test_week_chart_geometry_puts_bar_and_label_on_the_slot_centre():
    monday = datetime.date(2026, 11, 2)
    weeks = [
        WeekHours(monday + datetime.timedelta(weeks=i), Decimal(i), Decimal(0)) for i in range(4)
    ]

    chart = week_chart(weeks)

    assert chart.width == 4 * SLOT
    for i, bar in enumerate(chart.bars):
        assert bar.center == SLOT * i + SLOT / 2
        assert bar.x + BAR / 2 == bar.center
    assert [bar.sent_height for bar in chart.bars] == [0, 31, 61, 92]
    assert week_chart([]).bars == []
