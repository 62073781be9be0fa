"""The demo programme: the shipped curriculum (``curriculum/``) loaded through the loader.

``syllabus.loader.curriculum_load`` makes the programme, its modules, lessons and quizzes
and the requirement profile from the files, as ``manage.py load_curriculum`` does: as
revisions, idempotently, keeping what an editor changed in the CMS. Whatever modules
``curriculum/modules`` holds are loaded, in ``program.yaml``'s order; a module listed there
but absent is skipped (and reported by ``load_curriculum --check``).
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from courses.engagement import required_seconds
from courses.models import Cohort, Enrollment, LessonEngagement, LessonPage, ProgrammePage
from courses.services import enrollment_create, lesson_complete
from organisations.models import Organisation
from syllabus.loader import curriculum_load
from syllabus.tree import read_curriculum

DEFAULT_COHORT = "Spring cohort"


@transaction.atomic
def seed_programme(*, organisation: Organisation, path: Path | None = None) -> ProgrammePage:
    """The programme and everything under it from the curriculum files, and a cohort."""
    curriculum = read_curriculum(path)
    result = curriculum_load(curriculum=curriculum, organisation=organisation)
    programme = result.programme
    assert programme is not None
    Cohort.objects.get_or_create(
        programme=programme, name=curriculum.program.get("cohort") or DEFAULT_COHORT
    )
    return programme


def seed_trainee_progress(*, programme: ProgrammePage, email: str, lessons_done: int = 2) -> None:
    """Enrol the demo trainee and complete their first lessons, so the dashboard shows progress.

    Lessons already done are left alone, so a second run changes nothing.
    """
    trainee = get_user_model().objects.get(email=email)
    enrollment = enrollment_create(trainee=trainee, programme=programme)
    first_module = programme.modules().first()
    if first_module is None:
        return
    done = set(enrollment.completions.values_list("lesson_id", flat=True))
    for lesson in first_module.lessons()[:lessons_done]:
        if lesson.pk not in done:
            evidence_record(enrollment=enrollment, lesson=lesson)
            lesson_complete(trainee=trainee, lesson=lesson)


def evidence_record(*, enrollment: Enrollment, lesson: LessonPage) -> None:
    """The evidence a trainee who worked through ``lesson`` leaves (as its page's heartbeat
    would record it): every warning's section opened, the active time its estimate asks."""
    LessonEngagement.objects.update_or_create(
        enrollment=enrollment,
        lesson=lesson,
        defaults={
            "active_seconds": required_seconds(lesson),
            "opened_sections": lesson.gated_section_ids(),
        },
    )
