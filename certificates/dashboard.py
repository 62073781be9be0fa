"""The trainee's dashboard panel from certificates: per enrollment, the next step and the
credential checklist.

Nothing here is counted anew: progress and the next step come from ``trainee_dashboard``
(the My training page), the checklist from ``credential_eligibility`` (the Credentials
page), so every page shows the same numbers.
"""

from dataclasses import dataclass

from django.http import HttpRequest
from wagtail.models import Page

from courses.models import Enrollment, LessonPage
from courses.selectors import ProgrammeProgress, trainee_dashboard

from .models import Credential, EthicsCode
from .services import Eligibility, credential_eligibility


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
    rows = []
    for progress in trainee_dashboard(user=user):
        enrollment = progress.enrollment
        assert enrollment is not None
        # The checklist reuses the progress just counted (modules, training hours).
        eligibility = credential_eligibility(
            enrollment=enrollment, modules=progress.modules, training=progress.training
        )
        rows.append(
            EnrollmentTodo(
                progress=progress,
                eligibility=eligibility,
                credential=credentials.get(enrollment.pk),
                ethics_code=eligibility.ethics_code,
                ethics_affirmed=eligibility.ethics_affirmed,
            )
        )
    return {"rows": rows}
