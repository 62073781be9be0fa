"""Supervisor comments (1,000 characters) and reflections (1,500) bounded in the database.

A raw POST used to store comments of any length (a 1 MB one was stored and emailed).
Any such comment is shortened first, with a note of its original length, so the
constraint can be added; the full text stays in the audit trail's ``changes``.
Reflections were always bounded by the entry form, and approved entries cannot be
updated, so they are not touched.

SQLite cannot add a constraint to a table: Django rebuilds ``practice_logentry`` and the
rebuild drops its triggers, so the lock on approved entries (0002) is created again
afterwards. PostgreSQL alters the table in place and keeps its trigger.
"""

import django.db.models.functions.text
import django.db.models.lookups
from django.db import migrations, models
from django.db.models.functions import Length

COMMENT_MAX_LENGTH = 1000


def shorten_long_comments(apps, schema_editor):
    Decision = apps.get_model("practice", "Decision")
    too_long = Decision.objects.annotate(length=Length("comment"))
    for decision in too_long.filter(length__gt=COMMENT_MAX_LENGTH):
        note = f" […shortened from {len(decision.comment):,} characters]"
        decision.comment = decision.comment[: COMMENT_MAX_LENGTH - len(note)] + note
        decision.save(update_fields=["comment"])


SQLITE_LOCK = """
    CREATE TRIGGER IF NOT EXISTS practice_logentry_approved_locked
    BEFORE UPDATE ON practice_logentry
    WHEN OLD.status = 'approved'
    BEGIN SELECT RAISE(ABORT, 'approved practice entries are locked'); END;
"""


def relock_approved_entries(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(SQLITE_LOCK)


class Migration(migrations.Migration):
    dependencies = [("practice", "0005_rechain_with_commitments")]

    operations = [
        migrations.RunPython(shorten_long_comments, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="decision",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("comment"), COMMENT_MAX_LENGTH
                ),
                name="practice_decision_comment_length",
            ),
        ),
        migrations.AddConstraint(
            model_name="logentry",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("reflection"), 1500
                ),
                name="practice_entry_reflection_length",
            ),
        ),
        migrations.RunPython(relock_approved_entries, relock_approved_entries),
    ]
