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
from .sessions import (
    AttendanceChange,
    AttendancePolicy,
    AttendanceRecord,
    CalendarFeed,
    CheckInScan,
    LiveSession,
    SessionDomainMinutes,
)

__all__ = [
    "AttendanceChange",
    "AttendancePolicy",
    "AttendanceRecord",
    "CalendarFeed",
    "CheckInScan",
    "Cohort",
    "CompetencyDomain",
    "Enrollment",
    "EnrolmentInvitation",
    "LessonCompletion",
    "LessonDomainMinutes",
    "LessonEngagement",
    "LessonPage",
    "LiveSession",
    "ModulePage",
    "ProgrammeIndexPage",
    "ProgrammePage",
    "ProgrammeReviewTask",
    "ProgrammeReviewTaskState",
    "ProviderPage",
    "Reflection",
    "RequirementProfile",
    "SessionDomainMinutes",
    "StallReminder",
    "TrainingHourMinimum",
]
