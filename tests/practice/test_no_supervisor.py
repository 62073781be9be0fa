"""No supervisor, no silent submit: the trainee is told why, the coordinators once."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse

from notifications.models import Email
from organisations.roles import Role
from practice.models import AuditEvent, LogEntry, SupervisorRequest
from practice.services import NO_SUPERVISOR, entry_submit, supervisor_assign
from tests.emails import assert_well_formed, strict_templates
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

REFUSAL = "No supervisor is assigned to you yet; your training coordinator has been told"


def submit_url(entry: LogEntry) -> str:
    return reverse("practice:entry_action", kwargs={"entry_id": entry.pk, "action": "submit"})


def page_text(response) -> str:
    return " ".join(response.content.decode().split())


@pytest.fixture
def coordinators(make_member):
    """Two coordinators of the trainee's provider, and one of another organisation."""
    return {
        "first": make_member(Role.COORDINATOR, first_name="Cora"),
        "second": make_member(Role.COORDINATOR, first_name="Colm"),
        "elsewhere": make_member(Role.COORDINATOR, organisation=OrganisationFactory()),
    }


def emails_to(user) -> list[Email]:
    return list(Email.objects.filter(to=[user.email]))


def test_submitting_is_refused_changes_nothing_and_tells_each_coordinator_once(
    client, trainee, practice_enrollment, log_entry, coordinators, provider, settings
):
    strict_templates(settings)
    entry = log_entry(submit=False)
    events = AuditEvent.objects.count()
    client.force_login(trainee)

    response = client.post(submit_url(entry), follow=True)

    assert REFUSAL in page_text(response)
    entry.refresh_from_db()
    assert (entry.status, entry.submission_round) == (LogEntry.Status.DRAFT, 0)
    assert AuditEvent.objects.count() == events
    for name in ("first", "second"):
        (email,) = emails_to(coordinators[name])
        assert_well_formed(
            email, link_path=f"/practice/assignments/{provider.pk}/?trainee={trainee.pk}"
        )
        assert trainee.get_full_name() in email.subject
        assert practice_enrollment.programme.title in email.body_text
    assert emails_to(coordinators["elsewhere"]) == []

    # Trying again, one entry or all drafts at once, tells nobody again and changes nothing.
    second = log_entry(submit=False, days_ago=2)
    client.post(submit_url(entry))
    response = client.post(
        reverse("practice:submit_drafts", args=[practice_enrollment.pk]), follow=True
    )

    assert REFUSAL in page_text(response)
    assert len(emails_to(coordinators["first"])) == 1
    assert len(emails_to(coordinators["second"])) == 1
    assert SupervisorRequest.objects.count() == 1
    assert set(LogEntry.objects.values_list("status", flat=True)) == {LogEntry.Status.DRAFT}
    assert not AuditEvent.objects.filter(entry_id__in=[entry.pk, second.pk], action="submitted")


def test_the_log_says_it_waits_for_a_supervisor_and_when_the_coordinator_was_told(
    client, trainee, practice_enrollment, log_entry, coordinators
):
    entry = log_entry(submit=False)
    client.force_login(trainee)
    log_url = reverse("practice:log", args=[practice_enrollment.pk])

    before = page_text(client.get(log_url))
    assert "Waiting for a supervisor to be assigned." in before
    assert "was told on" not in before

    client.post(submit_url(entry))
    after = page_text(client.get(log_url))
    assert "Waiting for a supervisor to be assigned." in after
    assert "Your training coordinator was told on" in after


