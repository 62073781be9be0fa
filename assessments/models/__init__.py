from .attempts import Attempt, Response, ResponseChoice
from .bank import Option, Question, QuestionCategory
from .pages import QuizPage, QuizPool, QuizQuestion

__all__ = [
    "Attempt",
    "Option",
    "Question",
    "QuestionCategory",
    "QuizPage",
    "QuizPool",
    "QuizQuestion",
    "Response",
    "ResponseChoice",
]
