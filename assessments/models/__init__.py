from .attempts import Attempt, Response, ResponseChoice
from .bank import Option, Question, QuestionCategory
from .overrides import AttemptRequest, QuizOverride
from .pages import QuizPage, QuizPool, QuizQuestion

__all__ = [
    "Attempt",
    "AttemptRequest",
    "Option",
    "Question",
    "QuestionCategory",
    "QuizOverride",
    "QuizPage",
    "QuizPool",
    "QuizQuestion",
    "Response",
    "ResponseChoice",
]
