"""Training coordinators and course editors keep the question bank."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = {
    "Training coordinators": ["add", "change", "delete", "view"],
    "Course editors": ["add", "change", "view"],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("assessments")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for name, actions in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for model in ("question", "questioncategory"):
            for action in actions:
                group.permissions.add(
                    Permission.objects.get(
                        content_type__app_label="assessments", codename=f"{action}_{model}"
                    )
                )


class Migration(migrations.Migration):
    dependencies = [("assessments", "0001_initial"), ("courses", "0002_site_structure")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
