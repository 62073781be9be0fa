"""A status change gets a date and an optional public reason shown to verifiers; its event
gets an internal note for coordinators. Credentials already suspended, reinstated or
revoked take the date of their last such event."""

import django.db.models.functions.text
import django.db.models.lookups
from django.conf import settings
from django.db import migrations, models


def date_past_changes(apps, schema_editor):
    Credential = apps.get_model("certificates", "Credential")
    CredentialEvent = apps.get_model("certificates", "CredentialEvent")
    changes = CredentialEvent.objects.filter(action__in=["suspended", "reinstated", "revoked"])
    for event in changes.order_by("at").iterator():
        Credential.objects.filter(pk=event.credential_id).update(status_changed_at=event.at)


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0003_reason_lengths"),
        ("courses", "0008_provider_spaces"),
        ("organisations", "0002_rolegroup_editor_role"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="credential",
            name="status_changed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="credential",
            name="status_public_reason",
            field=models.TextField(blank=True, max_length=500),
        ),
        migrations.AddField(
            model_name="credentialevent",
            name="note",
            field=models.TextField(blank=True, max_length=2000),
        ),
        migrations.AddField(
            model_name="credentialevent",
            name="public_reason",
            field=models.TextField(blank=True, max_length=500),
        ),
        migrations.AddConstraint(
            model_name="credential",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("status_public_reason"), 500
                ),
                name="certificates_status_public_reason_length",
            ),
        ),
        migrations.AddConstraint(
            model_name="credentialevent",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("public_reason"), 500
                ),
                name="certificates_event_public_reason_length",
            ),
        ),
        migrations.AddConstraint(
            model_name="credentialevent",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("note"), 2000
                ),
                name="certificates_event_note_length",
            ),
        ),
        migrations.RunPython(date_past_changes, migrations.RunPython.noop),
    ]
