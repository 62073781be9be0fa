"""The trainee's log: save and submit, submit all drafts, withdraw, the returned comment,
rows that tell same-day entries apart, and a CSV of one's own log."""

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from organisations.roles import Role
from practice.models import AuditEvent, LogEntry
from practice.services import entry_decide
from tests.practice.test_views import form_data

pytestmark = pytest.mark.django_db


def action_url(entry: LogEntry, action: str) -> str:
    return reverse("practice:entry_action", kwargs={"entry_id": entry.pk, "action": action})


def page_text(response) -> str:
    return " ".join(response.content.decode().split())


def status_of(entry: LogEntry) -> str:
    entry.refresh_from_db()
    return entry.status


# ---------------------------------------------------------------- save and submit


def test_save_and_submit_sends_a_new_entry_for_sign_off(
    client, trainee, practice_enrollment, assigned_supervisor
):
    client.force_login(trainee)

    response = client.post(
        reverse("practice:entry_new", args=[practice_enrollment.pk]),
        form_data(and_submit="1"),
        follow=True,
    )

    assert "Saved. Submitted to your supervisor for sign-off." in page_text(response)
    entry = LogEntry.objects.get()
    assert (entry.status, entry.submission_round) == (LogEntry.Status.SUBMITTED, 1)


def test_save_and_submit_sends_an_edited_returned_entry_back(
    client, trainee, log_entry, assigned_supervisor
):
    entry = log_entry()
    entry_decide(
        supervisor=assigned_supervisor, entry_id=entry.pk, approve=False, comment="Which domain?"
    )
    client.force_login(trainee)

    response = client.post(
        reverse("practice:entry_edit", args=[entry.pk]),
        form_data(hours="1:45", and_submit="1"),
        follow=True,
    )

    assert "Entry updated. Submitted to your supervisor for sign-off." in page_text(response)
    entry.refresh_from_db()
    assert (entry.status, entry.minutes, entry.submission_round) == ("submitted", 105, 2)


def test_the_form_offers_save_and_submit_beside_save_draft(client, trainee, practice_enrollment):
    client.force_login(trainee)
    html = client.get(reverse("practice:entry_new", args=[practice_enrollment.pk])).content
    html = html.decode()
    assert '<button type="submit" name="and_submit" value="1">Save and submit</button>' in html
    assert ">Save draft</button>" in html


# ---------------------------------------------------------------- submit all drafts


def test_submit_all_drafts_submits_drafts_only(
    client, trainee, practice_enrollment, log_entry, assigned_supervisor
):
    drafts = [log_entry(submit=False, days_ago=days) for days in (1, 2, 3)]
    returned = log_entry(days_ago=4)
    entry_decide(supervisor=assigned_supervisor, entry_id=returned.pk, approve=False, comment="?")
    approved = log_entry(days_ago=5)
    entry_decide(supervisor=assigned_supervisor, entry_id=approved.pk, approve=True)
    client.force_login(trainee)
    log_url = reverse("practice:log", args=[practice_enrollment.pk])
    assert "Submit all drafts (3)" in page_text(client.get(log_url))

    response = client.post(
        reverse("practice:submit_drafts", args=[practice_enrollment.pk]), follow=True
    )

    assert "Submitted 3 entries to your supervisor for sign-off." in page_text(response)
    assert [status_of(entry) for entry in drafts] == ["submitted"] * 3
    assert (status_of(returned), status_of(approved)) == ("returned", "approved")
    assert AuditEvent.objects.filter(action="submitted", entry_id__in=[d.pk for d in drafts])
    assert "Submit all drafts" not in page_text(client.get(log_url))

    response = client.post(
        reverse("practice:submit_drafts", args=[practice_enrollment.pk]), follow=True
    )
    assert "You have no drafts to submit." in page_text(response)


def test_submit_all_drafts_is_post_only_and_for_ones_own_log(
    client, make_member, practice_enrollment, log_entry, assigned_supervisor
):
    draft = log_entry(submit=False)
    url = reverse("practice:submit_drafts", args=[practice_enrollment.pk])

    client.force_login(practice_enrollment.trainee)
    assert client.get(url).status_code == 405
    client.force_login(make_member(Role.TRAINEE))
    assert client.post(url).status_code == 404

    assert status_of(draft) == LogEntry.Status.DRAFT


# ---------------------------------------------------------------- withdraw


def test_a_submitted_entry_is_withdrawn_to_draft_and_the_supervisor_cannot_decide_it(
    client, trainee, log_entry, assigned_supervisor
):
    entry = log_entry()
    client.force_login(trainee)
    log = page_text(client.get(reverse("practice:log", args=[entry.enrollment_id])))
    assert f'action="{action_url(entry, "withdraw")}"' in log
    edit = client.get(reverse("practice:entry_edit", args=[entry.pk]), follow=True)
    assert "This entry is waiting for sign-off. Withdraw it first to change it." in page_text(edit)

    response = client.post(action_url(entry, "withdraw"), follow=True)

    assert "Withdrawn: the entry is a draft again." in page_text(response)
    entry.refresh_from_db()
    assert (entry.status, entry.submission_round) == (LogEntry.Status.DRAFT, 1)
    event = AuditEvent.objects.filter(entry_id=entry.pk).latest("pk")
    assert (event.action, event.changes) == ("withdrawn", {"round": 1})
    with pytest.raises(ValidationError, match="not waiting for sign-off"):
        entry_decide(supervisor=assigned_supervisor, entry_id=entry.pk, approve=True)

    # Submitted again, it is a new round the supervisor decides.
    client.post(action_url(entry, "submit"))
    entry.refresh_from_db()
    assert (entry.status, entry.submission_round) == (LogEntry.Status.SUBMITTED, 2)
    entry_decide(supervisor=assigned_supervisor, entry_id=entry.pk, approve=True)
    assert status_of(entry) == LogEntry.Status.APPROVED


