"""A reflection in a real browser keeps its text: autosave, "Mark as done", the warning.

static/js/lesson.js saves the reflection 1.5 s after the trainee stops typing and shows
"Saved 10:42 AM" next to the box; "Mark as done" carries text not saved yet. Set
PEERPATH_SCREENSHOTS to a folder to keep screenshots of the lesson at 1280 and 390 px.
"""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from courses.models import LessonCompletion, Reflection
from courses.services import enrollment_create
from organisations.roles import Role

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

LESSON_1_1 = "/programmes/peer-training/cpsw/module-1/lesson-1/"
BOX = "Your reflection (private: only you can see it)"
SAVED = re.compile(r"^\s*Saved \d{1,2}:\d{2}\s[AP]M\s*$")


def screenshot(page: Page, name: str) -> None:
    folder = os.environ.get("PEERPATH_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def status(page: Page):
    return page.locator("#reflection-status-reflect-1")


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_a_reflection_typed_then_marked_done_is_kept(
    new_tab, log_in, build_programme, make_member, width, settings
):
    # No active time to wait out before "Mark as done" (the lesson has no content warning);
    # tests/browser/test_lesson_evidence.py waits for it.
    settings.LESSON_ACTIVE_SHARE = 0
    programme = build_programme(modules=2, lessons=2)
    trainee = make_member(Role.TRAINEE, first_name="Tam")
    enrollment = enrollment_create(trainee=trainee, programme=programme)
    page = log_in(new_tab(viewport={"width": width, "height": 900}), trainee)

    # Typing saves by itself, and says so next to the box.
    page.goto(LESSON_1_1)
    box = page.get_by_label(BOX)
    box.fill("Saying no kindly")
    expect(status(page)).to_have_text(SAVED)
    assert Reflection.objects.get(trainee=trainee).text == "Saying no kindly"
    screenshot(page, f"reflection-saved-{width}")

    # More text, and "Mark as done" at once, before the autosave: the text goes with it.
    kept = "Saying no kindly to lending money helped us both relax."
    box.fill(kept)
    page.get_by_role("button", name="Mark as done and continue").click()
    expect(page).to_have_url(re.compile(r"/module-1/lesson-2/$"))
    assert enrollment.completions.filter(lesson__slug="lesson-1").exists()

    page.goto(LESSON_1_1)
    expect(page.get_by_label(BOX)).to_have_value(kept)
    expect(status(page)).to_have_text(SAVED)
    assert Reflection.objects.get(trainee=trainee).text == kept
    # Done already: the page sends no heartbeat.
    expect(page.locator("#complete-form")).to_have_attribute("data-completed", "")

    # Lines of lesson text stay near 70 characters; nothing runs past a phone's screen.
    characters_per_line = page.evaluate(
        """() => {
            const body = document.querySelector("article.lesson-body");
            const probe = document.createElement("span");
            probe.textContent = "Boundaries keep the relationship safe for both people in it.";
            body.querySelector("p").appendChild(probe);
            const perCharacter = probe.getBoundingClientRect().width / probe.textContent.length;
            probe.remove();
            return body.getBoundingClientRect().width / perCharacter;
        }"""
    )
    assert characters_per_line <= 75
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_identifying_words_wait_for_save_anyway_and_leaving_warns(
    tab: Page, log_in, build_programme, make_member
):
    programme = build_programme(modules=1, lessons=2)
    trainee = make_member(Role.TRAINEE)
    enrollment_create(trainee=trainee, programme=programme)
    page = log_in(tab, trainee)
    page.set_viewport_size({"width": 1280, "height": 900})
    # Reaching the end of the lesson marks nothing done: the page only beats.
    with page.expect_response(lambda r: "/engagement/" in r.url):
        page.goto(LESSON_1_1)
    page.get_by_role("navigation", name="Lessons in this module").scroll_into_view_if_needed()
    expect(page.locator("#completion-status")).to_be_empty()

    text = "I emailed grace.okafor@example.org to ask how the week went."
    page.get_by_label(BOX).fill(text)
    warning = page.locator("[data-reflection-warning]")
    expect(warning).to_contain_text("This may identify someone:")
    expect(warning).to_contain_text("“grace.okafor@example.org”")
    expect(status(page)).to_have_text("Not saved yet: see below.")
    assert not Reflection.objects.exists()
    screenshot(page, "reflection-warning-1280")

    # Leaving now would lose the text: the browser asks first.
    dialogs = []
    page.once("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.close(run_before_unload=True)
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]

    # Reflections are private: the trainee may keep the words.
    warning.get_by_role("button", name="Save anyway").click()
    expect(status(page)).to_have_text(SAVED)
    expect(warning).to_be_hidden()
    assert Reflection.objects.get(trainee=trainee).text == text
    # Scrolling to the end credited nothing: the lesson waits for its evidence.
    assert not LessonCompletion.objects.exists()
