"""Every user gets a random subject id, the holder's id in signed credentials: added
empty, filled one random UUID per user, then made unique and required."""

import uuid

from django.db import migrations, models


def fill_subject_ids(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    for user in User.objects.filter(subject_id__isnull=True).only("pk").iterator():
        User.objects.filter(pk=user.pk).update(subject_id=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_user_certificate_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="subject_id",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(fill_subject_ids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="user",
            name="subject_id",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
    ]
