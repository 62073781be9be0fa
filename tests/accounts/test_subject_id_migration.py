"""Migration accounts 0004 gives every existing user a subject id of their own."""

import uuid

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = ("accounts", "0003_user_certificate_name")
AFTER = ("accounts", "0004_user_subject_id_keys")


@pytest.fixture(autouse=True)
def _latest_schema_afterwards(transactional_db):
    """Leave the schema as the next test expects it: every migration applied."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


def test_users_from_before_get_distinct_random_subject_ids():
    apps = migrate(BEFORE)
    User = apps.get_model("accounts", "User")
    pks = [
        User.objects.create(email=f"user{n}@example.org", first_name="A", last_name="B").pk
        for n in range(3)
    ]

    apps = migrate(AFTER)

    ids = list(
        apps.get_model("accounts", "User")
        .objects.filter(pk__in=pks)
        .values_list("subject_id", flat=True)
    )
    assert len(set(ids)) == 3
    assert all(isinstance(value, uuid.UUID) and value.version == 4 for value in ids)
    migrate(BEFORE)  # and back, for a rollback
