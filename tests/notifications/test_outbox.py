"""The outbox: background work written with the request, dispatched on commit, swept."""

import datetime
import logging

import pytest
from celery import shared_task
from celery.exceptions import Retry
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from cms import celery_app
from notifications.models import Email, TaskCall
from notifications.outbox import OutboxTask
from notifications.services import (
    RETRY_AFTER,
    email_queue,
    outbox_sweep,
    retry_delay,
    task_enqueue,
)
from notifications.tasks import email_deliver
from tests.conftest import closed_port

pytestmark = pytest.mark.django_db(transaction=True)

RAN: list[int] = []


@shared_task(base=OutboxTask, name="tests.notifications.record_run")
def record_run(number: int) -> int:
    RAN.append(number)
    return number


@shared_task(base=OutboxTask, name="tests.notifications.always_fails")
def always_fails(number: int) -> None:
    raise ValueError(f"task body failed on {number}")


@pytest.fixture(autouse=True)
def _fresh_runs():
    RAN.clear()


@pytest.fixture
def smtp_down(settings):
    """The real SMTP backend, pointed at a port where no mail server listens."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = closed_port()
    settings.EMAIL_TIMEOUT = 2

    def smtp_back():
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    return smtp_back


def test_a_call_is_written_with_the_transaction_and_done_after_commit():
    with transaction.atomic():
        call = task_enqueue(task=record_run, kwargs={"number": 7})
        assert RAN == []  # nothing runs before the commit

    assert RAN == [7]
    call.refresh_from_db()
    assert call.done_at is not None
    assert call.attempts == 1
    assert call.status == "done"


def test_a_rolled_back_request_leaves_no_call_and_runs_nothing():
    with pytest.raises(RuntimeError), transaction.atomic():
        task_enqueue(task=record_run, kwargs={"number": 1})
        raise RuntimeError("the request failed")

    assert not TaskCall.objects.exists()
    assert RAN == []


def test_only_outbox_tasks_with_their_own_arguments_are_queued():
    @shared_task(name="tests.notifications.plain")
    def plain(number: int) -> None: ...

    with pytest.raises(TypeError, match="OutboxTask"):
        task_enqueue(task=plain, kwargs={"number": 1})
    with pytest.raises(TypeError):
        task_enqueue(task=record_run, kwargs={"numbr": 1})
    assert not TaskCall.objects.exists()


def test_a_failing_task_stays_pending_with_its_error_and_the_caller_is_not_told():
    call = task_enqueue(task=always_fails, kwargs={"number": 3})  # autocommit: runs at once

    call.refresh_from_db()
    assert call.done_at is None
    assert call.status == "pending"
    assert "task body failed on 3" in call.last_error


def test_the_broker_down_at_dispatch_is_logged_without_the_arguments(broker_down, caplog):
    with caplog.at_level(logging.WARNING, logger="notifications.services"):
        email = email_queue(to=["private.person@example.org"], subject="Hi", body_text="Body")

    call = TaskCall.objects.get()
    assert call.done_at is None
    assert call.last_error  # the broker's refusal, kept on the row
    email.refresh_from_db()
    assert email.status == Email.Status.QUEUED
    (record,) = [r for r in caplog.records if r.name == "notifications.services"]
    line = record.getMessage()
    assert "notifications.tasks.email_deliver" in line and str(call.pk) in line
    assert "private.person" not in line and "Hi" not in line


def test_after_the_broker_returns_the_sweep_sends_each_message_once(broker_down, sweep_later):
    email_queue(to=["a@example.org"], subject="Waited", body_text="Body")
    assert mail.outbox == []

    broker_back = broker_down
    broker_back()
    assert sweep_later() == 1
    assert sweep_later() == 0  # done: the second sweep has nothing to send
    assert outbox_sweep(everything=True) == 0

    assert [m.subject for m in mail.outbox] == ["Waited"]
    assert Email.objects.get().status == Email.Status.SENT
    assert TaskCall.objects.get().status == "done"


def test_the_sweep_leaves_calls_that_are_not_due_yet(broker_down):
    task_enqueue(task=record_run, kwargs={"number": 1})
    broker_down()

    assert outbox_sweep() == 0  # dispatched a moment ago: give the worker its minutes
    assert outbox_sweep(now=timezone.now() + RETRY_AFTER) == 1
    assert RAN == [1]


def test_tries_are_spaced_out_and_given_up_after_the_last():
    assert [retry_delay(attempts=n).total_seconds() / 60 for n in range(1, 8)] == [
        5,
        10,
        20,
        40,
        80,
        120,
        120,
    ]
    call = task_enqueue(task=always_fails, kwargs={"number": 1})
    now = timezone.now()
    for _ in range(TaskCall.MAX_ATTEMPTS + 3):
        now += datetime.timedelta(hours=2)
        outbox_sweep(now=now)

    call.refresh_from_db()
    assert call.attempts == TaskCall.MAX_ATTEMPTS
    assert call.status == "given up"
    assert outbox_sweep(now=now + datetime.timedelta(days=1), everything=True) == 0


def test_a_call_of_a_task_no_longer_registered_does_not_stop_the_sweep():
    TaskCall.objects.create(task="gone.tasks.renamed", kwargs={}, due_at=timezone.now())
    task_enqueue(task=record_run, kwargs={"number": 2})
    RAN.clear()
    TaskCall.objects.update(done_at=None, due_at=timezone.now())

    assert outbox_sweep() == 2

    assert RAN == [2]
    gone = TaskCall.objects.get(task="gone.tasks.renamed")
    assert gone.done_at is None and "gone.tasks.renamed" in gone.last_error


def test_inline_a_failing_mail_server_leaves_the_message_queued_for_the_sweep(
    smtp_down, sweep_later
):
    assert celery_app.conf.task_always_eager  # inline mode, as with no CELERY_BROKER_URL

    email = email_queue(to=["a@example.org"], subject="Later", body_text="Body")  # no raise

    email.refresh_from_db()
    assert email.status == Email.Status.QUEUED
    assert email.attempts == 1  # tried once, not through Celery's retries back to back
    assert "Connection refused" in email.last_error or "Errno" in email.last_error
    assert TaskCall.objects.get().status == "pending"

    smtp_down()  # the mail server is back
    assert sweep_later() == 1
    assert sweep_later() == 0

    email.refresh_from_db()
    assert email.status == Email.Status.SENT
    assert [m.subject for m in mail.outbox] == ["Later"]


def test_the_management_command_sweeps_and_reports(smtp_down, capsys):
    email_queue(to=["a@example.org"], subject="By hand", body_text="Body")
    call_command("outbox_sweep")
    assert "1 pending" in capsys.readouterr().out  # not due yet: left alone
    assert mail.outbox == []

    smtp_down()
    call_command("outbox_sweep", "--all")

    out = capsys.readouterr().out
    assert "Dispatched 1 call(s)" in out and "0 pending" in out and "Emails not sent: 0" in out
    assert [m.subject for m in mail.outbox] == ["By hand"]


def test_the_email_task_is_an_outbox_task_that_survives_a_lost_worker():
    assert isinstance(email_deliver, OutboxTask)
    assert email_deliver.acks_late and email_deliver.reject_on_worker_lost
    # With Redis a retry waiting longer than the visibility timeout goes to a second worker.
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert email_deliver.retry_backoff_max < visibility


def test_the_visibility_timeout_is_a_little_above_the_longest_time_limit():
    visibility = celery_app.conf.broker_transport_options["visibility_timeout"]
    assert settings.CELERY_TASK_TIME_LIMIT < visibility <= settings.CELERY_TASK_TIME_LIMIT + 120
    assert visibility < 60 * 60  # not Redis's default hour


def test_beat_sweeps_the_outbox_every_minute():
    entry = settings.CELERY_BEAT_SCHEDULE["outbox-sweep"]
    assert entry["task"] == "notifications.tasks.sweep_outbox"
    assert entry["task"] in celery_app.tasks
    assert entry["schedule"] <= 60


def test_staff_see_what_is_stuck_in_the_outbox_without_the_bodies(client, smtp_down, mfa_login):
    from tests.factories import UserFactory

    email_queue(to=["a@example.org"], subject="Stuck", body_text="secret-reset-link")
    admin = UserFactory(is_staff=True, is_superuser=True)
    mfa_login(client, admin)

    emails = client.get("/django-admin/notifications/email/").content.decode()
    calls = client.get("/django-admin/notifications/taskcall/").content.decode()
    detail = client.get(f"/django-admin/notifications/email/{Email.objects.get().pk}/change/")

    assert "Stuck" in emails and "Queued" in emails
    assert "notifications.tasks.email_deliver" in calls
    assert detail.status_code == 200
    assert "Connection refused" in detail.content.decode() or "Errno" in detail.content.decode()
    assert "secret-reset-link" not in detail.content.decode()


# ---------------------------------------------------------------- logs


@shared_task(
    base=OutboxTask,
    name="tests.notifications.flaky",
    autoretry_for=(ConnectionError,),
    max_retries=1,
    default_retry_delay=0,
)
def flaky(number: int) -> int:
    raise ConnectionError(f"mail server refused private.person{number}@example.org")


def test_a_retry_and_a_failure_are_logged_by_task_and_error_class_only(caplog):
    call = TaskCall.objects.create(
        task=flaky.name, kwargs={"number": 7}, attempts=1, due_at=timezone.now()
    )
    caplog.set_level(logging.DEBUG, logger="notifications")

    # Through apply(), as a worker runs it: the failure becomes a Celery retry (raised
    # here, where a worker would queue it), not the task's own error.
    with pytest.raises(Retry):
        flaky.apply(kwargs={"number": 7, "outbox_id": call.pk})
    with pytest.raises(ValueError):
        always_fails.apply(kwargs={"number": 8, "outbox_id": call.pk})

    messages = [r.getMessage() for r in caplog.records if r.name == "notifications.outbox"]
    assert any(
        m.startswith(f"Task tests.notifications.flaky (call {call.pk}) failed, Celery retries")
        and m.endswith("(retry 1 of 1): ConnectionError")
        for m in messages
    )
    assert (
        f"Task tests.notifications.always_fails (call {call.pk}) failed, left for the outbox "
        "sweep: ValueError"
    ) in messages
    assert not any("private.person" in m or "failed on 8" in m for m in messages)


def test_the_sweep_logs_what_it_dispatches_again_and_warns_on_the_last_try(caplog):
    past = timezone.now() - datetime.timedelta(minutes=1)
    again = TaskCall.objects.create(
        task="tests.notifications.record_run", kwargs={"number": 1}, attempts=1, due_at=past
    )
    last = TaskCall.objects.create(
        task="tests.notifications.record_run",
        kwargs={"number": 2},
        attempts=TaskCall.MAX_ATTEMPTS - 1,
        due_at=past,
    )
    caplog.set_level(logging.DEBUG, logger="notifications")

    assert outbox_sweep() == 2

    logged = {(r.levelno, r.getMessage()) for r in caplog.records}
    assert (logging.INFO, "Outbox sweep: dispatching 2 call(s) again") in logged
    assert (
        logging.DEBUG,
        f"Outbox sweep: tests.notifications.record_run (call {again.pk}) dispatched again, "
        f"attempt 2 of {TaskCall.MAX_ATTEMPTS}",
    ) in logged
    assert (
        logging.WARNING,
        f"Outbox sweep: tests.notifications.record_run (call {last.pk}) dispatched again, "
        f"attempt {TaskCall.MAX_ATTEMPTS} of {TaskCall.MAX_ATTEMPTS} (the last: then it is "
        "given up)",
    ) in logged
