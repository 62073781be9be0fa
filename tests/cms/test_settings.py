"""Configuration comes from the environment; each variable is read in a fresh process."""

import json
import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
READ = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({"
    "'eager': s.CELERY_TASK_ALWAYS_EAGER, 'broker': s.CELERY_BROKER_URL, "
    "'db': s.DATABASES['default']['ENGINE'], 'cache': s.CACHES['default']['BACKEND'], "
    "'storage': s.STORAGES['default']['BACKEND'], 'email': s.EMAIL_BACKEND, "
    "'hosts': s.ALLOWED_HOSTS, 'apps': s.INSTALLED_APPS}))"
)
CONFIG_VARS = (
    "CELERY_BROKER_URL",
    "DATABASE_URL",
    "REDIS_URL",
    "AWS_STORAGE_BUCKET_NAME",
    "EMAIL_URL",
    "ALLOWED_HOSTS",
)


def read_settings(module="cms.settings.dev", **env):
    environment = {k: v for k, v in os.environ.items() if k not in CONFIG_VARS}
    environment.update(DJANGO_SETTINGS_MODULE=module, **env)
    result = subprocess.run(
        [sys.executable, "-c", READ],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_embedded_defaults_need_nothing_installed():
    config = read_settings()
    assert config["eager"] is True
    assert config["db"] == "django.db.backends.sqlite3"
    assert config["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert config["storage"] == "django.core.files.storage.FileSystemStorage"


def test_services_are_switched_on_by_environment_variables():
    config = read_settings(
        CELERY_BROKER_URL="redis://127.0.0.1:6379/0",
        DATABASE_URL="postgres://peerpath@db.internal:5432/peerpath",
        REDIS_URL="redis://127.0.0.1:6379/1",
        AWS_STORAGE_BUCKET_NAME="peerpath-certificates",
        EMAIL_URL="smtp+tls://user:pass@smtp.example.org:587",
        ALLOWED_HOSTS="peerpath.example.org,www.peerpath.example.org",
    )
    assert config["eager"] is False
    assert config["broker"] == "redis://127.0.0.1:6379/0"
    assert config["db"] == "django.db.backends.postgresql"
    assert config["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert config["storage"] == "storages.backends.s3.S3Storage"
    assert config["email"] == "django.core.mail.backends.smtp.EmailBackend"
    assert config["hosts"] == ["peerpath.example.org", "www.peerpath.example.org"]


def test_production_defaults_to_smtp_not_the_console():
    config = read_settings("cms.settings.production", SECRET_KEY="k" * 60)
    assert config["email"] == "django.core.mail.backends.smtp.EmailBackend"


def test_the_demo_app_is_installed_in_development_and_tests_only():
    assert "demo" in read_settings("cms.settings.dev")["apps"]
    assert "demo" in read_settings("cms.settings.test")["apps"]
    assert "demo" not in read_settings("cms.settings.production", SECRET_KEY="k" * 60)["apps"]
