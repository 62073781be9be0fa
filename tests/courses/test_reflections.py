"""Reflections keep the trainee's text: autosave, the confidentiality warning, "Mark as done".

lesson.js saves a reflection as the trainee types by posting to the reflection's URL with
``Accept: application/json``; the form's own button posts the same URL without it.
"""

import json

import pytest
from django.test import Client

from courses.models import LessonCompletion, LessonPage, Reflection
from courses.services import enrollment_create, reflection_save
from organisations.roles import Role
from tests.builders import SAFE_REFLECTION, evidence_for

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}
# The confidentiality guard (practice/guard.py) flags an email address, whatever else it learns.
IDENTIFYING = "I wrote to grace.okafor@example.org after the group to check in."
EMAIL = "grace.okafor@example.org"


@pytest.fixture
def lesson(programme):
    return LessonPage.objects.get(url_path__endswith="/module-1/lesson-1/")


def save_url(lesson, block_id="reflect-1") -> str:
    return f"/courses/lessons/{lesson.pk}/reflections/{block_id}/"


def complete_url(lesson) -> str:
    return f"/courses/lessons/{lesson.pk}/complete/"


# Autosave (JSON)


def test_autosave_stores_the_text_and_says_when(client, enrolled, trainee, lesson):
    client.force_login(trainee)

    response = client.post(save_url(lesson), {"text": SAFE_REFLECTION}, **JSON)

    assert response.status_code == 200
    body = response.json()
    assert body["saved"] is True
    reflection = Reflection.objects.get(trainee=trainee, lesson=lesson)
    assert reflection.text == SAFE_REFLECTION
    assert body["saved_at"] == reflection.updated_at.isoformat()


def test_autosave_replaces_the_earlier_text(client, enrolled, trainee, lesson):
    client.force_login(trainee)
    client.post(save_url(lesson), {"text": "First draft."}, **JSON)
    client.post(save_url(lesson), {"text": "Second draft, longer."}, **JSON)

    assert list(Reflection.objects.values_list("text", flat=True)) == ["Second draft, longer."]


def test_autosave_on_a_programme_the_trainee_is_not_in_is_refused(
    client, programme, lesson, make_member
):
    author = make_member(Role.TRAINEE)
    outsider = make_member(Role.TRAINEE)
    enrollment_create(trainee=author, programme=programme)
    reflection_save(trainee=author, lesson=lesson, block_id="reflect-1", text="Mine.")
    client.force_login(outsider)

    response = client.post(save_url(lesson), {"text": "Not yours."}, **JSON)

    assert response.status_code == 403
    assert "Enroll in" in response.json()["error"]
    assert list(Reflection.objects.values_list("trainee_id", "text")) == [(author.pk, "Mine.")]


def test_autosave_in_a_locked_module_is_refused(client, enrolled, trainee, programme):
    locked = LessonPage.objects.get(url_path__endswith="/module-2/lesson-1/")
    client.force_login(trainee)

    response = client.post(save_url(locked), {"text": SAFE_REFLECTION}, **JSON)

    assert response.status_code == 403
    assert "unlocks when you complete" in response.json()["error"]
    assert not Reflection.objects.exists()


def test_autosave_of_a_lesson_that_does_not_exist_is_404(client, enrolled, trainee):
    client.force_login(trainee)
    response = client.post("/courses/lessons/999999/reflections/reflect-1/", {"text": "x"}, **JSON)
    assert response.status_code == 404
    assert not Reflection.objects.exists()


@pytest.mark.parametrize(
    ("block_id", "text", "message"),
    [
        ("reflect-1", "   ", "Write your reflection before saving it."),
        ("reflect-1", "x" * (Reflection.TEXT_MAX_LENGTH + 1), "Reflections can be up to 5000"),
        ("no-such-block", SAFE_REFLECTION, "This lesson has no such reflection prompt."),
    ],
    ids=["blank", "too-long", "unknown-prompt"],
)
def test_bad_autosave_input_gets_a_clear_error_and_saves_nothing(
    client, enrolled, trainee, lesson, block_id, text, message
):
    client.force_login(trainee)

    response = client.post(save_url(lesson, block_id), {"text": text}, **JSON)

    assert response.status_code == 400
    assert response.json()["saved"] is False
    assert message in response.json()["error"]
    assert not Reflection.objects.exists()


def test_autosave_without_the_csrf_token_is_refused(enrolled, trainee, lesson):
    client = Client(enforce_csrf_checks=True)
    client.force_login(trainee)

    response = client.post(save_url(lesson), {"text": SAFE_REFLECTION}, **JSON)

    assert response.status_code == 403
    assert not Reflection.objects.exists()


def test_autosave_needs_a_signed_in_trainee(client, enrolled, lesson):
    response = client.post(save_url(lesson), {"text": SAFE_REFLECTION}, **JSON)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Reflection.objects.exists()


# The confidentiality warning


def test_identifying_words_are_not_autosaved_until_the_trainee_keeps_them(
    client, enrolled, trainee, lesson
):
    client.force_login(trainee)

    warned = client.post(save_url(lesson), {"text": IDENTIFYING}, **JSON)

    assert warned.status_code == 409
    body = warned.json()
    assert body["saved"] is False
    assert [concern["phrase"] for concern in body["concerns"]] == [EMAIL]
    assert "email address" in body["concerns"][0]["reason"]
    assert not Reflection.objects.exists()

    # Keeping some other words is not keeping these.
    other = client.post(save_url(lesson), {"text": IDENTIFYING, "keep": "Sam Jones"}, **JSON)
    assert other.status_code == 409
    assert not Reflection.objects.exists()

    # "Save anyway": the phrases shown, spacing and case aside.
    kept = client.post(save_url(lesson), {"text": IDENTIFYING, "keep": EMAIL.upper()}, **JSON)
    assert kept.status_code == 200
    assert Reflection.objects.get(trainee=trainee).text == IDENTIFYING


