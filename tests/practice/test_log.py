import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from courses.models import CompetencyDomain
from practice.models import AuditEvent, LogEntry, PracticeCategory
from practice.selectors import practice_totals, weekly_hours
from practice.services import entry_create, entry_decide, entry_delete, entry_update
from tests.builders import SAFE_REFLECTION

pytestmark = pytest.mark.django_db


def fields(**overrides):
    base = {
        "date": timezone.localdate() - datetime.timedelta(days=2),
        "minutes": 90,
        "category": PracticeCategory.objects.get(slug="one-to-one"),
        "domain": CompetencyDomain.objects.get(slug="advocacy"),
        "setting": "phone",
        "reflection": SAFE_REFLECTION,
    }
    base.update(overrides)
    return base


def test_logging_creates_a_draft_and_an_audit_event(trainee, practice_enrollment):
    entry = entry_create(trainee=trainee, enrollment=practice_enrollment, ip="10.0.0.7", **fields())

    assert entry.status == LogEntry.Status.DRAFT
    event = AuditEvent.objects.get(entry_id=entry.pk)
    assert (event.action, event.ip_address, event.changes["minutes"]) == ("created", "10.0.0.7", 90)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"minutes": 0}, "minutes", "quarter hours"),
        ({"minutes": -30}, "minutes", "quarter hours"),
        ({"minutes": 50}, "minutes", "quarter hours"),
        ({"minutes": 25 * 60}, "minutes", "quarter hours"),
        (
            {"date": timezone.localdate() + datetime.timedelta(days=1)},
            "date",
            "hasn't happened yet",
        ),
        (
            {"date": timezone.localdate() - datetime.timedelta(days=400)},
            "date",
            "before you enrolled",
        ),
        ({"category": "advocacy"}, "category", "does not count"),
        ({"reflection": "   "}, "reflection", "Write a short"),
        (
            {"reflection": "Spoke with Sarah Johnson about her housing."},
            "reflection",
            "identify someone",
        ),
    ],
)
def test_bad_entries_get_a_clear_message_and_save_nothing(
    trainee, practice_enrollment, overrides, field, message
):
    if overrides.get("category") == "advocacy":
        overrides["category"] = PracticeCategory.objects.get(slug="advocacy")

    with pytest.raises(ValidationError) as caught:
        entry_create(trainee=trainee, enrollment=practice_enrollment, **fields(**overrides))

    assert message in " ".join(caught.value.message_dict[field])
    assert not LogEntry.objects.exists()
    assert not AuditEvent.objects.exists()


def test_more_than_24_hours_in_a_day_is_refused(trainee, practice_enrollment, log_entry):
    day = timezone.localdate() - datetime.timedelta(days=3)
    log_entry(days_ago=3, minutes=20 * 60)

    with pytest.raises(ValidationError, match="more than 24 hours"):
        entry_create(
            trainee=trainee, enrollment=practice_enrollment, **fields(date=day, minutes=5 * 60)
        )
    assert LogEntry.objects.count() == 1


def test_the_database_refuses_durations_that_are_not_quarter_hours(practice_enrollment):
    with pytest.raises(IntegrityError), transaction.atomic():
        LogEntry.objects.create(enrollment=practice_enrollment, **fields(minutes=50))


def test_someone_elses_enrollment_is_refused(make_member, practice_enrollment):
    from organisations.roles import Role

    other = make_member(Role.TRAINEE)
    with pytest.raises(PermissionDenied):
        entry_create(trainee=other, enrollment=practice_enrollment, **fields())
    assert not LogEntry.objects.exists()


def test_returned_entries_can_be_fixed_and_approved_ones_cannot(
    trainee, assigned_supervisor, log_entry
):
    entry = log_entry()
    entry_decide(
        supervisor=assigned_supervisor, entry_id=entry.pk, approve=False, comment="Add the setting."
    )
    entry = entry_update(trainee=trainee, entry_id=entry.pk, **fields(minutes=75))
    assert entry.minutes == 75

    second = log_entry(days_ago=4)
    entry_decide(supervisor=assigned_supervisor, entry_id=second.pk, approve=True)
    with pytest.raises(ValidationError, match="add a correction"):
        entry_update(trainee=trainee, entry_id=second.pk, **fields(minutes=30))
    with pytest.raises(ValidationError):
        entry_delete(trainee=trainee, entry_id=second.pk)
    second.refresh_from_db()
    assert (second.minutes, second.status) == (60, LogEntry.Status.APPROVED)


def test_the_database_locks_approved_entries(assigned_supervisor, log_entry):
    entry = log_entry()
    entry_decide(supervisor=assigned_supervisor, entry_id=entry.pk, approve=True)

    with pytest.raises(Exception, match="locked"), transaction.atomic():
        LogEntry.objects.filter(pk=entry.pk).update(minutes=600)
    if connection.vendor == "postgresql":  # SQLite's test flush needs DELETE; see migration 0002
        with (
            pytest.raises(Exception, match="locked"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute("DELETE FROM practice_decision WHERE entry_id = %s", [entry.pk])
            cursor.execute("DELETE FROM practice_logentry WHERE id = %s", [entry.pk])
    assert LogEntry.objects.get(pk=entry.pk).minutes == 60


def test_totals_count_only_approved_hours_and_corrections_replace(
    trainee, practice_enrollment, assigned_supervisor, log_entry
):
    approved = log_entry(minutes=120)
    log_entry(days_ago=2, minutes=60, category="group-facilitation")  # waiting
    log_entry(days_ago=5, minutes=45, submit=False)  # draft
    entry_decide(supervisor=assigned_supervisor, entry_id=approved.pk, approve=True)

    totals = practice_totals(enrollment=practice_enrollment)
    by_name = {c.name: c for c in totals.categories}
    assert by_name["One-to-one peer support"].approved == Decimal(2)
    assert by_name["Group facilitation"].approved == 0
    assert by_name["Group facilitation"].pending == 1
    assert totals.approved == 2 and totals.required_total == 10

    correction = entry_create(
        trainee=trainee,
        enrollment=practice_enrollment,
        corrects=approved,
        **fields(date=approved.date, minutes=90),
    )
    from practice.services import entry_submit

    entry_submit(trainee=trainee, entry_id=correction.pk)
    assert practice_totals(enrollment=practice_enrollment).approved == 2  # until approved
    entry_decide(supervisor=assigned_supervisor, entry_id=correction.pk, approve=True)
    assert practice_totals(enrollment=practice_enrollment).approved == Decimal("1.5")
    assert LogEntry.objects.get(pk=approved.pk).status == LogEntry.Status.APPROVED


def test_weekly_hours_covers_twelve_weeks(practice_enrollment, log_entry):
    log_entry(days_ago=0, minutes=60)
    weeks = weekly_hours(enrollment=practice_enrollment)
    assert len(weeks) == 12
    assert weeks[-1][1] == 1
