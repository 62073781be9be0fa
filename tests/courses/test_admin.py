"""Enrolments in the Django admin: read-only, with the lessons completed."""

import pytest

from courses.services import enrollment_create
from tests.admin_checks import assert_read_only, changelist_queries
from tests.builders import lesson_done, lessons_of
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

BASE = "/django-admin/courses/enrollment/"


def test_an_enrolment_shows_its_completed_lessons_and_cannot_be_changed(
    support_client, enrolled, programme, trainee
):
    lesson = lessons_of(programme)[0]
    lesson_done(trainee=trainee, lesson=lesson)

    page = support_client.get(f"{BASE}{enrolled.pk}/change/").content.decode()

    assert lesson.title in page
    assert_read_only(support_client, BASE, enrolled, post={"completed_at": "2020-01-01"})


def test_the_list_takes_the_same_queries_for_many_enrolments(
    support_client, programme, django_assert_max_num_queries
):
    enrollment_create(trainee=UserFactory(), programme=programme)
    few = changelist_queries(support_client, BASE)
    for _ in range(6):
        enrollment_create(trainee=UserFactory(), programme=programme)

    with django_assert_max_num_queries(few):
        response = support_client.get(BASE)
    assert response.content.decode().count(programme.title) >= 7
