"""Reading progress. Counting happens in the database; Python only walks the module list."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import reduce
from operator import or_

from django.db.models import Count, Exists, F, OuterRef, Q, Sum
from django.db.models.functions import Substr
from django.http import Http404
from wagtail.models import Page

from organisations.models import Membership
from organisations.roles import AUTHOR_ROLES, roles_of

from . import gates
from .engagement import heartbeat_seconds, lesson_evidence
from .formatting import format_hours
from .hours import TrainingHours, minutes_to_hours, training_hours_many
from .models import Enrollment, LessonCompletion, LessonPage, ModulePage, ProgrammePage, Reflection


class ModuleState(StrEnum):
    LOCKED = "locked"
    AVAILABLE = "available"
    IN_PROGRESS = "in_progress"
    COMPLETE = "complete"


@dataclass(frozen=True)
class GateStep:
    """One gate page of a module (a quiz, say: see ``gates``) and whether it is passed."""

    page: Page
    label: str
    passed: bool


@dataclass(frozen=True, slots=True)
class ModuleSummary:
    """What progress lists say of a module, read as a plain row. A programme's modules are
    listed on every dashboard and gradebook, and making a page instance of each (Wagtail
    and modelcluster set up every field and child relation) cost more than the queries
    counting their progress. Its address: ``{% module_url %}``, from the programme's."""

    pk: int
    title: str
    slug: str
    path: str
    depth: int
    is_required: bool
    domain_name: str


# ModuleSummary's fields, as the query reads them.
MODULE_SUMMARY_FIELDS = ("pk", "title", "slug", "path", "depth", "is_required", "domain__name")


@dataclass(frozen=True)
class ModuleProgress:
    """A module's standing for one trainee. Its work is its lessons plus its gates (a quiz)."""

    module: ModuleSummary
    lessons_total: int
    lessons_done: int
    state: ModuleState
    unlocked_by: ModuleSummary | None = None
    gates: tuple[GateStep, ...] = ()
    # What its published lessons come to, from their content (``courses.hours``).
    minutes_total: int = 0

    @property
    def is_complete(self) -> bool:
        return self.state == ModuleState.COMPLETE

    @property
    def steps_total(self) -> int:
        return self.lessons_total + len(self.gates)

    @property
    def steps_done(self) -> int:
        return self.lessons_done + sum(1 for gate in self.gates if gate.passed)

    # Display text is built here rather than in the template: a dashboard lists every module
    # of a programme, and Python does this far faster than template lookups.
    @property
    def badge(self) -> str:
        if self.state == ModuleState.IN_PROGRESS:
            return f"In progress · {self.steps_done}/{self.steps_total}"
        return {
            ModuleState.LOCKED: "Locked",
            ModuleState.COMPLETE: "Complete",
            ModuleState.AVAILABLE: "Available",
        }[self.state]

    @property
    def facts(self) -> str:
        lessons = f"{self.lessons_total} lesson{'' if self.lessons_total == 1 else 's'}"
        steps = "".join(
            f" + {gate.label}{' (passed)' if gate.passed else ''}" for gate in self.gates
        )
        hours = format_hours(self.hours_total)
        return f"{self.module.domain_name} · {hours} h · {lessons}{steps}"

    @property
    def hours_total(self) -> Decimal:
        return minutes_to_hours(self.minutes_total)


@dataclass(frozen=True)
class ProgrammeProgress:
    programme: ProgrammePage
    enrollment: Enrollment | None
    modules: list[ModuleProgress]
    next_step: Page | None
    # The trainee's credited training, by domain: the number every page states.
    training: TrainingHours = field(default_factory=TrainingHours)

    @property
    def lessons_total(self) -> int:
        return sum(m.lessons_total for m in self.modules)

    @property
    def lessons_done(self) -> int:
        return sum(m.lessons_done for m in self.modules)

    @property
    def percent(self) -> int:
        total = sum(m.steps_total for m in self.modules)
        return round(100 * sum(m.steps_done for m in self.modules) / total) if total else 0

    @property
    def hours_total(self) -> Decimal:
        """What the programme's published lessons offer, computed from their content."""
        return minutes_to_hours(sum(m.minutes_total for m in self.modules))

    @property
    def hours_done(self) -> Decimal:
        """The trainee's credited training hours (``courses.hours``)."""
        return self.training.hours

    @property
    def required_modules_complete(self) -> bool:
        return all(m.is_complete for m in self.modules if m.module.is_required)


