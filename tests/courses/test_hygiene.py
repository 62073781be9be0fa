"""Odd input to lessons and search: a clear answer, never a 500 or a duplicate."""

import pytest
from django.db import IntegrityError, transaction

from core.idempotency import FIELD_NAME, new_token
from courses.models import Enrollment, Reflection
from organisations.roles import Role
from tests.builders import evidence_for, lessons_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["²", "9" * 5000, "9" * 25, "-1", "abc"])
def test_a_next_lesson_that_is_not_an_id_is_ignored(client, enrolled, programme, value):
    # What reproduced the 500: "next" went from request.POST to a pk lookup after isdigit().
    first = lessons_of(programme)[0]
    evidence_for(trainee=enrolled.trainee, lesson=first)
    client.force_login(enrolled.trainee)

    response = client.post(f"/courses/lessons/{first.pk}/complete/", {"next": value})

    assert response.status_code == 302
    assert response["Location"] == first.url


def test_a_next_lesson_id_is_followed(client, enrolled, programme):
    first, second = lessons_of(programme)[:2]
    evidence_for(trainee=enrolled.trainee, lesson=first)
    client.force_login(enrolled.trainee)
    response = client.post(f"/courses/lessons/{first.pk}/complete/", {"next": str(second.pk)})
    assert response["Location"] == second.url


def test_an_over_long_search_is_refused_with_a_message(client, make_member):
    client.force_login(make_member(Role.TRAINEE))
    response = client.get("/courses/search/", {"q": "%_" * 30_000})
    assert response.status_code == 400
    assert "Search for at most 200 characters." in response.content.decode()


def test_a_nul_in_the_search_is_refused(client, make_member):
    # SQLite's full-text search answered "unterminated string"; PostgreSQL a DataError.
    client.force_login(make_member(Role.TRAINEE))
    assert client.get("/courses/search/", {"q": "crisis\x00"}).status_code == 400


def test_an_over_long_reflection_is_refused_by_form_and_database(client, enrolled, programme):
    lesson = lessons_of(programme)[0]
    client.force_login(enrolled.trainee)

    response = client.post(
        f"/courses/lessons/{lesson.pk}/reflections/reflect-1/",
        {"text": "x" * (Reflection.TEXT_MAX_LENGTH + 1)},
        follow=True,
    )

    assert f"Reflections can be up to {Reflection.TEXT_MAX_LENGTH} characters." in (
        response.content.decode()
    )
    assert not Reflection.objects.exists()
    with pytest.raises(IntegrityError), transaction.atomic():
        Reflection.objects.create(
            trainee=enrolled.trainee,
            lesson=lesson,
            block_id="reflect-1",
            text="x" * (Reflection.TEXT_MAX_LENGTH + 1),
        )


def test_an_enrolment_sent_twice_enrols_once_and_says_so(client, programme, trainee):
    client.force_login(trainee)
    data = {FIELD_NAME: new_token()}
    first = client.post(f"/courses/programmes/{programme.pk}/enrol/", data)
    second = client.post(f"/courses/programmes/{programme.pk}/enrol/", data, follow=True)

    assert first.status_code == 302
    html = second.content.decode()
    assert "This form had already been sent" in html
    assert "already enrolled" not in html.lower()
    assert Enrollment.objects.filter(trainee=trainee).count() == 1
