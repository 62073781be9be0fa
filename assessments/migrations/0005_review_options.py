"""Review options per quiz: what a trainee sees of a submitted attempt, at three moments.

Existing quizzes take the defaults: after a failed attempt the score and which answers
were wrong; once passed, or out of attempts, everything.
"""

import django.db.models.expressions
import django.db.models.lookups
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0004_gift_parity"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="quizpage",
            name="review_after_fail",
            field=models.PositiveSmallIntegerField(
                default=3, verbose_name="after an attempt that did not pass"
            ),
        ),
        migrations.AddField(
            model_name="quizpage",
            name="review_after_last",
            field=models.PositiveSmallIntegerField(
                default=31, verbose_name="after the last allowed attempt, not passed"
            ),
        ),
        migrations.AddField(
            model_name="quizpage",
            name="review_after_pass",
            field=models.PositiveSmallIntegerField(
                default=31, verbose_name="once the quiz is passed"
            ),
        ),
        migrations.AddConstraint(
            model_name="quizpage",
            constraint=models.CheckConstraint(
                condition=models.Q(("review_after_fail__lte", 31)),
                name="assessments_quiz_review_after_fail_known",
            ),
        ),
        migrations.AddConstraint(
            model_name="quizpage",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    django.db.models.lookups.Exact(
                        django.db.models.expressions.CombinedExpression(
                            models.F("review_after_fail"), "&", models.Value(12)
                        ),
                        0,
                    ),
                    django.db.models.lookups.Exact(
                        django.db.models.expressions.CombinedExpression(
                            models.F("review_after_fail"), "&", models.Value(2)
                        ),
                        2,
                    ),
                    _connector="OR",
                ),
                name="assessments_quiz_review_after_fail_coherent",
            ),
        ),
        migrations.AddConstraint(
            model_name="quizpage",
            constraint=models.CheckConstraint(
                condition=models.Q(("review_after_pass__lte", 31)),
                name="assessments_quiz_review_after_pass_known",
            ),
        ),
        migrations.AddConstraint(
            model_name="quizpage",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    django.db.models.lookups.Exact(
                        django.db.models.expressions.CombinedExpression(
                            models.F("review_after_pass"), "&", models.Value(12)
                        ),
                        0,
                    ),
                    django.db.models.lookups.Exact(
                        django.db.models.expressions.CombinedExpression(
                            models.F("review_after_pass"), "&", models.Value(2)
                        ),
                        2,
                    ),
                    _connector="OR",
                ),
                name="assessments_quiz_review_after_pass_coherent",
            ),
        ),
        migrations.AddConstraint(
            model_name="quizpage",
            constraint=models.CheckConstraint(
                condition=models.Q(("review_after_last__lte", 31)),
                name="assessments_quiz_review_after_last_known",
            ),
        ),
        migrations.AddConstraint(
            model_name="quizpage",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    django.db.models.lookups.Exact(
                        django.db.models.expressions.CombinedExpression(
                            models.F("review_after_last"), "&", models.Value(12)
                        ),
                        0,
                    ),
                    django.db.models.lookups.Exact(
                        django.db.models.expressions.CombinedExpression(
                            models.F("review_after_last"), "&", models.Value(2)
                        ),
                        2,
                    ),
                    _connector="OR",
                ),
                name="assessments_quiz_review_after_last_coherent",
            ),
        ),
    ]
