"""Rosters, API keys and checks in the Django admin: read-only, no secret anywhere."""

import pytest

from tests.admin_checks import assert_read_only, changelist_queries
from verification.models import VerificationEvent
from verification.services import api_key_create, roster_add

pytestmark = pytest.mark.django_db


def test_a_roster_entry_shows_its_holder_and_status_and_cannot_be_changed(
    support_client, roster_entry, change_status, credential
):
    change_status(credential, "suspend")
    base = "/django-admin/verification/rosterentry/"

    page = support_client.get(base).content.decode()

    assert credential.number in page and "Suspended" in page and "Okafor" in page
    assert_read_only(support_client, base, roster_entry)


def test_an_api_key_shows_its_hint_and_hash_never_its_secret(support_client, api_key, api_secret):
    base = "/django-admin/verification/apikey/"

    pages = support_client.get(base).content.decode() + (
        support_client.get(f"{base}{api_key.pk}/change/").content.decode()
    )

    assert api_key.hint in pages and api_key.key_hash in pages
    assert api_secret not in pages and api_secret[len(api_key.hint) :] not in pages
    assert_read_only(support_client, base, api_key, post={"revoked_at": "2020-01-01"})


def test_a_verification_event_cannot_be_changed(support_client, credential, clinic):
    event = VerificationEvent.objects.create(
        credential=credential, organisation=clinic, channel=VerificationEvent.Channel.API
    )
    base = "/django-admin/verification/verificationevent/"

    assert credential.number in support_client.get(base, {"q": credential.number}).content.decode()
    assert_read_only(support_client, base, event, post={"channel": "page"})


def test_the_lists_take_the_same_queries_for_many_rows(
    support_client, issue_credential, clinic, verifier, django_assert_max_num_queries
):
    paths = [
        "/django-admin/verification/rosterentry/",
        "/django-admin/verification/apikey/",
        "/django-admin/verification/verificationevent/",
    ]

    def add_rows(n: int) -> None:
        for i in range(n):
            credential = issue_credential(last_name=f"Worker{i}{n}")
            roster_add(
                organisation=clinic,
                number=credential.number,
                last_name=f"Worker{i}{n}",
                added_by=verifier,
            )
            api_key_create(organisation=clinic, name=f"Key {i}{n}", created_by=verifier)
            VerificationEvent.objects.create(
                credential=credential, organisation=clinic, channel=VerificationEvent.Channel.CSV
            )

    add_rows(1)
    few = {path: changelist_queries(support_client, path) for path in paths}
    add_rows(5)

    for path in paths:
        with django_assert_max_num_queries(few[path]):
            support_client.get(path)
