import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from courses.models import CompetencyDomain, Enrollment, RequirementProfile
from practice.models import PracticeCategory, PracticeHourMinimum
from practice.services import entry_create, entry_submit, supervisor_assign

SAFE_REFLECTION = "Met a group member for a walk; we talked about routines that help on hard days."


@pytest.fixture
def profile(db):
    profile = RequirementProfile.objects.create(
        name="Practice profile", practice_hours_total=Decimal("10")
    )
    for order, (slug, hours) in enumerate(
        [("one-to-one", "6"), ("group-facilitation", "2"), ("supervision-received", "1")]
    ):
        PracticeHourMinimum.objects.create(
            profile=profile,
            category=PracticeCategory.objects.get(slug=slug),
            hours=Decimal(hours),
            sort_order=order,
        )
    return profile


@pytest.fixture
def practice_programme(build_programme, profile):
    return build_programme(slug="practice", requirement_profile=profile)


@pytest.fixture
def practice_enrollment(practice_programme, trainee):
    from courses.services import enrollment_create

    enrollment = enrollment_create(trainee=trainee, programme=practice_programme)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        started_at=timezone.now() - datetime.timedelta(days=60)
    )
    enrollment.refresh_from_db()
    return enrollment


@pytest.fixture
def assigned_supervisor(supervisor, trainee, coordinator, provider, practice_enrollment, with_totp):
    with_totp(supervisor)
    supervisor_assign(
        coordinator=coordinator, organisation=provider, trainee=trainee, supervisor=supervisor
    )
    return supervisor


@pytest.fixture
def log_entry(trainee, practice_enrollment):
    """log_entry(days_ago=1, minutes=60, category="one-to-one", submit=True, **fields)"""

    def make(*, days_ago=1, minutes=60, category="one-to-one", submit=True, **fields):
        entry = entry_create(
            trainee=trainee,
            enrollment=practice_enrollment,
            date=timezone.localdate() - datetime.timedelta(days=days_ago),
            minutes=minutes,
            category=PracticeCategory.objects.get(slug=category),
            domain=CompetencyDomain.objects.get(slug="recovery-and-wellness-support"),
            setting=fields.pop("setting", "in_person"),
            reflection=fields.pop("reflection", SAFE_REFLECTION),
            **fields,
        )
        if submit:
            entry = entry_submit(trainee=trainee, entry_id=entry.pk)
        return entry

    return make
