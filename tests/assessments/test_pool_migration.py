"""assessments 0007: each quiz's bank category became a pool, drawing as it did."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from assessments.models import QuizPage, QuizPool
from tests.assessments.conftest import make_question

BEFORE = ("assessments", "0006_quiz_overrides")


def migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


@pytest.mark.django_db(transaction=True)
def test_the_bank_category_becomes_a_pool_and_back(make_quiz, category):
    alone = make_quiz(questions=[], pools=[QuizPool(category=category, draw=0)])
    chosen = make_question(category, text="Chosen?")
    mixed = make_quiz(
        module_slug="module-2", questions=[chosen], pools=[QuizPool(category=category, draw=0)]
    )
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        executor = migrate([BEFORE])
        old = executor.loader.project_state([BEFORE]).apps.get_model("assessments", "QuizPage")
        assert set(old.objects.values_list("pk", "bank_category_id")) == {
            (alone.pk, category.pk),
            (mixed.pk, category.pk),
        }
        old.objects.filter(pk=alone.pk).update(draw_count=4)
        old.objects.filter(pk=mixed.pk).update(draw_count=1)
    finally:
        migrate(latest)

    # Drawing 4 from the category alone stays so; beside chosen questions, the category
    # adds all of its questions and draw_count keeps to the chosen ones.
    assert set(QuizPool.objects.values_list("quiz_id", "category_id", "draw")) == {
        (alone.pk, category.pk, 4),
        (mixed.pk, category.pk, 0),
    }
    assert dict(QuizPage.objects.values_list("pk", "draw_count")) == {alone.pk: 0, mixed.pk: 1}
