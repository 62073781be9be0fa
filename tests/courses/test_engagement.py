"""A lesson is credited on evidence: sections opened behind content warnings and active time
(a heartbeat the server checks and caps), or practice questions answered right first time."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from courses import views
from courses.engagement import lesson_evidence, required_seconds
from courses.models import LessonCompletion, LessonEngagement, LessonPage, Reflection
from courses.services import LessonEvidenceMissing, lesson_complete, lesson_engagement_beat
from tests.builders import lesson_body, lesson_done, lessons_of

pytestmark = pytest.mark.django_db

WORDS = " ".join(["word"] * 600)  # four minutes at 150 words a minute


def _rewrite(lesson: LessonPage, body: list[dict]) -> LessonPage:
    lesson.body = body
    lesson.save_revision().publish()
    return LessonPage.objects.get(pk=lesson.pk)


@pytest.fixture
def lesson(enrolled, programme):
    """The first lesson, with a content warning folding the rest, and a practice question."""
    body = [
        {"type": "paragraph", "value": f"<p>{WORDS}</p>"},
        {
            "type": "reflection",
            "id": "reflect-1",
            "value": {"prompt": "When did a boundary help you?", "guidance": ""},
        },
        *lesson_body(warning=True)[2:],
        {
            "type": "knowledge_check",
            "id": "check-1",
            "value": {
                "question": "Who decides what recovery looks like?",
                "options": [
                    {"text": "The person", "correct": True, "feedback": ""},
                    {"text": "The worker", "correct": False, "feedback": ""},
                ],
                "explanation": "",
            },
        },
    ]
    return _rewrite(lessons_of(programme)[0], body)


def _warning_id(lesson: LessonPage) -> str:
    return lesson.gated_section_ids()[0]


def test_the_minutes_come_from_the_content(lesson):
    # 610 words read at 150 a minute (rounded up), 5 for the reflection, 2 for the check.
    assert lesson.estimated_minutes == 12
    assert required_seconds(lesson) == 12 * 30  # half of it, LESSON_ACTIVE_SHARE's default


def test_the_first_beat_starts_the_clock_and_credits_nothing(lesson, trainee, enrolled):
    result = lesson_engagement_beat(trainee=trainee, lesson=lesson, active_seconds=30)

    assert result.credited_seconds == 0
    assert LessonEngagement.objects.get(enrollment=enrolled, lesson=lesson).active_seconds == 0


def test_a_beat_is_credited_no_more_than_the_clock_allows_nor_one_interval(
    lesson, trainee, enrolled, settings
):
    settings.LESSON_HEARTBEAT_SECONDS = 30
    start = timezone.now()

    def beat(after: int, claimed: int) -> int:
        at = start + datetime.timedelta(seconds=after)
        return lesson_engagement_beat(
            trainee=trainee, lesson=lesson, active_seconds=claimed, now=at
        ).credited_seconds

    assert beat(0, 0) == 0
    assert beat(10, 30) == 10  # only ten seconds have passed
    assert beat(10, 30) == 0  # the same beat again: no time has passed
    assert beat(40, 30) == 30
    assert beat(340, 3000) == 30  # away for five minutes: one interval at most
    assert beat(370, 12) == 12  # what the page counted as active, when less
    engagement = LessonEngagement.objects.get(enrollment=enrolled, lesson=lesson)
    assert engagement.active_seconds == 82


def test_a_lesson_already_done_takes_no_beats(lesson, trainee, enrolled):
    lesson_done(trainee=trainee, lesson=lesson)
    seconds = LessonEngagement.objects.get(enrollment=enrolled, lesson=lesson).active_seconds

    result = lesson_engagement_beat(trainee=trainee, lesson=lesson, active_seconds=30)

    assert result.done
    assert (
        LessonEngagement.objects.get(enrollment=enrolled, lesson=lesson).active_seconds == seconds
    )


def test_a_lesson_whose_warning_section_is_never_opened_is_not_credited(lesson, trainee, enrolled):
    LessonEngagement.objects.create(
        enrollment=enrolled, lesson=lesson, active_seconds=required_seconds(lesson) * 4
    )

    with pytest.raises(LessonEvidenceMissing) as refused:
        lesson_complete(trainee=trainee, lesson=lesson)

    assert str(refused.value.message) == (
        "Open the section after the content warning to finish this lesson."
    )
    assert not LessonCompletion.objects.filter(enrollment=enrolled).exists()

    lesson_engagement_beat(trainee=trainee, lesson=lesson, opened=[_warning_id(lesson)])
    lesson_complete(trainee=trainee, lesson=lesson)
    assert LessonCompletion.objects.filter(enrollment=enrolled, lesson=lesson).exists()


def test_time_short_of_the_share_is_refused_with_the_minutes_left(lesson, trainee, enrolled):
    LessonEngagement.objects.create(
        enrollment=enrolled,
        lesson=lesson,
        active_seconds=60,
        opened_sections=[_warning_id(lesson)],
    )

    evidence = lesson_evidence(enrollment=enrolled, lesson=lesson)

    assert not evidence.complete
    # 360 seconds asked, 60 spent: 300 left, about 5 minutes.
    assert evidence.message == (
        "Spend about 5 more minutes with this lesson, or answer its practice questions correctly."
    )


def test_practice_questions_right_first_time_stand_in_for_time(lesson, trainee, enrolled):
    lesson_engagement_beat(
        trainee=trainee, lesson=lesson, opened=[_warning_id(lesson)], answers={"check-1": 0}
    )

    assert lesson_evidence(enrollment=enrolled, lesson=lesson).complete
    lesson_complete(trainee=trainee, lesson=lesson)


def test_only_the_first_answer_to_a_question_counts(lesson, trainee, enrolled):
    opened = [_warning_id(lesson)]
    lesson_engagement_beat(trainee=trainee, lesson=lesson, opened=opened, answers={"check-1": 1})
    lesson_engagement_beat(trainee=trainee, lesson=lesson, answers={"check-1": 0})

    evidence = lesson_evidence(enrollment=enrolled, lesson=lesson)
    assert not evidence.complete
    assert evidence.message == "Spend about 6 more minutes with this lesson."


def test_ids_the_lesson_does_not_have_are_ignored(lesson, trainee, enrolled):
    lesson_engagement_beat(
        trainee=trainee, lesson=lesson, opened=["not-a-warning"], answers={"nope": 0}
    )

    engagement = LessonEngagement.objects.get(enrollment=enrolled, lesson=lesson)
    assert engagement.opened_sections == []
    assert engagement.check_answers == {}


def test_someone_not_enrolled_cannot_beat(lesson, make_member, client):
    from organisations.roles import Role

    outsider = make_member(Role.TRAINEE)
    client.force_login(outsider)

    response = client.post(
        reverse("courses:lesson_engagement", args=[lesson.pk]), {"active_seconds": "30"}
    )

    assert response.status_code == 403
    assert not LessonEngagement.objects.exists()


def test_beats_are_rate_limited(lesson, trainee, client, monkeypatch):
    monkeypatch.setattr(views, "ENGAGEMENT_RATE", "3/m")
    client.force_login(trainee)
    url = reverse("courses:lesson_engagement", args=[lesson.pk])

    codes = [client.post(url, {"active_seconds": "30"}).status_code for _ in range(4)]

    assert codes == [200, 200, 200, 429]


def test_mark_as_done_is_refused_with_what_is_still_needed(lesson, trainee, client):
    client.force_login(trainee)
    url = reverse("courses:lesson_complete", args=[lesson.pk])

    page = client.get(lesson.url).content.decode()
    assert "Open the section after the content warning to finish this lesson." in page
    assert "data-lesson-end" not in page  # nothing fires when the end scrolls into view

    response = client.post(url, {"reflection-reflect-1": "My own words."})
    assert response.status_code == 409
    assert "Not marked as done yet. Open the section after the content warning" in (
        response.content.decode()
    )
    as_json = client.post(url, headers={"Accept": "application/json"})
    assert as_json.status_code == 409
    assert not LessonCompletion.objects.exists()
    # What the trainee had typed is kept all the same.
    assert Reflection.objects.get(trainee=trainee, lesson=lesson).text == "My own words."


def test_the_heartbeat_answers_with_what_is_still_needed(lesson, trainee, client):
    client.force_login(trainee)
    url = reverse("courses:lesson_engagement", args=[lesson.pk])

    data = client.post(url, {"active_seconds": "0", "opened": _warning_id(lesson)}).json()

    assert data == {
        "done": False,
        "ready": False,
        "missing": "Spend about 6 more minutes with this lesson, or answer its practice "
        "questions correctly.",
        "credited_seconds": 0,
    }
    client.post(url, {"answer-check-1": "0"})
    assert client.post(url, {"active_seconds": "0"}).json()["ready"] is True


def test_a_lesson_without_warnings_or_questions_needs_only_time(enrolled, trainee, programme):
    lesson = lessons_of(programme)[1]
    evidence = lesson_evidence(enrollment=enrolled, lesson=lesson)

    assert evidence.sections_opened
    assert evidence.message.startswith("Spend about")
    assert ", or answer" not in evidence.message
