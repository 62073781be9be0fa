"""The loaders take content as plain data: a module that is not one of the demo's files."""

from decimal import Decimal

import pytest

from assessments.models import QuizPage
from courses.models import LessonPage, ModulePage
from demo.content import training_modules
from demo.loaders.assessments import seed_quiz
from demo.loaders.courses import seed_module

pytestmark = pytest.mark.django_db

CONTENT = {
    "title": "Working with families",
    "slug": "working-with-families",
    "domain": "mentoring-and-education",
    "training_hours": "2.5",
    "summary": "Supporting the people around the person you support.",
    "objectives": ["Explain what a family member can and cannot be told."],
    "lessons": [
        {
            "title": "Who counts as family",
            "slug": "who-counts-as-family",
            "summary": "Family is whoever the person says it is.",
            "estimated_minutes": 15,
            "body": [
                ("heading", {"text": "Family, chosen and given", "level": "h2"}),
                ("paragraph", "<p>Ask the person who they want involved.</p>"),
            ],
        }
    ],
    "quiz": [
        {
            "kind": "true_false",
            "text": "A parent may always see their adult child's practice notes.",
            "options": [
                {"text": "True", "correct": False},
                {"text": "False", "correct": True},
            ],
        }
    ],
}


def test_seed_module_and_seed_quiz_build_a_module_from_its_content_once(programme):
    module = seed_module(programme=programme, content=CONTENT)
    quiz = seed_quiz(programme=programme, content=CONTENT)

    assert module.title == "Working with families" and module.live
    module.refresh_from_db()
    assert module.declared_hours == Decimal("2.5")  # declared; the hours that count are computed
    assert module.objectives[0].value == CONTENT["objectives"][0]
    (lesson,) = LessonPage.objects.child_of(module).live()
    assert lesson.title == "Who counts as family"
    assert [block.block_type for block in lesson.body] == ["heading", "paragraph"]
    assert quiz.title == "Quiz: Working with families" and quiz.live
    (pool,) = quiz.pools.all()
    assert [q.text for q in pool.category.questions.all()] == [CONTENT["quiz"][0]["text"]]
    assert pool.draw == 1  # all it has: the content holds fewer than a quiz draws
    assert pool.category.domain.slug == "mentoring-and-education"

    # Seeding the same content again finds what exists and adds nothing.
    assert seed_module(programme=programme, content=CONTENT).pk == module.pk
    assert seed_quiz(programme=programme, content=CONTENT).pk == quiz.pk
    assert ModulePage.objects.child_of(programme).filter(slug=CONTENT["slug"]).count() == 1
    assert LessonPage.objects.child_of(module).count() == 1
    assert QuizPage.objects.child_of(module).count() == 1


def test_every_demo_module_file_gives_the_loaders_what_they_read():
    modules = training_modules()

    assert [m["slug"] for m in modules][:2] == ["foundations-of-peer-support", "boundaries"]
    for content in modules:
        assert {"title", "slug", "domain", "summary", "objectives", "lessons", "quiz"} <= set(
            content
        ), content["slug"]
        assert content["quiz"], content["slug"]
