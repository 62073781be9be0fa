import datetime

import pytest
from django.utils import timezone

from courses.attendance import services
from courses.models import Cohort, CompetencyDomain
from courses.services import enrollment_create
from organisations.roles import Role

# The session the fixture reports are about: December 7, 2026, 10:00 to 12:00 (UTC in tests).
REPORT_DAY_START = datetime.datetime(2026, 12, 7, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def domains(db):
    return list(CompetencyDomain.objects.order_by("pk")[:2])


@pytest.fixture
def cohort(programme):
    return Cohort.objects.create(programme=programme, name="Spring evening")


@pytest.fixture
def facilitator(make_member, with_totp):
    user = make_member(Role.SUPERVISOR, first_name="Dana", last_name="Facilitator")
    with_totp(user)
    return user


@pytest.fixture
def cohort_trainee(make_member, programme, cohort):
    """cohort_trainee(email=..., first_name=..., last_name=...) -> an enrollment in the cohort."""

    def make(**fields):
        user = make_member(Role.TRAINEE, **fields)
        enrollment = enrollment_create(trainee=user, programme=programme)
        enrollment.cohort = cohort
        enrollment.save(update_fields=["cohort"])
        return enrollment

    return make


@pytest.fixture
def make_session(cohort, facilitator, domains):
    """make_session(starts_at=..., minutes=120, split=(60, 60), **fields) -> a LiveSession."""

    def make(*, starts_at=None, minutes=120, split=None, **fields):
        starts_at = starts_at or timezone.now() - datetime.timedelta(minutes=10)
        split = split or (minutes // 2, minutes - minutes // 2)
        return services.session_schedule(
            actor=fields.pop("actor", facilitator),
            cohort=fields.pop("cohort", cohort),
            title=fields.pop("title", "Group dynamics: live session"),
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(minutes=minutes),
            place=fields.pop("place", "Room 4, 12 Main Street"),
            domain_minutes=dict(zip(domains, split, strict=False)),
            **fields,
        )

    return make
