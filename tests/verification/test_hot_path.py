"""The API's hot path in Redis (issue 19): one round trip, revocations at once, faults survived.

Each test runs against a private ``redis-server`` it starts on a free port (never the shared
one), so a test can kill it mid-run. Skipped where no redis-server is installed.
"""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import threading
import time

import pytest
import redis
from django.db import connection
from django.utils import timezone

from notifications.models import TaskCall
from tests.conftest import closed_port
from verification import answers
from verification.models import VerificationEvent
from verification.services import checks_drain

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not shutil.which("redis-server"), reason="no redis-server on PATH"),
]

ONE = "/api/v1/credentials/{}"


class PrivateRedis:
    def __init__(self) -> None:
        self.port = closed_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while True:
            try:
                self.client().ping()
                break
            except redis.ConnectionError:
                assert time.monotonic() < deadline, "redis-server did not start"
                time.sleep(0.05)

    def client(self) -> redis.Redis:
        return redis.Redis.from_url(self.url, decode_responses=True)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


@pytest.fixture
def private_redis(settings):
    server = PrivateRedis()
    settings.REDIS_URL = server.url
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": server.url,
            "KEY_PREFIX": "peerpath",
        }
    }
    answers.reset()
    yield server
    server.kill()
    answers.reset()


@pytest.fixture
def api(client, api_secret):
    def get(number: str, secret: str = api_secret):
        return client.get(ONE.format(number), headers={"Authorization": f"Bearer {secret}"})

    return get


def count_redis_calls(monkeypatch) -> list[str]:
    """Every command or script call a Redis client sends (a pipeline counts as one)."""
    sent: list[str] = []
    original = redis.Redis.execute_command
    original_pipeline = redis.client.Pipeline.execute

    def execute_command(self, *args, **options):
        sent.append(str(args[0]))
        return original(self, *args, **options)

    def execute(self, *args, **options):
        sent.append("pipeline")
        return original_pipeline(self, *args, **options)

    monkeypatch.setattr(redis.Redis, "execute_command", execute_command)
    monkeypatch.setattr(redis.client.Pipeline, "execute", execute)
    return sent


def test_a_warm_api_call_is_one_redis_round_trip_and_no_query(
    private_redis, api, credential, monkeypatch, django_assert_num_queries, settings
):
    settings.VERIFICATION_CHECKS_VIA_REDIS = True  # the check goes in the same round trip
    assert api(credential.number).status_code == 200  # the key's use is noted: one update

    sent = count_redis_calls(monkeypatch)
    with django_assert_num_queries(0):
        response = api(credential.number)

    assert response.status_code == 200
    assert response.json()["status"] == "VALID"
    assert response.json()["holder_name"] == "Ada Okafor"
    assert sent == ["EVALSHA"]


def test_a_missing_answer_is_rebuilt_from_postgresql_and_kept(private_redis, api, credential):
    private_redis.client().delete(answers.answer_key(credential.number))

    assert api(credential.number).json()["status"] == "VALID"

    assert private_redis.client().hget(answers.answer_key(credential.number), "id") == str(
        credential.pk
    )


def test_expired_is_worked_out_at_request_time_not_kept(
    private_redis, api, issue_credential, monkeypatch
):
    credential = issue_credential(expires_in_days=1)
    assert api(credential.number).json()["status"] == "VALID"

    later = timezone.localdate() + timezone.timedelta(days=2)
    monkeypatch.setattr(timezone, "localdate", lambda *args: later)

    assert api(credential.number).json()["status"] == "EXPIRED"
    kept = private_redis.client().hget(answers.answer_key(credential.number), "a")
    assert "EXPIRED" not in kept and "active" in kept


def test_a_revocation_shows_on_the_very_next_call_from_another_process(
    private_redis, credential, api_secret, change_status
):
    """The other web process is played by a thread with its own database connection and
    its own Redis connection (both are per thread), after the revocation commits."""

    def other_process() -> tuple[int, str]:
        from django.test import Client

        try:
            response = Client().get(
                ONE.format(credential.number), headers={"Authorization": f"Bearer {api_secret}"}
            )
            return response.status_code, response.json()["status"]
        finally:
            connection.close()

    def ask() -> tuple[int, str]:
        answer: list = []
        thread = threading.Thread(target=lambda: answer.append(other_process()))
        thread.start()
        thread.join(timeout=30)
        return answer[0]

    assert ask() == (200, "VALID")  # the other process has it kept in Redis now

    change_status(credential, "revoke")  # commits; credential_changed writes it through

    assert ask() == (200, "REVOKED")


