"""Two-person review in a real browser: a lesson goes live only when someone else approves it.

A course editor submits a lesson to the provider's "Programme review"; a coordinator
approves it and it is published. A coordinator who submits a lesson themselves is offered
no approval and told why; their colleague approves it.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from courses.models import LessonPage, ModulePage
from organisations.roles import Role
from tests.browser.conftest import field

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def footer(page: Page):
    return page.get_by_role("navigation", name="Actions (footer)")


def footer_action(page: Page, name):
    """A button of the editor's footer, opening its "More actions" menu if it is in there."""
    actions = footer(page)
    button = actions.get_by_role("button", name=name)
    if not button.first.is_visible():
        actions.get_by_role("button", name="More actions").click()
    return button.first


def retitle_and_submit(page: Page, lesson, title: str) -> None:
    page.goto(f"/cms/pages/{lesson.pk}/edit/")
    page.get_by_role("textbox", name=field("Title")).fill(title)
    footer_action(page, re.compile(r"^Submit to Program review")).click()
    expect(page.get_by_role("status")).to_contain_text("submitted")


def approve(page: Page, lesson) -> None:
    page.goto(f"/cms/pages/{lesson.pk}/edit/")
    footer_action(page, re.compile(r"^Approve and Publish$")).click()
    expect(page.get_by_role("status")).to_contain_text("has been updated")


def test_an_editors_lesson_goes_live_when_a_coordinator_approves_it(
    new_tab, log_in, programme, make_member, with_totp
):
    editor = make_member(Role.EDITOR, first_name="Eli", email="eli.editor@example.org")
    coordinator = make_member(Role.COORDINATOR, first_name="Cora", email="cora@example.org")
    for person in (editor, coordinator):
        with_totp(person)
    lesson = LessonPage.objects.child_of(ModulePage.objects.child_of(programme).first()).first()

    writer = log_in(new_tab(viewport={"width": 1280, "height": 900}), editor)
    retitle_and_submit(writer, lesson, "Hope, revised")
    # Waiting: the editor is told who approves, and the live lesson is unchanged.
    writer.goto(f"/cms/pages/{lesson.pk}/edit/")
    expect(writer.get_by_text("another reviewer must approve it")).to_be_visible()
    assert LessonPage.objects.get(pk=lesson.pk).title != "Hope, revised"

    reviewer = log_in(new_tab(viewport={"width": 1280, "height": 900}), coordinator)
    approve(reviewer, lesson)

    lesson = LessonPage.objects.get(pk=lesson.pk)
    assert lesson.title == "Hope, revised" and lesson.live
    assert not lesson.workflow_in_progress
    # The record says who wrote the change and who approved it. (Approving from the edit
    # page may save one more revision, identical in content, in the approver's name: the
    # rich text editor's round trip counts as a change. The task state keeps the editor's.)
    review = lesson.workflow_states.get()
    assert (review.status, review.requested_by) == ("approved", editor)
    task = review.task_states.get()
    assert (task.status, task.finished_by, task.revision.user) == ("approved", coordinator, editor)
    assert task.revision.as_object().title == "Hope, revised"


def test_a_coordinator_cannot_approve_their_own_submission_and_a_colleague_can(
    new_tab, log_in, programme, make_member, with_totp
):
    cora = make_member(Role.COORDINATOR, first_name="Cora", email="cora@example.org")
    sam = make_member(Role.COORDINATOR, first_name="Sam", email="sam@example.org")
    for person in (cora, sam):
        with_totp(person)
    lesson = LessonPage.objects.child_of(ModulePage.objects.child_of(programme).first()).first()

    own = log_in(new_tab(viewport={"width": 1280, "height": 900}), cora)
    retitle_and_submit(own, lesson, "Boundaries, revised")
    own.goto(f"/cms/pages/{lesson.pk}/edit/")
    expect(own.get_by_text("another reviewer must approve it")).to_be_visible()
    expect(footer(own).get_by_role("button", name=re.compile("^Approve"))).to_have_count(0)
    expect(footer(own).get_by_role("button", name="Publish", exact=True)).to_have_count(0)
    assert LessonPage.objects.get(pk=lesson.pk).title != "Boundaries, revised"

    colleague = log_in(new_tab(viewport={"width": 1280, "height": 900}), sam)
    approve(colleague, lesson)

    lesson = LessonPage.objects.get(pk=lesson.pk)
    assert lesson.title == "Boundaries, revised" and lesson.live
    assert not lesson.workflow_in_progress
