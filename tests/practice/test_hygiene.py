"""Odd input to the practice log and sign-off: a clear answer, never a 500 or a duplicate."""

import pytest
from django.db import IntegrityError, transaction

from core.idempotency import ALREADY_SENT_MESSAGE, FIELD_NAME, new_token
from practice.models import Decision, LogEntry

from .test_views import form_data

pytestmark = pytest.mark.django_db

# What reproduced the 500s: str.isdigit() is true for both, int() fails on both.
NOT_IDS = ["²", "9" * 5000, "9" * 25, "-1", "0"]


@pytest.mark.parametrize("value", NOT_IDS)
def test_a_correction_of_something_that_is_not_an_entry_number_is_a_404(
    client, trainee, practice_enrollment, value
):
    client.force_login(trainee)
    response = client.get(f"/practice/{practice_enrollment.pk}/new/", {"corrects": value})
    assert response.status_code == 404


@pytest.mark.parametrize("value", NOT_IDS)
def test_approving_ticked_entries_that_are_not_numbers_approves_nothing(
    client, assigned_supervisor, log_entry, value, mfa_login
):
    entry = log_entry()
    mfa_login(client, assigned_supervisor)

    response = client.post(
        "/practice/supervision/approve/", {"entries": [str(entry.pk), value]}, follow=True
    )

    assert response.status_code == 200
    assert "Nothing was approved: an entry number was not a number." in response.content.decode()
    entry.refresh_from_db()
    assert entry.status == LogEntry.Status.SUBMITTED


def test_a_one_megabyte_comment_is_refused_and_nothing_is_decided(
    client, assigned_supervisor, log_entry, mfa_login
):
    entry = log_entry()
    mfa_login(client, assigned_supervisor)

    response = client.post(
        f"/practice/supervision/entries/{entry.pk}/decide/",
        {"decision": "return", "comment": "x" * 1_000_000},
        follow=True,
    )

    assert f"Keep the comment to {Decision.COMMENT_MAX_LENGTH} characters." in (
        response.content.decode()
    )
    entry.refresh_from_db()
    assert entry.status == LogEntry.Status.SUBMITTED
    assert not Decision.objects.exists()


def test_a_comment_of_the_maximum_length_is_accepted(
    client, assigned_supervisor, log_entry, mfa_login
):
    entry = log_entry()
    mfa_login(client, assigned_supervisor)
    client.post(
        f"/practice/supervision/entries/{entry.pk}/decide/",
        {"decision": "return", "comment": "x" * Decision.COMMENT_MAX_LENGTH},
    )
    assert Decision.objects.get().comment == "x" * Decision.COMMENT_MAX_LENGTH


def test_a_nul_in_a_comment_is_refused_before_the_database(
    client, assigned_supervisor, log_entry, mfa_login
):
    # On PostgreSQL this was a DataError (a 500): the comment went from request.POST to SQL.
    entry = log_entry()
    mfa_login(client, assigned_supervisor)

    response = client.post(
        f"/practice/supervision/entries/{entry.pk}/decide/",
        {"decision": "return", "comment": "Needs\x00work"},
    )

    assert response.status_code == 400
    assert "NUL" in response.content.decode()
    assert not Decision.objects.exists()


def test_the_database_refuses_an_over_long_comment_or_reflection(log_entry, assigned_supervisor):
    entry = log_entry()
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.create(
            entry=entry,
            submission_round=entry.submission_round,
            supervisor_name="S",
            supervisor_role="Supervisor",
            outcome=Decision.Outcome.RETURNED,
            comment="x" * (Decision.COMMENT_MAX_LENGTH + 1),
            verification_code="TEST-CODE-0001",
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        LogEntry.objects.filter(pk=entry.pk).update(reflection="x" * 1501)


def test_a_double_submit_creates_one_entry(client, trainee, practice_enrollment):
    # What reproduced it: the same rendered form sent twice gave two identical entries.
    client.force_login(trainee)
    page = client.get(f"/practice/{practice_enrollment.pk}/new/").content.decode()
    assert f'name="{FIELD_NAME}"' in page
    data = form_data(**{FIELD_NAME: new_token()})

    first = client.post(f"/practice/{practice_enrollment.pk}/new/", data)
    second = client.post(f"/practice/{practice_enrollment.pk}/new/", data, follow=True)

    assert first.status_code == 302
    assert second.redirect_chain == [(first["Location"], 302)]
    assert ALREADY_SENT_MESSAGE in second.content.decode()
    assert LogEntry.objects.count() == 1


def test_a_corrected_form_with_the_same_token_is_saved(client, trainee, practice_enrollment):
    client.force_login(trainee)
    token = new_token()
    url = f"/practice/{practice_enrollment.pk}/new/"

    refused = client.post(url, form_data(hours="0.1", **{FIELD_NAME: token}))
    saved = client.post(url, form_data(**{FIELD_NAME: token}))

    assert refused.status_code == 400
    assert saved.status_code == 302
    assert LogEntry.objects.count() == 1