# What links and progress lists need of a page; loading whole pages costs more than the rest.
PAGE_LINK_FIELDS = ("id", "title", "slug", "path", "depth", "url_path", "live", "locale_id")
MODULE_LIST_FIELDS = (*PAGE_LINK_FIELDS, "is_required", "domain__name")
PROGRAMME_FIELDS = (*PAGE_LINK_FIELDS, "sequential_unlocking", "enrolment_mode")

# A trainee is "stalled" after this many days without progress, unless a coordinator's
# filter says otherwise: the cohort page, the gradebook and the dashboard count the same.
DEFAULT_STALLED_DAYS = 14


def module_progress_list(
    *, programme: ProgrammePage, enrollment: Enrollment | None
) -> list[ModuleProgress]:
    """Each module's state.

    Three queries whatever the programme's size: the modules, published lessons per
    module, and the trainee's completions per module.
    """
    key = enrollment.pk if enrollment is not None else None
    return module_progress_many(programme=programme, enrollment_ids=[key])[key]


def module_progress_many(
    *, programme: ProgrammePage, enrollment_ids: Sequence[int | None]
) -> dict[int | None, list[ModuleProgress]]:
    """Each module's state for each of several enrolments of ``programme`` (None: a visitor).

    A coordinator's gradebook asks for the whole cohort of one programme; see
    ``_module_progress`` for the queries.
    """
    return _module_progress(targets=[(programme, enrollment_ids)])[programme.pk]


def module_progress_for(*, enrollments: Sequence[Enrollment]) -> dict[int, list[ModuleProgress]]:
    """Each module's state for each of ``enrollments``, whatever their programmes (a
    trainee's dashboard lists all of theirs): the same queries as for one. The enrolments'
    programmes should be loaded (``select_related("programme")``)."""
    by_programme: dict[int, tuple[ProgrammePage, list[int | None]]] = {}
    for enrollment in enrollments:
        programme = enrollment.programme
        by_programme.setdefault(programme.pk, (programme, []))[1].append(enrollment.pk)
    progress = _module_progress(targets=list(by_programme.values()))
    return {e.pk: progress[e.programme_id][e.pk] for e in enrollments}


