"""Scheduling, the register and QR check-in: what is stored, and what is refused."""

import datetime
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from courses.attendance import services, tokens
from courses.attendance.services import RegisterEntry
from courses.attendance.tokens import TokenRefused
from courses.models import AttendanceChange, AttendanceRecord, CheckInScan, LiveSession
from organisations.roles import Role

pytestmark = pytest.mark.django_db


def signing_clock(moment):
    """Tokens made and read as if at ``moment`` (the signer reads ``time.time()``)."""
    return mock.patch("django.core.signing.time.time", return_value=moment.timestamp())


def test_domain_minutes_must_add_up_to_the_session_length(make_session):
    with pytest.raises(ValidationError, match="add up to 100; the session lasts 120"):
        make_session(minutes=120, split=(60, 40))
    assert not LiveSession.objects.exists()


def test_only_the_providers_staff_schedule_sessions(make_session, make_member):
    with pytest.raises(PermissionDenied):
        make_session(actor=make_member(Role.TRAINEE))
    session = make_session()
    assert list(session.facilitators.all()) == [session.facilitators.get()]


def test_register_stores_minutes_by_status_and_a_correction_needs_a_reason(
    make_session, cohort_trainee, facilitator
):
    session = make_session(minutes=120)
    ada, ben, cy = cohort_trainee(), cohort_trainee(), cohort_trainee()
    changed = services.register_save(
        actor=facilitator,
        session=session,
        entries=[
            RegisterEntry(ada.pk, "present", None, ""),
            RegisterEntry(ben.pk, "late", 95, "Bus delayed"),
            RegisterEntry(cy.pk, "absent", None, ""),
        ],
    )
    assert changed == 3
    minutes = dict(AttendanceRecord.objects.values_list("enrollment_id", "minutes_attended"))
    assert minutes == {ada.pk: 120, ben.pk: 95, cy.pk: 0}
    with pytest.raises(ValidationError, match="reason"):
        services.register_save(
            actor=facilitator, session=session, entries=[RegisterEntry(ben.pk, "late", 100, "")]
        )
    assert AttendanceRecord.objects.get(enrollment=ben).minutes_attended == 95
    services.register_save(
        actor=facilitator,
        session=session,
        entries=[RegisterEntry(ben.pk, "late", 100, "Bus delayed")],
        reason="Arrived at 10:20, not 10:25",
    )
    change = AttendanceChange.objects.filter(record__enrollment=ben).last()
    assert change.reason == "Arrived at 10:20, not 10:25"
    assert change.before["minutes_attended"] == 95 and change.after["minutes_attended"] == 100
    assert change.actor == facilitator


def test_late_minutes_outside_the_session_are_refused(make_session, cohort_trainee, facilitator):
    session = make_session(minutes=60)
    ada = cohort_trainee()
    with pytest.raises(ValidationError, match="between 0 and 60"):
        services.register_save(
            actor=facilitator, session=session, entries=[RegisterEntry(ada.pk, "late", 61, "")]
        )
    assert not AttendanceRecord.objects.exists()


def test_a_register_edited_by_someone_else_is_refused(make_session, cohort_trainee, make_member):
    session = make_session()
    ada = cohort_trainee()
    other_supervisor = make_member(Role.SUPERVISOR)
    with pytest.raises(PermissionDenied):
        services.register_save(
            actor=other_supervisor,
            session=session,
            entries=[RegisterEntry(ada.pk, "present", None, "")],
        )
    assert not AttendanceRecord.objects.exists()


def test_a_trainee_of_another_cohort_cannot_be_on_the_register(
    make_session, facilitator, make_member, programme
):
    from courses.services import enrollment_create

    session = make_session()
    outsider = enrollment_create(trainee=make_member(Role.TRAINEE), programme=programme)
    with pytest.raises(ValidationError, match="not in the session's cohort"):
        services.register_save(
            actor=facilitator,
            session=session,
            entries=[RegisterEntry(outsider.pk, "present", None, "")],
        )


# ---------------------------------------------------------------- QR check-in


def test_check_in_then_check_out_records_the_minutes_between(make_session, cohort_trainee):
    start = timezone.now().replace(microsecond=0)
    session = make_session(starts_at=start, minutes=120)
    ada = cohort_trainee()
    record = services.check_in(
        user=ada.trainee,
        token=tokens.token_make(session_id=session.pk, direction="in"),
        now=start + datetime.timedelta(minutes=12),
    )
    assert record.status == "late" and record.minutes_attended == 108
    record = services.check_in(
        user=ada.trainee,
        token=tokens.token_make(session_id=session.pk, direction="out"),
        now=start + datetime.timedelta(minutes=100),
    )
    assert record.status == "left_early" and record.minutes_attended == 88
    assert record.source == "qr"


def test_an_expired_code_is_refused(make_session, cohort_trainee):
    start = timezone.now()
    session = make_session(starts_at=start)
    ada = cohort_trainee()
    with signing_clock(start):
        token = tokens.token_make(session_id=session.pk, direction="in")
    later = start + datetime.timedelta(seconds=tokens.MAX_AGE_SECONDS + 1)
    with signing_clock(later), pytest.raises(TokenRefused, match="expired"):
        services.check_in(user=ada.trainee, token=token)
    assert not AttendanceRecord.objects.exists()


def test_a_reused_code_is_refused(make_session, cohort_trainee):
    session = make_session()
    ada = cohort_trainee()
    token = tokens.token_make(session_id=session.pk, direction="in")
    services.check_in(user=ada.trainee, token=token)
    with pytest.raises(TokenRefused, match="already used"):
        services.check_in(user=ada.trainee, token=token)
    assert CheckInScan.objects.count() == 1
    assert AttendanceChange.objects.count() == 1


def test_a_forged_code_is_refused(make_session, cohort_trainee):
    session = make_session()
    ada = cohort_trainee()
    token = tokens.token_make(session_id=session.pk, direction="in")
    forged = token.replace(f"{session.pk}:in", f"{session.pk}:out")
    with pytest.raises(TokenRefused, match="not a valid"):
        services.check_in(user=ada.trainee, token=forged)


def test_someone_not_in_the_cohort_cannot_check_in(make_session, make_member):
    session = make_session()
    with pytest.raises(TokenRefused, match="not in the cohort"):
        services.check_in(
            user=make_member(Role.TRAINEE),
            token=tokens.token_make(session_id=session.pk, direction="in"),
        )
    assert not AttendanceRecord.objects.exists() and not CheckInScan.objects.exists()


def test_a_session_not_running_refuses_check_in(make_session, cohort_trainee):
    session = make_session(starts_at=timezone.now() + datetime.timedelta(hours=3))
    ada = cohort_trainee()
    with pytest.raises(TokenRefused, match="not running"):
        services.check_in(
            user=ada.trainee, token=tokens.token_make(session_id=session.pk, direction="in")
        )
    assert not CheckInScan.objects.exists()


def test_check_out_without_check_in_is_refused_and_stores_nothing(make_session, cohort_trainee):
    session = make_session()
    ada = cohort_trainee()
    with pytest.raises(TokenRefused, match="not checked in"):
        services.check_in(
            user=ada.trainee, token=tokens.token_make(session_id=session.pk, direction="out")
        )
    assert not CheckInScan.objects.exists() and not AttendanceRecord.objects.exists()
