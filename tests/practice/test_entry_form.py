"""The practice form: today's date, no category chosen for you, hours typed as people do."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from practice.forms import EntryForm
from practice.models import AuditEvent, LogEntry, PracticeCategory
from tests.practice.test_views import form_data

pytestmark = pytest.mark.django_db


def bound(**overrides) -> EntryForm:
    return EntryForm(form_data(**overrides), categories=PracticeCategory.objects.all())


@pytest.mark.parametrize(
    ("typed", "minutes"),
    [
        ("1.5", 90),
        ("1:30", 90),
        ("0:45", 45),
        (".75", 45),
        ("2", 120),
        (" 1.25 ", 75),
        ("1,5", 90),
        ("24", 1440),
        ("0:15", 15),
    ],
)
def test_hours_are_read_as_decimals_or_hours_and_minutes(typed, minutes):
    form = bound(hours=typed)
    assert form.is_valid(), form.errors
    assert form.entry_fields()["minutes"] == minutes


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("1.1", "Log time in quarter hours"),
        ("1.33", "Log time in quarter hours"),
        ("1:20", "Log time in quarter hours"),
        ("1:75", "Minutes go up to 59"),
        ("1:5", "Enter the time in hours, as 1.5 or as 1:30"),
        ("an hour", "Enter the time in hours, as 1.5 or as 1:30"),
        ("1.", "Enter the time in hours, as 1.5 or as 1:30"),
        ("0", "Log at least a quarter of an hour"),
        ("0:00", "Log at least a quarter of an hour"),
        ("24.25", "can't be longer than 24 hours"),
        ("", "Enter the hours (1.5 or 1:30), or a start and an end time."),
    ],
)
def test_hours_that_cannot_be_logged_say_what_to_type(typed, error):
    form = bound(hours=typed)
    assert not form.is_valid()
    assert any(error in message for message in form.errors["hours"]), form.errors


def test_a_start_and_an_end_time_give_the_hours():
    form = bound(hours="", start_time="09:00", end_time="10:30")
    assert form.is_valid(), form.errors
    assert form.entry_fields()["minutes"] == 90


def test_hours_and_times_that_agree_are_accepted():
    form = bound(hours="1:30", start_time="09:00", end_time="10:30")
    assert form.is_valid(), form.errors
    assert form.entry_fields()["minutes"] == 90


@pytest.mark.parametrize(
    ("fields", "field", "error"),
    [
        ({"start_time": "10:00", "end_time": "09:00"}, "end_time", "must be after the start"),
        ({"start_time": "10:00", "end_time": "10:00"}, "end_time", "must be after the start"),
        (
            {"start_time": "09:00", "end_time": "10:20"},
            "end_time",
            "From 09:00 to 10:20 is 1:20. Log time in quarter hours",
        ),
        ({"start_time": "09:00"}, "end_time", "Give the end time too"),
        ({"end_time": "09:00"}, "start_time", "Give the start time too"),
        ({"start_time": "9 o'clock", "end_time": "10:00"}, "start_time", "Enter a valid time"),
        (
            {"hours": "1", "start_time": "09:00", "end_time": "10:30"},
            "hours",
            "The hours (1:00) and the times (09:00 to 10:30, 1:30) disagree",
        ),
    ],
)
def test_times_that_do_not_work_say_why(fields, field, error):
    form = bound(**({"hours": ""} | fields))
    assert not form.is_valid()
    assert any(error in message for message in form.errors[field]), form.errors


def test_a_new_entry_starts_today_with_no_category_or_domain_chosen(
    client, trainee, practice_enrollment
):
    client.force_login(trainee)

    html = client.get(reverse("practice:entry_new", args=[practice_enrollment.pk])).content
    html = html.decode()

    assert f'value="{timezone.localdate().isoformat()}"' in html
    for name, empty in (("category", "Choose a category"), ("domain", "Choose a domain")):
        select = html.split(f'name="{name}"')[1].split("</select>")[0]
        assert f'<option value="" selected>{empty}</option>' in select
        assert select.count(" selected>") == 1
        assert "required" in html.split(f'name="{name}"')[1].split(">")[0]


def test_leaving_the_category_or_domain_unchosen_saves_nothing(
    client, trainee, practice_enrollment
):
    client.force_login(trainee)
    events = AuditEvent.objects.count()

    response = client.post(
        reverse("practice:entry_new", args=[practice_enrollment.pk]),
        form_data(category="", domain=""),
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "Choose the kind of practice." in html
    assert "Choose the competency domain you worked in." in html
    assert not LogEntry.objects.exists()
    assert AuditEvent.objects.count() == events


@pytest.mark.parametrize(
    "overrides",
    [
        {"hours": "1:20"},
        {"hours": "", "start_time": "10:00", "end_time": "09:00"},
        {"hours": "two"},
    ],
)
def test_bad_hours_save_nothing_and_keep_what_was_typed(
    client, trainee, practice_enrollment, overrides
):
    client.force_login(trainee)

    response = client.post(
        reverse("practice:entry_new", args=[practice_enrollment.pk]),
        form_data(and_submit="1", **overrides),
    )

    assert response.status_code == 400
    assert not LogEntry.objects.exists()
    if overrides["hours"]:
        assert f'value="{overrides["hours"]}"' in response.content.decode()


def test_help_and_errors_have_the_ids_the_field_points_at(client, trainee, practice_enrollment):
    client.force_login(trainee)

    response = client.post(
        reverse("practice:entry_new", args=[practice_enrollment.pk]),
        form_data(reflection="Called Maria Lopez on 07700 900461 about her appointment."),
    )

    html = response.content.decode()
    textarea = html.split("<textarea")[1].split(">")[0]
    assert 'aria-describedby="id_reflection_helptext id_reflection_error"' in textarea
    assert 'id="id_reflection_helptext"' in html
    assert 'id="id_reflection_error"' in html


def test_a_yesterday_entry_by_times_is_saved_with_its_minutes(client, trainee, practice_enrollment):
    client.force_login(trainee)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)

    response = client.post(
        reverse("practice:entry_new", args=[practice_enrollment.pk]),
        form_data(date=yesterday.isoformat(), hours="", start_time="13:15", end_time="14:00"),
    )

    assert response.status_code == 302
    entry = LogEntry.objects.get()
    assert (entry.date, entry.minutes, entry.status) == (yesterday, 45, LogEntry.Status.DRAFT)
