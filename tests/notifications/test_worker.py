"""An email queued in the web process is delivered by a real Celery worker.

Everywhere else tasks run inline. This test publishes to the real broker and starts a
worker process against the test database, so it needs a broker (CELERY_BROKER_URL) and a
database that two processes can share (PostgreSQL; the SQLite test database lives in
this process's memory).
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection

from cms import celery_app
from notifications.models import Email
from notifications.services import email_queue

pytestmark = pytest.mark.worker

ROOT = Path(__file__).resolve().parents[2]
DELIVERY_TIMEOUT = 60  # seconds, worker start-up included


def _requirements_missing() -> str | None:
    if not os.environ.get("CELERY_BROKER_URL"):
        return "worker test skipped: CELERY_BROKER_URL is not set (no broker to publish to)"
    if connection.vendor != "postgresql":
        return (
            f"worker test skipped: the database is {connection.vendor}, not PostgreSQL "
            "(a worker process cannot reach this process's test database)"
        )
    return None


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


def _stop(worker: subprocess.Popen) -> None:
    """Warm shutdown first (SIGTERM lets the task in hand finish), then kill."""
    if worker.poll() is not None:
        return
    worker.terminate()
    try:
        worker.wait(timeout=20)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait(timeout=10)


def test_a_real_worker_delivers_a_queued_email(transactional_db):
    reason = _requirements_missing()
    if reason:
        print(reason)
        pytest.skip(reason)

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": _test_database_url(),
        # The worker reads the broker from the environment, as this process did.
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
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

    was_eager = celery_app.conf.task_always_eager
    delivered = False
    with tempfile.TemporaryFile(mode="w+") as log:
        worker = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, text=True
        )
        try:
            # Publish for real instead of running the task in this process.
            celery_app.conf.task_always_eager = False
            email = email_queue(
                to=["worker@example.org"], subject="From the worker", body_text="Hello."
            )

            deadline = time.monotonic() + DELIVERY_TIMEOUT
            while time.monotonic() < deadline:
                email.refresh_from_db()
                if email.status != Email.Status.QUEUED:
                    break
                assert worker.poll() is None, f"the worker exited with {worker.returncode}"
                time.sleep(0.25)

            assert email.status == Email.Status.SENT, (
                f"after {DELIVERY_TIMEOUT}s the email is {email.status!r} "
                f"(last error: {email.last_error!r})"
            )
            assert email.attempts == 1
            assert email.sent_at is not None
            # Sent by the worker: nothing was delivered in this process.
            assert mail.outbox == []
            delivered = True
        finally:
            celery_app.conf.task_always_eager = was_eager
            _stop(worker)
            if not delivered:
                log.seek(0)
                print(f"--- celery worker log ({' '.join(command)}) ---")
                print(log.read())
