"""manage.py rerender_certificates: every certificate, or a selection, queued to render again."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from certificates.management.commands import rerender_certificates
from certificates.models import Credential
from certificates.tasks import render_certificate
from notifications.models import TaskCall

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("rerender_certificates", *args, stdout=out)
    return out.getvalue()


def queued() -> set[int]:
    return {
        call.kwargs["credential_id"]
        for call in TaskCall.objects.filter(task=render_certificate.name)
        if call.kwargs.get("force")
    }


@pytest.fixture
def three(issue_credential):
    active = issue_credential(last_name="Active")
    revoked = issue_credential(last_name="Revoked", status=Credential.Status.REVOKED)
    expired = issue_credential(last_name="Expired", expires_in_days=-3)
    return active, revoked, expired


def test_all_are_queued_through_the_outbox_with_progress(three):
    out = run()

    assert queued() == {c.pk for c in three}
    assert "Queued 3 of 3" in out
    assert "3 certificate(s) queued" in out


def test_a_selection_by_number_status_and_date(three, monkeypatch):
    active, revoked, expired = three
    monkeypatch.setattr(rerender_certificates, "BATCH", 1)

    out = run("--number", revoked.number.lower(), "--number", active.number)
    assert queued() == {active.pk, revoked.pk}
    assert "Queued 1 of 2" in out and "Queued 2 of 2" in out

    TaskCall.objects.all().delete()
    run("--status", "expired")
    assert queued() == {expired.pk}

    TaskCall.objects.all().delete()
    run("--status", "active")
    assert queued() == {active.pk}

    TaskCall.objects.all().delete()
    Credential.objects.filter(pk=revoked.pk).update(
        issued_on=timezone.localdate() - dt.timedelta(days=900)
    )
    run("--issued-before", (timezone.localdate() - dt.timedelta(days=800)).isoformat())
    assert queued() == {revoked.pk}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--number", "PP-NOPE"], "Not a credential number: PP-NOPE"),
        (["--issued-before", "last week"], "is not a date"),
    ],
)
def test_bad_input_queues_nothing(three, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)

    assert queued() == set()


def test_an_unknown_number_queues_nothing(three):
    active, *_ = three
    active_number = active.number
    active.delete()

    with pytest.raises(CommandError, match=f"No credential has the number {active_number}"):
        run("--number", active_number)
    assert queued() == set()


def test_no_match_says_so(three):
    assert "No credential matches" in run("--status", "suspended")
    assert queued() == set()


def test_wait_follows_the_renders_to_the_end(three, monkeypatch):
    """A worker stands in for Celery: each pause of the command lets it do one call."""
    renders: list[int] = []

    def worker(seconds):
        call = TaskCall.objects.filter(task=render_certificate.name, done_at=None).first()
        if call is not None:
            renders.append(call.kwargs["credential_id"])
            TaskCall.objects.filter(pk=call.pk).update(done_at=timezone.now())

    monkeypatch.setattr(rerender_certificates.time, "sleep", worker)

    out = run("--wait")

    assert sorted(renders) == sorted(c.pk for c in three)
    assert [line for line in out.splitlines() if line.startswith("Rendered")] == [
        "Rendered 0 of 3",
        "Rendered 1 of 3",
        "Rendered 2 of 3",
        "Rendered 3 of 3",
    ]


def test_wait_gives_up_after_the_timeout_and_says_what_is_left(three, monkeypatch):
    monkeypatch.setattr(rerender_certificates.time, "sleep", lambda seconds: None)

    with pytest.raises(CommandError, match="0 of 3 rendered; the rest stay queued"):
        run("--wait", "--timeout", "0")
