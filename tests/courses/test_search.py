"""Lesson search: the trainee's own programmes, where each hit sits, and typos forgiven."""

import pytest

from courses.services import enrollment_create
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def search(client, q: str) -> str:
    response = client.get("/courses/search/", {"q": q})
    assert response.status_code == 200
    return response.content.decode()


def test_each_hit_names_its_module_and_program_and_whether_it_is_locked(
    client, build_programme, trainee
):
    programme = build_programme(modules=2, lessons=1, sequential_unlocking=True)
    enrollment_create(trainee=trainee, programme=programme)
    client.force_login(trainee)

    html = search(client, "boundaries")

    assert html.count("data-search-hit") == 2
    assert "Module 1 · Certified Peer Support Worker" in html
    assert "Module 2 · Certified Peer Support Worker · opens when you complete “Module 1”" in html
    assert html.count("data-locked") == 1


def test_only_the_trainees_own_programmes_are_searched(client, build_programme, trainee):
    mine = build_programme(modules=1, lessons=1)
    build_programme(
        modules=1,
        lessons=1,
        slug="other",
        title="Another program",
        organisation=OrganisationFactory(name="Other provider", slug="other-provider"),
    )
    enrollment_create(trainee=trainee, programme=mine)
    client.force_login(trainee)

    html = search(client, "boundaries")

    assert html.count("data-search-hit") == 1
    assert "Another program" not in html


@pytest.mark.parametrize(
    ("typed", "marker", "shown"),
    [
        ("boundries", "data-search-corrected", "Showing results for “<strong>boundaries</strong>”"),
        ("relationshp safe", "data-search-corrected", "“<strong>relationship safe</strong>”"),
        ("bounda", "data-search-prefixes", "words that start with it"),
    ],
)
def test_a_typo_or_a_word_begun_still_finds_the_lesson(
    client, enrolled, trainee, typed, marker, shown
):
    client.force_login(trainee)

    html = search(client, typed)

    assert marker in html and shown in html
    assert html.count("data-search-hit") >= 1


def test_no_match_says_so_and_an_exact_word_is_not_corrected(client, enrolled, trainee):
    client.force_login(trainee)

    assert "No lesson in your programs matches" in search(client, "zebra")
    exact = search(client, "boundaries")
    assert "data-search-corrected" not in exact and "data-search-prefixes" not in exact


def test_the_search_costs_the_same_queries_for_few_or_many_hits(
    client, build_programme, trainee, django_assert_max_num_queries
):
    small = build_programme(modules=1, lessons=1, slug="small")
    enrollment_create(trainee=trainee, programme=small)
    client.force_login(trainee)
    with django_assert_max_num_queries(30) as few:
        search(client, "boundaries")
    big = build_programme(modules=4, lessons=5, slug="big", title="Big program")
    enrollment_create(trainee=trainee, programme=big)
    with django_assert_max_num_queries(len(few.captured_queries) + 4):  # a second programme
        html = search(client, "boundaries")
    assert html.count("data-search-hit") == 21


def test_the_module_page_offers_the_search_to_enrolled_trainees(client, enrolled, trainee):
    client.force_login(trainee)
    html = client.get("/programmes/peer-training/cpsw/module-1/").content.decode()
    assert 'action="/courses/search/"' in html