@pytest.mark.parametrize("state", ["draft", "returned", "approved"])
def test_only_an_entry_waiting_for_sign_off_can_be_withdrawn(
    client, trainee, log_entry, assigned_supervisor, state
):
    entry = log_entry(submit=state != "draft")
    if state != "draft":
        entry_decide(
            supervisor=assigned_supervisor,
            entry_id=entry.pk,
            approve=state == "approved",
            comment="" if state == "approved" else "Which domain?",
        )
    events = AuditEvent.objects.count()
    client.force_login(trainee)

    response = client.post(action_url(entry, "withdraw"), follow=True)

    assert "Only entries waiting for sign-off can be withdrawn" in page_text(response)
    assert status_of(entry) == state
    assert AuditEvent.objects.count() == events


def test_withdrawing_is_post_only_and_for_ones_own_entries(
    client, make_member, log_entry, assigned_supervisor
):
    entry = log_entry()
    client.force_login(entry.enrollment.trainee)
    assert client.get(action_url(entry, "withdraw")).status_code == 405

    client.force_login(make_member(Role.TRAINEE))
    assert client.post(action_url(entry, "withdraw")).status_code == 404
    assert client.post(action_url(entry, "submit")).status_code == 404
    assert client.get(reverse("practice:entry_edit", args=[entry.pk])).status_code == 404

    assert status_of(entry) == LogEntry.Status.SUBMITTED


# ---------------------------------------------------------------- the returned entry's page


def test_the_edit_page_of_a_returned_entry_shows_the_supervisors_comment(
    client, trainee, log_entry, assigned_supervisor
):
    entry = log_entry()
    entry_decide(
        supervisor=assigned_supervisor,
        entry_id=entry.pk,
        approve=False,
        comment="Please add the <domain> you worked in.",
    )
    client.force_login(trainee)

    html = client.get(reverse("practice:entry_edit", args=[entry.pk])).content.decode()

    assert f"Returned by {assigned_supervisor.get_full_name()} on" in html
    assert "Please add the &lt;domain&gt; you worked in." in html


def test_a_draft_never_returned_shows_no_comment(client, trainee, log_entry):
    entry = log_entry(submit=False)
    client.force_login(trainee)
    html = client.get(reverse("practice:entry_edit", args=[entry.pk])).content.decode()
    assert "data-returned-comment" not in html


# ---------------------------------------------------------------- the list


def test_same_day_entries_show_the_start_of_their_notes(client, trainee, log_entry):
    for note in (
        "Ran the morning check-in group; we practiced open questions and reflective listening.",
        "Phone support with a member after a hard night; we planned the next small step together.",
    ):
        log_entry(submit=False, reflection=note)
    client.force_login(trainee)

    html = page_text(client.get(reverse("practice:log", args=[trainee.enrollments.get().pk])))

    assert "Ran the morning check-in group; we practiced open questions…" in html
    assert "Phone support with a member after a hard night; we planned …" in html
    assert "reflective listening" not in html  # only the start: the log is not the entry


# ---------------------------------------------------------------- CSV export


def test_the_csv_export_is_ones_own_log_formula_safe_for_excel(
    client, trainee, make_member, practice_enrollment, log_entry, assigned_supervisor
):
    approved = log_entry(minutes=90, reflection="-Listened more than I spoke; it helped.")
    decision = entry_decide(supervisor=assigned_supervisor, entry_id=approved.pk, approve=True)
    log_entry(submit=False, days_ago=2, minutes=45)
    client.force_login(trainee)

    response = client.get(reverse("practice:log_csv", args=[practice_enrollment.pk]))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="practice-log-practice.csv"'
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.removeprefix("\ufeff"))))
    assert rows[0][:3] == ["Date", "Hours", "Category"]
    assert len(rows) == 3
    first, second = rows[1], rows[2]  # oldest first
    assert first[1:3] == ["0.75", "One-to-one peer support"] and first[5] == "Draft"
    assert second[1] == "1.5" and second[5] == "Approved"
    assert second[6] == "'-Listened more than I spoke; it helped."
    assert second[8:10] == ["Approved", assigned_supervisor.get_full_name()]
    assert second[12] == decision.verification_code

    client.force_login(make_member(Role.TRAINEE))
    other = client.get(reverse("practice:log_csv", args=[practice_enrollment.pk]))
    assert other.status_code == 404


def test_the_csv_export_reads_a_fixed_number_of_queries(
    client, trainee, practice_enrollment, log_entry, django_assert_max_num_queries
):
    for days in range(1, 11):
        log_entry(days_ago=days, submit=days % 2 == 0)
    client.force_login(trainee)
    url = reverse("practice:log_csv", args=[practice_enrollment.pk])
    client.get(url)

    with django_assert_max_num_queries(8):
        response = client.get(url)
    assert response.content.decode().count("\n") == 11


def test_the_log_page_reads_a_fixed_number_of_queries_while_waiting_for_a_supervisor(
    client, trainee, practice_enrollment, log_entry, django_assert_max_num_queries
):
    for days in range(1, 11):
        log_entry(days_ago=days, submit=False)
    client.force_login(trainee)
    url = reverse("practice:log", args=[practice_enrollment.pk])
    client.get(url)

    with django_assert_max_num_queries(16):
        response = client.get(url)
    assert response.content.decode().count('data-entry="') == 10
