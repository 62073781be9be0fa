import pytest

from assessments.selectors import item_analysis
from assessments.services import attempt_start, attempt_submit
from courses.models import Cohort
from courses.services import enrollment_create
from organisations.roles import Role
from tests.assessments.conftest import make_question, right_answers, wrong_answers
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def taken(quiz, programme, make_member):
    """Two trainees in a cohort: one passes, one picks the same wrong option everywhere."""
    cohort = Cohort.objects.create(programme=programme, name="Spring")
    passer = make_member(Role.TRAINEE, first_name="Pat", last_name="Passer")
    failer = make_member(Role.TRAINEE, first_name="Fin", last_name="Failer")
    outsider = make_member(Role.TRAINEE, first_name="Out", last_name="Sider")
    for user, answers in (
        (passer, right_answers),
        (failer, wrong_answers),
        (outsider, wrong_answers),
    ):
        enrollment = enrollment_create(trainee=user, programme=programme)
        if user is not outsider:
            enrollment.cohort = cohort
            enrollment.save()
        attempt = attempt_start(trainee=user, quiz=quiz)
        attempt_submit(trainee=user, attempt_id=attempt.pk, answers=answers(attempt))
    return cohort


def test_item_analysis_counts_right_answers_and_the_favourite_wrong_option(quiz, taken):
    items = item_analysis(quiz=quiz)

    assert len(items) == 4
    assert all((i.answered, i.correct) == (3, 1) for i in items)
    assert all(i.top_wrong_option == "Wrong" and i.top_wrong_count == 2 for i in items)


def test_results_can_be_narrowed_to_a_cohort(quiz, taken):
    items = item_analysis(quiz=quiz, cohort=taken)
    assert all((i.answered, i.correct, i.top_wrong_count) == (2, 1, 1) for i in items)


def test_coordinators_see_results_per_cohort(client, quiz, coordinator, taken, mfa_login):
    mfa_login(client, coordinator)

    html = client.get(
        f"/assessments/quizzes/{quiz.pk}/results/", {"cohort": taken.pk}
    ).content.decode()

    assert "Pat Passer" in html and "Fin Failer" in html
    assert "Out Sider" not in html
    assert 'Wrong: <span class="number">1 (50%)</span>' in html


def test_coordinators_of_another_provider_get_404(client, quiz, make_member, taken, mfa_login):
    mfa_login(client, make_member(Role.COORDINATOR, organisation=OrganisationFactory()))
    assert client.get(f"/assessments/quizzes/{quiz.pk}/results/").status_code == 404


def test_trainees_cannot_see_results(client, quiz, trainee):
    client.force_login(trainee)
    assert client.get(f"/assessments/quizzes/{quiz.pk}/results/").status_code == 403


@pytest.mark.parametrize("size", [5, 50])
def test_submitting_runs_a_fixed_number_of_queries(
    make_quiz, category, enrolled, trainee, size, django_assert_max_num_queries
):
    questions = [
        make_question(
            category,
            kind="multiple" if n % 2 else "single",
            text=f"Q{n}?",
            options=[("A", True), ("B", n % 2 == 1), ("C", False), ("D", False)],
        )
        for n in range(size)
    ]
    quiz = make_quiz(questions=questions)
    attempt = attempt_start(trainee=trainee, quiz=quiz)
    answers = right_answers(attempt)

    with django_assert_max_num_queries(15):
        attempt = attempt_submit(trainee=trainee, attempt_id=attempt.pk, answers=answers)

    assert attempt.score_percent == 100
