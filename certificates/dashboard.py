"""The trainee's dashboard panel from certificates: per enrollment, the next step and the
credential checklist.

Nothing here is counted anew: progress and the next step come from ``trainee_dashboard``
(the My training page), the checklist from ``credential_eligibility_many`` (what
``credential_eligibility`` of the Credentials page runs for one), so every page shows the
same numbers. Both take the same queries for any number of enrollments.
"""

from dataclasses import dataclass

from django.http import HttpRequest
from wagtail.models import Page

from courses.models import Enrollment, LessonPage
from courses.selectors import ProgrammeProgress, trainee_dashboard

from .models import Credential, EthicsCode
from .services import Eligibility, credential_eligibility_many


@dataclass(frozen=True)
class EnrollmentTodo:
    progress: ProgrammeProgress
    eligibility: Eligibility
    credential: Credential | None
    ethics_code: EthicsCode | None
    ethics_affirmed: bool

    @property
    def enrollment(self) -> Enrollment:
        assert self.progress.enrollment is not None  # a trainee's own progress
        return self.progress.enrollment

    @property
    def next_page(self) -> Page | None:
        return self.progress.next_step

    @property
    def next_label(self) -> str:
        """How the next step reads: a lesson is resumed, anything else (a quiz) is taken."""
        page = self.progress.next_step
        if page is None:
            return ""
        verb = "Resume" if isinstance(page, LessonPage) else "Take the quiz"
        return f"{verb}: {page.title}"

    @property
    def ethics_due(self) -> bool:
        """The training is done and the code of ethics is what is left to sign."""
        return self.ethics_code is not None and not self.ethics_affirmed

    @property
    def required_modules_done(self) -> tuple[int, int]:
        required = [m for m in self.progress.modules if m.module.is_required]
        return sum(1 for m in required if m.is_complete), len(required)


def trainee_todo_context(*, request: HttpRequest, user) -> dict | None:
    credentials: dict[int, Credential] = {}
    # Newest last, so each enrollment keeps its latest credential, as the Credentials page.
    for credential in Credential.objects.filter(enrollment__trainee=user).order_by("pk"):
        credentials[credential.enrollment_id] = credential
    # A trainee's own progress always has its enrollment.
    progress_of = {p.enrollment: p for p in trainee_dashboard(user=user) if p.enrollment}
    # The checklist reuses the progress just counted (modules, training hours), and checks
    # every enrollment at once: the panel's queries do not grow with their number.
    eligibility = credential_eligibility_many(
        enrollments=list(progress_of),
        modules={e.pk: p.modules for e, p in progress_of.items()},
        training={e.pk: p.training for e, p in progress_of.items()},
    )
    rows = [
        EnrollmentTodo(
            progress=progress,
            eligibility=eligibility[enrollment.pk],
            credential=credentials.get(enrollment.pk),
            ethics_code=eligibility[enrollment.pk].ethics_code,
            ethics_affirmed=eligibility[enrollment.pk].ethics_affirmed,
        )
        for enrollment, progress in progress_of.items()
    ]
    return {"rows": rows}
