"""Practice categories are one list for every provider: coordinators choose, not change, them.

Any coordinator could rename or redefine a category every provider's trainees log hours
in; now only site administrators change them, and coordinators keep the view permission
that choosers need.
"""

from django.db import migrations


def share(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    coordinators = Group.objects.filter(name="Training coordinators").first()
    if coordinators is not None:
        coordinators.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="practice",
                codename__in=["add_practicecategory", "change_practicecategory"],
            )
        )


class Migration(migrations.Migration):
    dependencies = [("practice", "0006_text_lengths")]

    operations = [migrations.RunPython(share, migrations.RunPython.noop)]
