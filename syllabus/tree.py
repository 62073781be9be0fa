"""The whole curriculum folder read and checked: program, modules, lessons, quiz banks.

``read_curriculum(path)`` never touches the database. It returns the parsed curriculum with
every problem found (file and line each), so ``load_curriculum --check`` can list them all
and the loader can refuse to change anything while there is one.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.conf import settings

from assessments.gift import GiftSyntaxError, ParsedQuestion, parse_gift

from . import yamlfile
from .lessons import Lesson, Objective, parse_lesson
from .problems import Problem, Problems

MIN_ITEMS_PER_OBJECTIVE = 3
MODULE_KEYS = {
    "title",
    "slug",
    "domain",
    "hours",
    "summary",
    "live_sessions",
    "references",
    "is_required",
}
PROGRAM_KEYS = {
    "title",
    "slug",
    "summary",
    "description",
    "enrollment_mode",
    "cohort",
    "requirement_profile",
    "ethics_code",
    "quiz",
    "final_exam",
    "modules",
}
_FOLDER = re.compile(r"^\d{2}-[a-z0-9-]+$")
_LESSON_FILE = re.compile(r"^\d{2}-[a-z0-9-]+\.md$")


def default_path() -> Path:
    return Path(getattr(settings, "CURRICULUM_DIR", Path(settings.BASE_DIR) / "curriculum"))


@dataclass
class Taxonomies:
    domains: dict[str, dict]  # IC&RC domain id → {name, hours}
    tasks: dict[str, tuple[str, str]]  # task id → (domain id, wording)
    samhsa: dict[int, str]
    ncps: dict[str, str]

    def task_domain(self, task: str) -> str:
        return self.tasks[task][0]


@dataclass
class LiveSession:
    title: str
    minutes: int
    domains: dict[str, int]


@dataclass
class Module:
    path: Path
    folder: str
    title: str = ""
    slug: str = ""
    domain: str = ""
    hours: Decimal = Decimal(0)
    summary: str = ""
    is_required: bool = True
    live_sessions: list[LiveSession] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    lessons: list[Lesson] = field(default_factory=list)
    questions: list[ParsedQuestion] = field(default_factory=list)

    @property
    def lesson_minutes(self) -> int:
        return sum(lesson.computed_minutes for lesson in self.lessons)

    @property
    def live_minutes(self) -> int:
        return sum(session.minutes for session in self.live_sessions)

    @property
    def computed_hours(self) -> Decimal:
        return Decimal(self.lesson_minutes + self.live_minutes) / 60

    def objectives(self) -> list[Objective]:
        return [objective for lesson in self.lessons for objective in lesson.objectives]

    def domain_minutes(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for lesson in self.lessons:
            for domain, minutes in lesson.domains.items():
                totals[domain] = totals.get(domain, 0) + minutes
        for session in self.live_sessions:
            for domain, minutes in session.domains.items():
                totals[domain] = totals.get(domain, 0) + minutes
        return totals


@dataclass
class Curriculum:
    path: Path
    taxonomies: Taxonomies
    program: Any = None  # program.yaml as read (a yamlfile.Mapping), or None
    modules: list[Module] = field(default_factory=list)
    final_exam: list[ParsedQuestion] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def objective_index(self) -> dict[str, tuple[Module, Lesson, Objective]]:
        return {
            objective.id: (module, lesson, objective)
            for module in self.modules
            for lesson in module.lessons
            for objective in lesson.objectives
        }

    def domain_minutes(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for module in self.modules:
            for domain, minutes in module.domain_minutes().items():
                totals[domain] = totals.get(domain, 0) + minutes
        return totals


# What ``_load`` returns for a file it could not read (the problem is already reported).
_UNREADABLE = object()


def _load(path: Path, problems: Problems) -> Any:
    """The YAML file's data, or ``_UNREADABLE`` once a missing file or a syntax error (with
    its line) is reported."""
    try:
        return yamlfile.load_file(path)
    except FileNotFoundError:
        problems.add(path, 0, f"{path.name} is missing")
    except yamlfile.YamlError as error:
        problems.add(path, error.line, error.message)
    return _UNREADABLE


def read_taxonomies(path: Path, problems: Problems) -> Taxonomies:
    empty = Taxonomies({}, {}, {}, {})
    data = _load(path, problems)
    if data is _UNREADABLE:
        return empty
    try:
        domains = {
            d["id"]: {"name": d["name"], "hours": d["hours"]} for d in data["icrc"]["domains"]
        }
        tasks = {
            task: (d["id"], wording)
            for d in data["icrc"]["domains"]
            for task, wording in d["tasks"].items()
        }
        samhsa = {int(k): v for k, v in data["samhsa"]["categories"].items()}
        ncps = dict(data["ncps"]["domains"])
    except (KeyError, TypeError) as error:
        problems.add(path, 0, f"taxonomies.yaml is not in the expected shape ({error})")
        return empty
    return Taxonomies(domains, tasks, samhsa, ncps)


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _domain_map(
    value: Any, path: Path, line: int, taxonomies: Taxonomies, problems: Problems, what: str
) -> dict[str, int]:
    result: dict[str, int] = {}
    if not isinstance(value, dict):
        problems.add(path, line, f"{what}: domains is a mapping {{domain-id: minutes}}")
        return result
    for name, minutes in value.items():
        if name not in taxonomies.domains:
            known = ", ".join(taxonomies.domains)
            problems.add(path, line, f"{what}: unknown IC&RC domain {name!r} (known: {known})")
        if not isinstance(minutes, int) or minutes < 0:
            problems.add(path, line, f"{what}: {name} minutes {minutes!r} is not a whole number")
            continue
        result[str(name)] = minutes
    return result


def check_lesson(lesson: Lesson, taxonomies: Taxonomies, problems: Problems) -> None:
    """The rules that need the taxonomies: mappings, domain minutes, declared minutes."""
    path = lesson.path
    data = lesson.front_matter
    if data is None:
        return
    for objective in lesson.objectives:
        if objective.icrc not in taxonomies.tasks:
            problems.add(
                path,
                objective.line,
                f"objective {objective.id}: unknown IC&RC task {objective.icrc!r}",
            )
        if objective.samhsa not in taxonomies.samhsa:
            problems.add(
                path,
                objective.line,
                f"objective {objective.id}: SAMHSA category must be a number 1 to 12",
            )
        if objective.ncps not in taxonomies.ncps:
            known = ", ".join(taxonomies.ncps)
            problems.add(
                path,
                objective.line,
                f"objective {objective.id}: unknown NCPS domain {objective.ncps!r} "
                f"(known: {known})",
            )
    line = data.line_of("domains")
    for domain in lesson.domains:
        if domain not in taxonomies.domains:
            problems.add(path, line, f"domains: unknown IC&RC domain {domain!r}")
    allocated = sum(lesson.domains.values())
    if lesson.domains and allocated != lesson.minutes:
        problems.add(
            path,
            line,
            f"domain minutes add up to {allocated}, not the lesson's {lesson.minutes} minutes",
        )
    if lesson.minutes != lesson.computed_minutes:
        b = lesson.breakdown
        problems.add(
            path,
            data.line_of("minutes"),
            f"minutes: {lesson.minutes} declared, {lesson.computed_minutes} computed "
            f"({b.get('words', 0)} words = {b.get('reading', 0)} min reading + "
            f"{b.get('activities', 0)} min activities)",
        )


def read_quiz(path: Path, module: Module, problems: Problems) -> list[ParsedQuestion]:
    if not path.exists():
        problems.add(path, 0, "the module has no quiz.gift")
        return []
    try:
        questions, unsupported = parse_gift(path.read_text(encoding="utf-8"))
    except GiftSyntaxError as error:
        problems.add(path, error.line, error.message)
        return []
    for item in unsupported:
        problems.add(path, item.line, f"question type {item.kind} is not supported")
    objectives = {objective.id for objective in module.objectives()}
    counts = dict.fromkeys(sorted(objectives), 0)
    titles: set[str] = set()
    for question in questions:
        if question.category not in objectives:
            problems.add(
                path,
                question.line,
                f"$CATEGORY {question.category or '(none)'!r} is not an objective id of this "
                "module's lessons",
            )
        else:
            counts[question.category] += 1
        if not question.title:
            problems.add(path, question.line, "give each question a title: ::id::")
        elif question.title in titles:
            problems.add(path, question.line, f"question title ::{question.title}:: appears twice")
        titles.add(question.title)
    for objective, count in counts.items():
        if count < MIN_ITEMS_PER_OBJECTIVE:
            problems.add(
                path,
                0,
                f"objective {objective} has {count} quiz item(s); it needs at least "
                f"{MIN_ITEMS_PER_OBJECTIVE}",
            )
    return questions


def read_module(folder: Path, taxonomies: Taxonomies, problems: Problems) -> Module:
    module = Module(path=folder / "module.yaml", folder=folder.name)
    path = module.path
    data = _load(path, problems)
    if data is _UNREADABLE:
        return module
    if not isinstance(data, yamlfile.Mapping):
        problems.add(path, 1, "module.yaml must be a YAML mapping")
        return module
    for key in ("title", "slug", "domain", "hours", "summary"):
        if data.get(key) in (None, ""):
            problems.add(path, data.line, f"module.yaml is missing '{key}'")
    for key in sorted(set(data) - MODULE_KEYS):
        problems.add(path, data.line_of(key), f"unknown key '{key}'")
    module.title = str(data.get("title") or "")
    module.slug = str(data.get("slug") or "")
    module.domain = str(data.get("domain") or "")
    module.summary = str(data.get("summary") or "").strip()
    module.is_required = bool(data.get("is_required", True))
    if module.domain and module.domain not in taxonomies.domains:
        problems.add(path, data.line_of("domain"), f"unknown IC&RC domain {module.domain!r}")
    hours = _decimal(data.get("hours"))
    if hours is None or hours < 0:
        problems.add(path, data.line_of("hours"), f"hours {data.get('hours')!r} is not a number")
    else:
        module.hours = hours
    for session in data.get("live_sessions") or []:
        line = getattr(session, "line", data.line_of("live_sessions"))
        if not isinstance(session, dict) or not session.get("title"):
            problems.add(path, line, "a live session has a title, minutes and domains")
            continue
        minutes = session.get("minutes")
        if not isinstance(minutes, int) or minutes < 0:
            problems.add(path, line, f"live session minutes {minutes!r} is not a whole number")
            continue
        domains = _domain_map(
            session.get("domains"), path, line, taxonomies, problems, "live session"
        )
        if sum(domains.values()) != minutes:
            problems.add(
                path,
                line,
                f"live session domain minutes add up to {sum(domains.values())}, not its "
                f"{minutes} minutes",
            )
        module.live_sessions.append(LiveSession(str(session["title"]), minutes, domains))
    module.references = [str(r) for r in data.get("references") or []]
    lesson_files = sorted(p for p in folder.glob("*.md") if p.name.lower() != "readme.md")
    if not lesson_files:
        problems.add(folder, 0, "the module has no lesson files (NN-slug.md)")
    slugs: set[str] = set()
    for lesson_path in lesson_files:
        if not _LESSON_FILE.match(lesson_path.name):
            problems.add(lesson_path, 0, "a lesson file is named NN-slug.md")
        lesson = parse_lesson(lesson_path, module_slug=module.slug, problems=problems)
        check_lesson(lesson, taxonomies, problems)
        if lesson.slug in slugs:
            problems.add(
                lesson_path, 0, f"another lesson of the module has the slug {lesson.slug!r}"
            )
        slugs.add(lesson.slug)
        module.lessons.append(lesson)
    if hours is not None and hours * 60 != module.lesson_minutes + module.live_minutes:
        problems.add(
            path,
            data.line_of("hours"),
            f"hours: {hours} declared ({hours * 60} minutes), but the lessons' "
            f"{module.lesson_minutes} minutes and the live sessions' {module.live_minutes} "
            f"make {module.lesson_minutes + module.live_minutes} "
            f"({_hours(module.computed_hours)} h)",
        )
    module.questions = read_quiz(folder / "quiz.gift", module, problems)
    return module


def _hours(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01')).normalize():f}"


def _module_folders(path: Path, program: Any, problems: Problems, notes: list[str]) -> list[Path]:
    modules_dir = path / "modules"
    present = sorted(p for p in modules_dir.iterdir() if p.is_dir()) if modules_dir.is_dir() else []
    if program is None:
        notes.append(f"No program.yaml in {path}: checking every module folder in name order.")
        return present
    listed = program.get("modules") or []
    if not isinstance(listed, list) or not listed:
        problems.add(
            path / "program.yaml",
            program.line_of("modules"),
            "modules: list the module folders in order",
        )
        return present
    names = {p.name for p in present}
    folders = []
    for name in listed:
        if name in names:
            folders.append(modules_dir / name)
        else:
            notes.append(f"program.yaml lists {name}, which is not in {modules_dir}: skipped.")
    for folder in present:
        if folder.name not in listed:
            problems.add(
                path / "program.yaml",
                program.line_of("modules"),
                f"modules/{folder.name} is not listed in program.yaml's modules",
            )
    return folders


def read_program(path: Path, problems: Problems) -> Any:
    program_path = path / "program.yaml"
    if not program_path.exists():
        return None
    data = _load(program_path, problems)
    if data is _UNREADABLE:
        return None
    if not isinstance(data, yamlfile.Mapping):
        problems.add(program_path, 1, "program.yaml must be a YAML mapping")
        return None
    for key in ("title", "slug", "summary", "requirement_profile", "ethics_code", "modules"):
        if data.get(key) in (None, ""):
            problems.add(program_path, data.line, f"program.yaml is missing '{key}'")
    exam = data.get("final_exam")
    if exam is not None and (
        not isinstance(exam, dict) or not isinstance(exam.get("exam_length"), int)
    ):
        problems.add(
            program_path, data.line_of("final_exam"), "final_exam needs exam_length (a number)"
        )
    code = data.get("ethics_code")
    if isinstance(code, yamlfile.Mapping):
        for key in ("title", "text"):
            if not code.get(key):
                problems.add(program_path, code.line, f"ethics_code is missing '{key}'")
    for key in sorted(set(data) - PROGRAM_KEYS):
        problems.add(program_path, data.line_of(key), f"unknown key '{key}'")
    return data


def read_curriculum(path: Path | None = None, *, require_all_modules: bool = False) -> Curriculum:
    """Read and check everything under ``path`` (default: settings.CURRICULUM_DIR)."""
    path = Path(path or default_path())
    problems = Problems()
    taxonomy_path = path / "taxonomies.yaml"
    if not taxonomy_path.exists():  # a tree without its own uses the shipped one
        taxonomy_path = Path(settings.BASE_DIR) / "curriculum" / "taxonomies.yaml"
    taxonomies = read_taxonomies(taxonomy_path, problems)
    curriculum = Curriculum(path=path, taxonomies=taxonomies)
    curriculum.program = read_program(path, problems)
    folders = _module_folders(path, curriculum.program, problems, curriculum.notes)
    if require_all_modules and curriculum.program is not None:
        for note in curriculum.notes:
            if note.startswith("program.yaml lists"):
                problems.add(path / "program.yaml", curriculum.program.line_of("modules"), note)
    slugs: dict[str, Path] = {}
    objective_files: dict[str, Path] = {}
    for folder in folders:
        if not _FOLDER.match(folder.name):
            problems.add(folder, 0, "a module folder is named NN-slug")
        module = read_module(folder, taxonomies, problems)
        if module.slug in slugs:
            problems.add(
                module.path, 0, f"module slug {module.slug!r} is also {slugs[module.slug]}'s"
            )
        slugs[module.slug] = module.path
        for lesson in module.lessons:
            for objective in lesson.objectives:
                if objective.id in objective_files:
                    problems.add(
                        lesson.path,
                        objective.line,
                        f"objective id {objective.id} is also used in "
                        f"{objective_files[objective.id]}",
                    )
                objective_files[objective.id] = lesson.path
        curriculum.modules.append(module)
    curriculum.final_exam = read_final_exam(path / "final-exam.gift", curriculum, problems)
    curriculum.problems = list(problems)
    return curriculum


def read_final_exam(path: Path, curriculum: Curriculum, problems: Problems) -> list[ParsedQuestion]:
    """final-exam.gift: $CATEGORY is an IC&RC domain id, or an objective id."""
    if not path.exists():
        return []
    try:
        questions, unsupported = parse_gift(path.read_text(encoding="utf-8"))
    except GiftSyntaxError as error:
        problems.add(path, error.line, error.message)
        return []
    for item in unsupported:
        problems.add(path, item.line, f"question type {item.kind} is not supported")
    objectives = curriculum.objective_index()
    for question in questions:
        if (
            question.category not in curriculum.taxonomies.domains
            and question.category not in objectives
        ):
            problems.add(
                path,
                question.line,
                f"$CATEGORY {question.category!r} is neither an IC&RC domain id nor an "
                "objective id",
            )
        if not question.title:
            problems.add(path, question.line, "give each question a title: ::id::")
    return questions
