"""A supervisor approves practice hours only while their own supervisor credential is current.

Texas certifies Peer Specialist Supervisors; the seeded rule set marks that credential as
the one that qualifies its holder to sign off (``RuleSet.qualifies_supervisors``).
"""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import PermissionDenied

from certificates.models import Credential
from core.dates import long_date
from practice.models import Decision, LogEntry
from practice.services import entries_approve, entry_decide
from renewals.models import RuleSet

pytestmark = pytest.mark.django_db

SUPERVISOR_BOARD = "texas-pss-supervisor"


def test_only_the_texas_supervisor_credential_is_seeded_as_qualifying_supervisors():
    assert list(
        RuleSet.objects.filter(qualifies_supervisors=True).values_list("key", flat=True)
    ) == [SUPERVISOR_BOARD]


def test_an_expired_supervisor_credential_stops_approvals_and_changes_nothing(
    assigned_supervisor, log_entry, make_credential
):
    credential = make_credential(
        holder=assigned_supervisor, board=SUPERVISOR_BOARD, expires_in_days=-10
    )
    entry = log_entry()

    with pytest.raises(PermissionDenied) as refused:
        entry_decide(supervisor=assigned_supervisor, entry_id=entry.pk, approve=True)

    assert "Peer Specialist Supervisor (PSS) credential is not current" in str(refused.value)
    assert f"expired on {long_date(credential.expires_on)}." in str(refused.value)
    entry.refresh_from_db()
    assert entry.status == LogEntry.Status.SUBMITTED
    assert not Decision.objects.exists()
    # A bulk approval reports the same reason on the entry, and approves nothing.
    result = entries_approve(supervisor=assigned_supervisor, entry_ids=[entry.pk])
    assert result["approved"] == []
    assert "not current" in result["refused"][entry.pk]


def test_the_supervisor_can_still_return_an_entry_with_a_comment(
    assigned_supervisor, log_entry, make_credential
):
    make_credential(holder=assigned_supervisor, board=SUPERVISOR_BOARD, expires_in_days=-10)
    entry = log_entry()

    entry_decide(
        supervisor=assigned_supervisor, entry_id=entry.pk, approve=False, comment="Which day?"
    )

    entry.refresh_from_db()
    assert entry.status == LogEntry.Status.RETURNED


def test_a_current_supervisor_credential_lets_the_supervisor_approve(
    assigned_supervisor, log_entry, make_credential
):
    make_credential(holder=assigned_supervisor, board=SUPERVISOR_BOARD, expires_in_days=30)
    entry = log_entry()

    entry_decide(supervisor=assigned_supervisor, entry_id=entry.pk, approve=True)

    entry.refresh_from_db()
    assert entry.status == LogEntry.Status.APPROVED


def test_a_suspended_supervisor_credential_stops_approvals(
    assigned_supervisor, log_entry, make_credential
):
    credential = make_credential(
        holder=assigned_supervisor, board=SUPERVISOR_BOARD, expires_in_days=300
    )
    Credential.objects.filter(pk=credential.pk).update(status=Credential.Status.SUSPENDED)
    entry = log_entry()

    with pytest.raises(PermissionDenied, match="credential is suspended"):
        entry_decide(supervisor=assigned_supervisor, entry_id=entry.pk, approve=True)


def test_an_expired_peer_credential_that_does_not_qualify_supervisors_is_not_judged(
    assigned_supervisor, log_entry, make_credential
):
    """IC&RC's peer credential is the supervisor's own practice, not a supervisor licence."""
    make_credential(holder=assigned_supervisor, board="icrc-peer-recovery", expires_in_days=-10)
    entry = log_entry()

    entry_decide(supervisor=assigned_supervisor, entry_id=entry.pk, approve=True)

    entry.refresh_from_db()
    assert entry.status == LogEntry.Status.APPROVED


def test_the_queue_says_why_approvals_are_refused(
    client, assigned_supervisor, log_entry, make_credential, mfa_login
):
    make_credential(holder=assigned_supervisor, board=SUPERVISOR_BOARD, expires_in_days=-10)
    log_entry()
    mfa_login(client, assigned_supervisor)

    page = BeautifulSoup(client.get("/practice/supervision/").content.decode(), "html.parser")

    notice = page.select_one("[data-cannot-approve]")
    assert notice is not None
    assert "not current" in notice.get_text()
    assert "You can still return entries with a comment." in notice.get_text()


def test_the_queue_has_no_such_notice_for_a_supervisor_in_good_standing(
    client, assigned_supervisor, log_entry, mfa_login
):
    log_entry()
    mfa_login(client, assigned_supervisor)

    page = BeautifulSoup(client.get("/practice/supervision/").content.decode(), "html.parser")

    assert page.select_one("[data-cannot-approve]") is None