def _module_progress(
    *, targets: Sequence[tuple[ProgrammePage, Sequence[int | None]]]
) -> dict[int, dict[int | None, list[ModuleProgress]]]:
    """programme id -> enrolment id (None: a visitor) -> each module's state.

    The one place module progress is computed: a trainee's dashboard asks for their
    enrolments (one per programme), a coordinator's gradebook for a programme's cohort, a
    lesson page for one enrolment, and all read the same numbers. The queries grow with
    neither the enrolments nor the programmes: the modules, published lessons per module,
    completions per enrolment and module, and per gate its pages and passes.
    """
    if not targets:
        return {}
    programmes = [programme for programme, _ in targets]
    ids = list(dict.fromkeys(pk for _, keys in targets for pk in keys if pk is not None))
    steplen = ProgrammePage.steplen
    # The modules of these programmes, and the pages inside their modules (lessons, gate
    # pages) with the path of the module each sits in (its path less its own step).
    in_programmes = reduce(or_, (ModulePage.objects.child_of_q(p) for p in programmes))
    in_modules = reduce(or_, (Q(path__startswith=p.path, depth=p.depth + 2) for p in programmes))
    completed_in_modules = reduce(
        or_,
        (Q(lesson__path__startswith=p.path, lesson__depth=p.depth + 2) for p in programmes),
    )
    modules_of: dict[str, list[ModuleSummary]] = {programme.path: [] for programme in programmes}
    for row in (
        ModulePage.objects.live()
        .filter(in_programmes)
        .order_by("path")
        .values_list(*MODULE_SUMMARY_FIELDS)
    ):
        module = ModuleSummary(*row)
        modules_of[module.path[:-steplen]].append(module)
    lessons_total: dict[str, int] = {}
    minutes_total: dict[str, int] = {}
    for module_path, n, minutes in (
        LessonPage.objects.live()
        .filter(in_modules)
        .annotate(module_path=Substr("path", 1, (F("depth") - 1) * steplen))
        .order_by()
        .values("module_path")
        .annotate(n=Count("pk"), minutes=Sum("estimated_minutes"))
        .values_list("module_path", "n", "minutes")
    ):
        lessons_total[module_path] = n
        minutes_total[module_path] = minutes or 0
    lessons_done: dict[int, dict[str, int]] = {pk: {} for pk in ids}
    if ids:
        for enrollment_id, module_path, n in (
            LessonCompletion.objects.filter(
                completed_in_modules, enrollment_id__in=ids, lesson__live=True
            )
            .annotate(module_path=Substr("lesson__path", 1, (F("lesson__depth") - 1) * steplen))
            .order_by()
            .values("enrollment_id", "module_path")
            .annotate(n=Count("pk"))
            .values_list("enrollment_id", "module_path", "n")
        ):
            lessons_done[enrollment_id][module_path] = n
    # Each registered gate (a quiz) costs one query for its pages and, if it has any here,
    # one for the passes, whatever the number of modules, programmes and enrolments.
    gate_pages: dict[str, list[tuple[gates.CompletionGate, Page]]] = {}
    passed_ids: dict[int, set[int]] = {pk: set() for pk in ids}
    for gate in gates.registered():
        pages = list(
            gate.page_model.objects.live()
            .filter(in_modules)
            .order_by("path")
            .only(*PAGE_LINK_FIELDS)
        )
        for page in pages:
            gate_pages.setdefault(page.path[:-steplen], []).append((gate, page))
        if not (ids and pages):
            continue
        if gate.passed_pairs is not None:
            for enrollment_id, page_id in gate.passed_pairs(enrollment_ids=ids):
                passed_ids[enrollment_id].add(page_id)
        else:
            for pk in ids:
                passed_ids[pk] |= set(gate.passed_page_ids(enrollment=pk))
    return {
        programme.pk: {
            key: _module_states(
                programme=programme,
                modules=modules_of[programme.path],
                lessons_total=lessons_total,
                minutes_total=minutes_total,
                lessons_done=lessons_done.get(key, {}) if key is not None else {},
                gate_pages=gate_pages,
                passed_ids=passed_ids.get(key, set()) if key is not None else set(),
            )
            for key in keys
        }
        for programme, keys in targets
    }


def _module_states(
    *,
    programme: ProgrammePage,
    modules: list[ModuleSummary],
    lessons_total: dict[str, int],
    minutes_total: dict[str, int],
    lessons_done: dict[str, int],
    gate_pages: dict[str, list[tuple[gates.CompletionGate, Page]]],
    passed_ids: set[int],
) -> list[ModuleProgress]:
    result = []
    first_incomplete = None
    for module in modules:
        total = lessons_total.get(module.path, 0)
        steps = tuple(
            GateStep(page=page, label=gate.label, passed=page.pk in passed_ids)
            for gate, page in gate_pages.get(module.path, ())
        )
        if not total and not steps:
            continue  # nothing published in it yet: nothing to do, nothing to block
        done = lessons_done.get(module.path, 0)
        complete = done >= total and all(step.passed for step in steps)
        if programme.sequential_unlocking and first_incomplete is not None:
            state = ModuleState.LOCKED
        elif complete:
            state = ModuleState.COMPLETE
        elif done or any(step.passed for step in steps):
            state = ModuleState.IN_PROGRESS
        else:
            state = ModuleState.AVAILABLE
        result.append(
            ModuleProgress(
                module=module,
                lessons_total=total,
                lessons_done=done,
                state=state,
                unlocked_by=first_incomplete if state == ModuleState.LOCKED else None,
                gates=steps,
                minutes_total=minutes_total.get(module.path, 0),
            )
        )
        if not complete and first_incomplete is None:
            first_incomplete = module
    return result


def next_step_for(*, enrollment: Enrollment, modules: list[ModuleProgress]) -> Page | None:
    """Where to resume: the first lesson not done in the first open, unfinished module, or
    that module's first gate not passed (its quiz) once its lessons are done."""
    return next_steps_for(progress={enrollment.pk: modules})[enrollment.pk]


