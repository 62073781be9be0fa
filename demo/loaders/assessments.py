"""Demo quizzes: one per demo module, from the ``QUIZ`` list in its content file."""

from decimal import Decimal

from django.db import transaction

from courses.demo import demo_modules
from courses.models import ModulePage, ProgrammePage

from .models import Option, Question, QuestionCategory, QuizPage, QuizQuestion


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


@transaction.atomic
def seed_quizzes(*, programme: ProgrammePage) -> None:
    """Give every demo module its quiz, unless it already has one."""
    for content in demo_modules():
        spec = content.MODULE
        module = ModulePage.objects.child_of(programme).get(slug=spec["slug"])
        if QuizPage.objects.child_of(module).exists():
            continue
        category, _ = QuestionCategory.objects.get_or_create(
            name=spec["title"], organisation=programme.organisation
        )
        questions = _bank_questions(category, content.QUIZ)
        quiz = QuizPage(
            title=f"Quiz: {spec['title']}",
            slug="quiz",
            introduction="Check what you have learned in this module. You see your score, "
            "and why each answer is right or wrong, as soon as you submit.",
            pass_mark=80,
            max_attempts=3,
            wait_minutes=10,
        )
        quiz.quiz_questions = [
            QuizQuestion(question=question, sort_order=order)
            for order, question in enumerate(questions)
        ]
        module.add_child(instance=quiz)
        quiz.save_revision().publish()
