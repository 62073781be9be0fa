from decimal import Decimal

import pytest

from courses.models import (
    CompetencyDomain,
    LessonPage,
    ModulePage,
    ProgrammeIndexPage,
    ProgrammePage,
)
from courses.services import enrollment_create


def lesson_body(*, reflection: bool = False, warning: bool = False) -> list[dict]:
    body = [
        {"type": "heading", "value": {"text": "Why it matters", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Boundaries keep the relationship safe.</p>"},
    ]
    if reflection:
        body.append(
            {
                "type": "reflection",
                "id": "reflect-1",
                "value": {"prompt": "When did a boundary help you?", "guidance": ""},
            }
        )
    if warning:
        body += [
            {
                "type": "callout",
                "value": {
                    "kind": "content_warning",
                    "title": "Overdose",
                    "text": "<p>The next part describes an overdose.</p>",
                },
            },
            {"type": "paragraph", "value": "<p>Hidden until chosen.</p>"},
        ]
    return body


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def build_programme(db, provider):
    """build_programme(modules=6, lessons=5, **programme_fields) -> a published programme."""

    def build(*, modules: int = 2, lessons: int = 2, slug: str = "cpsw", **fields):
        domain = CompetencyDomain.objects.get(slug="ethical-responsibility")
        programme = publish(
            ProgrammeIndexPage.objects.get(),
            ProgrammePage(
                title=fields.pop("title", "Certified Peer Support Worker"),
                slug=slug,
                organisation=fields.pop("organisation", provider),
                summary="Training for peer support workers.",
                **fields,
            ),
        )
        for m in range(1, modules + 1):
            module = publish(
                programme,
                ModulePage(
                    title=f"Module {m}",
                    slug=f"module-{m}",
                    domain=domain,
                    summary=f"Module {m} summary.",
                    training_hours=Decimal("5"),
                ),
            )
            for n in range(1, lessons + 1):
                publish(
                    module,
                    LessonPage(
                        title=f"Lesson {m}.{n}",
                        slug=f"lesson-{n}",
                        summary=f"Lesson {m}.{n} summary.",
                        body=lesson_body(reflection=(n == 1)),
                    ),
                )
        return programme

    return build


@pytest.fixture
def programme(build_programme):
    return build_programme()


@pytest.fixture
def enrolled(programme, trainee):
    return enrollment_create(trainee=trainee, programme=programme)


def lessons_of(programme):
    return list(LessonPage.objects.live().descendant_of(programme).order_by("path"))
