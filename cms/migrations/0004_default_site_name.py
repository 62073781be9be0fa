"""The default site is called "Peerpath", not by its hostname ("localhost") in the admin."""

from django.db import migrations

SITE_NAME = "Peerpath"


def name_site(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    Site.objects.filter(is_default_site=True, site_name="").update(site_name=SITE_NAME)


class Migration(migrations.Migration):
    dependencies = [("cms", "0003_standardpage")]

    operations = [migrations.RunPython(name_site, migrations.RunPython.noop)]
