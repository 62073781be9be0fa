from .attempts import Attempt, Response, ResponseChoice
from .bank import Option, Question, QuestionCategory
from .pages import QuizPage, QuizQuestion

__all__ = [
    "Attempt",
    "Option",
    "Question",
    "QuestionCategory",
    "QuizPage",
    "QuizQuestion",
    "Response",
    "ResponseChoice",
]
