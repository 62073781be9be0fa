"""Suspension and revocation reasons hold at most 500 characters, in the database too.

A raw POST used to store reasons of any length (a 1 MB one was stored and emailed). Any
such reason is shortened first, with a note of its original length, so the constraints
can be added.
"""

import django.db.models.functions.text
import django.db.models.lookups
from django.db import migrations, models
from django.db.models.functions import Length

REASON_MAX_LENGTH = 500


def _shortened(text: str) -> str:
    note = f" […shortened from {len(text):,} characters]"
    return text[: REASON_MAX_LENGTH - len(note)] + note


def shorten_long_reasons(apps, schema_editor):
    Credential = apps.get_model("certificates", "Credential")
    credentials = Credential.objects.annotate(length=Length("status_reason"))
    for credential in credentials.filter(length__gt=REASON_MAX_LENGTH):
        credential.status_reason = _shortened(credential.status_reason)
        credential.save(update_fields=["status_reason"])
    CredentialEvent = apps.get_model("certificates", "CredentialEvent")
    events = CredentialEvent.objects.annotate(length=Length("reason"))
    for event in events.filter(length__gt=REASON_MAX_LENGTH):
        event.reason = _shortened(event.reason)
        event.save(update_fields=["reason"])


class Migration(migrations.Migration):
    dependencies = [("certificates", "0002_credential_status_index")]

    operations = [
        migrations.RunPython(shorten_long_reasons, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="credential",
            name="status_reason",
            field=models.TextField(blank=True, max_length=REASON_MAX_LENGTH),
        ),
        migrations.AlterField(
            model_name="credentialevent",
            name="reason",
            field=models.TextField(blank=True, max_length=REASON_MAX_LENGTH),
        ),
        migrations.AddConstraint(
            model_name="credential",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("status_reason"), REASON_MAX_LENGTH
                ),
                name="certificates_status_reason_length",
            ),
        ),
        migrations.AddConstraint(
            model_name="credentialevent",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("reason"), REASON_MAX_LENGTH
                ),
                name="certificates_event_reason_length",
            ),
        ),
    ]
