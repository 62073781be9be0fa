"""Builders for page trees used across tests."""

from courses.models import LessonPage


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


def lessons_of(programme):
    return list(LessonPage.objects.live().descendant_of(programme).order_by("path"))
