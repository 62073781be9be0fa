from .pages import LessonPage, ModulePage, ProgrammeIndexPage, ProgrammePage, ProviderPage
from .records import Cohort, Enrollment, LessonCompletion, Reflection
from .requirements import CompetencyDomain, RequirementProfile, TrainingHourMinimum

__all__ = [
    "Cohort",
    "CompetencyDomain",
    "Enrollment",
    "LessonCompletion",
    "LessonPage",
    "ModulePage",
    "ProgrammeIndexPage",
    "ProgrammePage",
    "ProviderPage",
    "Reflection",
    "RequirementProfile",
    "TrainingHourMinimum",
]
