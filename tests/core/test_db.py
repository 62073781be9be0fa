"""core.db.AnyOf: one array parameter on PostgreSQL, an IN elsewhere; the same rows."""

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from core.db import AnyOf
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_any_of_finds_exactly_the_values_given():
    ada, _, cy = UserFactory(email="ada@example.org"), UserFactory(), UserFactory()
    User = type(ada)

    with CaptureQueriesContext(connection) as queries:
        found = set(User.objects.filter(AnyOf(F("email"), [ada.email, cy.email, "x@example.org"])))

    assert found == {ada, cy}
    sql = queries.captured_queries[0]["sql"]
    assert ("= ANY(" in sql) if connection.vendor == "postgresql" else (" IN (" in sql)


def test_any_of_nothing_matches_nothing_without_a_query():
    UserFactory()
    User = type(UserFactory())

    with CaptureQueriesContext(connection) as queries:
        assert list(User.objects.filter(AnyOf(F("email"), []))) == []

    assert queries.captured_queries == []
