"""Curriculum in a real browser against a live server.

A coordinator authors and publishes a programme in the Wagtail admin; a trainee enrols
and works through one. The live server needs real commits, so the database is
transactional; ``site_structure`` (tests/conftest.py) puts back the programme
index, domains, groups and workflow that an earlier test's flush removed.
"""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from courses.formatting import format_hours
from courses.hours import minutes_to_hours
from courses.models import LessonPage, ModulePage, ProgrammePage, ProviderPage, Reflection
from courses.services import enrollment_create
from organisations.roles import Role
from tests.browser.conftest import field
from tests.builders import lessons_of

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PARAGRAPH = "Hope is something we can lend until the person holds it again."


def publish_from_editor(page: Page) -> None:
    """Publish from the editor's footer: "Publish" sits in its "More actions" menu.

    Pages under a provider's page are in its "Programme review: <provider>" workflow,
    whose approvers are that provider's coordinators; they may publish directly, so the
    menu offers "Publish" as well as "Submit to Programme review: <provider>".
    """
    actions = page.get_by_role("navigation", name="Actions (footer)")
    actions.get_by_role("button", name="More actions").click()
    expect(actions.get_by_role("button", name="Submit to Program review")).to_be_visible()
    actions.get_by_role("button", name="Publish", exact=True).click()


def text_box(page: Page, label: str):
    """A Wagtail admin text field. (Its label also names the panel around it.)"""
    return page.get_by_role("textbox", name=field(label))


