"""Credentials in the Django admin: read-only, with their status history."""

import pytest

from certificates.models import CredentialEvent
from tests.admin_checks import assert_read_only, changelist_queries

pytestmark = pytest.mark.django_db

BASE = "/django-admin/certificates/credential/"


def test_a_credential_shows_its_status_history_and_cannot_be_changed(
    support_client, issue_credential, coordinator
):
    credential = issue_credential(last_name="Núñez")
    CredentialEvent.objects.create(credential=credential, action="issued")
    CredentialEvent.objects.create(
        credential=credential,
        action="suspend",
        reason="Complaint under review",
        actor=coordinator,
        actor_name="Corinne Walsh",
    )

    page = support_client.get(f"{BASE}{credential.pk}/change/").content.decode()

    assert "Status history" in page
    assert "Complaint under review" in page and "Corinne Walsh" in page
    assert_read_only(support_client, BASE, credential, post={"status": "revoked"})
    assert CredentialEvent.objects.filter(credential=credential).count() == 2


def test_support_finds_a_credential_by_number_or_holder(support_client, issue_credential):
    wanted = issue_credential(last_name="Núñez")
    other = issue_credential(last_name="Okafor")

    by_number = support_client.get(BASE, {"q": wanted.number}).content.decode()
    by_name = support_client.get(BASE, {"q": "núñez"}).content.decode()

    for page in (by_number, by_name):
        assert wanted.number in page and other.number not in page


def test_the_list_takes_the_same_queries_for_many_credentials(
    support_client, issue_credential, django_assert_max_num_queries
):
    issue_credential(last_name="First")
    few = changelist_queries(support_client, BASE)
    for n in range(6):
        issue_credential(last_name=f"Holder{n}")

    with django_assert_max_num_queries(few):
        support_client.get(BASE)
