"""A lesson's minutes come from its content: words at the reading speed plus activities.

And the scenario's facilitator notes are for coordinators and editors, never trainees.
"""

import pytest
from wagtail.blocks import StreamValue

from courses.blocks import LessonStreamBlock
from courses.models import LessonPage
from courses.reading_time import count_words, lesson_breakdown, lesson_minutes
from courses.services import enrollment_create

WORDS_300 = " ".join(["word"] * 300)


def scenario(**extra):
    return {
        "title": "Outside the pharmacy",
        "situation": "<p>She says she has been <b>putting pills aside</b>.</p>",
        "questions": ["What do you say first?"],
        "model_answer": "<p>Ask directly and stay with her.</p>",
        "facilitator_notes": "Watch for trainees who rush to reassure.",
        **extra,
    }


RAW = [
    ("heading", {"text": "Asking about suicide", "level": "h2"}),  # 3 words
    ("paragraph", f"<p>{WORDS_300}</p>"),  # 300
    ("callout", {"kind": "law", "title": "HIPAA", "text": "<p>A federal rule.</p>"}),  # 4
    ("story", {"quote": "I was scared to ask.", "attribution": "Dee", "consent_note": "Yes."}),
    ("scenario", scenario()),  # 8 words in the situation
    ("reflection", {"prompt": "When did someone ask you?", "guidance": ""}),
    ("knowledge_check", {"question": "Q?", "options": [{"text": "A", "correct": True}]}),
]


def test_words_are_read_at_150_a_minute_rounded_up_plus_activities():
    breakdown = lesson_breakdown(RAW)

    assert breakdown["words"] == 3 + 300 + 4 + 5 + 8
    assert breakdown["reading"] == 3  # 320 / 150 → 2.13, rounded up
    assert breakdown["activities"] == 10 + 5 + 2
    assert lesson_minutes(RAW) == 20


def test_a_stream_value_counts_the_same_as_the_loaders_raw_list():
    block = LessonStreamBlock()
    value = StreamValue(block, [(kind, block.child_blocks[kind].to_python(v)) for kind, v in RAW])
    as_stream_data = [{"type": kind, "value": v} for kind, v in RAW]

    assert lesson_minutes(value) == lesson_minutes(RAW) == lesson_minutes(as_stream_data) == 20


def test_a_blocks_own_minutes_replace_the_allowance_and_a_video_counts_only_its_own():
    body = [
        ("scenario", scenario(minutes=25)),
        ("reflection", {"prompt": "p", "minutes": 0}),
        ("knowledge_check", {"question": "q", "options": [], "minutes": None}),
        ("video", {"video": None, "transcript": f"<p>{WORDS_300}</p>", "minutes": 12}),
        ("video", {"video": None, "transcript": "<p>No minutes given.</p>"}),
    ]

    assert lesson_breakdown(body) == {"words": 8, "reading": 1, "activities": 39, "total": 40}


def test_the_reading_speed_is_a_setting(settings):
    settings.LESSON_READING_WPM = 100
    assert lesson_breakdown([("paragraph", f"<p>{WORDS_300}</p>")])["reading"] == 3
    settings.LESSON_READING_WPM = 300
    assert lesson_breakdown([("paragraph", f"<p>{WORDS_300}</p>")])["reading"] == 1


def test_html_and_entities_are_not_words_and_an_empty_lesson_takes_no_time():
    html = "<p>Call or text <a href='tel:988'>988</a>&nbsp;now&mdash;don't wait.</p>"
    assert count_words(html) == 7
    assert lesson_minutes([]) == 0


@pytest.fixture
def scenario_lesson(programme):
    lesson = LessonPage.objects.get(url_path__endswith="/module-1/lesson-1/")
    lesson.body = [{"type": "scenario", "value": scenario()}]
    lesson.save_revision().publish()
    return lesson


@pytest.mark.django_db
def test_trainees_see_the_model_answer_but_never_the_facilitator_notes(
    client, scenario_lesson, trainee, programme
):
    enrollment_create(trainee=trainee, programme=programme)
    client.force_login(trainee)

    html = client.get(scenario_lesson.url).content.decode()

    assert "Ask directly and stay with her." in html
    assert "Watch for trainees" not in html
    assert "Facilitator notes" not in html


@pytest.mark.django_db
def test_coordinators_and_previews_show_the_facilitator_notes(
    client, scenario_lesson, coordinator, programme, mfa_login
):
    enrollment_create(trainee=coordinator, programme=programme)
    mfa_login(client, coordinator)

    html = client.get(scenario_lesson.url).content.decode()
    preview = scenario_lesson.make_preview_request().content.decode()

    assert "Watch for trainees who rush to reassure." in html
    assert "Watch for trainees who rush to reassure." in preview
