from pathlib import Path

import pytest

from assessments.models import Option, Question, QuestionCategory, QuizPage, QuizQuestion
from courses.models import ModulePage
from tests.builders import publish


def make_question(category, *, kind="single", text="Which answer?", options=None, vignette=""):
    """options: list of (text, correct) or (text, correct, weight)."""
    options = options or [("Right", True), ("Wrong", False), ("Also wrong", False)]
    question = Question.objects.create(
        category=category, kind=kind, text=text, vignette=vignette, explanation="Because."
    )
    for order, spec in enumerate(options):
        Option.objects.create(
            question=question,
            text=spec[0],
            is_correct=spec[1],
            weight=spec[2] if len(spec) > 2 else None,
            feedback=f"Feedback for {spec[0]}",
            sort_order=order,
        )
    return question


@pytest.fixture
def category(db):
    return QuestionCategory.objects.create(name="Boundaries")


@pytest.fixture
def make_quiz(programme, category):
    def make(*, module_slug="module-1", questions=None, pools=(), **fields):
        """pools: QuizPool rows (category, draw) the quiz draws from besides ``questions``."""
        module = ModulePage.objects.get(slug=module_slug)
        questions = (
            questions
            if questions is not None
            else [make_question(category, text=f"Question {n}?") for n in range(1, 5)]
        )
        fields.setdefault("shuffle_questions", False)
        fields.setdefault("shuffle_options", False)
        fields.setdefault("wait_minutes", 0)
        quiz = QuizPage(title="Module quiz", slug="quiz", pass_mark=75, **fields)
        quiz.quiz_questions = [
            QuizQuestion(question=q, sort_order=i) for i, q in enumerate(questions)
        ]
        for order, pool in enumerate(pools):
            pool.sort_order = order
        quiz.pools = list(pools)
        return publish(module, quiz)

    return make


@pytest.fixture
def quiz(make_quiz):
    return make_quiz()


def right_answers(attempt) -> dict[str, list[str]]:
    return {q["key"]: [o["key"] for o in q["options"] if o["correct"]] for q in attempt.questions}


def wrong_answers(attempt) -> dict[str, list[str]]:
    return {
        q["key"]: [next(o["key"] for o in q["options"] if not o["correct"])]
        for q in attempt.questions
    }


@pytest.fixture
def moodle_gift_file() -> Path:
    """Moodle's own GIFT test file (question/format/gift/tests/fixtures/questions.gift.txt).

    It stays in the steering repository's shared/fixtures (its README: never copied into the
    project), found from the main checkout or from a worktree below it.
    """
    for folder in Path(__file__).resolve().parents:
        path = folder / "shared/fixtures/moodle_gift_questions.gift.txt"
        if path.exists():
            return path
    pytest.skip("Moodle's GIFT fixture is not available: no shared/fixtures above this checkout")
