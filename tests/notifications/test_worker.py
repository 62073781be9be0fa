"""Work queued in the web process is done by a real Celery worker.

Everywhere else tasks run inline. These tests publish to a real broker and start a
worker process against the test database, so they need a database that two processes
can share (PostgreSQL; the SQLite test database lives in this process's memory), and a
broker: CELERY_BROKER_URL, or a ``redis-server`` of their own on a free port.
"""

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from notifications.models import Email, TaskCall
from notifications.services import RETRY_AFTER, email_queue, outbox_sweep
from tests.conftest import closed_port, use_broker

pytestmark = pytest.mark.worker

ROOT = Path(__file__).resolve().parents[2]
DELIVERY_TIMEOUT = 60  # seconds, worker start-up included


def _requirements_missing(*, broker: str = "CELERY_BROKER_URL") -> str | None:
    if broker == "CELERY_BROKER_URL" and not os.environ.get("CELERY_BROKER_URL"):
        return "worker test skipped: CELERY_BROKER_URL is not set (no broker to publish to)"
    if broker == "redis-server" and not shutil.which("redis-server"):
        return "worker test skipped: no redis-server on PATH to play the returning broker"
    if connection.vendor != "postgresql":
        return (
            f"worker test skipped: the database is {connection.vendor}, not PostgreSQL "
            "(a worker process cannot reach this process's test database)"
        )
    return None


def _skip_unless_ready(**requirements) -> None:
    reason = _requirements_missing(**requirements)
    if reason:
        print(reason)
        pytest.skip(reason)


def _test_database_url() -> str:
    """DATABASE_URL for the test database pytest-django created, not the configured one."""
    db = connection.settings_dict
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    if credentials:
        credentials += "@"
    host = db["HOST"] or "localhost"
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{credentials}{host}{port}/{quote(db['NAME'], safe='')}"


def _stop(process: subprocess.Popen) -> None:
    """Warm shutdown first (SIGTERM lets the task in hand finish), then kill."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@contextlib.contextmanager
def _worker(*, broker_url: str) -> Iterator[subprocess.Popen]:
    """A worker process on the test database; its log is printed if the test fails."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": _test_database_url(),
        # The worker reads the broker from the environment, as this process did.
        "CELERY_BROKER_URL": broker_url,
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "cms",
        "worker",
        "--loglevel=INFO",
        "--concurrency=1",
        "--pool=solo",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
        f"--hostname=peerpath-test-{os.getpid()}@%h",
    ]
    finished = False
    with tempfile.TemporaryFile(mode="w+") as log:
        worker = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, text=True
        )
        try:
            yield worker
            finished = True
        finally:
            _stop(worker)
            if not finished:
                log.seek(0)
                print(f"--- celery worker log ({' '.join(command)}) ---")
                print(log.read())


@contextlib.contextmanager
def _redis_server() -> Iterator[str]:
    """A throwaway redis-server on a free port, nothing saved; yields its URL."""
    import redis

    port = closed_port()
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                redis.Redis.from_url(url).ping()
                break
            except redis.ConnectionError:
                assert time.monotonic() < deadline, "redis-server did not start"
                time.sleep(0.1)
        yield url
    finally:
        _stop(server)


def _wait_for(row, done, *, worker: subprocess.Popen) -> None:
    deadline = time.monotonic() + DELIVERY_TIMEOUT
    while time.monotonic() < deadline:
        row.refresh_from_db()
        if done(row):
            return
        assert worker.poll() is None, f"the worker exited with {worker.returncode}"
        time.sleep(0.25)


def test_a_real_worker_delivers_a_queued_email(transactional_db, celery_restored):
    _skip_unless_ready()
    use_broker(url=settings.CELERY_BROKER_URL, eager=False)

    with _worker(broker_url=settings.CELERY_BROKER_URL) as worker:
        email = email_queue(to=["worker@example.org"], subject="From the worker", body_text="Hi.")
        _wait_for(email, lambda e: e.status != Email.Status.QUEUED, worker=worker)

        assert email.status == Email.Status.SENT, (
            f"after {DELIVERY_TIMEOUT}s the email is {email.status!r} "
            f"(last error: {email.last_error!r})"
        )
        assert email.attempts == 1
        assert email.sent_at is not None
        # Sent by the worker: nothing was delivered in this process.
        assert mail.outbox == []
        # And the worker marked the outbox call done.
        assert TaskCall.objects.get().done_at is not None


def test_a_signup_made_while_the_broker_was_down_is_mailed_once_it_returns(
    transactional_db, celery_restored, client
):
    _skip_unless_ready(broker="redis-server")
    use_broker(url=f"redis://127.0.0.1:{closed_port()}/0", eager=False)

    response = client.post(
        reverse("account_signup"),
        {
            "first_name": "Rosa",
            "last_name": "Delgado",
            "email": "rosa@example.org",
            "password1": "a-long-unusual-passphrase",
            "password2": "a-long-unusual-passphrase",
        },
    )
    assert response.status_code == 302
    email = Email.objects.get()
    assert email.status == Email.Status.QUEUED

    with _redis_server() as broker_url, _worker(broker_url=broker_url) as worker:
        use_broker(url=broker_url, eager=False)
        # What beat does every minute, once the call has fallen due.
        assert outbox_sweep(now=timezone.now() + RETRY_AFTER) == 1
        _wait_for(email, lambda e: e.status != Email.Status.QUEUED, worker=worker)

        assert email.status == Email.Status.SENT, f"last error: {email.last_error!r}"
        assert email.attempts == 1  # the dispatch at signup failed; the send did not
        assert mail.outbox == []  # sent by the worker
        call = TaskCall.objects.get()
        assert call.done_at is not None and call.attempts == 2


def test_pointing_at_the_same_broker_again_still_publishes(transactional_db, celery_restored):
    """What failed CI once: a publish after a second use_broker to the same URL.

    kombu keeps connection pools in a global registry keyed by broker URL; closing the
    app's pool without resetting the registry handed the closed pool back
    ("RuntimeError: Acquire on closed pool").
    """
    _skip_unless_ready()
    from cms import celery_app
    from notifications.tasks import sweep_outbox

    use_broker(url=settings.CELERY_BROKER_URL, eager=False)
    with celery_app.producer_or_acquire():
        pass  # the first publish's pool, now in kombu's registry
    use_broker(url=settings.CELERY_BROKER_URL, eager=False)

    result = sweep_outbox.apply_async(expires=1)  # a sweep, harmless if a worker takes it

    assert result.id
