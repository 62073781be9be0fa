import datetime
import shutil
import subprocess

import pytest
from django.utils import timezone

from organisations.roles import Role
from practice.models import AuditEvent, Decision, LogEntry, PracticeCategory
from practice.services import entry_decide
from tests.builders import SAFE_REFLECTION

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "date": (timezone.localdate() - datetime.timedelta(days=1)).isoformat(),
        "hours": "1.5",
        "category": PracticeCategory.objects.get(slug="one-to-one").pk,
        "domain": 1,
        "setting": "in_person",
        "reflection": SAFE_REFLECTION,
    }
    from courses.models import CompetencyDomain

    data["domain"] = CompetencyDomain.objects.first().pk
    data.update(overrides)
    return data


def test_a_trainee_logs_and_submits_through_the_pages(
    client, trainee, practice_enrollment, assigned_supervisor
):
    client.force_login(trainee)

    response = client.post(f"/practice/{practice_enrollment.pk}/new/", form_data())
    assert response.status_code == 302
    entry = LogEntry.objects.get()
    assert entry.minutes == 90
    client.post(f"/practice/entries/{entry.pk}/submit/")
    entry.refresh_from_db()
    assert entry.status == LogEntry.Status.SUBMITTED
    html = " ".join(client.get(f"/practice/{practice_enrollment.pk}/").content.decode().split())
    assert "Waiting for sign-off" in html
    assert "1.5 waiting for sign-off" in html


