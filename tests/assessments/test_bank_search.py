"""Searching the question bank in the Wagtail admin, on SQLite and on PostgreSQL.

Wagtail's database search backend picks SQLite's FTS5 or PostgreSQL's full text search from
the database in use; the same tests run on both (the suite runs once per database), and the
last one insists on PostgreSQL's backend when DATABASE_URL names PostgreSQL.
"""

import warnings

import pytest
from django.db import connection
from django.urls import reverse
from wagtail.search.backends import get_search_backend

from assessments.models import QuestionCategory
from organisations.roles import Role
from tests.assessments.conftest import make_question
from tests.builders import sign_in_with_mfa
from tests.factories import OrganisationFactory

LIST = "wagtailsnippets_assessments_question:list"
LIST_RESULTS = "wagtailsnippets_assessments_question:list_results"
CHOOSE_RESULTS = "wagtailsnippetchoosers_assessments_question:choose_results"

DUAL = "What makes a dual relationship with a peer a risk?"
STORY = "When is sharing your recovery story helpful?"
VIGNETTE_TEXT = "What do you say first?"
VIGNETTE = "Marisol calls you at midnight from the emergency department."
OTHERS = "What makes a dual relationship risky at another provider?"


@pytest.fixture
def bank(provider, make_member):
    category = QuestionCategory.objects.create(name="Boundaries", organisation=provider)
    make_question(category, text=DUAL)
    make_question(category, text=STORY)
    make_question(category, kind="scenario", text=VIGNETTE_TEXT, vignette=VIGNETTE)
    # Another provider's question matching the same words: never shown to this one's authors.
    other = QuestionCategory.objects.create(
        name="Boundaries", organisation=OrganisationFactory(name="Other Provider")
    )
    make_question(other, text=OTHERS)
    return make_member(Role.COORDINATOR)


def shown(response) -> set[str]:
    assert response.status_code == 200, response.content[:500]
    page = response.content.decode()
    return {text for text in (DUAL, STORY, VIGNETTE_TEXT, OTHERS) if text in page}


@pytest.mark.parametrize("url_name", [LIST, LIST_RESULTS, CHOOSE_RESULTS])
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("dual", {DUAL}),  # a whole word
        ("relation", {DUAL}),  # the start of a word: the admin's live search as you type
        ("Relationship", {DUAL}),  # any case
        ("recovery story", {STORY}),  # every word must match
        ("midnight", {VIGNETTE_TEXT}),  # a scenario's situation counts
        ("zebra", set()),  # nothing matches: an empty list, not the whole bank
    ],
)
def test_bank_search_finds_the_matching_question_and_not_the_others(
    client, bank, url_name, query, expected
):
    sign_in_with_mfa(client, bank)

    response = client.get(reverse(url_name), {"q": query})

    assert shown(response) == expected


def test_without_a_query_the_listing_shows_the_providers_whole_bank(client, bank):
    sign_in_with_mfa(client, bank)

    assert shown(client.get(reverse(LIST))) == {DUAL, STORY, VIGNETTE_TEXT}


def test_bank_search_needs_no_warning_about_missing_autocomplete_fields(client, bank):
    """Without AutocompleteFields Wagtail warns and matches whole words only."""
    sign_in_with_mfa(client, bank)

    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        response = client.get(reverse(LIST_RESULTS), {"q": "dual"})

    assert shown(response) == {DUAL}


def test_an_edited_question_is_found_by_its_new_words(client, bank):
    sign_in_with_mfa(client, bank)
    question = QuestionCategory.objects.get(organisation__name="Peer Training Collaborative")
    first = question.questions.get(text=STORY)
    first.text = "When does self-disclosure help a peer?"
    first.save()

    assert client.get(reverse(LIST), {"q": "disclosure"}).content.decode().count("self-disclosure")
    assert shown(client.get(reverse(LIST), {"q": "story"})) == set()


def test_the_bank_listing_names_no_search_columns():
    """Named fields reach SQLite's FTS5 backend as columns it lacks: a 500 on every search."""
    from assessments.models import Question

    assert not isinstance(Question.snippet_viewset.search_fields, list | tuple)


@pytest.mark.django_db
def test_the_search_backend_is_the_databases_own_full_text_search():
    backend = type(get_search_backend()).__name__

    expected = {
        "sqlite": "SQLiteSearchBackend",  # FTS5; the plain LIKE fallback would be a regression
        "postgresql": "PostgresSearchBackend",
    }[connection.vendor]
    assert backend == expected


@pytest.mark.django_db
def test_on_postgresql_the_bank_is_searched_with_postgresql_full_text(client, bank):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://…): the SQLite run covers SQLite")
    sign_in_with_mfa(client, bank)

    assert type(get_search_backend()).__name__ == "PostgresSearchBackend"
    assert shown(client.get(reverse(LIST), {"q": "dual relation"})) == {DUAL}
    assert shown(client.get(reverse(LIST_RESULTS), {"q": "midn"})) == {VIGNETTE_TEXT}
    assert shown(client.get(reverse(CHOOSE_RESULTS), {"q": "STORY"})) == {STORY}
