"""Keep my credential renders in a number of queries that does not grow with activities."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from renewals.models import CEActivity

pytestmark = pytest.mark.django_db


def _add(credential, count: int, start: int = 0) -> None:
    today = timezone.localdate()
    CEActivity.objects.bulk_create(
        CEActivity(
            holder=credential.holder,
            credential=credential,
            title=f"Workshop {n}",
            provider="Peer network",
            started_on=today - datetime.timedelta(days=1 + n % 300),
            completed_on=today - datetime.timedelta(days=1 + n % 300),
            hours=Decimal("0.5"),
            categories=["ethics"] if n % 2 else [],
        )
        for n in range(start, start + count)
    )


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/renewals/")
    assert response.status_code == 200
    return len(queries)


def test_the_page_with_200_activities_costs_what_it_costs_with_one(
    client, credential, django_assert_max_num_queries
):
    client.force_login(credential.holder)
    _add(credential, 1)
    _queries(client)  # warm the caches a first request fills
    one = _queries(client)
    _add(credential, 199, start=1)
    with django_assert_max_num_queries(one):
        response = client.get("/renewals/")
    assert response.content.decode().count('data-activity="') == 200