def test_coordinator_authors_and_publishes_a_programme_in_wagtail(
    tab: Page, new_tab, log_in, site_structure, provider, make_member, with_totp
):
    page = tab
    coordinator = make_member(Role.COORDINATOR, first_name="Cora")
    assert coordinator.groups.filter(name="Training coordinators").exists()
    # The Wagtail admin needs two-factor authentication in the session: log_in types the code.
    with_totp(coordinator)
    log_in(page, coordinator)

    # The admin's page explorer opens on what coordinators may edit: their provider's page.
    page.goto("/cms/")
    page.get_by_role("button", name="Pages").click()
    explorer = page.get_by_role("dialog", name="Page explorer")
    explorer.get_by_role("link", name=provider.name).click()
    expect(page.get_by_role("heading", name=f"Exploring: {provider.name}")).to_be_attached()

    # A programme: the provider's page takes only programmes, so "Add child page" opens
    # its form. The organisation is not asked for: it is the provider whose page it is.
    page.get_by_role("link", name="Add child page").click()
    expect(page.get_by_role("heading", name="New: Program")).to_be_attached()
    text_box(page, "Title").fill("Peer Recovery Coach")
    text_box(page, "Summary").fill("Coaching skills for people in recovery.")
    page.get_by_role("tab", name="Settings").click()
    rules = page.get_by_role("region", name="Program rules")
    expect(rules.get_by_role("combobox", name=field("Organisation"))).to_have_count(0)
    publish_from_editor(page)
    expect(page.get_by_role("status")).to_contain_text(
        "Page 'Peer Recovery Coach' created and published."
    )

    # A module in it, from the new programme's row in the listing.
    page.get_by_role("link", name="Add a child page to 'Peer Recovery Coach'").click()
    expect(page.get_by_role("heading", name="New: Module")).to_be_attached()
    text_box(page, "Title").fill("Holding hope")
    text_box(page, "Summary").fill("How a coach holds hope for someone.")
    # Competency domains are snippets, so the field is a chooser: a modal lists them.
    page.get_by_role("button", name="Choose competency domain").click()
    chooser = page.get_by_role("dialog").filter(
        has=page.get_by_role("heading", name="Choose competency domain")
    )
    chooser.get_by_role("link", name="Recovery and wellness support").click()
    expect(chooser).to_be_hidden()
    expect(page.locator("#id_domain-chooser")).to_contain_text("Recovery and wellness support")
    page.get_by_role("spinbutton", name=field("Declared hours")).fill("6.5")
    publish_from_editor(page)
    expect(page.get_by_role("status")).to_contain_text("Page 'Holding hope' created and published.")

    # A lesson in the module: modules take lessons and quizzes, so pick the type first.
    page.get_by_role("link", name="Add a child page to 'Holding hope'").click()
    page.get_by_role("link", name="Lesson", exact=True).click()
    expect(page.get_by_role("heading", name="New: Lesson")).to_be_attached()
    text_box(page, "Title").fill("What hope sounds like")
    text_box(page, "Summary").fill("Words that carry hope.")
    # The body is a StreamField: "+" offers the block types, a paragraph is a Draftail editor.
    body = page.get_by_role("region", name=field("Body"))
    body.get_by_role("button", name="Insert a block").click()
    body.get_by_role("option", name="Paragraph", exact=True).click()
    editor = body.get_by_role("textbox")
    expect(editor).to_have_count(1)
    editor.click()
    page.keyboard.type(PARAGRAPH)
    expect(editor).to_have_text(PARAGRAPH)
    # Draftail writes its content to the form's hidden input a moment after typing stops.
    expect(body.locator('input[name="body-0-value"]')).to_have_value(re.compile(PARAGRAPH))
    publish_from_editor(page)
    expect(page.get_by_role("status")).to_contain_text(
        "Page 'What hope sounds like' created and published."
    )

    # All three are live, each published from a revision by the coordinator, nothing left
    # waiting in the moderation workflow.
    programme = ProgrammePage.objects.child_of(
        ProviderPage.objects.get(organisation=provider)
    ).get()
    module = ModulePage.objects.child_of(programme).get()
    lesson = LessonPage.objects.child_of(module).get()
    for authored in (programme, module, lesson):
        assert authored.live
        assert not authored.has_unpublished_changes
        assert authored.live_revision is not None
        assert authored.live_revision.user == coordinator
        assert not authored.workflow_in_progress
    assert (programme.title, programme.slug) == ("Peer Recovery Coach", "peer-recovery-coach")
    assert programme.organisation == provider
    assert programme.enrolment_mode == ProgrammePage.EnrolmentMode.OPEN
    assert module.domain.slug == "recovery-and-wellness-support"
    assert module.declared_hours == Decimal("6.5")
    # What the programme states is computed from the lesson's content, not declared.
    hours = format_hours(minutes_to_hours(lesson.estimated_minutes))
    assert [block.block_type for block in lesson.body] == ["paragraph"]
    assert PARAGRAPH in lesson.body[0].value.source

    # A visitor, not logged in, finds the programme and its module outline...
    visitor = new_tab()
    visitor.goto("/programmes/")
    visitor.get_by_role("link", name="Peer Recovery Coach").click()
    expect(visitor).to_have_url(re.compile(r"/programmes/peer-training/peer-recovery-coach/$"))
    expect(visitor.get_by_role("heading", name="Peer Recovery Coach", level=1)).to_be_visible()
    expect(visitor.get_by_text("Coaching skills for people in recovery.")).to_be_visible()
    expect(visitor.get_by_role("main")).to_contain_text(
        f"Run by {provider.name} · {hours} hours of training"
    )
    outline = visitor.locator(".module-list > li")
    expect(outline).to_have_count(1)
    expect(outline.get_by_role("link", name="Holding hope")).to_be_visible()
    expect(outline).to_contain_text(f"Recovery and wellness support · {hours} h · 1 lesson")
    expect(visitor.get_by_role("main").get_by_role("link", name="Log in")).to_have_attribute(
        "href", "/accounts/login/?next=/programmes/peer-training/peer-recovery-coach/"
    )
    # ...but not the lesson's text, which is for enrolled trainees.
    visitor.goto(lesson.url)
    expect(visitor.get_by_role("heading", name="What hope sounds like")).to_be_visible()
    expect(visitor.get_by_text("Lessons are for enrolled trainees.")).to_be_visible()
    expect(visitor.get_by_text(PARAGRAPH)).to_have_count(0)

    # An enrolled trainee reads the paragraph on the lesson page.
    trainee = make_member(Role.TRAINEE)
    enrollment_create(trainee=trainee, programme=programme)
    reader = log_in(new_tab(), trainee)
    reader.goto(lesson.url)
    expect(reader.locator("article.lesson-body")).to_contain_text(PARAGRAPH)