def test_an_identifying_reflection_is_refused_with_the_words_pointed_at(
    client, trainee, practice_enrollment
):
    client.force_login(trainee)

    response = client.post(
        f"/practice/{practice_enrollment.pk}/new/",
        form_data(reflection="Called Maria Lopez on 07700 900461 about her appointment."),
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "Maria Lopez" in html and "07700 900461" in html
    assert "confidentiality" in html.lower()
    assert not LogEntry.objects.exists()


def test_quarter_hours_are_enforced_in_the_form(client, trainee, practice_enrollment):
    client.force_login(trainee)
    response = client.post(f"/practice/{practice_enrollment.pk}/new/", form_data(hours="1.1"))
    assert response.status_code == 400
    assert "quarter hours" in response.content.decode()
    assert not LogEntry.objects.exists()


def test_an_unknown_category_is_refused(client, trainee, practice_enrollment):
    client.force_login(trainee)
    response = client.post(f"/practice/{practice_enrollment.pk}/new/", form_data(category=99999))
    assert response.status_code == 400
    assert not LogEntry.objects.exists()


def test_trainees_see_only_their_own_log_and_entries(
    client, make_member, practice_enrollment, log_entry
):
    entry = log_entry()
    other = make_member(Role.TRAINEE)
    client.force_login(other)

    assert client.get(f"/practice/{practice_enrollment.pk}/").status_code == 404
    assert client.get(f"/practice/{practice_enrollment.pk}/report.pdf").status_code == 404
    assert client.get(f"/practice/entries/{entry.pk}/edit/").status_code == 404
    assert client.post(f"/practice/entries/{entry.pk}/submit/").status_code == 404
    response = client.post(f"/practice/{practice_enrollment.pk}/new/", form_data())
    assert response.status_code == 404
    assert LogEntry.objects.count() == 1


def test_supervisors_see_only_assigned_trainees(
    client, assigned_supervisor, make_member, with_totp, log_entry, mfa_login
):
    entry = log_entry()
    stranger = make_member(Role.SUPERVISOR)
    with_totp(stranger)

    mfa_login(client, stranger)
    assert SAFE_REFLECTION not in client.get("/practice/supervision/").content.decode()
    response = client.post(
        f"/practice/supervision/entries/{entry.pk}/decide/", {"decision": "approve"}
    )
    assert response.status_code == 403
    client.post("/practice/supervision/approve/", {"entries": [entry.pk]})
    assert not Decision.objects.exists()

    mfa_login(client, assigned_supervisor)
    assert SAFE_REFLECTION in client.get("/practice/supervision/").content.decode()


def test_a_supervisor_cannot_approve_their_own_entries_by_forged_post(
    client, trainee, provider, with_totp, log_entry, mfa_login
):
    from organisations.services import membership_grant

    membership_grant(user=trainee, organisation=provider, role=Role.SUPERVISOR)
    with_totp(trainee)
    entry = log_entry()
    mfa_login(client, trainee)

    response = client.post(
        f"/practice/supervision/entries/{entry.pk}/decide/", {"decision": "approve"}
    )

    assert response.status_code == 403
    assert LogEntry.objects.get(pk=entry.pk).status == LogEntry.Status.SUBMITTED


def test_the_queue_needs_mfa(client, supervisor):
    client.force_login(supervisor)
    response = client.get("/practice/supervision/")
    assert response.status_code == 302
    assert "two-factor" in response["Location"] or "totp" in response["Location"]


def test_a_supervisor_returns_one_and_approves_the_rest_from_the_queue(
    client, assigned_supervisor, log_entry, mfa_login
):
    first, second, third = (log_entry(days_ago=d) for d in (1, 2, 3))
    mfa_login(client, assigned_supervisor)

    client.post(
        f"/practice/supervision/entries/{first.pk}/decide/",
        {"decision": "return", "comment": "Shorter, please."},
    )
    client.post("/practice/supervision/approve/", {"entries": [second.pk, third.pk]})

    statuses = dict(LogEntry.objects.values_list("pk", "status"))
    assert statuses == {first.pk: "returned", second.pk: "approved", third.pk: "approved"}


def test_coordinators_assign_supervisors_and_see_history(
    client, coordinator, provider, trainee, supervisor, mfa_login
):
    mfa_login(client, coordinator)
    response = client.post(
        f"/practice/assignments/{provider.pk}/",
        {"trainee": trainee.pk, "supervisor": supervisor.pk},
    )
    assert response.status_code == 302
    html = client.get(f"/practice/assignments/{provider.pk}/").content.decode()
    assert supervisor.get_full_name() in html and "current" in html


def test_coordinators_of_other_organisations_get_404(client, make_member, provider, mfa_login):
    from tests.factories import OrganisationFactory

    outsider = make_member(Role.COORDINATOR, organisation=OrganisationFactory())
    mfa_login(client, outsider)
    assert client.get(f"/practice/assignments/{provider.pk}/").status_code == 404


def test_the_signed_report_lists_approved_hours(
    client, trainee, assigned_supervisor, practice_enrollment, log_entry
):
    approved = log_entry(minutes=120)
    log_entry(days_ago=2, minutes=45)  # waiting: not in the report
    decision = entry_decide(supervisor=assigned_supervisor, entry_id=approved.pk, approve=True)
    client.force_login(trainee)

    response = client.get(f"/practice/{practice_enrollment.pk}/report.pdf")

    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; the PDF's text cannot be read")
    raw = subprocess.run(
        ["pdftotext", "-raw", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    text = " ".join(raw.split())  # table cells wrap: compare with whitespace normalised
    assert trainee.get_full_name() in text
    assert assigned_supervisor.get_full_name() in text
    assert decision.verification_code in text
    assert "One-to-one peer support" in text
    assert SAFE_REFLECTION not in text


def test_the_edit_form_shows_the_saved_date_in_the_format_date_inputs_accept(
    client, trainee, log_entry
):
    entry = log_entry(submit=False)
    client.force_login(trainee)

    html = client.get(f"/practice/entries/{entry.pk}/edit/").content.decode()

    assert f'value="{entry.date.isoformat()}"' in html


def test_the_audit_trail_records_the_client_behind_a_trusted_proxy(
    client, trainee, log_entry, settings, assigned_supervisor
):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    entry = log_entry(submit=False)
    client.force_login(trainee)

    client.post(
        f"/practice/entries/{entry.pk}/submit/",
        REMOTE_ADDR="10.0.0.5",
        HTTP_X_FORWARDED_FOR="192.0.2.99, 203.0.113.7",
    )

    event = AuditEvent.objects.filter(entry_id=entry.pk).latest("created_at")
    assert event.action == "submitted"
    assert event.ip_address == "203.0.113.7"


def _described_by_ids_are_present(html: str) -> list[str]:
    """Every id named by an aria-describedby on the page; asserts each one exists."""
    import re

    named = [
        target
        for value in re.findall(r'aria-describedby="([^"]+)"', html)
        for target in value.split()
    ]
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    assert not [target for target in named if target not in ids], named
    return named


def test_the_entry_forms_help_and_errors_are_read_with_their_fields(
    client, trainee, practice_enrollment
):
    client.force_login(trainee)

    url = f"/practice/{practice_enrollment.pk}/new/"
    blank = client.get(url).content.decode()
    no_hours = client.post(url, form_data(hours="")).content.decode()
    refused = client.post(url, form_data(reflection="Met John Smith at 14 Elm Road.")).content
    refused = refused.decode()

    # The rule about not identifying clients is the reflection's help text.
    assert "id_reflection_helptext" in _described_by_ids_are_present(blank)
    assert "id_hours_error" in _described_by_ids_are_present(no_hours)
    named = _described_by_ids_are_present(refused)
    assert {"id_reflection_helptext", "id_reflection_error"} <= set(named)
    assert "seems to identify someone" in refused
    assert not LogEntry.objects.exists()
