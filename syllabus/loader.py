"""Load a checked curriculum into the site: pages as Wagtail revisions, quizzes into the bank.

``curriculum_load`` is all or nothing: a curriculum with any problem changes nothing, and
the whole load is one transaction. It is idempotent: a page whose content in the files has
not changed gets no new revision. It never overwrites an editor: each page it writes has a
``LoadRecord`` fingerprinting what it wrote; a page whose latest revision differs from that
was changed in the CMS, and if the files changed too the page is left alone and reported as
a conflict.
"""

import hashlib
import json
import uuid
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from wagtail.models import Page

from assessments.gift import ParsedQuestion
from assessments.models import Question, QuestionCategory, QuizPage, QuizPool
from assessments.services import GiftImportError, gift_import
from certificates.models import EthicsCode
from courses.models import (
    CompetencyDomain,
    LessonDomainMinutes,
    LessonPage,
    ModulePage,
    ProgrammePage,
    RequirementProfile,
    TrainingHourMinimum,
)
from courses.services import provider_space_ensure
from organisations.models import Organisation
from organisations.roles import OrganisationKind
from practice.models import PracticeCategory, PracticeHourMinimum
from renewals.models import RuleSet

from .lessons import BLOCK_ID_NAMESPACE
from .models import LoadRecord
from .problems import CurriculumError, Problem
from .tree import Curriculum, Module

DEFAULT_QUIZ = {
    "introduction": "Check what you have learned in this module.",
    "pass_mark": 80,
    "max_attempts": 3,
    "wait_minutes": 10,
    "draw_per_objective": 1,
}


@dataclass
class LoadResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # changed in the CMS, files unchanged
    conflicts: list[str] = field(default_factory=list)
    questions: dict[str, int] = field(default_factory=dict)
    programme: ProgrammePage | None = None

    def lines(self) -> list[str]:
        lines = [
            f"Pages: {len(self.created)} created, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged; {len(self.kept)} page(s) or question(s) "
            "changed in the CMS and kept."
        ]
        lines += [f"  new:     {key}" for key in self.created]
        lines += [f"  updated: {key}" for key in self.updated]
        lines += [f"  kept (edited in the CMS, files unchanged): {key}" for key in self.kept]
        lines += [
            f"  CONFLICT (edited in the CMS and in the files; not overwritten): {key}"
            for key in self.conflicts
        ]
        if self.questions:
            lines.append(
                "Questions: "
                + ", ".join(f"{count} {what}" for what, count in self.questions.items())
            )
        return lines