def next_steps_for(*, progress: Mapping[int, list[ModuleProgress]]) -> dict[int, Page | None]:
    """``next_step_for`` of each enrolment (id -> its modules' progress): one query for a
    trainee's enrolments, whatever their number, and none when no module is open."""
    open_modules = {
        enrollment_id: next(
            (m for m in modules if m.state in (ModuleState.AVAILABLE, ModuleState.IN_PROGRESS)),
            None,
        )
        for enrollment_id, modules in progress.items()
    }
    # Each query answers for a module one enrolment at a time, so enrolments sharing an
    # open module (other trainees of a programme) go in further rounds; one trainee's
    # enrolments are in different programmes, so their next steps take a single round.
    rounds: list[dict[str, tuple[int, ModuleSummary]]] = []
    for enrollment_id, module in open_modules.items():
        if module is None:
            continue
        path = module.module.path
        free = next((r for r in rounds if path not in r), None)
        if free is None:
            free = {}
            rounds.append(free)
        free[path] = (enrollment_id, module.module)
    first_lesson: dict[tuple[int, str], Page] = {}
    for enrollment_of in rounds:
        undone = reduce(
            or_,
            (
                Q(path__startswith=module.path, depth=module.depth + 1)
                & ~Exists(LessonCompletion.objects.filter(lesson=OuterRef("pk"), enrollment_id=pk))
                for pk, module in enrollment_of.values()
            ),
        )
        # By path, so a module's first row is its first lesson not done.
        for lesson in (
            LessonPage.objects.live().filter(undone).order_by("path").only(*PAGE_LINK_FIELDS)
        ):
            path = lesson.path[: -LessonPage.steplen]
            first_lesson.setdefault((enrollment_of[path][0], path), lesson)
    steps: dict[int, Page | None] = {}
    for enrollment_id, module in open_modules.items():
        if module is None:
            steps[enrollment_id] = None
            continue
        lesson = first_lesson.get((enrollment_id, module.module.path))
        steps[enrollment_id] = lesson or next((g.page for g in module.gates if not g.passed), None)
    return steps


def programme_progress(
    *, enrollment: Enrollment, training: TrainingHours | None = None
) -> ProgrammeProgress:
    return programme_progress_for(
        enrollments=[enrollment],
        training=None if training is None else {enrollment.pk: training},
    )[enrollment.pk]


def programme_progress_for(
    *,
    enrollments: Sequence[Enrollment],
    training: Mapping[int, TrainingHours] | None = None,
) -> dict[int, ProgrammeProgress]:
    """Each enrolment's progress, next step and training hours, whatever their programmes,
    in the same queries as for one: what My training and the dashboard list. ``training``
    (enrolment id -> hours), when the caller has it, saves counting it again."""
    modules = module_progress_for(enrollments=enrollments)
    steps = next_steps_for(progress=modules)
    if training is None:
        training = training_hours_many(enrollment_ids=[e.pk for e in enrollments])
    return {
        e.pk: ProgrammeProgress(
            programme=e.programme,
            enrollment=e,
            modules=modules[e.pk],
            next_step=steps[e.pk],
            training=training[e.pk],
        )
        for e in enrollments
    }


def programme_progress_many(
    *, programme: ProgrammePage, enrollments: Sequence[Enrollment]
) -> dict[int, ProgrammeProgress]:
    """The dashboard's progress (percent, training hours) for many enrolments of one
    programme, in the same few queries as for one. Without ``next_step``: that is a
    trainee's own link to resume, and would cost a query per trainee."""
    by_id = module_progress_many(programme=programme, enrollment_ids=[e.pk for e in enrollments])
    training = training_hours_many(enrollment_ids=[e.pk for e in enrollments])
    return {
        e.pk: ProgrammeProgress(
            programme=programme,
            enrollment=e,
            modules=by_id[e.pk],
            next_step=None,
            training=training[e.pk],
        )
        for e in enrollments
    }


def trainee_dashboard(*, user) -> list[ProgrammeProgress]:
    """My training: each enrolment's progress, all of them counted at once (the queries do
    not grow with the number of enrolments)."""
    enrollments = list(
        Enrollment.objects.for_trainee(user).select_related(
            "programme__requirement_profile", "cohort"
        )
    )
    progress = programme_progress_for(enrollments=enrollments)
    return [progress[enrollment.pk] for enrollment in enrollments]


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
        next_step=next_step_for(enrollment=enrollment, modules=modules) if enrollment else None,
        training=training_hours_many(enrollment_ids=[enrollment.pk])[enrollment.pk]
        if enrollment
        else TrainingHours(),
    )
    return {"enrollment": enrollment, "progress": progress}


