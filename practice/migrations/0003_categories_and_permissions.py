"""The practice categories boards commonly count, and who may edit them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CATEGORIES = [
    ("One-to-one peer support", "one-to-one", False),
    ("Group facilitation", "group-facilitation", False),
    ("Advocacy", "advocacy", False),
    ("Community outreach", "community-outreach", False),
    ("Supervision received", "supervision-received", True),
]


def build(apps, schema_editor):
    PracticeCategory = apps.get_model("practice", "PracticeCategory")
    for name, slug, is_supervision in CATEGORIES:
        PracticeCategory.objects.get_or_create(
            slug=slug, defaults={"name": name, "is_supervision": is_supervision}
        )
    app_config = apps.get_app_config("practice")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    coordinators, _ = Group.objects.get_or_create(name="Training coordinators")
    for codename in ("add_practicecategory", "change_practicecategory", "view_practicecategory"):
        coordinators.permissions.add(
            Permission.objects.get(content_type__app_label="practice", codename=codename)
        )


class Migration(migrations.Migration):
    dependencies = [("practice", "0002_lock_triggers"), ("courses", "0002_site_structure")]

    operations = [migrations.RunPython(build, migrations.RunPython.noop)]