def test_once_a_coordinator_assigns_a_supervisor_the_trainee_submits(
    client, trainee, practice_enrollment, log_entry, coordinators, supervisor, provider, mfa_login
):
    entry = log_entry(submit=False)
    client.force_login(trainee)
    client.post(submit_url(entry))
    assert SupervisorRequest.objects.filter(trainee=trainee).exists()

    # The coordinator follows the email's link: the trainee is chosen already.
    mfa_login(client, coordinators["first"])
    form = client.get(f"/practice/assignments/{provider.pk}/?trainee={trainee.pk}")
    assert f'<option value="{trainee.pk}" selected>' in form.content.decode()
    response = client.post(
        f"/practice/assignments/{provider.pk}/",
        {"trainee": trainee.pk, "supervisor": supervisor.pk},
    )
    assert response.status_code == 302
    assert not SupervisorRequest.objects.exists()  # a later gap is reported again

    client.force_login(trainee)
    response = client.post(submit_url(entry), follow=True)

    assert "Submitted to your supervisor for sign-off." in page_text(response)
    entry.refresh_from_db()
    assert (entry.status, entry.submission_round) == (LogEntry.Status.SUBMITTED, 1)
    log = page_text(client.get(reverse("practice:log", args=[practice_enrollment.pk])))
    assert "Waiting for a supervisor to be assigned" not in log
    assert f"Your supervisor: {supervisor.get_full_name()}" in log


def test_a_gap_after_an_assignment_is_reported_afresh(
    trainee, practice_enrollment, log_entry, coordinators, supervisor, provider
):
    entry = log_entry(submit=False)
    with pytest.raises(ValidationError, match="No supervisor"):
        entry_submit(trainee=trainee, entry_id=entry.pk)
    assignment = supervisor_assign(
        coordinator=coordinators["first"],
        organisation=provider,
        trainee=trainee,
        supervisor=supervisor,
    )
    assignment.ended_at = assignment.started_at
    assignment.save(update_fields=["ended_at"])

    with pytest.raises(ValidationError, match="No supervisor"):
        entry_submit(trainee=trainee, entry_id=entry.pk)

    assert len(emails_to(coordinators["first"])) == 2


def test_save_and_submit_keeps_the_draft_and_says_why_it_was_not_submitted(
    client, trainee, practice_enrollment, coordinators
):
    from tests.practice.test_views import form_data

    client.force_login(trainee)
    response = client.post(
        reverse("practice:entry_new", args=[practice_enrollment.pk]),
        form_data(and_submit="1"),
        follow=True,
    )

    text = page_text(response)
    assert "Saved. It was not submitted: " + REFUSAL in text
    assert LogEntry.objects.get().status == LogEntry.Status.DRAFT
    assert len(emails_to(coordinators["first"])) == 1


def test_with_no_coordinator_to_tell_the_trainee_is_not_told_one_was(
    client, trainee, practice_enrollment, log_entry, provider
):
    entry = log_entry(submit=False)
    client.force_login(trainee)

    text = page_text(client.post(submit_url(entry), follow=True))

    assert "has been told" not in text
    assert f"{provider.name} has no training coordinator on Peerpath" in text
    assert not SupervisorRequest.objects.exists()
    assert not Email.objects.exists()
    entry.refresh_from_db()
    assert entry.status == LogEntry.Status.DRAFT


def test_the_refusal_names_the_reason_in_the_service(trainee, log_entry, coordinators):
    entry = log_entry(submit=False)
    with pytest.raises(ValidationError) as refused:
        entry_submit(trainee=trainee, entry_id=entry.pk)
    assert refused.value.messages == [NO_SUPERVISOR]


def test_the_database_keeps_one_request_per_trainee_and_organisation(trainee, provider):
    SupervisorRequest.objects.create(organisation=provider, trainee=trainee)
    with pytest.raises(IntegrityError):
        SupervisorRequest.objects.create(organisation=provider, trainee=trainee)


def test_a_bad_trainee_in_the_assignment_link_is_ignored(client, coordinators, provider, mfa_login):
    mfa_login(client, coordinators["first"])
    for value in ("abc", "-1", "9" * 30, "99999"):
        response = client.get(f"/practice/assignments/{provider.pk}/?trainee={value}")
        assert response.status_code == 200
        trainees = response.content.decode().split('name="trainee"')[1].split("</select>")[0]
        assert not re.search(r'<option value="\d+" selected', trainees)  # nobody chosen
