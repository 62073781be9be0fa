"""The review workflows made before the switch to US English are renamed: "Programme review"
(and each provider's "Programme review: <provider>") becomes "Program review", the name
``courses.services.REVIEW_WORKFLOW`` gives the ones made since."""

from django.db import migrations

OLD, NEW = "Programme review", "Program review"


def rename(apps, schema_editor, old=OLD, new=NEW):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    for workflow in Workflow.objects.filter(name__startswith=old):
        workflow.name = (new + workflow.name[len(old) :])[:255]
        workflow.save(update_fields=["name"])


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, old=NEW, new=OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0017_us_english_labels"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