def module_row(page: Page, title: str):
    """A module's entry in a progress list (programme page or My training)."""
    return page.locator("[data-module-state]").filter(
        has=page.get_by_role("heading", name=title, exact=True)
    )


def messages(page: Page):
    """Django's messages, announced as a status."""
    return page.get_by_role("status").locator("ul.messages")


def progress_bar(page: Page):
    return page.get_by_role("progressbar", name="of the program done")


def test_trainee_enrols_and_works_through_with_visible_progress(
    tab: Page, new_tab, log_in, build_programme, make_member, settings
):
    """Enrol, reflect, complete module 1 and watch progress and unlocking follow.

    A lesson is credited on evidence (courses.engagement): these lessons have no content
    warning, and the share of their estimate to spend on them is set to nothing here, so
    "Mark as done" needs no waiting, even in the browser with JavaScript off (lessons are
    built to work without it: the button posts a form). The heartbeat, the warnings and the
    refusal are tested in tests/browser/test_lesson_evidence.py.
    """
    settings.LESSON_ACTIVE_SHARE = 0
    programme = build_programme(modules=2, lessons=2)
    lessons = lessons_of(programme)

    def hours_of(done: list[LessonPage]) -> str:
        return format_hours(minutes_to_hours(sum(lesson.estimated_minutes for lesson in done)))

    trainee = make_member(Role.TRAINEE, first_name="Tam")
    lesson_2_1 = "/programmes/peer-training/cpsw/module-2/lesson-1/"

    # Enrol from the programme page; progress starts at nothing.
    page = log_in(tab, trainee)
    page.goto("/programmes/peer-training/cpsw/")
    expect(module_row(page, "Module 1")).to_have_attribute("data-module-state", "available")
    page.get_by_role("button", name="Enroll in this program").click()
    expect(messages(page)).to_have_text("You are enrolled in Certified Peer Support Worker.")
    progress = page.get_by_role("region", name="Your progress")
    expect(progress_bar(progress)).to_have_attribute("aria-valuenow", "0")
    expect(progress).to_contain_text("0% of the program done")
    expect(progress).to_contain_text(f"0 of {hours_of(lessons)} training hours completed.")
    expect(module_row(page, "Module 2")).to_have_attribute("data-module-state", "locked")
    assert trainee.enrollments.get().programme == programme

    # Module 2 is locked until module 1 is complete: its lessons say so, and show nothing.
    page.goto(lesson_2_1)
    locked = page.locator('[data-access="locked"]')
    expect(locked).to_have_text("This module is locked. Complete “Module 1” to unlock it.")
    expect(page.locator("article.lesson-body")).to_have_count(0)

    # In the JavaScript-free browser: resume, read lesson 1.1, write a private reflection.
    plain = log_in(new_tab(java_script_enabled=False), trainee)
    plain.goto("/programmes/peer-training/cpsw/")
    plain.get_by_role("region", name="Your progress").get_by_role(
        "link", name="Resume: Lesson 1.1"
    ).click()
    expect(plain).to_have_url(re.compile(r"/programmes/peer-training/cpsw/module-1/lesson-1/$"))
    expect(plain.get_by_role("heading", name="Lesson 1.1", level=1)).to_be_visible()
    expect(plain.get_by_text("Lesson 1 of 2")).to_be_visible()
    lesson_body = plain.locator("article.lesson-body")
    expect(lesson_body).to_contain_text("Boundaries keep the relationship safe.")
    expect(lesson_body).to_contain_text("When did a boundary help you?")
    reflection = "When I said no to lending money, we both relaxed."
    plain.get_by_label("Your reflection (private: only you can see it)").fill(reflection)
    plain.get_by_role("button", name="Save reflection").click()
    # The confirmation is next to the box, where the trainee is looking.
    expect(plain.locator("#reflection-status-reflect-1")).to_have_text(
        re.compile(r"^\s*Saved \d{1,2}:\d{2}\s[AP]M\s*$")
    )
    plain.reload()
    expect(plain.get_by_label("Your reflection (private: only you can see it)")).to_have_value(
        reflection
    )
    assert Reflection.objects.get(trainee=trainee).text == reflection

    # Reading and reflecting is not finishing: My training still shows nothing done.
    page.goto("/courses/my-training/")
    expect(progress_bar(page)).to_have_attribute("aria-valuenow", "0")

    # Mark lesson 1.1 done and go on to lesson 1.2.
    plain.get_by_role("button", name="Mark as done and continue").click()
    expect(plain).to_have_url(re.compile(r"/programmes/peer-training/cpsw/module-1/lesson-2/$"))
    expect(messages(plain)).to_have_text("“Lesson 1.1” marked as done.")
    page.reload()
    expect(progress_bar(page)).to_have_attribute("aria-valuenow", "25")
    expect(page.get_by_text("25% of the program done")).to_be_visible()
    expect(module_row(page, "Module 1")).to_contain_text("In progress · 1/2")
    expect(module_row(page, "Module 2")).to_have_attribute("data-module-state", "locked")
    expect(page.get_by_role("link", name="Resume: Lesson 1.2")).to_be_visible()

    # Lesson 1.2 is the module's last, so its button only marks it done.
    expect(plain.get_by_role("button", name="Mark as done and continue")).to_have_count(0)
    plain.get_by_role("button", name="Mark as done", exact=True).click()
    expect(messages(plain)).to_have_text("“Lesson 1.2” marked as done.")
    expect(
        plain.get_by_text(
            re.compile(rf"Lesson 2 of 2 · about {lessons[1].estimated_minutes} minutes? · Done")
        )
    ).to_be_visible()

    # My training: half done, module 1 complete, module 2 open and next.
    page.reload()
    expect(progress_bar(page)).to_have_attribute("aria-valuenow", "50")
    expect(
        page.get_by_text(
            f"{hours_of(lessons[:2])} of {hours_of(lessons)} training hours completed."
        )
    ).to_be_visible()
    module_1 = module_row(page, "Module 1")
    expect(module_1).to_have_attribute("data-module-state", "complete")
    expect(module_1.locator(".state-badge")).to_have_text("Complete")
    module_2 = module_row(page, "Module 2")
    expect(module_2).to_have_attribute("data-module-state", "available")
    # Its name opens the module's page (the link is built from the program's address).
    module_2.get_by_role("link", name="Module 2").click()
    expect(page).to_have_url(re.compile(r"/programmes/peer-training/cpsw/module-2/$"))
    expect(page.get_by_role("heading", name="Module 2", level=1)).to_be_visible()
    page.go_back()

    # The lesson that was locked now reads; with JavaScript, reaching its end marks nothing:
    # the trainee marks it done.
    page.get_by_role("link", name="Resume: Lesson 2.1").click()
    expect(page).to_have_url(re.compile(lesson_2_1 + "$"))
    expect(page.locator('[data-access="locked"]')).to_have_count(0)
    expect(page.locator("article.lesson-body")).to_contain_text(
        "Boundaries keep the relationship safe."
    )
    page.get_by_role("navigation", name="Lessons in this module").scroll_into_view_if_needed()
    expect(page.locator("#completion-status")).to_be_empty()
    page.get_by_role("button", name="Mark as done and continue").click()
    expect(messages(page)).to_have_text("“Lesson 2.1” marked as done.")
    page.goto("/courses/my-training/")
    expect(progress_bar(page)).to_have_attribute("aria-valuenow", "75")
    expect(module_row(page, "Module 2")).to_contain_text("In progress · 1/2")
