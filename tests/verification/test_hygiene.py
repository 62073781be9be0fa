"""Odd input to the roster: a clear answer, never a 500."""

import pytest

pytestmark = pytest.mark.django_db

# What reproduced it on SQLite: "LIKE or GLOB pattern too complex" (a 500).
COMPLEX = "%_" * 30_000


def test_an_over_long_roster_search_is_refused_with_a_message(
    client, verifier, clinic, roster_entry
):
    client.force_login(verifier)

    response = client.get(f"/clinics/{clinic.pk}/roster/", {"q": COMPLEX})

    assert response.status_code == 400
    html = response.content.decode()
    assert "Search for at most 100 characters" in html
    assert roster_entry.credential.number in html  # the roster, unfiltered


def test_an_over_long_roster_csv_search_is_refused(client, verifier, clinic, roster_entry):
    client.force_login(verifier)
    response = client.get(f"/clinics/{clinic.pk}/roster.csv", {"q": COMPLEX})
    assert response.status_code == 400
    assert "Search for at most 100 characters" in response.content.decode()


def test_a_search_within_the_limit_filters(client, verifier, clinic, roster_entry):
    client.force_login(verifier)
    found = client.get(f"/clinics/{clinic.pk}/roster/", {"q": "Okafor"})
    missed = client.get(f"/clinics/{clinic.pk}/roster/", {"q": "x" * 100})
    assert roster_entry.credential.number in found.content.decode()
    assert roster_entry.credential.number not in missed.content.decode()
    assert missed.status_code == 200


@pytest.mark.parametrize("path", ["roster/", "roster.csv"])
def test_a_nul_in_the_roster_search_is_refused(client, verifier, clinic, roster_entry, path):
    # On PostgreSQL this was a DataError (a 500).
    client.force_login(verifier)
    assert client.get(f"/clinics/{clinic.pk}/{path}", {"q": "Oka\x00"}).status_code == 400


def test_a_roster_addition_sent_twice_adds_once_without_an_error(
    client, verifier, clinic, credential
):
    from core.idempotency import ALREADY_SENT_MESSAGE, FIELD_NAME, new_token
    from verification.models import RosterEntry

    client.force_login(verifier)
    data = {"add-number": credential.number, "add-last_name": "Okafor", FIELD_NAME: new_token()}

    first = client.post(f"/clinics/{clinic.pk}/roster/", data)
    second = client.post(f"/clinics/{clinic.pk}/roster/", data, follow=True)

    assert first.status_code == 302
    html = second.content.decode()
    assert ALREADY_SENT_MESSAGE in html
    assert "already" not in html.replace(ALREADY_SENT_MESSAGE, "").lower()
    assert RosterEntry.objects.filter(organisation=clinic).count() == 1
