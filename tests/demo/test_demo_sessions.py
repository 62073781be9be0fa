"""The demo cohort's live sessions, as ``seed_demo`` leaves them."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from courses.attendance.selectors import cohort_attendance
from courses.models import AttendanceChange, AttendanceRecord, LiveSession

pytestmark = [pytest.mark.django_db, pytest.mark.full_curriculum]


def test_the_demo_cohort_has_past_and_upcoming_sessions_and_one_trainee_needs_a_make_up(
    seeded_demo,
):
    sessions = LiveSession.objects.all()
    now = timezone.now()
    assert sum(s.ends_at < now for s in sessions) == 3
    assert sum(s.starts_at > now for s in sessions) == 1
    partial = AttendanceRecord.objects.filter(minutes_attended__lt=120)
    assert partial.count() >= 2
    grid = cohort_attendance(cohort=sessions.first().cohort)
    needing = {r["enrollment"].trainee.email: r["needs_make_up"] for r in grid.rows}
    assert [email for email, below in needing.items() if below] == ["jordan.lee@example.org"]
    assert [s.title for s in needing["jordan.lee@example.org"]] == [
        "Boundaries in practice: role plays"
    ]


def test_seeding_again_adds_no_session_or_attendance(seeded_demo):
    before = (
        LiveSession.objects.count(),
        AttendanceRecord.objects.count(),
        AttendanceChange.objects.count(),
    )
    call_command("seed_demo")
    after = (
        LiveSession.objects.count(),
        AttendanceRecord.objects.count(),
        AttendanceChange.objects.count(),
    )
    assert after == before
