"""The supervisor's, the coordinator's and a newcomer's dashboards."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import AttemptRequest, QuestionCategory
from courses.models import CompetencyDomain, Enrollment, ModulePage, ProgrammePage
from courses.services import enrollment_create
from organisations.roles import Role
from practice.models import LogEntry, PracticeCategory, SupervisorAssignment, SupervisorRequest
from practice.services import supervisor_assign
from tests.builders import lessons_of, published_quiz
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def _html(client, path="dashboard") -> str:
    response = client.get(reverse(path))
    assert response.status_code == 200
    return response.content.decode()


def _row(html: str, marker: str) -> str:
    return html.split(marker, 1)[1].split("</tr>", 1)[0]


# A newcomer with no role


def test_a_newcomer_enrolls_in_one_click_and_sees_the_first_lesson_next(client, build_programme):
    programme = build_programme(title="Peer Support Foundations")
    closed = build_programme(
        slug="closed", title="Closed cohort", enrolment_mode=ProgrammePage.EnrolmentMode.CLOSED
    )
    newcomer = UserFactory()
    client.force_login(newcomer)

    html = _html(client)
    assert "Peer Support Foundations" in html
    assert "Closed cohort" not in html
    assert reverse("courses:enrol", kwargs={"programme_id": closed.pk}) not in html
    form = html.split(f'data-programme="{programme.pk}"', 1)[1].split("</form>", 1)[0]
    assert 'name="csrfmiddlewaretoken"' in form
    assert 'name="idempotency_key"' in form or "idempotency" in form
    assert 'name="back" value="dashboard"' in form

    response = client.post(
        reverse("courses:enrol", kwargs={"programme_id": programme.pk}), {"back": "dashboard"}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")
    assert Enrollment.objects.filter(trainee=newcomer, programme=programme).exists()
    html = _html(client)
    assert f"Resume: {lessons_of(programme)[0].title}" in html
    assert "Get started" not in html


def test_enrolling_in_a_closed_programme_from_a_forged_form_changes_nothing(
    client, build_programme
):
    closed = build_programme(slug="closed", enrolment_mode=ProgrammePage.EnrolmentMode.CLOSED)
    newcomer = UserFactory()
    client.force_login(newcomer)

    response = client.post(
        reverse("courses:enrol", kwargs={"programme_id": closed.pk}),
        {"back": "dashboard"},
        follow=True,
    )

    assert "Enrollment in this program is by your training coordinator" in (
        response.content.decode()
    )
    assert not Enrollment.objects.filter(trainee=newcomer).exists()


def test_with_no_open_programme_the_newcomer_is_told_so(client, build_programme):
    build_programme(enrolment_mode=ProgrammePage.EnrolmentMode.CODE)
    client.force_login(UserFactory())

    html = _html(client)

    assert "No program is open to self-enrollment right now." in html
    assert "Expecting an invitation" in html


# Supervisors


@pytest.fixture
def supervised(make_member, coordinator, provider, assigned_supervisor, build_programme):
    """supervised(first_name) -> (trainee, enrollment), assigned to ``assigned_supervisor``."""
    programme = ProgrammePage.objects.get(slug="practice")

    def make(first_name: str):
        trainee = make_member(Role.TRAINEE, first_name=first_name, last_name="Doe")
        enrollment = enrollment_create(trainee=trainee, programme=programme)
        supervisor_assign(
            coordinator=coordinator,
            organisation=provider,
            trainee=trainee,
            supervisor=assigned_supervisor,
        )
        return trainee, enrollment

    return make


def _waiting(enrollment, *, days_ago: int, minutes: int = 60, submitted_days_ago: int = 0):
    entry = LogEntry.objects.create(
        enrollment=enrollment,
        date=timezone.localdate() - datetime.timedelta(days=days_ago),
        minutes=minutes,
        category=PracticeCategory.objects.get(slug="one-to-one"),
        domain=CompetencyDomain.objects.get(slug="recovery-and-wellness-support"),
        setting="in_person",
        reflection="A private reflection about the session.",
        status=LogEntry.Status.SUBMITTED,
        submission_round=1,
    )
    LogEntry.objects.filter(pk=entry.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=submitted_days_ago),
        created_at=timezone.now() - datetime.timedelta(days=submitted_days_ago),
    )
    return entry


def test_waiting_entries_are_grouped_by_trainee_oldest_first(
    client, assigned_supervisor, supervised, mfa_login
):
    ana, ana_enrollment = supervised("Ana")
    ben, ben_enrollment = supervised("Ben")
    _waiting(ana_enrollment, days_ago=3, submitted_days_ago=1)
    _waiting(ben_enrollment, days_ago=9, submitted_days_ago=5)
    _waiting(ben_enrollment, days_ago=4, submitted_days_ago=2, minutes=30)
    mfa_login(client, assigned_supervisor)

    html = _html(client)

    assert html.index(f'data-waiting-trainee="{ben.pk}"') < html.index(
        f'data-waiting-trainee="{ana.pk}"'
    )
    ben_row = _row(html, f'data-waiting-trainee="{ben.pk}"')
    assert "Ben Doe" in ben_row
    assert '<td data-label="Entries" data-entries>2</td>' in ben_row
    assert "1.5" in ben_row
    assert "waiting 5 days" in ben_row
    assert f"{reverse('practice:queue')}?trainee={ben.pk}" in ben_row
    assert "waiting 1 day " in _row(html, f'data-waiting-trainee="{ana.pk}"')
    assert "A private reflection" not in html


def test_the_queue_link_filters_to_that_trainee(client, assigned_supervisor, supervised, mfa_login):
    _, ana_enrollment = supervised("Ana")
    ben, ben_enrollment = supervised("Ben")
    ana_entry = _waiting(ana_enrollment, days_ago=3)
    ben_entry = _waiting(ben_enrollment, days_ago=4)
    mfa_login(client, assigned_supervisor)
    link = f"{reverse('practice:queue')}?trainee={ben.pk}"
    assert link in _html(client)

    queue = client.get(link).content.decode()

    assert f'data-entry="{ben_entry.pk}"' in queue
    assert f'data-entry="{ana_entry.pk}"' not in queue


def test_a_supervisor_sees_only_their_own_trainees(
    client, assigned_supervisor, supervised, make_member, coordinator, provider, mfa_login
):
    _, mine = supervised("Ana")
    _waiting(mine, days_ago=2)
    stranger = make_member(Role.TRAINEE, first_name="Zed", last_name="Other")
    theirs = enrollment_create(trainee=stranger, programme=mine.programme)
    other_supervisor = make_member(Role.SUPERVISOR)
    supervisor_assign(
        coordinator=coordinator,
        organisation=provider,
        trainee=stranger,
        supervisor=other_supervisor,
    )
    _waiting(theirs, days_ago=30)
    mfa_login(client, assigned_supervisor)

    html = _html(client)

    assert "Ana Doe" in html
    assert "Zed" not in html
    assert f'data-waiting-trainee="{stranger.pk}"' not in html
    assert f'data-quiet-trainee="{stranger.pk}"' not in html


def test_without_the_second_factor_no_names_show(client, assigned_supervisor, supervised):
    _, enrollment = supervised("Ana")
    _waiting(enrollment, days_ago=2)
    client.force_login(assigned_supervisor)

    html = _html(client)

    assert "Confirm your sign-in with your authenticator app" in html
    assert "Ana Doe" not in html


def test_trainees_quiet_for_the_set_weeks_are_named(
    client, settings, assigned_supervisor, supervised, mfa_login
):
    settings.SUPERVISOR_QUIET_WEEKS = 2
    quiet, quiet_enrollment = supervised("Quinn")
    busy, busy_enrollment = supervised("Bea")
    silent, _ = supervised("Sam")
    SupervisorAssignment.objects.filter(supervisor=assigned_supervisor).update(
        started_at=timezone.now() - datetime.timedelta(weeks=8)
    )
    _waiting(quiet_enrollment, days_ago=20, submitted_days_ago=20)
    _waiting(busy_enrollment, days_ago=3, submitted_days_ago=3)
    mfa_login(client, assigned_supervisor)

    html = _html(client)

    assert "Nothing logged in 2 weeks" in html
    assert f'data-quiet-trainee="{quiet.pk}"' in html
    assert f'data-quiet-trainee="{silent.pk}"' in html
    assert "nothing logged yet" in html.split(f'data-quiet-trainee="{silent.pk}"', 1)[1]
    assert f'data-quiet-trainee="{busy.pk}"' not in html


def test_a_trainee_assigned_this_week_is_not_quiet_yet(
    client, assigned_supervisor, supervised, mfa_login
):
    newcomer, _ = supervised("Nia")
    mfa_login(client, assigned_supervisor)

    assert f'data-quiet-trainee="{newcomer.pk}"' not in _html(client)


# Coordinators


def test_the_coordinator_sees_counts_of_what_waits(
    client, coordinator, provider, make_member, practice_programme, mfa_login
):
    module = ModulePage.objects.get(slug="module-1", path__startswith=practice_programme.path)
    quiz = published_quiz(
        module,
        category=QuestionCategory.objects.create(name="Boundaries"),
        questions=[("Who decides?", "The person", ["The worker"])],
    )
    trainees = [make_member(Role.TRAINEE) for _ in range(3)]
    enrollments = [enrollment_create(trainee=t, programme=practice_programme) for t in trainees]
    for enrollment in enrollments[:2]:
        AttemptRequest.objects.create(enrollment=enrollment, quiz=quiz)
    SupervisorRequest.objects.create(organisation=provider, trainee=trainees[0])
    Enrollment.objects.filter(pk__in=[e.pk for e in enrollments[1:]]).update(
        last_activity_at=timezone.now() - datetime.timedelta(days=15)
    )
    # Another provider's waiting trainees are not this coordinator's.
    SupervisorRequest.objects.create(organisation=OrganisationFactory(), trainee=UserFactory())
    mfa_login(client, coordinator)

    html = _html(client)

    requests = html.split('data-count="attempt-requests"', 1)[1].split("</p>", 1)[0]
    assert "<strong>2</strong> open requests" in requests
    supervisors = html.split('data-count="supervisor-requests"', 1)[1].split("</p>", 1)[0]
    assert "<strong>1</strong> trainee waiting for a supervisor" in supervisors
    assert reverse("practice:assignments_index") in supervisors
    stalled = html.split('data-count="stalled"', 1)[1].split("</p>", 1)[0]
    assert "<strong>2</strong> trainees with no progress for 14 days" in stalled
    # The requests page lists the same two.
    requests_page = client.get(reverse("assessments:attempt_requests")).content.decode()
    assert "2 open requests for another quiz attempt" in requests_page


def test_enrolling_goes_back_to_the_dashboard_only_when_asked_by_name(client, build_programme):
    programme = build_programme()
    client.force_login(UserFactory())

    response = client.post(
        reverse("courses:enrol", kwargs={"programme_id": programme.pk}),
        {"back": "https://evil.example/"},
    )

    assert response.status_code == 302
    assert response["Location"] == programme.url
