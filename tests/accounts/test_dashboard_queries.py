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


def test_each_program_adds_the_same_few_queries_whatever_its_size(
    client, trainee, build_programme, profile
):
    """A trainee's programs each cost the same few queries (progress, checklist, hours),
    however many modules and lessons they hold: a trainee follows one or two programs."""

    def enroll(slug, **sizes):
        programme = build_programme(slug=slug, requirement_profile=profile, **sizes)
        enrollment_create(trainee=trainee, programme=programme)

    enroll("p0")
    client.force_login(trainee)
    _queries(client)  # the session's first request does some once-only work
    one = _queries(client)
    enroll("p1")
    two = _queries(client)
    enroll("p2", modules=4, lessons=5)
    three = _queries(client)

    assert three - two == two - one


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
