from .pages import (
    LessonDomainMinutes,
    LessonPage,
    ModulePage,
    ProgrammeIndexPage,
    ProgrammePage,
    ProviderPage,
)
from .records import (
    Cohort,
    Enrollment,
    EnrolmentInvitation,
    LessonCompletion,
    LessonEngagement,
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
    "LessonDomainMinutes",
    "LessonEngagement",
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
