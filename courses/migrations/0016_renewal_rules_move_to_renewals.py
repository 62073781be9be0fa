# The renewal figures move to renewals' rule sets: renewals 0001 reads them first and links
# each profile to a rule set (a seeded board's, or one made from the profile's figures).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('courses', '0015_module_live_minutes'),
        ('renewals', '0001_initial'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='requirementprofile',
            name='courses_profile_ethics_within_ce',
        ),
        migrations.RemoveField(
            model_name='requirementprofile',
            name='renewal_ce_ethics_hours',
        ),
        migrations.RemoveField(
            model_name='requirementprofile',
            name='renewal_ce_hours',
        ),
    ]