def _digest(data) -> str:
    text = json.dumps(data, sort_keys=True, cls=DjangoJSONEncoder, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _stream(value) -> list:
    return list(value.get_prep_value()) if hasattr(value, "get_prep_value") else list(value or [])


def _fingerprint(page: Page) -> str:
    """The loader-owned fields of a page as they stand in its latest revision."""
    latest = page.get_latest_revision_as_object() if page.pk else page
    specific = latest.specific if hasattr(latest, "specific") else latest
    data: dict = {"title": specific.title, "slug": specific.slug}
    if isinstance(specific, ProgrammePage):
        data |= {"summary": specific.summary, "description": specific.description}
    elif isinstance(specific, ModulePage):
        data |= {
            "summary": specific.summary,
            "objectives": [b["value"] for b in _stream(specific.objectives)],
            "hours": str(Decimal(specific.declared_hours or 0).normalize()),
            "live_minutes": specific.live_minutes,
            "domain": specific.domain_id,
            "required": specific.is_required,
        }
    elif isinstance(specific, LessonPage):
        data |= {
            "summary": specific.summary,
            "minutes": specific.estimated_minutes,
            "body": _stream(specific.body),
        }
    elif isinstance(specific, QuizPage):
        data |= {
            "introduction": specific.introduction,
            "pass_mark": specific.pass_mark,
            "max_attempts": specific.max_attempts,
            "wait_minutes": specific.wait_minutes,
            "kind": specific.kind,
            "exam_length": specific.exam_length,
            "pools": sorted((p.category_id, p.draw) for p in specific.pools.all()),
        }
    return _digest(data)


class _Writer:
    def __init__(self, result: LoadResult):
        self.result = result

    def page(
        self,
        *,
        key: str,
        parent: Page,
        model: type[Page],
        slug: str,
        fields: dict,
        source: dict,
        after_assign=None,
    ) -> Page:
        """Create or update ``parent``'s child ``slug``; see the module docstring."""
        source_hash = _digest(source)
        record = LoadRecord.objects.filter(key=key).first()
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            page = model(slug=slug, **fields)
            if after_assign:
                after_assign(page)
            parent.add_child(instance=page)
            self.result.created.append(key)
        else:
            page = page.specific
            untouched = record is not None and _fingerprint(page) == record.written_hash
            if record is not None and record.source_hash == source_hash:
                (self.result.unchanged if untouched else self.result.kept).append(key)
                return page
            if not untouched:
                self.result.conflicts.append(key)
                return page
            page = page.get_latest_revision_as_object()
            for name, value in fields.items():
                setattr(page, name, value)
            if after_assign:
                after_assign(page)
            self.result.updated.append(key)
        page.save_revision().publish()
        page = model.objects.get(pk=page.pk)
        LoadRecord.objects.update_or_create(
            key=key,
            defaults={
                "page": page,
                "source_hash": source_hash,
                "written_hash": _fingerprint(page),
            },
        )
        return page


def _profile(curriculum: Curriculum, organisation: Organisation) -> RequirementProfile:
    program = curriculum.program
    content = program["requirement_profile"]
    profile, created = RequirementProfile.objects.get_or_create(
        name=content["name"],
        defaults={
            "organisation": organisation,
            "description": str(content.get("description", "")).strip(),
            "credential_validity_months": content["credential_validity_months"],
            "practice_hours_total": Decimal(str(content.get("practice_hours_total", 0))),
        },
    )
    if created:
        for order, (slug, hours) in enumerate(content["training_minimums"].items()):
            TrainingHourMinimum.objects.create(
                profile=profile,
                domain=CompetencyDomain.objects.get(slug=slug),
                hours=Decimal(str(hours)),
                sort_order=order,
            )
        for order, (slug, hours) in enumerate((content.get("practice_minimums") or {}).items()):
            PracticeHourMinimum.objects.create(
                profile=profile,
                category=PracticeCategory.objects.get(slug=slug),
                hours=Decimal(str(hours)),
                sort_order=order,
            )
    rule_set = content.get("renewal_rule_set")
    if rule_set:
        RuleSet.objects.get(key=rule_set).profiles.add(profile)
    code = program["ethics_code"]
    text = str(code["text"]).strip()
    current = EthicsCode.objects.filter(profile=profile).order_by("-version").first()
    if current is None or current.text != text or current.title != code["title"]:
        EthicsCode.objects.create(
            profile=profile,
            version=(current.version + 1) if current else 1,
            title=code["title"],
            text=text,
        )
    return profile


def _question_fingerprint(question: Question) -> str:
    options = [
        (o.text, o.is_correct, o.feedback, str(o.weight))
        for o in question.options.order_by("sort_order", "pk")
    ]
    fields = ("name", "kind", "text", "text_format", "explanation")
    return _digest({**{f: getattr(question, f) for f in fields}, "options": options})


def _item_digest(item: ParsedQuestion) -> str:
    return _digest({k: v for k, v in asdict(item).items() if k != "line"})


def _without(text: str, items: list[ParsedQuestion]) -> str:
    """The GIFT text without the given items (each runs from its line to a blank line)."""
    lines = text.replace("\r\n", "\n").split("\n")
    drop: set[int] = set()
    for item in items:
        number = item.line - 1
        while number < len(lines) and lines[number].strip():
            drop.add(number)
            number += 1
    return "\n".join(line for i, line in enumerate(lines) if i not in drop)


def _bank(curriculum: Curriculum, module: Module, organisation, result: LoadResult) -> list:
    """The module's quiz.gift into one bank category per objective (named by its id).

    They are not filed under a domain: the final exam draws by domain from final-exam.gift's
    own items only, so no one meets in the exam an item their module quiz already showed them.
    A question changed in the CMS since the last load is left as it is (and reported as a
    conflict if its item in the file changed too), as pages are.
    """
    path = module.path.parent / "quiz.gift"
    keys = {
        item.title: f"question/{organisation.pk}/{item.category}/{item.title}"
        for item in module.questions
    }
    records = {
        r.key: r
        for r in LoadRecord.objects.filter(key__in=keys.values()).select_related("question")
    }
    held_back = []
    for item in module.questions:
        record = records.get(keys[item.title])
        if record is None or record.question is None:
            continue
        if _question_fingerprint(record.question) != record.written_hash:
            held_back.append(item)
            if _item_digest(item) == record.source_hash:
                result.kept.append(keys[item.title])
            else:
                result.conflicts.append(keys[item.title])
    text = path.read_text(encoding="utf-8")
    if len(held_back) < len(module.questions):
        try:
            report = gift_import(
                text=_without(text, held_back) if held_back else text,
                default_category=module.slug,
                skip_unsupported=False,
                source=str(path),
                organisation=organisation,
            )
        except GiftImportError as error:
            raise CurriculumError([Problem(path, 0, str(error))]) from error
        for what in ("created", "updated", "unchanged"):
            result.questions[what] = result.questions.get(what, 0) + getattr(report, what)
    for item in module.questions:
        if item in held_back:
            continue
        key = keys[item.title]
        record = records.get(key)
        question = Question.objects.get(
            category__organisation=organisation, category__name=item.category, name=item.title
        )
        written, source = _question_fingerprint(question), _item_digest(item)
        if record is None or (record.written_hash, record.source_hash) != (written, source):
            LoadRecord.objects.update_or_create(
                key=key,
                defaults={"question": question, "source_hash": source, "written_hash": written},
            )
    names = [objective.id for objective in module.objectives()]
    by_name = {
        category.name: category
        for category in QuestionCategory.objects.filter(organisation=organisation, name__in=names)
    }
    return [by_name[objective.id] for objective in module.objectives()]


def _final_exam_bank(curriculum: Curriculum, organisation, result: LoadResult) -> None:
    path = curriculum.path / "final-exam.gift"
    if not curriculum.final_exam:
        return
    domains = curriculum.taxonomies.domains
    text = path.read_text(encoding="utf-8")
    try:
        report = gift_import(
            text=text,
            default_category="final-exam",
            skip_unsupported=False,
            source=str(path),
            organisation=organisation,
        )
    except GiftImportError as error:
        raise CurriculumError([Problem(path, 0, str(error))]) from error
    result.questions["final exam"] = report.created + report.updated + report.unchanged
    for domain_id in {q.category for q in curriculum.final_exam if q.category in domains}:
        QuestionCategory.objects.filter(organisation=organisation, name=domain_id).update(
            domain=CompetencyDomain.objects.get(slug=domain_id)
        )


def _organisation(slug: str) -> Organisation:
    providers = Organisation.objects.filter(kind=OrganisationKind.TRAINING_PROVIDER)
    if slug:
        return providers.get(slug=slug)
    found = list(providers[:2])
    if len(found) != 1:
        raise CurriculumError(
            [
                Problem(
                    Path("--organisation"),
                    0,
                    "name the training provider to load the program for (its slug)",
                )
            ]
        )
    return found[0]


@transaction.atomic
def curriculum_load(
    *,
    curriculum: Curriculum,
    organisation: Organisation | None = None,
    organisation_slug: str = "",
) -> LoadResult:
    """Load ``curriculum`` (from ``tree.read_curriculum``) for a training provider."""
    if curriculum.problems:
        raise CurriculumError(curriculum.problems)
    program = curriculum.program
    if program is None:
        raise CurriculumError(
            [Problem(curriculum.path / "program.yaml", 0, "program.yaml is missing")]
        )
    organisation = organisation or _organisation(organisation_slug)
    result = LoadResult()
    writer = _Writer(result)
    provider_page = provider_space_ensure(organisation=organisation)
    profile = _profile(curriculum, organisation)
    description = str(program.get("description") or "").strip()
    programme_fields = {
        "title": program["title"],
        "summary": str(program["summary"]).strip(),
        "description": description,
    }

    def programme_settings(page):
        if page.requirement_profile_id is None:
            page.requirement_profile = profile
        if not page.pk:
            page.enrolment_mode = program.get("enrollment_mode", "open")

    programme = writer.page(
        key=f"programme/{program['slug']}",
        parent=provider_page,
        model=ProgrammePage,
        slug=program["slug"],
        fields=programme_fields,
        source=programme_fields,
        after_assign=programme_settings,
    )
    result.programme = programme
    quiz_settings = {**DEFAULT_QUIZ, **(program.get("quiz") or {})}
    for module in curriculum.modules:
        _load_module(curriculum, module, programme, organisation, writer, quiz_settings)
    _final_exam_bank(curriculum, organisation, result)
    if program.get("final_exam"):
        _final_exam_page(program["final_exam"], programme, writer)
    return result


def _final_exam_page(settings: dict, programme: ProgrammePage, writer: _Writer) -> None:
    """The final exam: a module of its own at the end, whose quiz draws by domain.

    Its questions come from every bank category filed under a domain (each objective's,
    and final-exam.gift's), in the proportions of the requirement profile's hours
    (``assessments.blueprint``).
    """
    slug = settings.get("slug", "final-exam")
    key = f"programme/{programme.slug}/{slug}"
    module_fields = {
        "title": settings.get("title", "Final exam"),
        "summary": str(settings.get("summary", "The final exam across all four domains.")),
        "objectives": [],
        "declared_hours": Decimal(0),
        "domain": CompetencyDomain.objects.get(
            slug=settings.get("domain", "ethical-responsibility")
        ),
        "is_required": True,
    }
    module = writer.page(
        key=key,
        parent=programme,
        model=ModulePage,
        slug=slug,
        fields=module_fields,
        source={**module_fields, "domain": module_fields["domain"].slug, "declared_hours": "0"},
    )
    exam_fields = {
        "title": settings.get("title", "Final exam"),
        "introduction": str(settings.get("introduction", "")),
        "kind": QuizPage.Kind.FINAL_EXAM,
        "exam_length": int(settings["exam_length"]),
        "pass_mark": int(settings.get("pass_mark", 80)),
        "max_attempts": int(settings.get("max_attempts", 3)),
        "wait_minutes": int(settings.get("wait_minutes", 60)),
    }
    writer.page(
        key=f"{key}/exam",
        parent=module,
        model=QuizPage,
        slug="exam",
        fields=exam_fields,
        source=exam_fields,
    )


def _domain_minutes(domains: dict[str, int]) -> list[LessonDomainMinutes]:
    """The lesson's front-matter split of its minutes, as the page's child rows."""
    by_slug = CompetencyDomain.objects.in_bulk(list(domains), field_name="slug")
    return [
        LessonDomainMinutes(domain=by_slug[slug], minutes=minutes)
        for slug, minutes in domains.items()
    ]


def _load_module(curriculum, module: Module, programme, organisation, writer, quiz) -> None:
    key = f"programme/{programme.slug}/{module.slug}"
    objectives = [
        {"type": "objective", "value": o.text[:250], "id": _block_id(f"{key}/objective/{o.id}")}
        for o in module.objectives()
    ]
    fields = {
        "title": module.title,
        "summary": module.summary,
        "objectives": objectives,
        "declared_hours": module.hours,
        "live_minutes": module.live_minutes,
        "domain": CompetencyDomain.objects.get(slug=module.domain),
        "is_required": module.is_required,
    }
    source = {**fields, "domain": module.domain, "declared_hours": str(module.hours)}
    module_page = writer.page(
        key=key, parent=programme, model=ModulePage, slug=module.slug, fields=fields, source=source
    )
    for lesson in module.lessons:
        lesson_fields = {
            "title": lesson.title,
            "summary": lesson.summary,
            "estimated_minutes": lesson.computed_minutes,
            "body": lesson.stream_data(),
        }
        writer.page(
            key=f"{key}/{lesson.slug}",
            parent=module_page,
            model=LessonPage,
            slug=lesson.slug,
            fields={**lesson_fields, "domain_minutes": _domain_minutes(lesson.domains)},
            source={**lesson_fields, "domains": lesson.domains},
        )
    categories = _bank(curriculum, module, organisation, writer.result)
    draw = int(quiz["draw_per_objective"])
    pools = [(c.pk, min(draw, c.questions.count())) for c in categories]
    quiz_fields = {
        "title": f"Quiz: {module.title}",
        "introduction": quiz["introduction"],
        "pass_mark": quiz["pass_mark"],
        "max_attempts": quiz["max_attempts"],
        "wait_minutes": quiz["wait_minutes"],
    }

    def set_pools(page):
        page.pools = [
            QuizPool(category_id=category_id, draw=count, sort_order=order)
            for order, (category_id, count) in enumerate(pools)
        ]

    writer.page(
        key=f"{key}/quiz",
        parent=module_page,
        model=QuizPage,
        slug="quiz",
        fields=quiz_fields,
        source={**quiz_fields, "pools": pools},
        after_assign=set_pools,
    )


def _block_id(key: str) -> str:
    return str(uuid.uuid5(BLOCK_ID_NAMESPACE, key))
