"""Where seed_demo refuses: settings that forbid demo data, and production, without the app.

Apart from tests/demo/test_seed_demo.py, whose module-wide seeding would hide a refusal
that still wrote something.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from organisations.models import Organisation

PROJECT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_seed_demo_refuses_where_demo_data_is_not_allowed(settings):
    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError, match="refuses to run under production settings"):
        call_command("seed_demo")
    assert not get_user_model().objects.exists()
    assert not Organisation.objects.exists()


def _manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_seed_demo_under_production_settings_exits_non_zero(tmp_path):
    result = _manage(
        "seed_demo",
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="x" * 60,
        # Set as production needs them, so that the refusal is seed_demo's own.
        WAGTAILADMIN_BASE_URL="https://peerpath.example.org",
        SIGNING_KEYS_DIR=str(tmp_path),
    )
    assert result.returncode != 0
    assert "refuses to run under production settings" in result.stderr
    assert "installed only by cms.settings.dev and cms.settings.test" in result.stderr


def test_production_settings_without_secret_key_fail_naming_the_variable():
    result = _manage("check", DJANGO_SETTINGS_MODULE="cms.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY environment variable is required" in result.stderr