def module_page_context(*, module: ModulePage, user) -> dict:
    programme = ProgrammePage.objects.get(path=module.path[: -ModulePage.steplen])
    if not programme.live:
        raise Http404("This module is not published.")
    enrollment = enrollment_for(user=user, programme=programme)
    blocker = (
        first_blocking_module(programme=programme, enrollment=enrollment, before_path=module.path)
        if enrollment and programme.sequential_unlocking
        else None
    )
    lessons = list(module.lessons().only(*PAGE_LINK_FIELDS, "summary", "estimated_minutes"))
    done_ids = (
        set(
            LessonCompletion.objects.filter(enrollment=enrollment).values_list(
                "lesson_id", flat=True
            )
        )
        if enrollment
        else set()
    )
    gate_pages = [
        {"label": gate.label, "page": page}
        for gate in gates.registered()
        for page in gate.page_model.objects.live().child_of(module).only(*PAGE_LINK_FIELDS)
    ]
    return {
        "programme": programme,
        "enrollment": enrollment,
        "gate_pages": gate_pages,
        "locked_by": blocker,
        "lessons": lessons,
        "done_ids": done_ids,
        # Computed from the lessons' content, as every total of training hours is.
        "module_hours": minutes_to_hours(sum(lesson.estimated_minutes for lesson in lessons)),
    }


def first_blocking_module(
    *, programme: ProgrammePage, enrollment: Enrollment, before_path: str
) -> ModulePage | None:
    """The earliest live module before ``before_path`` with a lesson not done or a gate (a
    quiz) not passed. One light query, and one more only when something blocks.
    """
    module_path_length = len(programme.path) + ProgrammePage.steplen
    # A module's children are its lessons and its gate pages, so one query over pages finds
    # all of them; each gate's passes are a subquery of that one statement.
    candidates = (
        Page.objects.live()
        .filter(path__startswith=programme.path, depth=programme.depth + 2, path__lt=before_path)
        .exclude(
            Exists(LessonCompletion.objects.filter(lesson_id=OuterRef("pk"), enrollment=enrollment))
        )
    )
    for gate in gates.registered():
        candidates = candidates.exclude(pk__in=gate.passed_page_ids(enrollment=enrollment))
    pending = set(
        candidates.annotate(module_path=Substr("path", 1, module_path_length))
        .order_by()
        .values_list("module_path", flat=True)
        .distinct()
    )
    if not pending:
        return None
    return (
        programme.modules()
        .filter(path__in=pending)
        .only(*MODULE_LIST_FIELDS)
        .order_by("path")
        .first()
    )


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
        blocker = first_blocking_module(
            programme=programme, enrollment=enrollment, before_path=module.path
        )
        if blocker is not None:
            return LessonAccess(False, "locked", locked_by=blocker)
    return LessonAccess(True, "enrolled")


def facilitator_notes_visible(*, user, programme: ProgrammePage) -> bool:
    """Scenario facilitator notes are for the provider's coordinators and course editors.

    Trainees never see them; a Wagtail preview (an author's) does. Costs a query only for
    someone who holds an author role somewhere.
    """
    if roles_of(user).isdisjoint(AUTHOR_ROLES):
        return False
    return Membership.objects.filter(
        user=user, organisation_id=programme.organisation_id, role__in=AUTHOR_ROLES
    ).exists()


def _routed_parent(page: Page, model: type[Page]) -> Page | None:
    """``page``'s parent as Wagtail's routing loaded it in this request, if it did.

    Serving a page walks the tree from the site root, and each page it passes through is
    kept on the next (``_cached_parent_obj``, as treebeard's ``get_parent`` reads it), fully
    loaded and of its own type: no need to fetch it again. None when the page came some
    other way (a preview, a view that loaded it by id).
    """
    parent = page.__dict__.get("_cached_parent_obj")
    if isinstance(parent, model) and parent.path == page.path[: -page.steplen]:
        return parent
    return None


