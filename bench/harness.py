"""Shared set-up for benchmarks: a throwaway database and a timing helper.

Benchmarks run against the database DATABASE_URL names (SQLite by default), in a test
database created for the run and dropped afterwards, so they never touch real data.
"""

import os
import statistics
import sys
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")


@contextmanager
def bench_database():
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        yield connection
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


def median_ms(action: Callable[[], object], *, runs: int = 30, warmup: int = 3) -> float:
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def paired_medians_ms(*actions: Callable[[], object], runs: int, warmup: int = 3):
    """The median of each action, run in turn, so that a busy machine slows all alike and
    the ratios between them hold better than medians taken one action after another."""
    for _ in range(warmup):
        for action in actions:
            action()
    samples: list[list[float]] = [[] for _ in actions]
    for _ in range(runs):
        for action, times in zip(actions, samples, strict=True):
            start = time.perf_counter()
            action()
            times.append((time.perf_counter() - start) * 1000)
    return tuple(statistics.median(times) for times in samples)


def print_table(title: str, rows: list[tuple[str, str]]) -> None:
    print(f"\n== {title}")
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"  {label:<{width}}  {value}")
