"""Demo quizzes: one per training module, from the ``quiz`` list in its content.

Each module's questions are banked in a category of their own, filed under the module's
competency domain, and its quiz draws some of them for every attempt (``QUIZ_PAGE``'s
``questions_per_attempt``), so a retake asks questions the trainee has not seen.
"""

from decimal import Decimal

from django.db import transaction

from assessments.models import Option, Question, QuestionCategory, QuizPage, QuizPool
from courses.models import CompetencyDomain, ModulePage, ProgrammePage
from demo.content import training_modules
from demo.content.programme import QUIZ_PAGE


def _bank_questions(category: QuestionCategory, specs: list[dict]) -> list[Question]:
    questions = []
    for spec in specs:
        question = Question.objects.create(
            category=category,
            kind=spec["kind"],
            vignette=spec.get("vignette", ""),
            text=spec["text"],
            explanation=spec.get("explanation", ""),
        )
        options = [
            Option(
                question=question,
                text=option["text"],
                is_correct=option["correct"],
                feedback=option.get("feedback", ""),
                weight=Decimal(option["weight"]) if option.get("weight") is not None else None,
                sort_order=order,
            )
            for order, option in enumerate(spec["options"])
        ]
        question.validate_options(options)
        Option.objects.bulk_create(options)
        question.save_revision()
        questions.append(question)
    return questions


def seed_quiz(*, programme: ProgrammePage, content: dict, page: dict = QUIZ_PAGE) -> QuizPage:
    """A training module's quiz from its content, its questions banked under its title.

    A module that already has a quiz keeps it.
    """
    module = ModulePage.objects.child_of(programme).get(slug=content["slug"])
    quiz = QuizPage.objects.child_of(module).first()
    if quiz is not None:
        return quiz.specific
    category, _ = QuestionCategory.objects.get_or_create(
        name=content["title"],
        organisation=programme.organisation,
        defaults={"domain": CompetencyDomain.objects.get(slug=content["domain"])},
    )
    _bank_questions(category, content["quiz"])
    quiz = QuizPage(
        title=f"Quiz: {content['title']}",
        slug="quiz",
        introduction=page["introduction"],
        pass_mark=page["pass_mark"],
        max_attempts=page["max_attempts"],
        wait_minutes=page["wait_minutes"],
    )
    quiz.pools = [
        QuizPool(
            category=category,
            draw=min(page["questions_per_attempt"], category.questions.count()),
            sort_order=0,
        )
    ]
    module.add_child(instance=quiz)
    quiz.save_revision().publish()
    return quiz


@transaction.atomic
def seed_quizzes(*, programme: ProgrammePage, modules: list[dict] | None = None) -> None:
    """Give every training module its quiz, unless it already has one."""
    for content in training_modules() if modules is None else modules:
        seed_quiz(programme=programme, content=content)
