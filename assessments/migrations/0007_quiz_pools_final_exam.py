import django.db.models.deletion
import modelcluster.fields
from django.conf import settings
from django.db import migrations, models


def bank_category_to_pool(apps, schema_editor):
    """Each quiz's bank category becomes a pool drawing the whole category, as it did.

    A quiz that drew ``draw_count`` from its category alone (no chosen questions) keeps
    drawing that many: the number moves to the pool. With chosen questions as well,
    ``draw_count`` now draws from the chosen ones only and the category adds all of its
    questions; the old mix of the two has no exact equivalent.
    """
    QuizPage = apps.get_model("assessments", "QuizPage")
    QuizPool = apps.get_model("assessments", "QuizPool")
    QuizQuestion = apps.get_model("assessments", "QuizQuestion")
    quizzes = QuizPage.objects.filter(bank_category__isnull=False).values_list(
        "pk", "bank_category_id", "draw_count"
    )
    for quiz_id, category_id, draw_count in quizzes:
        alone = draw_count and not QuizQuestion.objects.filter(quiz_id=quiz_id).exists()
        QuizPool.objects.get_or_create(
            quiz_id=quiz_id,
            category_id=category_id,
            defaults={"draw": draw_count if alone else 0, "sort_order": 0},
        )
        if alone:
            QuizPage.objects.filter(pk=quiz_id).update(draw_count=0)


def pool_to_bank_category(apps, schema_editor):
    """Back: the first pool becomes the bank category (its draw is lost)."""
    QuizPage = apps.get_model("assessments", "QuizPage")
    QuizPool = apps.get_model("assessments", "QuizPool")
    for pool in QuizPool.objects.order_by("quiz_id", "sort_order", "pk"):
        QuizPage.objects.filter(pk=pool.quiz_id, bank_category__isnull=True).update(
            bank_category_id=pool.category_id
        )


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0006_quiz_overrides"),
        ("courses", "0011_invitation_names"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="QuizPool",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "draw",
                    models.PositiveSmallIntegerField(
                        default=0,
                        help_text="0 uses every question of the category.",
                        verbose_name="questions per attempt",
                    ),
                ),
            ],
            options={
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.AddField(
            model_name="attempt",
            name="domain_scores",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="A final exam's result per competency domain, as computed at submission.",
            ),
        ),
        migrations.AddField(
            model_name="questioncategory",
            name="domain",
            field=models.ForeignKey(
                blank=True,
                help_text="The competency domain its questions test. Final exams draw questions "
                "by domain from the categories that have one.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="courses.competencydomain",
            ),
        ),
        migrations.AddField(
            model_name="quizpage",
            name="exam_length",
            field=models.PositiveSmallIntegerField(
                default=0,
                help_text="For a final exam: shared among the competency domains in proportion to "
                "the programme's training hours in each, from the bank categories of each domain.",
                verbose_name="questions in the final exam",
            ),
        ),
        migrations.AddField(
            model_name="quizpage",
            name="kind",
            field=models.CharField(
                choices=[
                    ("module", "Module quiz"),
                    ("final_exam", "Final exam: questions drawn by competency domain"),
                ],
                default="module",
                max_length=12,
            ),
        ),
        migrations.AlterField(
            model_name="quizpage",
            name="draw_count",
            field=models.PositiveSmallIntegerField(
                default=0,
                help_text="Draw this many of the questions chosen from the bank at random; 0 uses "
                "all of them. Categories below draw their own number.",
                verbose_name="questions drawn per attempt",
            ),
        ),
        migrations.AddConstraint(
            model_name="quizpage",
            constraint=models.CheckConstraint(
                condition=models.Q(("kind__in", ["module", "final_exam"])),
                name="assessments_quiz_kind_valid",
            ),
        ),
        migrations.AddField(
            model_name="quizpool",
            name="category",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="quiz_pools",
                to="assessments.questioncategory",
            ),
        ),
        migrations.AddField(
            model_name="quizpool",
            name="quiz",
            field=modelcluster.fields.ParentalKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="pools",
                to="assessments.quizpage",
            ),
        ),
        migrations.AddConstraint(
            model_name="quizpool",
            constraint=models.UniqueConstraint(
                fields=("quiz", "category"), name="assessments_quiz_pool_unique"
            ),
        ),
        migrations.RunPython(bank_category_to_pool, pool_to_bank_category),
        migrations.RemoveField(
            model_name="quizpage",
            name="bank_category",
        ),
    ]
