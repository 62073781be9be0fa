"""Migration practice 0006 shortens comments stored before the limit, then enforces it."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = ("practice", "0005_rechain_with_commitments")
AFTER = ("practice", "0006_text_lengths")


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


def test_an_over_long_comment_is_shortened_with_a_note(log_entry, assigned_supervisor):
    entry = log_entry()
    apps = migrate(BEFORE)
    Decision = apps.get_model("practice", "Decision")
    # What the security test stored through a raw POST: a 1 MB comment, with line breaks.
    long_comment = ("Needs work.\n" * 90_000)[:1_000_000]
    stored = Decision.objects.create(
        entry_id=entry.pk,
        submission_round=entry.submission_round,
        supervisor_name="S",
        supervisor_role="Supervisor",
        outcome="returned",
        comment=long_comment,
        verification_code="TEST-CODE-0002",
    )

    apps = migrate(AFTER)

    comment = apps.get_model("practice", "Decision").objects.get(pk=stored.pk).comment
    assert len(comment) == 1000
    assert comment.startswith("Needs work.\nNeeds work.")
    assert comment.endswith(" […shortened from 1,000,000 characters]")


def test_approved_entries_stay_locked_after_the_table_is_rebuilt(assigned_supervisor, log_entry):
    # SQLite rebuilds practice_logentry to add the constraint, which drops its triggers.
    from django.db import transaction

    from practice.models import LogEntry
    from practice.services import entry_decide

    migrate(BEFORE)
    migrate(AFTER)
    entry = log_entry()
    entry_decide(supervisor=assigned_supervisor, entry_id=entry.pk, approve=True)

    with pytest.raises(Exception, match="locked"), transaction.atomic():
        LogEntry.objects.filter(pk=entry.pk).update(minutes=600)
