"""Reflections hold at most 5,000 characters in the database, not only in the form.

The service always refused longer ones, so no existing row needs changing.
"""

import django.db.models.functions.text
import django.db.models.lookups
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("courses", "0005_enrolment_invitation")]

    operations = [
        migrations.AddConstraint(
            model_name="reflection",
            constraint=models.CheckConstraint(
                condition=django.db.models.lookups.LessThanOrEqual(
                    django.db.models.functions.text.Length("text"), 5000
                ),
                name="courses_reflection_text_length",
            ),
        ),
    ]
