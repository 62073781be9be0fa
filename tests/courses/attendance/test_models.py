"""The database holds the invariants of sessions and attendance itself."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from courses.models import AttendancePolicy, AttendanceRecord, LiveSession

pytestmark = pytest.mark.django_db


def test_a_session_must_end_after_it_starts(cohort):
    now = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        LiveSession.objects.create(
            cohort=cohort, title="x", place="Room", starts_at=now, ends_at=now
        )


def test_a_session_needs_a_place_or_a_meeting_link(cohort):
    now = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        LiveSession.objects.create(
            cohort=cohort, title="x", starts_at=now, ends_at=now + datetime.timedelta(hours=1)
        )


def test_one_record_per_trainee_and_session_and_minutes_within_the_session(
    make_session, cohort_trainee
):
    session = make_session(minutes=60)
    enrollment = cohort_trainee()
    fields = {"session": session, "enrollment": enrollment, "source": "register"}
    AttendanceRecord.objects.create(
        status="present", session_minutes=60, minutes_attended=60, **fields
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        AttendanceRecord.objects.create(
            status="present", session_minutes=60, minutes_attended=60, **fields
        )
    AttendanceRecord.objects.all().delete()
    with pytest.raises(IntegrityError), transaction.atomic():
        AttendanceRecord.objects.create(
            status="present", session_minutes=60, minutes_attended=61, **fields
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        AttendanceRecord.objects.create(
            status="absent", session_minutes=60, minutes_attended=5, **fields
        )


def test_a_policy_share_is_a_percentage(programme):
    with pytest.raises(IntegrityError), transaction.atomic():
        AttendancePolicy.objects.create(programme=programme, required_percent=101)
