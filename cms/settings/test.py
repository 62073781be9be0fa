"""Test settings: fast hashing, mail kept in memory, tasks inline.

DATABASE_URL and REDIS_URL still come from the environment, so the same suite runs
on SQLite and on PostgreSQL + Redis. Tasks always run inline here; the one test that
needs a real worker switches that off for itself.
"""

import os

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
