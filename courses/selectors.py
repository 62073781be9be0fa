"""Reading progress. Counting happens in the database; Python only walks the module list."""

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from django.db.models import IntegerField, OuterRef, Subquery, Value
from django.http import Http404

from .models import Enrollment, LessonCompletion, LessonPage, ModulePage, ProgrammePage, Reflection


class SubqueryCount(Subquery):
    """COUNT(*) of a subquery, usable as an annotation."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) _count)"
    output_field = IntegerField()


class ModuleState(StrEnum):
    LOCKED = "locked"
    AVAILABLE = "available"
    IN_PROGRESS = "in_progress"
    COMPLETE = "complete"


@dataclass(frozen=True)
class ModuleProgress:
    module: ModulePage
    lessons_total: int
    lessons_done: int
    state: ModuleState
    unlocked_by: ModulePage | None = None

    @property
    def is_complete(self) -> bool:
        return self.state == ModuleState.COMPLETE

    @property
    def percent(self) -> int:
        return round(100 * self.lessons_done / self.lessons_total) if self.lessons_total else 0

    @property
    def hours_done(self) -> Decimal:
        if not self.lessons_total:
            return Decimal("0")
        share = Decimal(self.lessons_done) / Decimal(self.lessons_total)
        return (self.module.training_hours * share).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class ProgrammeProgress:
    programme: ProgrammePage
    enrollment: Enrollment | None
    modules: list[ModuleProgress]
    next_lesson: LessonPage | None

    @property
    def lessons_total(self) -> int:
        return sum(m.lessons_total for m in self.modules)

    @property
    def lessons_done(self) -> int:
        return sum(m.lessons_done for m in self.modules)

    @property
    def percent(self) -> int:
        total = self.lessons_total
        return round(100 * self.lessons_done / total) if total else 0

    @property
    def hours_total(self) -> Decimal:
        return sum((m.module.training_hours for m in self.modules), Decimal("0"))

    @property
    def hours_done(self) -> Decimal:
        return sum((m.hours_done for m in self.modules), Decimal("0"))

    @property
    def required_modules_complete(self) -> bool:
        return all(m.is_complete for m in self.modules if m.module.is_required)


def modules_with_counts(*, programme: ProgrammePage, enrollment: Enrollment | None):
    """The programme's live modules, each annotated with lessons published and lessons done."""
    lessons = LessonPage.objects.live().filter(
        path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1
    )
    queryset = programme.modules().annotate(lessons_total=SubqueryCount(lessons.values("pk")))
    if enrollment is None:
        return queryset.annotate(lessons_done=Value(0, output_field=IntegerField()))
    done = LessonCompletion.objects.filter(
        enrollment=enrollment,
        lesson__live=True,
        lesson__path__startswith=OuterRef("path"),
        lesson__depth=OuterRef("depth") + 1,
    )
    return queryset.annotate(lessons_done=SubqueryCount(done.values("pk")))


def module_progress_list(
    *, programme: ProgrammePage, enrollment: Enrollment | None, before_path: str | None = None
) -> list[ModuleProgress]:
    """Each module's state. With ``before_path``, only the modules that come before it."""
    modules = modules_with_counts(programme=programme, enrollment=enrollment)
    if before_path is not None:
        modules = modules.filter(path__lt=before_path)
    result = []
    first_incomplete = None
    for module in modules:
        complete = module.lessons_total > 0 and module.lessons_done >= module.lessons_total
        if programme.sequential_unlocking and first_incomplete is not None:
            state = ModuleState.LOCKED
        elif complete:
            state = ModuleState.COMPLETE
        elif module.lessons_done:
            state = ModuleState.IN_PROGRESS
        else:
            state = ModuleState.AVAILABLE
        result.append(
            ModuleProgress(
                module=module,
                lessons_total=module.lessons_total,
                lessons_done=module.lessons_done,
                state=state,
                unlocked_by=first_incomplete if state == ModuleState.LOCKED else None,
            )
        )
        if not complete and first_incomplete is None:
            first_incomplete = module
    return result


def next_lesson_for(*, enrollment: Enrollment, modules: list[ModuleProgress]) -> LessonPage | None:
    """The first lesson not yet done in the first open module that is not complete."""
    for progress in modules:
        if progress.state in (ModuleState.AVAILABLE, ModuleState.IN_PROGRESS):
            return (
                progress.module.lessons()
                .exclude(completions__enrollment=enrollment)
                .only("id", "title", "url_path", "path", "depth")
                .first()
            )
    return None