def test_suspension_and_reinstatement_show_at_once(private_redis, api, credential, change_status):
    assert api(credential.number).json()["status"] == "VALID"
    change_status(credential, "suspend")
    assert api(credential.number).json()["status"] == "SUSPENDED"
    change_status(credential, "reinstate")
    assert api(credential.number).json()["status"] == "VALID"


def test_the_kept_answer_carries_the_change_date_and_public_reason(
    private_redis, api, client, credential, change_status
):
    """The API and the public page answered from Redis say when and (publicly) why, as the
    PostgreSQL path does; the reason the holder was told never leaves the database."""
    assert api(credential.number).json()["status_changed_at"] is None
    change_status(
        credential, "suspend", reason="Told to the holder only", public_reason="Under review"
    )

    body = api(credential.number).json()
    page = client.get(f"/verify/{credential.number}/").content.decode()
    kept = private_redis.client().hget(answers.answer_key(credential.number), "a")

    assert body["status"] == "SUSPENDED"
    assert body["public_reason"] == "Under review"
    assert body["status_changed_at"].startswith(credential.status_changed_at.date().isoformat())
    assert "Reason given by the issuer: Under review" in page
    assert "Told to the holder only" not in kept + page + str(body)

    change_status(credential, "reinstate")
    body = api(credential.number).json()
    assert (body["status"], body["status_changed_at"], body["public_reason"]) == ("VALID", None, "")


def test_an_older_answer_never_overwrites_a_newer_one(private_redis, credential, change_status):
    from certificates.api import credential_answers

    (before,) = credential_answers(ids=[credential.pk])
    change_status(credential, "revoke")

    answers.answers_store([before], write_through=True)  # a late write of the old row
    answers.answers_store([before], write_through=False)  # a late rebuild of it

    kept = private_redis.client().hget(answers.answer_key(credential.number), "a")
    assert kept.startswith('["revoked"')


def test_checks_go_to_the_stream_and_each_is_stored_once(
    private_redis, api, credential, clinic, settings, monkeypatch
):
    settings.VERIFICATION_CHECKS_VIA_REDIS = True
    for _ in range(3):
        assert api(credential.number).status_code == 200
    assert not VerificationEvent.objects.exists()  # off the request path
    assert private_redis.client().xlen(answers.STREAM) == 3

    # The drain dies after storing, before deleting the entries from the stream.
    monkeypatch.setattr(
        redis.Redis, "xdel", lambda *args: (_ for _ in ()).throw(redis.ConnectionError("gone"))
    )
    checks_drain()
    assert VerificationEvent.objects.count() == 3
    monkeypatch.undo()
    answers.reset()

    checks_drain()  # the next drain finds them again, and stores nothing twice
    checks_drain()

    events = VerificationEvent.objects.all()
    assert len(events) == 3
    assert {(e.credential_id, e.organisation_id, e.channel) for e in events} == {
        (credential.pk, clinic.pk, "api")
    }
    assert len({e.event_id for e in events}) == 3 and all(e.event_id for e in events)
    assert private_redis.client().xlen(answers.STREAM) == 0


def test_redis_killed_mid_run(
    private_redis,
    api,
    api_secret,
    client,
    credential,
    issue_credential,
    change_status,
    settings,
    caplog,
):
    settings.VERIFICATION_CHECKS_VIA_REDIS = True
    suspended = issue_credential(last_name="Held")
    change_status(suspended, "suspend")
    assert api(credential.number).json()["status"] == "VALID"

    private_redis.kill()

    # The API answers from PostgreSQL, correctly, and records the checks itself.
    response = api(credential.number)
    assert response.status_code == 200 and response.json()["status"] == "VALID"
    assert api(suspended.number).json()["status"] == "SUSPENDED"
    assert VerificationEvent.objects.filter(channel="api").count() == 2
    bulk = client.post(
        "/api/v1/credentials/verify",
        {"numbers": [credential.number, suspended.number]},
        content_type="application/json",
        headers={"Authorization": f"Bearer {api_secret}"},
    )
    assert bulk.status_code == 200
    assert [r["status"] for r in bulk.json()["results"]] == ["VALID", "SUSPENDED"]
    page = client.get(f"/verify/{credential.number}/")
    assert page.status_code == 200 and 'data-status="VALID"' in page.content.decode()
    assert any("Redis did not answer" in r.getMessage() for r in caplog.records)

    # A change while Redis is away: answered from PostgreSQL, and its write-through is
    # queued in the outbox for when Redis is back.
    change_status(credential, "revoke")
    assert api(credential.number).json()["status"] == "REVOKED"
    assert TaskCall.objects.filter(task="verification.tasks.refresh_answer").exists()


