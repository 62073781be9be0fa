"""Database triggers: an approved entry never changes, and the audit trail is append-only.

UPDATE is refused on both SQLite and PostgreSQL. DELETE is refused on PostgreSQL (the
production database); on SQLite a DELETE trigger would also stop the test runner from
emptying tables between tests, and the models refuse deletes anyway.
"""

from django.db import migrations

SQLITE = [
    """
    CREATE TRIGGER practice_logentry_approved_locked BEFORE UPDATE ON practice_logentry
    WHEN OLD.status = 'approved'
    BEGIN SELECT RAISE(ABORT, 'approved practice entries are locked'); END;
    """,
    """
    CREATE TRIGGER practice_auditevent_append_only BEFORE UPDATE ON practice_auditevent
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    """,
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS practice_logentry_approved_locked;",
    "DROP TRIGGER IF EXISTS practice_auditevent_append_only;",
]
POSTGRES = [
    """
    CREATE FUNCTION practice_refuse_change() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION '%%', TG_ARGV[0];
    END;
    $$ LANGUAGE plpgsql;
    """,
    """
    CREATE TRIGGER practice_logentry_approved_locked
    BEFORE UPDATE OR DELETE ON practice_logentry
    FOR EACH ROW WHEN (OLD.status = 'approved')
    EXECUTE FUNCTION practice_refuse_change('approved practice entries are locked');
    """,
    """
    CREATE TRIGGER practice_auditevent_append_only
    BEFORE UPDATE OR DELETE ON practice_auditevent
    FOR EACH ROW
    EXECUTE FUNCTION practice_refuse_change('the audit trail is append-only');
    """,
]
POSTGRES_REVERSE = [
    "DROP TRIGGER IF EXISTS practice_logentry_approved_locked ON practice_logentry;",
    "DROP TRIGGER IF EXISTS practice_auditevent_append_only ON practice_auditevent;",
    "DROP FUNCTION IF EXISTS practice_refuse_change();",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("practice", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        )
    ]
