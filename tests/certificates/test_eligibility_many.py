"""Checking many enrollments at once gives each the numbers of checking it alone.

The dashboard checks all of a trainee's enrollments together (``credential_eligibility_many``,
``programme_progress_for``, ``practice_totals_for``); the Credentials page, the log and
issuance check one. The single functions call the batched ones with one item, and these
tests hold the two to the same answers for enrollments in different states.
"""

from decimal import Decimal

import pytest

from certificates.services import credential_eligibility, credential_eligibility_many
from courses.models import Enrollment
from courses.selectors import programme_progress, programme_progress_for
from courses.services import enrollment_create
from organisations.roles import Role
from practice.selectors import practice_totals, practice_totals_for
from practice.services import supervisor_assign
from tests.builders import lesson_done, lessons_of
from tests.enrollment_states import STATES, enroll_in_state

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrollments(
    trainee, make_member, supervisor, coordinator, provider, build_programme, profile, with_totp
):
    """The trainee in every state, and two more trainees in the first state's program (one
    lesson done, and nothing): several enrollments of one program, as a cohort."""
    with_totp(supervisor)
    supervisor_assign(
        coordinator=coordinator, organisation=provider, trainee=trainee, supervisor=supervisor
    )
    common = {"trainee": trainee, "build_programme": build_programme, "profile": profile}
    own = [enroll_in_state(STATES[0], supervisor=supervisor, **common)]
    own += [enroll_in_state(state, **common) for state in STATES[1:]]
    programme = own[0].programme
    others = []
    for lessons_done in (1, 0):
        other = make_member(Role.TRAINEE)
        others.append(enrollment_create(trainee=other, programme=programme))
        for lesson in lessons_of(programme)[:lessons_done]:
            lesson_done(trainee=other, lesson=lesson)
    ids = [e.pk for e in own + others]
    loaded = Enrollment.objects.filter(pk__in=ids).select_related(
        "programme__requirement_profile", "trainee"
    )
    return sorted(loaded, key=lambda e: ids.index(e.pk))


def test_eligibility_of_many_is_each_ones_eligibility(enrollments):
    many = credential_eligibility_many(enrollments=enrollments)

    assert list(many) == [e.pk for e in enrollments]
    for enrollment in enrollments:
        assert many[enrollment.pk] == credential_eligibility(enrollment=enrollment)
    # The trainee's own enrollments do differ: each misses something else, or nothing.
    missing = [many[e.pk].missing for e in enrollments]
    assert len({tuple(m) for m in missing[: len(STATES)]}) == len(STATES)
    assert ["The program has no requirement profile yet."] in missing
    assert any("Complete every required module: none is published" in m for m in missing)
    # All lessons done and nothing else asked: only the hours in the other domain are short.
    assert missing[3] == ["5 training hours in Recovery and wellness support (you have 0)"]
    assert any("Affirm the Code of ethics" in item for m in missing for item in m)
    # An affirmation is the trainee's, for the profile's code: all three of their programs
    # under that profile have it, the other trainees do not.
    affirmed = [many[e.pk].ethics_affirmed for e in enrollments]
    assert affirmed == [True, False, True, False, True, False, False]
    assert any(many[e.pk].practice_hours for e in enrollments)


def test_progress_of_many_is_each_ones_progress(enrollments):
    many = programme_progress_for(enrollments=enrollments)

    for enrollment in enrollments:
        assert many[enrollment.pk] == programme_progress(enrollment=enrollment)
    next_steps = [many[e.pk].next_step for e in enrollments]
    # Three enrollments of one program, each at its own next step (the quiz, lesson 1.2 and
    # lesson 1.1), a finished program with none, and the sequential one past its quiz.
    titles = [page.title if page else None for page in next_steps]
    assert titles[0].startswith("Quiz of") and titles[-2:] == ["Lesson 1.2", "Lesson 1.1"]
    assert titles[2] == "Lesson 2.2"
    assert titles[3] is None


def test_practice_totals_of_many_are_each_ones_totals(enrollments):
    many = practice_totals_for(enrollments=enrollments)

    for enrollment in enrollments:
        assert many[enrollment.pk] == practice_totals(enrollment=enrollment)
    assert many[enrollments[0].pk].approved == Decimal("1.5")
    assert many[enrollments[0].pk].pending == 1


def test_eligibility_of_many_takes_the_queries_of_one(enrollments, django_assert_max_num_queries):
    with django_assert_max_num_queries(100) as one:
        credential_eligibility_many(enrollments=enrollments[:1])

    with django_assert_max_num_queries(len(one.captured_queries)):
        credential_eligibility_many(enrollments=enrollments)