def programme_progress(*, enrollment: Enrollment) -> ProgrammeProgress:
    modules = module_progress_list(programme=enrollment.programme, enrollment=enrollment)
    return ProgrammeProgress(
        programme=enrollment.programme,
        enrollment=enrollment,
        modules=modules,
        next_lesson=next_lesson_for(enrollment=enrollment, modules=modules),
    )


def trainee_dashboard(*, user) -> list[ProgrammeProgress]:
    enrollments = Enrollment.objects.for_trainee(user).select_related("programme", "cohort")
    return [programme_progress(enrollment=enrollment) for enrollment in enrollments]


def enrollment_for(*, user, programme: ProgrammePage) -> Enrollment | None:
    if not user.is_authenticated:
        return None
    return Enrollment.objects.filter(trainee=user, programme=programme).first()


def programme_page_context(*, programme: ProgrammePage, user) -> dict:
    enrollment = enrollment_for(user=user, programme=programme)
    modules = module_progress_list(programme=programme, enrollment=enrollment)
    progress = ProgrammeProgress(
        programme=programme,
        enrollment=enrollment,
        modules=modules,
        next_lesson=next_lesson_for(enrollment=enrollment, modules=modules) if enrollment else None,
    )
    return {"enrollment": enrollment, "progress": progress}


def module_page_context(*, module: ModulePage, user) -> dict:
    programme = ProgrammePage.objects.get(path=module.path[: -ModulePage.steplen])
    if not programme.live:
        raise Http404("This module is not published.")
    enrollment = enrollment_for(user=user, programme=programme)
    earlier = module_progress_list(
        programme=programme, enrollment=enrollment, before_path=module.path
    )
    blocker = first_incomplete(earlier) if programme.sequential_unlocking else None
    lessons = module.lessons().only("id", "title", "url_path", "path", "depth", "summary")
    done_ids = (
        set(
            LessonCompletion.objects.filter(enrollment=enrollment).values_list(
                "lesson_id", flat=True
            )
        )
        if enrollment
        else set()
    )
    return {
        "programme": programme,
        "enrollment": enrollment,
        "locked_by": blocker,
        "lessons": lessons,
        "done_ids": done_ids,
    }


def first_incomplete(modules: list[ModuleProgress]) -> ModulePage | None:
    return next((m.module for m in modules if not m.is_complete), None)


@dataclass(frozen=True)
class LessonAccess:
    """Why a user may, or may not, read a lesson's body."""

    can_read: bool
    reason: str  # "visitor", "not_enrolled", "locked", "enrolled", "preview"
    locked_by: ModulePage | None = None


def lesson_access(
    *, lesson: LessonPage, user, programme: ProgrammePage, module: ModulePage, enrollment
) -> LessonAccess:
    if not user.is_authenticated:
        return LessonAccess(False, "visitor")
    if enrollment is None:
        return LessonAccess(False, "not_enrolled")
    if programme.sequential_unlocking:
        earlier = module_progress_list(
            programme=programme, enrollment=enrollment, before_path=module.path
        )
        blocker = first_incomplete(earlier)
        if blocker is not None:
            return LessonAccess(False, "locked", locked_by=blocker)
    return LessonAccess(True, "enrolled")


def lesson_page_context(*, lesson: LessonPage, user, preview: bool) -> dict:
    steplen = LessonPage.steplen
    module = ModulePage.objects.get(path=lesson.path[:-steplen])
    programme = ProgrammePage.objects.get(path=lesson.path[: -2 * steplen])
    if not preview and not (module.live and programme.live):
        raise Http404("This lesson is not published.")
    siblings = list(module.lessons().only("id", "title", "url_path", "path", "depth"))
    position = next((i for i, page in enumerate(siblings) if page.pk == lesson.pk), 0)
    context = {
        "module": module,
        "programme": programme,
        "previous_lesson": siblings[position - 1] if position > 0 else None,
        "next_lesson": siblings[position + 1] if position + 1 < len(siblings) else None,
        "position": position + 1,
        "lesson_count": len(siblings),
        "completed": False,
        "reflections": {},
    }
    if preview:
        context["access"] = LessonAccess(True, "preview")
        return context
    enrollment = enrollment_for(user=user, programme=programme)
    access = lesson_access(
        lesson=lesson, user=user, programme=programme, module=module, enrollment=enrollment
    )
    context["access"] = access
    context["enrollment"] = enrollment
    if access.can_read:
        context["completed"] = LessonCompletion.objects.filter(
            enrollment=enrollment, lesson=lesson
        ).exists()
        context["reflections"] = dict(
            Reflection.objects.filter(trainee=user, lesson=lesson).values_list("block_id", "text")
        )
    return context
