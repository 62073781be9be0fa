from django.db import migrations, models


def mark_supervisor_credentials(apps, schema_editor):
    """The seeded rule sets whose file says so qualify their holders to supervise."""
    from renewals.loader import rule_set_files

    keys = [data["key"] for data in rule_set_files() if data.get("qualifies_supervisors")]
    apps.get_model("renewals", "RuleSet").objects.filter(key__in=keys).update(
        qualifies_supervisors=True
    )


class Migration(migrations.Migration):
    dependencies = [
        ("renewals", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="ruleset",
            name="qualifies_supervisors",
            field=models.BooleanField(
                default=False,
                help_text="Holders of this credential supervise peer workers' practice hours: "
                "one whose credential under these rules has expired or been suspended cannot "
                "approve hours.",
            ),
        ),
        migrations.RunPython(mark_supervisor_credentials, migrations.RunPython.noop),
    ]
