from .pages import LessonPage, ModulePage, ProgrammeIndexPage, ProgrammePage, ProviderPage
from .records import (
    Cohort,
    Enrollment,
    EnrolmentInvitation,
    LessonCompletion,
    Reflection,
    StallReminder,
)
from .requirements import CompetencyDomain, RequirementProfile, TrainingHourMinimum
from .review import ProgrammeReviewTask, ProgrammeReviewTaskState

__all__ = [
    "Cohort",
    "CompetencyDomain",
    "Enrollment",
    "EnrolmentInvitation",
    "LessonCompletion",
    "LessonPage",
    "ModulePage",
    "ProgrammeIndexPage",
    "ProgrammePage",
    "ProgrammeReviewTask",
    "ProgrammeReviewTaskState",
    "ProviderPage",
    "Reflection",
    "RequirementProfile",
    "StallReminder",
    "TrainingHourMinimum",
]
