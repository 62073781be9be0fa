"""After every window a board allows, a lapsed credential is reinstated, not renewed: on the
board's conditions, with a new cycle from the day of reinstatement and the same number."""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import timezone

from organisations.roles import Role
from renewals import engine, services
from renewals.models import RenewalApplication
from renewals.selectors import standing_of

from .conftest import activity_data, days_ago

pytestmark = pytest.mark.django_db


def _log_hours_after_expiry(credential):
    for overrides in (
        {"completed_on": days_ago(5), "started_on": days_ago(5)},
        {
            "title": "Recovery planning",
            "categories": [],
            "hours": Decimal("14"),
            "completed_on": days_ago(4),
            "started_on": days_ago(4),
        },
    ):
        services.ce_activity_log(
            holder=credential.holder, credential_id=credential.pk, data=activity_data(**overrides)
        )


@pytest.fixture
def lapsed(make_credential):
    """An IC&RC credential that expired 20 days ago (IC&RC has no grace or late window)."""
    credential = make_credential(expires_in_days=-20)
    _log_hours_after_expiry(credential)
    return credential


@pytest.fixture
def coordinator_with_mfa(make_member, with_totp):
    coordinator = make_member(Role.COORDINATOR)
    with_totp(coordinator)
    return coordinator


def test_a_lapsed_holder_with_the_hours_is_offered_reinstatement(client, lapsed):
    client.force_login(lapsed.holder)

    page = BeautifulSoup(client.get("/renewals/").content.decode(), "html.parser")

    assert page.select_one("[data-renewal-status]")["data-renewal-status"] == "lapsed"
    button = page.find("a", string="Apply to reinstate")
    assert button is not None
    assert button["href"] == f"/renewals/{lapsed.pk}/apply/"
    form = BeautifulSoup(client.get(button["href"]).content.decode(), "html.parser")
    assert form.h1.get_text(strip=True) == f"Apply to reinstate {lapsed.number}"
    assert form.find("button", string="Submit my reinstatement") is not None


def test_approving_a_reinstatement_starts_a_new_cycle_today_with_the_same_number(
    lapsed, coordinator_with_mfa
):
    number = lapsed.number
    application = services.renewal_apply(
        holder=lapsed.holder, credential_id=lapsed.pk, attestations={}, signed_name="Ada Okafor"
    )
    assert application.reinstatement

    services.renewal_approve(actor=coordinator_with_mfa, application_id=application.pk)

    today = timezone.localdate()
    lapsed.refresh_from_db()
    application.refresh_from_db()
    assert lapsed.number == number
    assert application.new_starts_on == today
    assert lapsed.expires_on == engine.add_months(today, 24) - datetime.timedelta(days=1)
    assert application.carry_out == 0
    standing = standing_of(credential_id=lapsed.pk, today=today)
    assert standing.evaluation.cycle.starts_on == today
    assert standing.evaluation.cycle.number == 2
    # The hours that reinstated it belong to the lapsed cycle, not to the new one.
    assert standing.evaluation.total.counted == 0
    assert lapsed.events.last().reason.startswith("Reinstated until ")


def test_the_coordinator_sees_a_reinstatement_marked_in_the_queue(
    client, lapsed, coordinator_with_mfa, mfa_login
):
    services.renewal_apply(
        holder=lapsed.holder, credential_id=lapsed.pk, attestations={}, signed_name="Ada Okafor"
    )
    mfa_login(client, coordinator_with_mfa)

    page = BeautifulSoup(client.get("/renewals/queue/").content.decode(), "html.parser")

    assert page.select_one("[data-reinstatement]") is not None


def test_a_renewal_applied_for_in_the_late_window_stays_a_renewal(make_credential):
    """California's late window: the application is a renewal, whatever the review takes."""
    credential = make_credential(board="california-medi-cal-pss", expires_in_days=-20)
    for overrides in (
        {"categories": ["law_ethics"], "completed_on": days_ago(40), "started_on": days_ago(40)},
        {"title": "Recovery planning", "categories": [], "hours": Decimal("14")},
    ):
        services.ce_activity_log(
            holder=credential.holder, credential_id=credential.pk, data=activity_data(**overrides)
        )

    application = services.renewal_apply(
        holder=credential.holder,
        credential_id=credential.pk,
        attestations={},
        signed_name="Ada Okafor",
    )

    assert not application.reinstatement


def test_inactive_longer_than_the_board_allows_means_training_again_and_nothing_is_stored(
    client, make_credential
):
    """Georgia: inactive for more than two years means completing the training again."""
    credential = make_credential(board="georgia-cps", expires_in_days=-800)

    with pytest.raises(ValidationError, match="complete the training again"):
        services.renewal_apply(
            holder=credential.holder,
            credential_id=credential.pk,
            attestations={},
            signed_name="Ada Okafor",
        )

    assert not RenewalApplication.objects.exists()
    client.force_login(credential.holder)
    page = BeautifulSoup(
        client.get(f"/renewals/{credential.pk}/apply/").content.decode(), "html.parser"
    )
    assert "complete the training again" in page.select_one("[data-refusal]").get_text()
    keep = client.get("/renewals/").content.decode()
    assert "Apply to reinstate" not in keep


def test_the_database_refuses_an_approval_without_the_cycle_it_began(lapsed):
    from django.db import IntegrityError, transaction

    application = services.renewal_apply(
        holder=lapsed.holder, credential_id=lapsed.pk, attestations={}, signed_name="Ada Okafor"
    )
    waiting = RenewalApplication.objects.filter(pk=application.pk)

    with pytest.raises(IntegrityError), transaction.atomic():
        waiting.update(status=RenewalApplication.Status.APPROVED)

    assert waiting.get().status == RenewalApplication.Status.SUBMITTED