def test_the_form_shows_the_warning_next_to_the_box_and_keeps_the_text(
    client, enrolled, trainee, lesson
):
    client.force_login(trainee)

    response = client.post(save_url(lesson), {"text": IDENTIFYING})

    assert response.status_code == 400
    html = response.content.decode()
    assert not Reflection.objects.exists()
    assert f">{IDENTIFYING}</textarea>" in html
    warning = html[html.index("data-reflection-warning") :]
    assert "This may identify someone:" in warning
    assert f"“{EMAIL}”" in warning
    assert f'name="keep" value="{EMAIL}" class="button-secondary">Save anyway</button>' in warning
    assert "Not saved yet: see below." in html

    # The "Save anyway" button sends the phrases it showed: saved, back to the box.
    saved = client.post(save_url(lesson), {"text": IDENTIFYING, "keep": EMAIL})

    assert saved.status_code == 302
    assert saved["Location"].endswith("/module-1/lesson-1/#reflection-reflect-1")
    assert Reflection.objects.get(trainee=trainee).text == IDENTIFYING


def test_the_saved_note_is_next_to_the_box_not_at_the_top(client, enrolled, trainee, lesson):
    client.force_login(trainee)

    response = client.post(save_url(lesson), {"text": SAFE_REFLECTION}, follow=True)

    html = response.content.decode()
    reflection = Reflection.objects.get(trainee=trainee)
    saved_at = reflection.updated_at.strftime("%-I:%M %p")
    box = html[html.index('id="reflection-reflect-1"') :]
    assert f"Saved {saved_at}" in " ".join(box[: box.index("</section>")].split())
    assert 'class="messages"' not in html


def test_a_form_save_with_bad_input_is_shown_next_to_the_box(client, enrolled, trainee, lesson):
    client.force_login(trainee)

    response = client.post(save_url(lesson), {"text": "   "})

    assert response.status_code == 400
    html = " ".join(response.content.decode().split())
    assert "Not saved: Write your reflection before saving it." in html
    assert not Reflection.objects.exists()


# "Mark as done" carries the text


def test_mark_as_done_saves_the_typed_reflection_with_the_completion(
    client, enrolled, trainee, lesson
):
    client.force_login(trainee)
    evidence_for(trainee=trainee, lesson=lesson)  # worked through it

    response = client.post(complete_url(lesson), {"reflection-reflect-1": SAFE_REFLECTION})

    assert response.status_code == 302
    assert Reflection.objects.get(trainee=trainee, lesson=lesson).text == SAFE_REFLECTION
    assert LessonCompletion.objects.filter(enrollment=enrolled, lesson=lesson).exists()


def test_mark_as_done_with_an_empty_box_only_completes(client, enrolled, trainee, lesson):
    client.force_login(trainee)
    evidence_for(trainee=trainee, lesson=lesson)  # worked through it
    response = client.post(complete_url(lesson), {"reflection-reflect-1": "  "})
    assert response.status_code == 302
    assert LessonCompletion.objects.filter(enrollment=enrolled).count() == 1
    assert not Reflection.objects.exists()


def test_mark_as_done_waits_for_a_warned_reflection_and_keeps_its_text(
    client, enrolled, trainee, lesson
):
    client.force_login(trainee)
    evidence_for(trainee=trainee, lesson=lesson)  # worked through it

    response = client.post(complete_url(lesson), {"reflection-reflect-1": IDENTIFYING})

    assert response.status_code == 400
    html = " ".join(response.content.decode().split())
    assert f">{IDENTIFYING}</textarea>" in html
    assert "Not marked as done yet:" in html
    assert f"“{EMAIL}”" in html
    assert not Reflection.objects.exists()
    assert not LessonCompletion.objects.exists()

    kept = client.post(complete_url(lesson), {"reflection-reflect-1": IDENTIFYING, "keep": EMAIL})

    assert kept.status_code == 302
    assert Reflection.objects.get(trainee=trainee).text == IDENTIFYING
    assert LessonCompletion.objects.filter(enrollment=enrolled, lesson=lesson).exists()


def test_mark_as_done_with_a_too_long_reflection_completes_nothing(
    client, enrolled, trainee, lesson
):
    client.force_login(trainee)
    evidence_for(trainee=trainee, lesson=lesson)  # worked through it
    text = "x" * (Reflection.TEXT_MAX_LENGTH + 1)

    response = client.post(complete_url(lesson), {"reflection-reflect-1": text})

    assert response.status_code == 400
    assert "Reflections can be up to 5000 characters" in response.content.decode()
    assert not LessonCompletion.objects.exists()
    assert not Reflection.objects.exists()


def test_the_background_completion_is_refused_as_json_outside_the_programme(
    client, programme, lesson, make_member
):
    client.force_login(make_member(Role.TRAINEE))
    response = client.post(complete_url(lesson), **JSON)
    assert response.status_code == 403
    assert "Enroll in" in json.loads(response.content)["error"]
    assert not LessonCompletion.objects.exists()


# No heartbeat for a lesson already done


def test_a_lesson_already_done_asks_the_script_for_no_heartbeat(client, enrolled, trainee, lesson):
    client.force_login(trainee)
    evidence_for(trainee=trainee, lesson=lesson)  # worked through it
    before = client.get(lesson.url).content.decode()
    client.post(complete_url(lesson))
    after = client.get(lesson.url).content.decode()

    assert 'id="complete-form"' in before and "data-completed" not in before
    assert "data-engagement=" in before
    assert 'class="lesson-actions" data-completed>' in after
    assert "data-engagement=" not in after
