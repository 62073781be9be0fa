import django.utils.timezone
from django.db import migrations, models


def cycles_from_indexes(apps, schema_editor):
    """Every credential so far had one cycle: its index moves onto cycle 1."""
    Credential = apps.get_model("certificates", "Credential")
    CredentialCycle = apps.get_model("certificates", "CredentialCycle")
    CredentialCycle.objects.bulk_create(
        CredentialCycle(credential_id=pk, cycle=1, status_index=index, created_at=created)
        for pk, index, created in Credential.objects.filter(status_index__isnull=False)
        .order_by("pk")
        .values_list("pk", "status_index", "created_at")
        .iterator()
    )


def indexes_from_cycles(apps, schema_editor):
    Credential = apps.get_model("certificates", "Credential")
    CredentialCycle = apps.get_model("certificates", "CredentialCycle")
    for credential_id, index in CredentialCycle.objects.filter(cycle=1).values_list(
        "credential_id", "status_index"
    ):
        Credential.objects.filter(pk=credential_id).update(status_index=index)


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0005_signing_keys"),
    ]

    operations = [
        migrations.CreateModel(
            name="CredentialCycle",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("cycle", models.PositiveSmallIntegerField(default=1)),
                ("status_index", models.PositiveIntegerField(editable=False, unique=True)),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "credential",
                    models.ForeignKey(
                        on_delete=models.deletion.CASCADE,
                        related_name="cycles",
                        to="certificates.credential",
                    ),
                ),
            ],
            options={
                "ordering": ["credential", "cycle"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("credential", "cycle"), name="certificates_cycle_once"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("cycle__gte", 1)), name="certificates_cycle_from_one"
                    ),
                ],
            },
        ),
        migrations.RunPython(cycles_from_indexes, indexes_from_cycles),
        migrations.RemoveField(model_name="credential", name="status_index"),
    ]
