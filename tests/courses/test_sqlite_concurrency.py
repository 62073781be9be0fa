"""Two lesson writes at the same moment on the default database, a SQLite file, both succeed.

The lesson page's background request (once "mark done" when the end scrolled into view, now
the heartbeat that reports active time) used to collide with "Save reflection" or "Mark as
done" and SQLite answered "database is locked" (a 500). The settings now open
SQLite transactions IMMEDIATE, wait for the lock, and use WAL (cms/settings/base.py).

The test database is SQLite in memory, where locking works differently, so this test copies
it into a file and points each of two threads at that file, with the project's own
database settings (its OPTIONS) and only the file name changed. Each thread then sends
requests through Django's test client at the same moment as the other.
"""

import copy
import sqlite3
import threading

import pytest
from django.db import connection, connections
from django.db.backends.sqlite3.base import DatabaseWrapper
from django.test import Client

from courses.models import LessonPage
from tests.builders import SAFE_REFLECTION, evidence_for

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "sqlite",
        reason="SQLite's database-wide write lock only: PostgreSQL locks rows",
    ),
]

ROUNDS = 12
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def sqlite_file(tmp_path):
    """copy() -> the path of a SQLite file holding what the test database holds now."""

    def copy_now():
        path = tmp_path / "peerpath.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
        return path

    return copy_now


def on_file(path, work, results, barrier):
    """Run ``work(round)`` for each round in this thread, on the SQLite file at ``path``."""
    settings_dict = copy.deepcopy(connection.settings_dict)
    settings_dict["NAME"] = str(path)
    # Connections are per thread: this thread's "default" is the file, the same settings.
    wrapper = DatabaseWrapper(settings_dict, alias="default")
    connections["default"] = wrapper
    try:
        for number in range(ROUNDS):
            barrier.wait(timeout=60)
            results.append(work(number))
    except Exception as error:  # reported by the test, not swallowed
        results.append(error)
    finally:
        wrapper.close()


def test_heartbeats_and_reflection_saves_at_once_return_no_500(enrolled, trainee, sqlite_file):
    lessons = list(
        LessonPage.objects.live().filter(url_path__contains="/module-1/").order_by("path")
    )
    with_prompt = lessons[0]
    # Both "browser tabs" signed in before the copy, so their sessions are in the file.
    page_script = Client(raise_request_exception=False)
    trainee_typing = Client(raise_request_exception=False)
    page_script.force_login(trainee)
    trainee_typing.force_login(trainee)
    # The trainee has worked through the lesson with the prompt: "Mark as done" is credited.
    evidence_for(trainee=trainee, lesson=with_prompt)
    path = sqlite_file()

    def heartbeat(number):
        # lesson.js reports active time on each lesson (another tab on the second one).
        lesson = lessons[number % len(lessons)]
        return page_script.post(
            f"/courses/lessons/{lesson.pk}/engagement/", {"active_seconds": "30"}, **JSON
        ).status_code

    def typing_and_marking_done(number):
        # Autosave of the reflection on even rounds, "Mark as done" carrying it on odd ones.
        text = f"{SAFE_REFLECTION} Draft {number}."
        if number % 2:
            return trainee_typing.post(
                f"/courses/lessons/{with_prompt.pk}/complete/", {"reflection-reflect-1": text}
            ).status_code
        return trainee_typing.post(
            f"/courses/lessons/{with_prompt.pk}/reflections/reflect-1/", {"text": text}, **JSON
        ).status_code

    barrier = threading.Barrier(2)
    results: list = []
    threads = [
        threading.Thread(target=on_file, args=(path, work, results, barrier))
        for work in (heartbeat, typing_and_marking_done)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert not [r for r in results if isinstance(r, Exception)]
    assert len(results) == 2 * ROUNDS
    assert all(status in (200, 302) for status in results), results
    with sqlite3.connect(path) as database:
        (mode,) = database.execute("PRAGMA journal_mode").fetchone()
        (text,) = database.execute("SELECT text FROM courses_reflection").fetchone()
        (done,) = database.execute("SELECT count(*) FROM courses_lessoncompletion").fetchone()
        (beaten,) = database.execute("SELECT count(*) FROM courses_lessonengagement").fetchone()
    assert mode == "wal"
    assert text == f"{SAFE_REFLECTION} Draft {ROUNDS - 1}."
    assert done == 1
    assert beaten == len(lessons)