def test_the_rate_limit_holds_per_process_while_redis_is_down(
    private_redis, api, credential, settings, frozen_ratelimit_clock
):
    settings.VERIFICATION_API_RATE_LIMIT = "2/m"
    private_redis.kill()

    codes = [api(credential.number).status_code for _ in range(3)]

    assert codes == [200, 200, 429]


# The other web process: its own interpreter, Django, Redis client and an empty database
# (no tables), so whatever it answers came from Redis. It asks once per line on stdin.
OTHER_PROCESS = """
import sys

import django

django.setup()
from django.test import Client
from django.test.utils import override_settings

path, secret = sys.argv[1], sys.argv[2]
client = Client()
for _ in sys.stdin:
    with override_settings(VERIFICATION_CHECKS_VIA_REDIS=True):
        response = client.get(path, headers={"Authorization": f"Bearer {secret}"})
    body = response.json() if response.status_code < 500 else {}
    print(response.status_code, body.get("status"), flush=True)
"""


def test_a_revocation_shows_on_the_very_next_call_from_a_second_os_process(
    private_redis, api, credential, api_secret, change_status, tmp_path
):
    """A real second process, started before the change and still running after it: no
    TTL, no per-process cache, the revocation is there on its next call."""
    assert api(credential.number).json()["status"] == "VALID"  # key and answer now kept
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "REDIS_URL": private_redis.url,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        "PYTHONPATH": str(settings_root()),
        "LOG_LEVEL": "ERROR",
    }
    other = subprocess.Popen(
        [sys.executable, "-c", OTHER_PROCESS, ONE.format(credential.number), api_secret],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=settings_root(),
    )

    def ask() -> str:
        assert other.stdin is not None and other.stdout is not None
        other.stdin.write("ask\n")
        other.stdin.flush()
        line = other.stdout.readline().strip()
        assert line, other.stderr.read() if other.stderr else "the other process said nothing"
        return line

    try:
        assert ask() == "200 VALID"
        change_status(credential, "revoke")  # commits; credential_changed writes it through
        assert ask() == "200 REVOKED"
    finally:
        other.kill()
        other.wait(timeout=10)
    # Its checks went to the shared stream, as any web process's do.
    assert private_redis.client().xlen(answers.STREAM) == 2


def settings_root():
    from django.conf import settings

    return settings.BASE_DIR


class HungRedis:
    """A port that accepts connections and never answers: Redis hung, not refused (a full
    network buffer, a stopped process), the fault a refused connection does not show."""

    def __init__(self) -> None:
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self.held: list[socket.socket] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        with contextlib.suppress(OSError):
            while True:
                self.held.append(self.listener.accept()[0])

    def close(self) -> None:
        self.listener.close()
        for held in self.held:
            held.close()


@pytest.fixture
def hung_redis(settings):
    server = HungRedis()
    url = f"redis://127.0.0.1:{server.port}/0"
    settings.REDIS_URL = url
    # A generous timeout, so that code still asking the cache shows as seconds per call.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "peerpath",
            "OPTIONS": {"socket_connect_timeout": 5, "socket_timeout": 5},
        }
    }
    answers.reset()
    yield server
    server.close()
    answers.reset()


def test_a_hung_redis_costs_one_short_wait_then_postgresql_answers(
    hung_redis, api, client, credential, issue_credential, change_status, settings, caplog
):
    settings.VERIFICATION_CHECKS_VIA_REDIS = True
    suspended = issue_credential(last_name="Held")
    change_status(suspended, "suspend")  # its write-through times out: queued for later
    answers.reset()  # forget that outage: the calls below find out for themselves

    started = time.monotonic()
    bodies = [api(number) for number in (credential.number, suspended.number, credential.number)]
    page = client.get(f"/verify/{credential.number}/")
    took = time.monotonic() - started

    assert [(r.status_code, r.json()["status"]) for r in bodies] == [
        (200, "VALID"),
        (200, "SUSPENDED"),
        (200, "VALID"),
    ]
    assert page.status_code == 200 and 'data-status="VALID"' in page.content.decode()
    # One 0.25 s wait for the hot path's client, then PostgreSQL: the rate limit counted in
    # this process and the key read from the database, never the 5 s cache call.
    assert took < 4, f"{took:.1f} s for four requests"
    assert VerificationEvent.objects.count() == 4  # recorded directly, none lost
    assert any("Redis did not answer" in r.getMessage() for r in caplog.records)
