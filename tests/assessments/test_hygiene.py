"""Odd input to quizzes: a clear answer, never a 500 or a duplicate."""

import pytest

from assessments.models import Attempt
from core.idempotency import FIELD_NAME, new_token
from courses.models import Cohort

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["²", "9" * 5000, "9" * 25, "-1", "all"])
def test_a_cohort_filter_that_is_not_an_id_shows_every_trainee(
    client, coordinator, with_totp, quiz, programme, value, mfa_login
):
    # What reproduced the 500: "cohort" went from the query string to a pk lookup.
    Cohort.objects.create(programme=programme, name="Spring")
    mfa_login(client, coordinator)

    response = client.get(f"/assessments/quizzes/{quiz.pk}/results/", {"cohort": value})

    assert response.status_code == 200
    assert response.context["cohort"] is None


def test_a_cohort_id_filters(client, coordinator, with_totp, quiz, programme, mfa_login):
    cohort = Cohort.objects.create(programme=programme, name="Spring")
    mfa_login(client, coordinator)
    response = client.get(f"/assessments/quizzes/{quiz.pk}/results/", {"cohort": cohort.pk})
    assert response.context["cohort"] == cohort


def test_starting_a_quiz_twice_from_one_page_starts_one_attempt(client, enrolled, quiz):
    client.force_login(enrolled.trainee)
    data = {FIELD_NAME: new_token()}

    first = client.post(f"/assessments/quizzes/{quiz.pk}/start/", data)
    second = client.post(f"/assessments/quizzes/{quiz.pk}/start/", data)

    assert first["Location"] == second["Location"]
    assert Attempt.objects.count() == 1
