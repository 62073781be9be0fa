"""The dashboard's queries do not grow with what waits on it."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessments.models import Attempt, AttemptRequest, QuestionCategory
from courses.models import CompetencyDomain, Enrollment, ModulePage
from courses.services import enrollment_create
from practice.models import PracticeCategory, SupervisorRequest
from practice.services import entry_create, entry_decide, entry_submit, supervisor_assign
from tests.builders import published_quiz
from tests.enrollment_states import STATES, enroll_in_state
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("dashboard")).status_code == 200
    return len(captured)


def _quiz(programme, module_slug):
    return published_quiz(
        ModulePage.objects.get(slug=module_slug, path__startswith=programme.path),
        category=QuestionCategory.objects.get_or_create(name="Boundaries")[0],
        questions=[("Who decides?", "The person", ["The worker"])],
    )


def test_a_trainees_dashboard_takes_the_same_queries_for_many_entries_and_quizzes(
    client,
    trainee,
    practice_enrollment,
    assigned_supervisor,
    log_entry,
    django_assert_max_num_queries,
):
    programme = practice_enrollment.programme
    quizzes = [_quiz(programme, "module-1"), _quiz(programme, "module-2")]

    def open_attempt(quiz):
        # Opened directly: the second module's quiz waits for the first module, here.
        Attempt.objects.create(
            enrollment=practice_enrollment, quiz=quiz, number=1, questions=[], pass_mark=75
        )

    def returned(days_ago):
        entry = log_entry(days_ago=days_ago)
        entry_decide(
            supervisor=assigned_supervisor, entry_id=entry.pk, approve=False, comment="Fix."
        )

    returned(1)
    open_attempt(quizzes[0])
    client.force_login(trainee)
    few = _queries(client)

    for days_ago in range(2, 12):
        returned(days_ago)
        log_entry(days_ago=days_ago)
    open_attempt(quizzes[1])

    with django_assert_max_num_queries(few):
        html = client.get(reverse("dashboard")).content.decode()
    assert "11 entries returned by your supervisor" in html
    assert html.count("data-attempt=") == 2


def test_a_trainees_dashboard_takes_the_same_queries_for_1_or_5_programs(
    client,
    trainee,
    supervisor,
    coordinator,
    provider,
    build_programme,
    profile,
    with_totp,
    django_assert_num_queries,
):
    """Progress, next steps, the credential checklists and practice hours of all of a
    trainee's enrollments are counted together, whatever their number and state."""
    with_totp(supervisor)
    supervisor_assign(
        coordinator=coordinator, organisation=provider, trainee=trainee, supervisor=supervisor
    )
    common = {"trainee": trainee, "build_programme": build_programme, "profile": profile}
    enroll_in_state(STATES[0], supervisor=supervisor, **common)
    client.force_login(trainee)
    _queries(client)  # the session's first request does some once-only work
    one = _queries(client)

    for state in STATES[1:]:
        enroll_in_state(state, **common)

    with django_assert_num_queries(one):
        html = client.get(reverse("dashboard")).content.decode()
    assert html.count('data-panel="next-step" data-enrollment=') == 5
    assert "Take the quiz: Quiz of Program state-0" in html
    assert "Resume: Lesson 2.2" in html  # the sequential program, past its quiz
    assert "Complete every required module: none is published" in html
    assert "training hours in Recovery" in html
    assert html.count("Code of ethics affirmed") == 3  # the programs sharing its profile


def _assign_with_waiting(*, supervisor, coordinator, provider, programme, trainees, entries):
    for n in range(trainees):
        trainee = UserFactory(first_name=f"Trainee{n}")
        enrollment = enrollment_create(trainee=trainee, programme=programme)
        Enrollment.objects.filter(pk=enrollment.pk).update(
            started_at=timezone.now() - datetime.timedelta(days=30)
        )
        enrollment.refresh_from_db()
        supervisor_assign(
            coordinator=coordinator, organisation=provider, trainee=trainee, supervisor=supervisor
        )
        for day in range(entries):
            entry = entry_create(
                trainee=trainee,
                enrollment=enrollment,
                date=timezone.localdate() - datetime.timedelta(days=day + 1),
                minutes=60,
                category=PracticeCategory.objects.get(slug="one-to-one"),
                domain=CompetencyDomain.objects.get(slug="recovery-and-wellness-support"),
                setting="in_person",
                reflection="We talked about the week.",
            )
            entry_submit(trainee=trainee, entry_id=entry.pk)


def test_a_supervisors_dashboard_takes_the_same_queries_for_3_or_30_waiting_entries(
    client,
    supervisor,
    coordinator,
    provider,
    practice_programme,
    mfa_login,
    django_assert_max_num_queries,
):
    common = {
        "supervisor": supervisor,
        "coordinator": coordinator,
        "provider": provider,
        "programme": practice_programme,
    }
    _assign_with_waiting(trainees=1, entries=3, **common)
    mfa_login(client, supervisor)
    few = _queries(client)

    _assign_with_waiting(trainees=9, entries=3, **common)

    with django_assert_max_num_queries(few):
        html = client.get(reverse("dashboard")).content.decode()
    assert html.count("data-waiting-trainee=") == 10


def test_a_coordinators_dashboard_takes_the_same_queries_for_many_trainees(
    client, coordinator, provider, practice_programme, mfa_login, django_assert_max_num_queries
):
    quiz = _quiz(practice_programme, "module-1")

    def waiting_trainee():
        trainee = UserFactory()
        enrollment = enrollment_create(trainee=trainee, programme=practice_programme)
        AttemptRequest.objects.create(enrollment=enrollment, quiz=quiz)
        SupervisorRequest.objects.create(organisation=provider, trainee=trainee)
        Enrollment.objects.filter(pk=enrollment.pk).update(
            last_activity_at=timezone.now() - datetime.timedelta(days=30)
        )

    waiting_trainee()
    mfa_login(client, coordinator)
    few = _queries(client)
    for _ in range(9):
        waiting_trainee()

    with django_assert_max_num_queries(few):
        html = client.get(reverse("dashboard")).content.decode()
    assert "<strong>10</strong> open requests" in html
    assert "<strong>10</strong> trainees waiting for a supervisor" in html
    assert "<strong>10</strong> trainees with no progress" in html


def test_a_newcomers_dashboard_takes_the_same_queries_for_many_open_programs(
    client, build_programme, django_assert_max_num_queries
):
    build_programme(slug="p0")
    client.force_login(UserFactory())
    few = _queries(client)
    for n in range(1, 6):
        build_programme(slug=f"p{n}", title=f"Program {n}")

    with django_assert_max_num_queries(few):
        html = client.get(reverse("dashboard")).content.decode()
    assert html.count('<button type="submit" aria-label="Enroll in') == 6
