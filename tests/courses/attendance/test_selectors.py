"""credited_session_minutes: the attendance policy turned into minutes by domain."""

import datetime

import pytest
from django.utils import timezone

from courses.attendance.selectors import credited_session_minutes
from courses.models import AttendancePolicy, AttendanceRecord

pytestmark = pytest.mark.django_db


def attend(session, enrollment, minutes):
    AttendanceRecord.objects.create(
        session=session,
        enrollment=enrollment,
        status="present"
        if minutes == session.length_minutes
        else ("absent" if not minutes else "late"),
        session_minutes=session.length_minutes,
        minutes_attended=minutes,
        source="register",
    )


@pytest.fixture
def past(make_session):
    def make(days_ago=7, **fields):
        return make_session(starts_at=timezone.now() - datetime.timedelta(days=days_ago), **fields)

    return make


def test_full_credit_at_the_threshold_and_nothing_below_it_without_partial_credit(
    past, cohort_trainee, domains, programme
):
    AttendancePolicy.objects.create(programme=programme, required_percent=90)
    session = past(minutes=120, split=(90, 30))
    ada, ben = cohort_trainee(), cohort_trainee()
    attend(session, ada, 108)  # exactly 90%
    attend(session, ben, 107)
    credited = credited_session_minutes([ada.pk, ben.pk])
    assert credited[ada.pk] == {domains[0].pk: 90, domains[1].pk: 30}
    assert credited[ben.pk] == {}


def test_partial_credit_shares_the_minutes_attended_across_domains(
    past, cohort_trainee, domains, programme
):
    AttendancePolicy.objects.create(programme=programme, required_percent=90, partial_credit=True)
    session = past(minutes=120, split=(90, 30))
    ada = cohort_trainee()
    attend(session, ada, 61)
    credited = credited_session_minutes([ada.pk])[ada.pk]
    assert sum(credited.values()) == 61
    assert credited == {domains[0].pk: 46, domains[1].pk: 15}


def test_a_make_up_stands_in_for_the_missed_session_once(past, cohort_trainee, domains, programme):
    AttendancePolicy.objects.create(programme=programme, required_percent=90, partial_credit=True)
    original = past(days_ago=14, minutes=60, split=(60, 0))
    make_up = past(days_ago=7, minutes=60, split=(60, 0), make_up_for=original)
    ada = cohort_trainee()
    attend(original, ada, 20)
    attend(make_up, ada, 60)
    assert credited_session_minutes([ada.pk])[ada.pk] == {domains[0].pk: 60}


def test_without_make_ups_a_make_up_credits_nothing(past, cohort_trainee, domains, programme):
    AttendancePolicy.objects.create(programme=programme, make_ups_allowed=False)
    original = past(days_ago=14, minutes=60, split=(60, 0))
    make_up = past(days_ago=7, minutes=60, split=(60, 0), make_up_for=original)
    ada = cohort_trainee()
    attend(original, ada, 0)
    attend(make_up, ada, 60)
    assert credited_session_minutes([ada.pk])[ada.pk] == {}


def test_without_a_policy_the_default_is_ninety_percent_no_partial_credit(
    past, cohort_trainee, domains
):
    session = past(minutes=100, split=(100, 0))
    ada, ben = cohort_trainee(), cohort_trainee()
    attend(session, ada, 90)
    attend(session, ben, 89)
    credited = credited_session_minutes([ada.pk, ben.pk])
    assert credited == {ada.pk: {domains[0].pk: 100}, ben.pk: {}}


def test_a_constant_number_of_queries_whatever_the_enrollments(
    past, cohort_trainee, django_assert_num_queries
):
    sessions = [past(days_ago=d, minutes=60) for d in (3, 4, 5)]
    people = [cohort_trainee() for _ in range(6)]
    for s in sessions:
        for e in people:
            attend(s, e, 60)
    with django_assert_num_queries(4):
        credited = credited_session_minutes([e.pk for e in people])
    assert all(sum(v.values()) == 180 for v in credited.values())
