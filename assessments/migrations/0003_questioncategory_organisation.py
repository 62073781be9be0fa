"""Question categories belong to a training provider; categories no one owns are shared.

A category takes the provider of the quizzes that use it (through its questions or as a
quiz's bank category); on a site with one provider, unused categories take that
provider. A category used by several providers' quizzes stays shared: every provider may
use it, only site administrators change it. Names are unique per provider.
"""

import django.db.models.deletion
from django.db import migrations, models


def assign_owners(apps, schema_editor):
    Organisation = apps.get_model("organisations.Organisation")
    ProgrammePage = apps.get_model("courses.ProgrammePage")
    QuizPage = apps.get_model("assessments.QuizPage")
    QuizQuestion = apps.get_model("assessments.QuizQuestion")
    QuestionCategory = apps.get_model("assessments.QuestionCategory")

    programme_owner = dict(ProgrammePage.objects.values_list("path", "organisation_id"))

    def owner_of(quiz_path):
        for length in range(4, len(quiz_path), 4):
            if quiz_path[:length] in programme_owner:
                return programme_owner[quiz_path[:length]]
        return None

    users: dict[int, set[int]] = {}
    for quiz_path, category_id in QuizPage.objects.filter(bank_category__isnull=False).values_list(
        "path", "bank_category_id"
    ):
        users.setdefault(category_id, set()).add(owner_of(quiz_path))
    for quiz_path, category_id in QuizQuestion.objects.values_list(
        "quiz__path", "question__category_id"
    ):
        users.setdefault(category_id, set()).add(owner_of(quiz_path))
    providers = list(Organisation.objects.filter(kind="provider").values_list("pk", flat=True))
    for category in QuestionCategory.objects.filter(organisation__isnull=True):
        owners = users.get(category.pk, set()) - {None}
        if len(owners) == 1:
            category.organisation_id = owners.pop()
        elif category.pk not in users and len(providers) == 1:
            category.organisation_id = providers[0]
        else:
            continue
        category.save(update_fields=["organisation"])


class Migration(migrations.Migration):

    dependencies = [
        ('assessments', '0002_coordinator_permissions'),
        ('organisations', '0002_rolegroup_editor_role'),
        ('courses', '0008_provider_spaces'),
    ]

    operations = [
        migrations.AddField(
            model_name='questioncategory',
            name='organisation',
            field=models.ForeignKey(blank=True, help_text='The training provider that keeps this category. Without one, the category is shared by every provider and only site administrators change it.', limit_choices_to={'kind': 'provider'}, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='question_categories', to='organisations.organisation'),
        ),
        migrations.RunPython(assign_owners, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='questioncategory',
            name='name',
            field=models.CharField(max_length=255),
        ),
        migrations.AddConstraint(
            model_name='questioncategory',
            constraint=models.UniqueConstraint(fields=('organisation', 'name'), name='assessments_category_unique_name'),
        ),
        migrations.AddConstraint(
            model_name='questioncategory',
            constraint=models.UniqueConstraint(condition=models.Q(('organisation__isnull', True)), fields=('name',), name='assessments_shared_category_unique_name'),
        ),
    ]
