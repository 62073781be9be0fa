import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

FIXTURE_CURRICULUM = Path(__file__).parent.parent / "syllabus" / "fixtures" / "good"


def demo_curriculum_dir() -> Path:
    """The shipped curriculum, or, while its modules are not in this tree yet, the fixture.

    The machinery and the modules' files are written on separate branches and merged at the
    end; until then seed_demo is tested on the small fixture curriculum.
    """
    real = Path(settings.CURRICULUM_DIR)
    return real if any((real / "modules").glob("*/module.yaml")) else FIXTURE_CURRICULUM


@pytest.fixture(scope="module")
def seeded_demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """``seed_demo`` run once for the whole test module; returns what it printed.

    The seeding stays in one transaction, rolled back after the module's last test. Each
    test still runs in its own savepoint inside it (pytest-django's ``db``), so a test
    that signs in or changes a row leaves the next one the freshly seeded demo. Not for
    transactional or live-server tests, which flush the database.
    """
    output = io.StringIO()
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(MEDIA_ROOT=media, CURRICULUM_DIR=demo_curriculum_dir()):
            call_command("seed_demo", stdout=output)
        yield output.getvalue()
        transaction.set_rollback(True)
