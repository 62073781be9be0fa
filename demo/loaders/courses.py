"""The demo programme: a complete "Certified Peer Support Worker" curriculum.

Content lives in ``courses/demo_content/`` (one module a file). Seeding creates what is
missing and never overwrites a page that exists, so edits made in the CMS survive and a
second run changes nothing.
"""

import importlib
import pkgutil
import uuid
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from courses import demo_content
from organisations.models import Organisation

from .models import (
    Cohort,
    CompetencyDomain,
    LessonPage,
    ModulePage,
    ProgrammePage,
    RequirementProfile,
    TrainingHourMinimum,
)
from .services import enrollment_create, lesson_complete, provider_space_ensure

PROGRAMME_SLUG = "certified-peer-support-worker"
PROFILE_NAME = "IC&RC Peer Recovery"
# IC&RC asks for 46 hours of training across its four domains.
TRAINING_MINIMUMS = {
    "advocacy": Decimal("10"),
    "mentoring-and-education": Decimal("10"),
    "recovery-and-wellness-support": Decimal("10"),
    "ethical-responsibility": Decimal("16"),
}
# One commitment a paragraph; trainees affirm it before their credential is issued.
ETHICS_CODE = "\n\n".join(
    [
        "I put the wellbeing and self-determination of the people I support first.",
        (
            "I keep what people share with me confidential, and I tell them plainly where the"
            " limits of confidentiality lie."
        ),
        (
            "I work within the peer support role: I do not diagnose, prescribe or give "
            "clinical advice, and I refer on when someone needs more than I can offer."
        ),
        (
            "I keep clear boundaries: no romantic, financial or business relationships with "
            "the people I support, and no gifts beyond the token."
        ),
        "I share my own experience of recovery only when it serves the other person.",
        (
            "I treat everyone with respect, without discrimination, and I challenge stigma "
            "where I meet it."
        ),
        (
            "I use supervision, look after my own recovery and wellbeing, and step back when "
            "I am not well enough to help."
        ),
        "I keep honest records and never log hours or activities that did not happen.",
    ]
)
BLOCK_ID_NAMESPACE = uuid.UUID("0b5f2a3e-6f0e-4d43-a7d5-5f5d1f1c0a11")


def demo_modules() -> list[dict]:
    """Every ``MODULE`` in ``demo_content``, in file-name order."""
    names = sorted(info.name for info in pkgutil.iter_modules(demo_content.__path__))
    return [importlib.import_module(f"{demo_content.__name__}.{name}") for name in names]


def stream_data(key: str, blocks: list[tuple[str, object]]) -> list[dict]:
    """Raw StreamField data with ids that stay the same from one seeding to the next."""
    return [
        {"type": kind, "value": value, "id": str(uuid.uuid5(BLOCK_ID_NAMESPACE, f"{key}/{i}"))}
        for i, (kind, value) in enumerate(blocks)
    ]


def _publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def seed_requirement_profile(*, organisation: Organisation) -> RequirementProfile:
    """The demo provider's own profile, so its coordinator can edit it in the CMS."""
    profile, created = RequirementProfile.objects.get_or_create(
        name=PROFILE_NAME,
        defaults={
            "organisation": organisation,
            "description": "Modelled on the IC&RC Peer Recovery credential: 46 training hours "
            "across four domains; renewal every two years with 20 hours of continuing "
            "education, 6 of them in ethics.",
            "credential_validity_months": 24,
            "renewal_ce_hours": Decimal("20"),
            "renewal_ce_ethics_hours": Decimal("6"),
        },
    )
    if created:
        from certificates.models import EthicsCode

        EthicsCode.objects.create(profile=profile, version=1, text=ETHICS_CODE)
        for order, (slug, hours) in enumerate(TRAINING_MINIMUMS.items()):
            TrainingHourMinimum.objects.create(
                profile=profile,
                domain=CompetencyDomain.objects.get(slug=slug),
                hours=hours,
                sort_order=order,
            )
    return profile


@transaction.atomic
def seed_programme(*, organisation: Organisation) -> ProgrammePage:
    provider_page = provider_space_ensure(organisation=organisation)
    programme = ProgrammePage.objects.filter(slug=PROGRAMME_SLUG).first()
    if programme is None:
        programme = _publish_child(
            provider_page,
            ProgrammePage(
                title="Certified Peer Support Worker",
                slug=PROGRAMME_SLUG,
                organisation=organisation,
                requirement_profile=seed_requirement_profile(organisation=organisation),
                summary="The full training path to a peer support credential: seven modules "
                "across advocacy, mentoring and education, recovery and wellness support, and "
                "ethical responsibility, with quizzes, reflections and supervised practice.",
                description="<p>Work through the modules in order. Each one opens when the one "
                "before it is complete. Your reflections are private: only you can read them.</p>",
                enrolment_mode=ProgrammePage.EnrolmentMode.OPEN,
            ),
        )
    for content in demo_modules():
        spec = content.MODULE
        module = ModulePage.objects.child_of(programme).filter(slug=spec["slug"]).first()
        if module is None:
            module = _publish_child(
                programme,
                ModulePage(
                    title=spec["title"],
                    slug=spec["slug"],
                    domain=CompetencyDomain.objects.get(slug=spec["domain"]),
                    summary=spec["summary"],
                    objectives=stream_data(
                        spec["slug"], [("objective", text) for text in spec["objectives"]]
                    ),
                    training_hours=Decimal(spec["training_hours"]),
                ),
            )
        for lesson_spec in spec["lessons"]:
            if LessonPage.objects.child_of(module).filter(slug=lesson_spec["slug"]).exists():
                continue
            _publish_child(
                module,
                LessonPage(
                    title=lesson_spec["title"],
                    slug=lesson_spec["slug"],
                    summary=lesson_spec["summary"],
                    estimated_minutes=lesson_spec["estimated_minutes"],
                    body=stream_data(f"{spec['slug']}/{lesson_spec['slug']}", lesson_spec["body"]),
                ),
            )
    Cohort.objects.get_or_create(programme=programme, name="Spring cohort")
    return programme


def seed_trainee_progress(*, programme: ProgrammePage, email: str, lessons_done: int = 2) -> None:
    """Enrol the demo trainee and complete their first lessons, so the dashboard shows progress.

    Lessons already done are left alone, so a second run changes nothing.
    """
    trainee = get_user_model().objects.get(email=email)
    enrollment = enrollment_create(trainee=trainee, programme=programme)
    first_module = programme.modules().first()
    done = set(enrollment.completions.values_list("lesson_id", flat=True))
    for lesson in first_module.lessons()[:lessons_done]:
        if lesson.pk not in done:
            lesson_complete(trainee=trainee, lesson=lesson)
