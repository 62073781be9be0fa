"""Quiz attempts in the Django admin: read-only, scores and answers as given."""

import pytest

from assessments.services import attempt_start, attempt_submit
from courses.services import enrollment_create
from tests.admin_checks import assert_read_only, changelist_queries
from tests.factories import UserFactory

from .conftest import right_answers

pytestmark = pytest.mark.django_db

BASE = "/django-admin/assessments/attempt/"


def _submitted(trainee, quiz, programme):
    enrollment_create(trainee=trainee, programme=programme)
    attempt = attempt_start(trainee=trainee, quiz=quiz)
    return attempt_submit(trainee=trainee, attempt_id=attempt.pk, answers=right_answers(attempt))


def test_an_attempt_shows_its_answers_and_cannot_be_changed(
    support_client, quiz, programme, trainee
):
    attempt = _submitted(trainee, quiz, programme)

    page = support_client.get(f"{BASE}{attempt.pk}/change/").content.decode()

    assert "Question 1?" in page and "100.00" in page
    assert_read_only(support_client, BASE, attempt, post={"score_percent": "0"})


def test_the_list_takes_the_same_queries_for_many_attempts(
    support_client, quiz, programme, django_assert_max_num_queries
):
    _submitted(UserFactory(), quiz, programme)
    few = changelist_queries(support_client, BASE)
    for _ in range(5):
        _submitted(UserFactory(), quiz, programme)

    with django_assert_max_num_queries(few):
        support_client.get(BASE)
