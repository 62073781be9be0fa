from decimal import Decimal

import pytest

from courses.formatting import format_hours
from courses.hours import minutes_to_hours
from courses.models import LessonCompletion, LessonPage
from courses.selectors import ModuleState, programme_progress, trainee_dashboard
from tests.builders import lesson_body, lesson_done, lessons_of

pytestmark = pytest.mark.django_db


def states(enrollment):
    return [m.state for m in programme_progress(enrollment=enrollment).modules]


def hours_of(lessons) -> Decimal:
    """What ``lessons`` come to, from their content."""
    return minutes_to_hours(sum(lesson.estimated_minutes for lesson in lessons))


def test_a_new_trainee_sees_the_first_module_open_and_the_rest_locked(enrolled, programme):
    progress = programme_progress(enrollment=enrolled)

    assert states(enrolled) == [ModuleState.AVAILABLE, ModuleState.LOCKED]
    assert progress.modules[1].unlocked_by.title == "Module 1"
    assert progress.percent == 0
    assert progress.next_step.title == "Lesson 1.1"
    # Computed from the lessons' content, not the hours the modules declare.
    assert progress.hours_total == hours_of(lessons_of(programme)) > 0
    assert progress.hours_done == 0


def test_progress_moves_through_in_progress_complete_and_unlocks(enrolled, trainee, programme):
    lessons = lessons_of(programme)

    lesson_done(trainee=trainee, lesson=lessons[0])
    assert states(enrolled) == [ModuleState.IN_PROGRESS, ModuleState.LOCKED]

    lesson_done(trainee=trainee, lesson=lessons[1])
    progress = programme_progress(enrollment=enrolled)
    assert states(enrolled) == [ModuleState.COMPLETE, ModuleState.AVAILABLE]
    assert progress.percent == 50
    assert progress.hours_done == hours_of(lessons[:2])
    assert progress.next_step.title == "Lesson 2.1"


def test_completing_every_required_module_completes_the_enrollment(enrolled, trainee, programme):
    for lesson in lessons_of(programme):
        lesson_done(trainee=trainee, lesson=lesson)

    enrolled.refresh_from_db()
    progress = programme_progress(enrollment=enrolled)
    assert enrolled.completed_at is not None
    assert progress.percent == 100
    assert progress.next_step is None
    assert progress.required_modules_complete


def test_completion_records_the_revision_read_and_survives_later_edits(enrolled, trainee):
    lesson = LessonPage.objects.get(url_path__endswith="/module-1/lesson-1/")
    read_revision = lesson.live_revision_id
    lesson_done(trainee=trainee, lesson=lesson)

    lesson.body = [*lesson_body(), {"type": "paragraph", "value": "<p>New material.</p>"}]
    lesson.save_revision().publish()

    completion = LessonCompletion.objects.get(enrollment=enrolled, lesson=lesson)
    assert completion.revision_id == read_revision
    assert LessonPage.objects.get(pk=lesson.pk).live_revision_id != read_revision
    assert programme_progress(enrollment=enrolled).lessons_done == 1


def test_an_unpublished_lesson_no_longer_counts(enrolled, trainee, programme):
    lessons = lessons_of(programme)
    lesson_done(trainee=trainee, lesson=lessons[0])

    lessons[1].unpublish()

    progress = programme_progress(enrollment=enrolled)
    assert progress.modules[0].lessons_total == 1
    assert progress.modules[0].state == ModuleState.COMPLETE


def test_the_dashboard_lists_each_programme(build_programme, trainee, enrolled):
    from courses.services import enrollment_create

    second = build_programme(slug="advanced", title="Advanced practice")
    enrollment_create(trainee=trainee, programme=second)

    titles = {p.programme.title for p in trainee_dashboard(user=trainee)}

    assert titles == {"Certified Peer Support Worker", "Advanced practice"}


def test_module_links_are_the_addresses_wagtail_gives(
    client, build_programme, trainee, enrolled, programme
):
    """The module list builds each link from its programme's address and the module's slug
    (courses_tags.module_url): the same address Wagtail gives, on the dashboard and on the
    programme page, for every programme listed."""
    import re

    from django.test import RequestFactory

    from courses.models import ModulePage
    from courses.services import enrollment_create

    second = build_programme(slug="advanced", title="Advanced", sequential_unlocking=False)
    enrollment_create(trainee=trainee, programme=second)
    client.force_login(trainee)
    request = RequestFactory().get("/")
    unlocked = ModulePage.objects.exclude(slug="module-2", path__startswith=programme.path)
    expected = {module.get_url(request) for module in unlocked}
    assert len(expected) == 3  # the first programme's second module is locked: no link

    dashboard = client.get("/courses/my-training/").content.decode()
    programme_page = client.get(second.get_url(request)).content.decode()

    linked = set(re.findall(r'<h3><a href="([^"]+)"', dashboard))
    assert linked == expected
    assert set(re.findall(r'<h3><a href="([^"]+)"', programme_page)) == {
        url for url in expected if url.startswith(second.get_url(request))
    }
    for url in linked:
        assert client.get(url).status_code == 200


def test_the_my_training_page_shows_progress_and_resume(client, enrolled, trainee, programme):
    lesson_done(trainee=trainee, lesson=lessons_of(programme)[0])
    client.force_login(trainee)

    html = client.get("/courses/my-training/").content.decode()

    assert 'aria-valuenow="25"' in html
    assert "Resume: Lesson 1.2" in html
    lessons = lessons_of(programme)
    done, total = format_hours(hours_of(lessons[:1])), format_hours(hours_of(lessons))
    assert f"{done} of {total} training hours completed." in html
    assert 'data-module-state="in_progress"' in html
    assert 'data-module-state="locked"' in html
