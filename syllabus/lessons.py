"""One lesson file: YAML front matter, then Markdown with ``:::`` blocks (curriculum/README.md).

``parse_lesson`` returns the lesson with its body as the raw ``(block_type, value)`` data
of ``courses.blocks.LessonStreamBlock``, every block checked by the block's own ``clean``;
each problem names the file and line.
"""

import re
import shlex
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError

from courses.blocks import LessonStreamBlock
from courses.reading_time import lesson_breakdown

from . import yamlfile
from .markdown import MarkdownProblem, plain_text, rich_text
from .problems import Problems

BLOCK_ID_NAMESPACE = uuid.UUID("0b5f2a3e-6f0e-4d43-a7d5-5f5d1f1c0a11")

CALLOUT_KINDS = {
    "key-point": "key_point",
    "practice-tip": "practice_tip",
    "law": "law",
    "state-note": "state_note",
}
DIRECTIVES = ("warning", "callout", "story", "scenario", "reflection", "check", "video")
SECTIONS = {
    "scenario": ("model answer", "facilitator notes"),
    "reflection": ("guidance",),
    "check": ("explanation",),
}
FRONT_MATTER_KEYS = {
    "title",
    "slug",
    "summary",
    "minutes",
    "domains",
    "objectives",
    "references",
}
REQUIRED_KEYS = ("title", "slug", "summary", "minutes", "domains", "objectives")
OBJECTIVE_KEYS = ("id", "text", "icrc", "samhsa", "ncps")

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_OPEN = re.compile(r"^:::\s*([A-Za-z][\w-]*)\s*(.*)$")
_SECTION = re.compile(r"^---\s+(\S.*?)\s*$")
_OPTION = re.compile(r"^[-*]\s+\[( |x|X)\]\s+(.*)$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class Objective:
    id: str
    text: str
    icrc: str
    samhsa: int
    ncps: str
    line: int


@dataclass
class Block:
    type: str
    value: dict | str
    id: str
    line: int


@dataclass
class Lesson:
    path: Path
    title: str = ""
    slug: str = ""
    summary: str = ""
    minutes: int = 0
    domains: dict[str, int] = field(default_factory=dict)
    objectives: list[Objective] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    breakdown: dict[str, int] = field(default_factory=dict)
    front_matter: Any = None

    @property
    def computed_minutes(self) -> int:
        return self.breakdown.get("total", 0)

    def stream_data(self) -> list[dict]:
        """The body as Wagtail's raw StreamField data, with stable block ids."""
        return [{"type": b.type, "value": b.value, "id": b.id} for b in self.blocks]


def _split_front_matter(text: str, path: Path, problems: Problems) -> tuple[Any, list[str], int]:
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").split("\n")
    if not lines or lines[0].strip() != "---":
        problems.add(path, 1, "a lesson starts with front matter: a line '---', YAML, '---'")
        return None, lines, 1
    for end in range(1, len(lines)):
        if lines[end].strip() == "---":
            try:
                data = yamlfile.load("\n".join(lines[1:end]), first_line=2)
            except yamlfile.YamlError as error:
                problems.add(path, error.line, error.message)
                data = None
            return data, lines[end + 1 :], end + 2
    problems.add(path, 1, "the front matter is not closed by a line '---'")
    return None, [], len(lines)


def _args(rest: str, path: Path, line: int, problems: Problems) -> tuple[list[str], dict[str, str]]:
    try:
        words = shlex.split(rest)
    except ValueError as error:
        problems.add(path, line, f"cannot read the block's arguments ({error})")
        return [], {}
    positional, attrs = [], {}
    for word in words:
        key, sep, value = word.partition("=")
        if sep and re.fullmatch(r"[a-z_]+", key):
            attrs[key] = value
        else:
            positional.append(word)
    return positional, attrs


def _minutes(attrs: dict[str, str], path: Path, line: int, problems: Problems) -> int | None:
    if "minutes" not in attrs:
        return None
    try:
        minutes = int(attrs["minutes"])
    except ValueError:
        minutes = -1
    if minutes < 0:
        problems.add(path, line, f"minutes={attrs['minutes']} is not a whole number of minutes")
        return None
    return minutes


class _BodyParser:
    def __init__(self, path: Path, key: str, problems: Problems):
        self.path = path
        self.key = key
        self.problems = problems
        self.blocks: list[Block] = []
        self.counts: dict[str, int] = {}
        self.stream = LessonStreamBlock()

    def add(self, block_type: str, value: dict | str, line: int, block_id: str = "") -> None:
        n = self.counts[block_type] = self.counts.get(block_type, 0) + 1
        block_id = block_id or str(uuid.uuid5(BLOCK_ID_NAMESPACE, f"{self.key}/{block_type}/{n}"))
        if block_type != "video":  # an embed's clean would fetch the video's page
            child = self.stream.child_blocks[block_type]
            try:
                child.clean(child.to_python(value))
            except ValidationError as error:
                self.problems.add(self.path, line, f"{block_type}: {_describe(error)}")
        self.blocks.append(Block(block_type, value, block_id, line))

    def rich(self, lines: list[str], first_line: int) -> str:
        try:
            return rich_text("\n".join(lines), first_line=first_line)
        except MarkdownProblem as error:
            self.problems.add(self.path, error.line, error.message)
            return ""

    def plain(self, lines: list[str], first_line: int) -> str:
        try:
            return plain_text("\n".join(lines), first_line=first_line)
        except MarkdownProblem as error:
            self.problems.add(self.path, error.line, error.message)
            return ""

    def markdown(self, lines: list[str], first_line: int) -> None:
        if any(line.strip() for line in lines):
            self.add("paragraph", self.rich(lines, first_line), first_line)

    def parse(self, lines: list[str], first_line: int) -> list[Block]:
        buffer: list[str] = []
        buffer_line = first_line
        index = 0
        while index < len(lines):
            number = first_line + index
            line = lines[index]
            heading = _HEADING.match(line)
            opening = _OPEN.match(line)
            if heading or opening or line.strip() == ":::":
                self.markdown(buffer, buffer_line)
                buffer = []
            if heading:
                level = len(heading.group(1))
                if level not in (2, 3):
                    self.problems.add(
                        self.path, number, "use ## for a section and ### for a subsection"
                    )
                else:
                    self.add("heading", {"text": heading.group(2), "level": f"h{level}"}, number)
                buffer_line = number + 1
            elif opening:
                end = index + 1
                while end < len(lines) and lines[end].strip() != ":::":
                    if _OPEN.match(lines[end]):
                        self.problems.add(
                            self.path,
                            first_line + end,
                            f"a block starts inside the :::{opening.group(1)} block of line "
                            f"{number}: close that one first with a line ':::'",
                        )
                    end += 1
                if end == len(lines):
                    self.problems.add(
                        self.path, number, f":::{opening.group(1)} is not closed by a line ':::'"
                    )
                self.directive(opening.group(1), opening.group(2), lines[index + 1 : end], number)
                index = end
                buffer_line = first_line + end + 1
            elif line.strip() == ":::":
                self.problems.add(self.path, number, "':::' closes no block")
                buffer_line = number + 1
            else:
                if not buffer:
                    buffer_line = number
                buffer.append(line)
            index += 1
        self.markdown(buffer, buffer_line)
        return self.blocks

    def sections(self, name: str, lines: list[str], line: int) -> dict[str, tuple[list[str], int]]:
        """The block's text split at ``--- section`` lines; "" is the part before any."""
        allowed = SECTIONS.get(name, ())
        parts: dict[str, tuple[list[str], int]] = {"": ([], line + 1)}
        current = ""
        for offset, text in enumerate(lines, start=1):
            match = _SECTION.match(text)
            if match:
                current = match.group(1).strip().lower()
                if current not in allowed:
                    known = ", ".join(f"'--- {s}'" for s in allowed) or "none"
                    self.problems.add(
                        self.path,
                        line + offset,
                        f"unknown section '--- {match.group(1)}' in :::{name} (known: {known})",
                    )
                if current in parts and current:
                    self.problems.add(self.path, line + offset, f"'--- {current}' appears twice")
                parts[current] = ([], line + offset + 1)
            else:
                parts[current][0].append(text)
        return parts

    def directive(self, name: str, rest: str, lines: list[str], line: int) -> None:
        path, problems = self.path, self.problems
        if name not in DIRECTIVES:
            known = ", ".join(f":::{d}" for d in DIRECTIVES)
            problems.add(path, line, f"unknown block :::{name} (known: {known})")
            return
        parts = self.sections(name, lines, line)
        body, body_line = parts[""]
        value: dict[str, Any]
        if name == "warning":
            title = rest.strip().strip("\"'")
            value = {"kind": "content_warning", "title": title, "text": self.rich(body, body_line)}
            self.add("callout", value, line)
            return
        positional, attrs = _args(rest, path, line, problems)
        minutes = _minutes(attrs, path, line, problems)
        if name == "callout":
            kind = positional[0] if positional else ""
            if kind not in CALLOUT_KINDS:
                known = ", ".join(CALLOUT_KINDS)
                problems.add(path, line, f"unknown callout kind {kind!r} (known: {known})")
                return
            title = positional[1] if len(positional) > 1 else ""
            value = {
                "kind": CALLOUT_KINDS[kind],
                "title": title,
                "text": self.rich(body, body_line),
            }
            self.add("callout", value, line)
        elif name == "story":
            if len(positional) != 2:
                problems.add(
                    path,
                    line,
                    ':::story needs the teller and the consent note: :::story "Name, role" '
                    '"Composite story written for this course; not a real person."',
                )
                return
            quote = self.plain(body, body_line)
            value = {"quote": quote, "attribution": positional[0], "consent_note": positional[1]}
            self.add("story", value, line)
        elif name == "scenario":
            if not positional:
                problems.add(path, line, ':::scenario needs a title: :::scenario "A title"')
            situation = [text for text in body if not text.startswith("? ")]
            questions = [text[2:].strip() for text in body if text.startswith("? ")]
            if not questions:
                problems.add(path, line, "a scenario needs at least one question: a line '? …'")
            model_lines, model_line = parts.get("model answer", ([], line))
            notes_lines, notes_line = parts.get("facilitator notes", ([], line))
            value = {
                "title": positional[0] if positional else "",
                "situation": self.rich(situation, body_line),
                "questions": questions,
                "model_answer": self.rich(model_lines, model_line),
                "facilitator_notes": self.plain(notes_lines, notes_line),
                "minutes": minutes,
            }
            self.add("scenario", value, line)
        elif name == "reflection":
            guidance_lines, guidance_line = parts.get("guidance", ([], line))
            value = {
                "prompt": self.plain(body, body_line),
                "guidance": self.plain(guidance_lines, guidance_line),
                "minutes": minutes,
            }
            self.add("reflection", value, line, attrs.get("id", ""))
        elif name == "check":
            self.check(body, body_line, parts, minutes, line)
        elif name == "video":
            if not positional or not positional[0].startswith("https://"):
                problems.add(path, line, ":::video needs the video's https:// address")
                return
            transcript = self.rich(body, body_line)
            if not transcript:
                problems.add(path, line, "a video needs its transcript as the block's text")
            self.add(
                "video",
                {"video": positional[0], "transcript": transcript, "minutes": minutes},
                line,
            )

    def check(self, body, body_line, parts, minutes, line) -> None:
        path, problems = self.path, self.problems
        question: list[str] = []
        options = []
        for offset, text in enumerate(body):
            number = body_line + offset
            match = _OPTION.match(text.strip())
            if match:
                option, _, feedback = match.group(2).partition(" // ")
                options.append(
                    {
                        "text": self.plain([option.strip()], number),
                        "correct": match.group(1) != " ",
                        "feedback": self.plain([feedback.strip()], number),
                    }
                )
            elif options and text.strip():
                problems.add(
                    path,
                    number,
                    "malformed knowledge check: after the options only '- [ ] …' or "
                    "'- [x] …' lines (then '--- explanation')",
                )
            elif not options:
                question.append(text)
        if not "".join(question).strip():
            problems.add(path, line, "malformed knowledge check: no question before the options")
        if len(options) < 2:
            problems.add(path, line, "malformed knowledge check: it needs at least two options")
        elif not any(option["correct"] for option in options):
            problems.add(path, line, "malformed knowledge check: no option is marked [x]")
        explanation_lines, explanation_line = parts.get("explanation", ([], line))
        value = {
            "question": self.plain(question, body_line),
            "options": options,
            "explanation": self.plain(explanation_lines, explanation_line),
            "minutes": minutes,
        }
        self.add("knowledge_check", value, line)


def _describe(error: ValidationError) -> str:
    data = error.as_json_data() if hasattr(error, "as_json_data") else None
    if not data:
        return " ".join(error.messages)
    return _flatten(data)


def _flatten(data: Any, prefix: str = "") -> str:
    if isinstance(data, dict):
        parts = []
        for key, value in data.items():
            if key == "messages":
                parts.append(f"{prefix}{' '.join(value)}")
            else:
                label = "" if key == "blockErrors" else f"{key}: "
                parts.append(_flatten(value, f"{prefix}{label}"))
        return "; ".join(p for p in parts if p)
    if isinstance(data, list):
        return "; ".join(_flatten(item, prefix) for item in data if item)
    return f"{prefix}{data}"


def _objectives(data: Any, path: Path, problems: Problems, line: int) -> list[Objective]:
    objectives: list[Objective] = []
    if not isinstance(data, list) or not data:
        problems.add(path, line, "the lesson has no objectives (2 to 4 measurable objectives)")
        return objectives
    for item in data:
        item_line = getattr(item, "line", line)
        if not isinstance(item, dict):
            problems.add(path, item_line, "an objective is a mapping: id, text, icrc, samhsa, ncps")
            continue
        missing = [key for key in OBJECTIVE_KEYS if item.get(key) in (None, "")]
        if missing:
            problems.add(path, item_line, f"objective is missing {', '.join(missing)}")
            continue
        unknown = sorted(set(item) - set(OBJECTIVE_KEYS))
        if unknown:
            problems.add(path, item_line, f"objective has unknown keys: {', '.join(unknown)}")
        samhsa = item["samhsa"]
        objectives.append(
            Objective(
                id=str(item["id"]),
                text=str(item["text"]).strip(),
                icrc=str(item["icrc"]),
                samhsa=samhsa if isinstance(samhsa, int) else -1,
                ncps=str(item["ncps"]),
                line=item_line,
            )
        )
    if not 2 <= len(objectives) <= 4:
        problems.add(
            path, line, f"a lesson has 2 to 4 measurable objectives; this one has {len(objectives)}"
        )
    return objectives


def parse_lesson(path: Path, *, module_slug: str, problems: Problems) -> Lesson:
    """Read one lesson file; problems found are added to ``problems``."""
    lesson = Lesson(path=path)
    data, body, body_line = _split_front_matter(path.read_text(encoding="utf-8"), path, problems)
    if not isinstance(data, yamlfile.Mapping):
        if data is not None:
            problems.add(path, 2, "the front matter must be a YAML mapping")
        return lesson
    lesson.front_matter = data
    for key in REQUIRED_KEYS:
        if data.get(key) in (None, ""):
            problems.add(path, data.line, f"front matter is missing '{key}'")
    for key in sorted(set(data) - FRONT_MATTER_KEYS):
        problems.add(path, data.line_of(key), f"unknown front matter key '{key}'")
    lesson.title = str(data.get("title") or "")
    lesson.slug = str(data.get("slug") or "")
    if lesson.slug and not _SLUG.match(lesson.slug):
        problems.add(path, data.line_of("slug"), f"slug {lesson.slug!r}: lowercase words and -")
    lesson.summary = str(data.get("summary") or "").strip()
    minutes = data.get("minutes")
    if minutes is not None and not isinstance(minutes, int):
        problems.add(path, data.line_of("minutes"), "minutes must be a whole number")
    lesson.minutes = minutes if isinstance(minutes, int) else 0
    domains = data.get("domains")
    if isinstance(domains, dict):
        for name, value in domains.items():
            if not isinstance(value, int) or value < 0:
                problems.add(path, data.line_of("domains"), f"domains: {name} minutes {value!r}")
            else:
                lesson.domains[str(name)] = value
    elif domains is not None:
        problems.add(path, data.line_of("domains"), "domains is a mapping: {domain-id: minutes}")
    lesson.objectives = _objectives(
        data.get("objectives"), path, problems, data.line_of("objectives")
    )
    references = data.get("references") or []
    if not isinstance(references, list):
        problems.add(path, data.line_of("references"), "references is a list")
    else:
        lesson.references = [str(r) for r in references]
    parser = _BodyParser(path, f"{module_slug}/{lesson.slug}", problems)
    lesson.blocks = parser.parse(body, body_line)
    lesson.breakdown = lesson_breakdown([(b.type, b.value) for b in lesson.blocks])
    return lesson
