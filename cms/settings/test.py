"""Test settings: fast hashing, mail kept in memory, tasks inline.

DATABASE_URL and REDIS_URL still come from the environment, so the same suite runs
on SQLite and on PostgreSQL + Redis. Tasks always run inline here; the one test that
needs a real worker switches that off for itself.
"""

import os
import tempfile
from pathlib import Path

from .base import *

PEERPATH_ENV = "test"
# Demo data (seed_demo) for tests; first, so its seed_demo replaces cms's refusal.
INSTALLED_APPS = ["demo", *INSTALLED_APPS]
DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
MEDIA_ROOT = BASE_DIR / ".test-media"  # tests point it at a temporary directory
# Shorter RSA keys are quicker to make; production's default is 3072 bits.
SIGNING_KEYS_DIR = str(BASE_DIR / ".test-signing-keys")
SIGNING_KEY_BITS = 2048
# A TOTP code computed by a test just before a 30-second step ends still counts on arrival.
MFA_TOTP_TOLERANCE = 1
# Checks are stored as they are made, so tests read them at once; the tests of the Redis
# stream (tests/verification/test_hot_path.py) switch this on for themselves.
VERIFICATION_CHECKS_VIA_REDIS = False

# pytest-xdist runs one process per core against the same Redis (CI's server phase): each
# keeps its keys under its own prefix, and a test clears only its own (tests/conftest.py),
# never a whole Redis database.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")
if REDIS_URL:
    CACHES["default"]["KEY_PREFIX"] = f"peerpath-test-{_WORKER}"
VERIFICATION_REDIS_PREFIX = f"peerpath-test-{_WORKER}:v:"

# On SQLite the test database is a file (in memory-backed /dev/shm where there is one), not
# SQLite's shared-cache memory database: the browser tests' live server writes from its own
# thread, and a shared cache locks whole tables ("database table is locked", which no busy
# timeout waits out). A file in WAL mode lets the two take turns, as requests do on the site.
# One name per test run (xdist gives its workers one run id; each worker adds its own suffix).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A throwaway test database holding made-up data, so a shared directory is fine.
    _SHM = Path("/dev/shm")  # noqa: S108
    _TMP = _SHM if _SHM.is_dir() else Path(tempfile.gettempdir())
    _RUN = os.environ.get("PYTEST_XDIST_TESTRUNUID", str(os.getpid()))
    DATABASES["default"]["TEST"] = {"NAME": str(_TMP / f"peerpath-test-{_RUN[:12]}.sqlite3")}