def lesson_page_context(*, lesson: LessonPage, user, preview: bool) -> dict:
    steplen = LessonPage.steplen
    module = _routed_parent(lesson, ModulePage) or ModulePage.objects.only(*MODULE_LIST_FIELDS).get(
        path=lesson.path[:-steplen]
    )
    programme = _routed_parent(module, ProgrammePage) or ProgrammePage.objects.only(
        *PROGRAMME_FIELDS
    ).get(path=lesson.path[: -2 * steplen])
    if not preview and not (module.live and programme.live):
        raise Http404("This lesson is not published.")
    enrollment = None if preview else enrollment_for(user=user, programme=programme)
    siblings = module.lessons().only(*PAGE_LINK_FIELDS)
    if enrollment is not None:
        # Whether each lesson is done comes with the list, saving a query for this one.
        siblings = siblings.annotate(
            done=Exists(
                LessonCompletion.objects.filter(lesson=OuterRef("pk"), enrollment=enrollment)
            )
        )
    siblings = list(siblings)
    position = next((i for i, page in enumerate(siblings) if page.pk == lesson.pk), None)
    context = {
        "module": module,
        "programme": programme,
        "enrollment": enrollment,
        "previous_lesson": siblings[position - 1] if position else None,
        "next_lesson": siblings[position + 1]
        if position is not None and position + 1 < len(siblings)
        else None,
        # None for a lesson not among its module's live lessons yet (a preview of a draft):
        # the page then leaves "Lesson n of m" out rather than say "Lesson 1 of 0".
        "position": None if position is None else position + 1,
        "lesson_count": len(siblings),
        "completed": position is not None and getattr(siblings[position], "done", False),
        # After the module's last lesson the way on is its quiz (a gate page), if it has one.
        "next_gate": None,
        "reflections": {},
        "reflection_saved_at": {},
        "reflection_feedback": {},
        "show_facilitator_notes": preview
        or facilitator_notes_visible(user=user, programme=programme),
    }
    if position is not None and context["next_lesson"] is None:
        context["next_gate"] = next(
            (
                page
                for gate in gates.registered()
                for page in gate.page_model.objects.live()
                .child_of(module)
                .only(*PAGE_LINK_FIELDS)
                .order_by("path")[:1]
            ),
            None,
        )
    if preview:
        context["access"] = LessonAccess(True, "preview")
        return context
    access = lesson_access(
        lesson=lesson, user=user, programme=programme, module=module, enrollment=enrollment
    )
    context["access"] = access
    if access.can_read and enrollment is not None and not context["completed"]:
        # What crediting the lesson still needs, said next to "Mark as done".
        context["evidence"] = lesson_evidence(enrollment=enrollment, lesson=lesson)
        context["heartbeat_seconds"] = heartbeat_seconds()
    if access.can_read and lesson.reflection_block_ids():
        for block_id, text, updated_at in Reflection.objects.filter(
            trainee=user, lesson=lesson
        ).values_list("block_id", "text", "updated_at"):
            context["reflections"][block_id] = text
            context["reflection_saved_at"][block_id] = updated_at
    return context


@dataclass(frozen=True)
class ModuleOutcome:
    """Where a trainee stands in a module once a step of it (a quiz) is done."""

    module: ModuleProgress
    # The module after it, and whether it is open to the trainee now.
    next_module: ModuleProgress | None

    @property
    def next_is_open(self) -> bool:
        return self.next_module is not None and self.next_module.state != ModuleState.LOCKED


def module_outcome(*, enrollment: Enrollment, module: ModulePage) -> ModuleOutcome | None:
    """The module's progress for ``enrollment``, with the module that follows it; None if
    the module has nothing published (it is then not in the progress list)."""
    modules = module_progress_list(programme=enrollment.programme, enrollment=enrollment)
    index = next((i for i, m in enumerate(modules) if m.module.pk == module.pk), None)
    if index is None:
        return None
    following = modules[index + 1] if index + 1 < len(modules) else None
    return ModuleOutcome(module=modules[index], next_module=following)


def own_enrollment_or_404(*, user, enrollment_id: int) -> Enrollment:
    """The user's own enrolment with this id; 404 for anyone else's, so ids reveal nothing."""
    enrollment = (
        Enrollment.objects.select_related(
            "programme__requirement_profile", "programme__organisation"
        )
        .filter(pk=enrollment_id, trainee=user)
        .first()
    )
    if enrollment is None:
        raise Http404("No enrollment of yours has this number.")
    return enrollment
