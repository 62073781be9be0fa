"""The demo programme: a complete "Certified Peer Support Worker" curriculum.

Content lives in ``demo/content/`` (``programme.py``, and one training module a file in
``modules/``); the functions here take it as plain data. Seeding creates what is missing
and never overwrites a page that exists, so edits made in the CMS survive and a second
run changes nothing.
"""

import uuid
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from certificates.models import EthicsCode
from courses.models import (
    Cohort,
    CompetencyDomain,
    LessonPage,
    ModulePage,
    ProgrammePage,
    RequirementProfile,
    TrainingHourMinimum,
)
from courses.services import enrollment_create, lesson_complete, provider_space_ensure
from demo.content import training_modules
from demo.content.programme import PROGRAMME, REQUIREMENT_PROFILE
from organisations.models import Organisation

BLOCK_ID_NAMESPACE = uuid.UUID("0b5f2a3e-6f0e-4d43-a7d5-5f5d1f1c0a11")


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


def seed_requirement_profile(*, organisation: Organisation, content: dict) -> RequirementProfile:
    """The demo provider's own profile, so its coordinator can edit it in the CMS."""
    profile, created = RequirementProfile.objects.get_or_create(
        name=content["name"],
        defaults={
            "organisation": organisation,
            "description": content["description"],
            "credential_validity_months": content["credential_validity_months"],
        },
    )
    if created:
        EthicsCode.objects.create(profile=profile, version=1, text=content["ethics_code"])
        for order, (slug, hours) in enumerate(content["training_minimums"].items()):
            TrainingHourMinimum.objects.create(
                profile=profile,
                domain=CompetencyDomain.objects.get(slug=slug),
                hours=Decimal(hours),
                sort_order=order,
            )
    return profile


def seed_module(*, programme: ProgrammePage, content: dict) -> ModulePage:
    """One training module and its lessons, from its content; pages that exist stay as they are."""
    module = ModulePage.objects.child_of(programme).filter(slug=content["slug"]).first()
    if module is None:
        module = _publish_child(
            programme,
            ModulePage(
                title=content["title"],
                slug=content["slug"],
                domain=CompetencyDomain.objects.get(slug=content["domain"]),
                summary=content["summary"],
                objectives=stream_data(
                    content["slug"], [("objective", text) for text in content["objectives"]]
                ),
                training_hours=Decimal(content["training_hours"]),
            ),
        )
    for lesson in content["lessons"]:
        if LessonPage.objects.child_of(module).filter(slug=lesson["slug"]).exists():
            continue
        _publish_child(
            module,
            LessonPage(
                title=lesson["title"],
                slug=lesson["slug"],
                summary=lesson["summary"],
                estimated_minutes=lesson["estimated_minutes"],
                body=stream_data(f"{content['slug']}/{lesson['slug']}", lesson["body"]),
            ),
        )
    return module


@transaction.atomic
def seed_programme(
    *,
    organisation: Organisation,
    content: dict = PROGRAMME,
    profile: dict = REQUIREMENT_PROFILE,
    modules: list[dict] | None = None,
) -> ProgrammePage:
    """The programme page, its requirement profile, each training module and a cohort."""
    provider_page = provider_space_ensure(organisation=organisation)
    programme = ProgrammePage.objects.filter(slug=content["slug"]).first()
    if programme is None:
        programme = _publish_child(
            provider_page,
            ProgrammePage(
                title=content["title"],
                slug=content["slug"],
                organisation=organisation,
                requirement_profile=seed_requirement_profile(
                    organisation=organisation, content=profile
                ),
                summary=content["summary"],
                description=content["description"],
                enrolment_mode=content["enrolment_mode"],
            ),
        )
    for module in training_modules() if modules is None else modules:
        seed_module(programme=programme, content=module)
    Cohort.objects.get_or_create(programme=programme, name=content["cohort"])
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
