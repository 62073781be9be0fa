"""certificates 0005: each credential's status-list position moved onto its first cycle."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from certificates.models import CredentialCycle

BEFORE = ("certificates", "0005_signing_keys")


def migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


@pytest.mark.django_db(transaction=True)
def test_the_position_moves_to_cycle_one_and_back(issue_credential):
    first, second = issue_credential(last_name="One"), issue_credential(last_name="Two")
    positions = {first.pk: first.status_index, second.pk: second.status_index}
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        executor = migrate([BEFORE])
        old = executor.loader.project_state([BEFORE]).apps.get_model("certificates", "Credential")
        assert dict(old.objects.values_list("pk", "status_index")) == positions
        old.objects.filter(pk=second.pk).update(status_index=77)
    finally:
        migrate(latest)

    assert set(CredentialCycle.objects.values_list("credential_id", "cycle", "status_index")) == {
        (first.pk, 1, positions[first.pk]),
        (second.pk, 1, 77),
    }
