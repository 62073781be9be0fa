"""The cohort gradebook and the learner record: same numbers as the trainee's own pages."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.utils import timezone

from assessments.models import Attempt, QuestionCategory
from certificates.models import Credential, CredentialEvent, EthicsAffirmation, EthicsCode
from courses.models import Enrollment, ModulePage
from courses.selectors import trainee_dashboard
from courses.services import enrollment_create
from organisations.roles import Role
from practice.selectors import practice_totals
from practice.services import entry_decide
from tests.builders import lesson_done, lessons_of, published_quiz
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _url(programme, **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"/coordinate/{programme.pk}/gradebook/" + (f"?{query}" if query else "")


@pytest.fixture
def quiz(practice_programme):
    return published_quiz(
        ModulePage.objects.get(slug="module-2", path__startswith=practice_programme.path),
        category=QuestionCategory.objects.create(name="Boundaries"),
        questions=[("Who decides?", "The person", ["The worker"])],
    )


def _attempt(enrollment, quiz, *, number, score, passed):
    return Attempt.objects.create(
        enrollment=enrollment,
        quiz=quiz,
        number=number,
        status=Attempt.Status.SUBMITTED,
        questions=[],
        pass_mark=75,
        submitted_at=timezone.now(),
        score_percent=Decimal(score),
        passed=passed,
    )


@pytest.fixture
def busy_trainee(
    trainee, practice_programme, practice_enrollment, assigned_supervisor, log_entry, quiz, profile
):
    """Two lessons, a failed and a passed attempt, 2 approved and 1 waiting practice hours,
    the code of ethics affirmed."""
    trainee.first_name, trainee.last_name = "Rosa", "Núñez"
    trainee.save()
    for lesson in lessons_of(practice_programme)[:2]:
        lesson_done(trainee=trainee, lesson=lesson)
    _attempt(practice_enrollment, quiz, number=1, score="50.00", passed=False)
    _attempt(practice_enrollment, quiz, number=2, score="100.00", passed=True)
    for _ in range(2):
        entry_decide(supervisor=assigned_supervisor, entry_id=log_entry().pk, approve=True)
    log_entry(minutes=60)
    code = EthicsCode.objects.create(profile=profile, version=1, text="Be kind.")
    EthicsAffirmation.objects.create(trainee=trainee, code=code, signed_name="Rosa Núñez")
    return trainee


@pytest.fixture
def idle_trainee(make_member, practice_programme):
    idle = make_member(Role.TRAINEE, first_name="Ian", last_name='=HYPERLINK("x")')
    enrollment = enrollment_create(trainee=idle, programme=practice_programme)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        last_activity_at=timezone.now() - datetime.timedelta(days=30)
    )
    return idle


def test_gradebook_numbers_equal_the_trainees_own_pages(
    client, coordinator, practice_programme, practice_enrollment, busy_trainee, mfa_login
):
    mfa_login(client, coordinator)

    response = client.get(_url(practice_programme))

    assert response.status_code == 200
    (row,) = response.context["rows"]
    (own,) = trainee_dashboard(user=busy_trainee)
    own_practice = practice_totals(enrollment=practice_enrollment)
    assert row.progress.percent == own.percent > 0
    assert row.progress.hours_done == own.hours_done
    assert row.progress.lessons_done == own.lessons_done == 2
    assert row.practice.approved == own_practice.approved == Decimal(2)
    assert row.practice.pending == own_practice.pending == Decimal(1)
    assert row.quizzes_passed == 1
    assert row.quizzes[0].best_score == Decimal("100.00")
    html = response.content.decode()
    assert f"{own.percent}%" in html
    assert "2 / 10 h" in html
    assert "Affirmed" in html


def test_a_credential_holder_is_not_shown_as_nothing_done(
    client, coordinator, programme, issue_credential, mfa_login
):
    credential = issue_credential(last_name="Holder")
    mfa_login(client, coordinator)

    html = client.get(_url(programme)).content.decode()

    assert f'Active · <span class="nowrap">{credential.number}</span>' in html


def test_sorting_is_validated_and_applied(
    client, coordinator, practice_programme, busy_trainee, idle_trainee, mfa_login
):
    mfa_login(client, coordinator)

    by_progress = client.get(_url(practice_programme, sort="-progress")).context["rows"]
    assert [r.trainee for r in by_progress] == [busy_trainee, idle_trainee]
    by_activity = client.get(_url(practice_programme, sort="activity")).context["rows"]
    assert [r.trainee for r in by_activity] == [idle_trainee, busy_trainee]

    response = client.get(_url(practice_programme, sort="trainee__password"))
    assert response.status_code == 200
    assert response.context["sort"] == "name"
    assert "not one of the columns" in response.content.decode()


def test_csv_export_has_a_bom_and_neutralises_formulas(
    client, coordinator, practice_programme, busy_trainee, idle_trainee, mfa_login
):
    mfa_login(client, coordinator)

    response = client.get(_url(practice_programme, format="csv"))

    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    by_first = {row["First name"]: row for row in rows}
    assert by_first["Rosa"]["Last name"] == "Núñez"
    assert by_first["Rosa"]["Practice hours approved"] == "2.00"
    assert by_first["Rosa"]["Quizzes passed"] == "1"
    assert Decimal(by_first["Rosa"]["Best score: Module quiz"]) == 100
    assert by_first["Ian"]["Last name"] == '\'=HYPERLINK("x")'
    assert by_first["Ian"]["Stalled"] == "yes"


def test_learner_record_shows_everything_about_one_trainee(
    client, coordinator, practice_programme, practice_enrollment, busy_trainee, mfa_login
):
    mfa_login(client, coordinator)

    response = client.get(f"/coordinate/{practice_programme.pk}/trainees/{practice_enrollment.pk}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Learner record: Rosa Núñez" in html
    assert "2 attempts, best 100%" in html
    assert "2 of 10 approved hours required" in html
    assert "signed “Rosa Núñez”" in html
    assert "No credential has been issued" in html


def test_learner_record_lists_the_credential_and_its_history(
    client, coordinator, programme, issue_credential, mfa_login
):
    # Made directly: how a status changes belongs to certificates.services, not to this page.
    credential = issue_credential()
    Credential.objects.filter(pk=credential.pk).update(status=Credential.Status.SUSPENDED)
    CredentialEvent.objects.create(
        credential=credential, action="suspended", reason="Under review", actor_name="Coordinator"
    )
    mfa_login(client, coordinator)

    html = client.get(
        f"/coordinate/{programme.pk}/trainees/{credential.enrollment_id}/"
    ).content.decode()

    assert credential.number in html
    assert "Suspended" in html
    assert "Under review" in html


def test_other_providers_coordinators_get_404(
    client, make_member, practice_programme, practice_enrollment, mfa_login
):
    outsider = make_member(Role.COORDINATOR, organisation=OrganisationFactory())
    mfa_login(client, outsider)

    assert client.get(_url(practice_programme)).status_code == 404
    assert client.get(_url(practice_programme, format="csv")).status_code == 404
    record = f"/coordinate/{practice_programme.pk}/trainees/{practice_enrollment.pk}/"
    assert client.get(record).status_code == 404


def test_an_enrolment_of_another_programme_is_404(
    client, coordinator, build_programme, practice_programme, practice_enrollment, mfa_login
):
    other = build_programme(slug="other")
    mfa_login(client, coordinator)

    response = client.get(f"/coordinate/{other.pk}/trainees/{practice_enrollment.pk}/")

    assert response.status_code == 404


def test_trainees_cannot_open_the_gradebook_or_a_record(
    client, trainee, practice_programme, practice_enrollment
):
    client.force_login(trainee)

    assert client.get(_url(practice_programme)).status_code in (403, 404)
    record = f"/coordinate/{practice_programme.pk}/trainees/{practice_enrollment.pk}/"
    assert client.get(record).status_code in (403, 404)


@pytest.mark.parametrize("size", [3, 30])
def test_gradebook_queries_do_not_grow_with_the_cohort(
    client,
    coordinator,
    make_member,
    practice_programme,
    quiz,
    size,
    mfa_login,
    django_assert_max_num_queries,
):
    first_lesson = lessons_of(practice_programme)[0]
    for n in range(size):
        member = make_member(Role.TRAINEE, first_name=f"T{n}")
        enrollment = enrollment_create(trainee=member, programme=practice_programme)
        lesson_done(trainee=member, lesson=first_lesson)
        _attempt(enrollment, quiz, number=1, score="80.00", passed=True)
    mfa_login(client, coordinator)

    with django_assert_max_num_queries(30):
        response = client.get(_url(practice_programme))

    assert len(response.context["rows"]) == size
