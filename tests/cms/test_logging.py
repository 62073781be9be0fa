"""Where the logs go: readable lines in development, one JSON object per line in production."""

import json
import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
LOG = (
    "import django, logging; django.setup(); "
    "logging.getLogger('certificates.services').warning('Credential %s issued\\nsecond line', "
    "'PP-7KQ4-M2XD-9'); "
    "logging.getLogger('certificates.services').debug('below the level')"
)


def stderr_lines(module: str, **env: str) -> list[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("LOG_FORMAT", "LOG_LEVEL")}
    environment.update(DJANGO_SETTINGS_MODULE=module, **env)
    result = subprocess.run(
        [sys.executable, "-c", LOG],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stderr.splitlines()


def test_production_writes_one_json_object_per_line():
    lines = stderr_lines("cms.settings.production", SECRET_KEY="x" * 60)

    assert len(lines) == 1  # the message's newline stays inside the JSON string
    record = json.loads(lines[0])
    assert record["level"] == "WARNING"
    assert record["logger"] == "certificates.services"
    assert record["message"] == "Credential PP-7KQ4-M2XD-9 issued\nsecond line"
    assert record["time"][:2] == "20" and "T" in record["time"]


def test_development_writes_readable_lines():
    lines = stderr_lines("cms.settings.dev")

    assert len(lines) == 2
    assert lines[0].endswith("WARNING certificates.services: Credential PP-7KQ4-M2XD-9 issued")
    assert lines[1] == "second line"


def test_the_format_and_level_come_from_the_environment():
    lines = stderr_lines("cms.settings.dev", LOG_FORMAT="json", LOG_LEVEL="DEBUG")

    assert [json.loads(line)["message"] for line in lines][-1] == "below the level"
