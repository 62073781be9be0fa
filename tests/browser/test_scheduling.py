"""Scheduled publishing in a real browser: a coordinator schedules a lesson for Monday in
the Wagtail admin; when Monday comes, the beat task (run here as beat would run it) makes
the lesson live and an enrolled trainee reads it.
"""

import datetime
import re
from unittest import mock

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from cms.tasks import publish_scheduled
from courses.models import LessonPage, ModulePage
from courses.services import enrollment_create
from organisations.roles import Role
from tests.builders import lesson_body

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

BODY_TEXT = "Boundaries keep the relationship safe."


def test_a_lesson_scheduled_in_wagtail_goes_live_when_beat_runs_after_its_time(
    tab: Page, new_tab, log_in, programme, make_member, with_totp
):
    module = ModulePage.objects.get(slug="module-1")
    draft = LessonPage(
        title="Ready for Monday", slug="monday", summary="s", body=lesson_body(), live=False
    )
    module.add_child(instance=draft)
    draft.save_revision()
    trainee = make_member(Role.TRAINEE)
    enrollment_create(trainee=trainee, programme=programme)
    coordinator = make_member(Role.COORDINATOR)
    with_totp(coordinator)
    monday = (timezone.localtime() + datetime.timedelta(days=3)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )

    # The coordinator sets a go-live time in the editor's status panel and publishes.
    page = log_in(tab, coordinator)
    page.goto(f"/cms/pages/{draft.pk}/edit/")
    page.get_by_role("button", name="Toggle status").click()
    page.get_by_role("button", name="Set schedule").click()
    dialog = page.get_by_role("dialog", name="Set publishing schedule")
    go_live = dialog.get_by_role("textbox", name="Go live date/time")
    go_live.fill(monday.strftime("%Y-%m-%d %H:%M"))
    # The date picker stays open over the button: a keyboard user presses it instead.
    dialog.get_by_role("button", name="Save schedule").press("Enter")
    expect(dialog).to_be_hidden()
    actions = page.get_by_role("navigation", name="Actions (footer)")
    actions.get_by_role("button", name="More actions").click()
    actions.get_by_role("button", name="Schedule to publish").click()
    expect(page.get_by_role("status")).to_contain_text("has been scheduled for publishing")

    lesson = LessonPage.objects.get(pk=draft.pk)
    assert not lesson.live
    assert lesson.scheduled_revision.approved_go_live_at == monday

    # Before Monday the trainee cannot open it, and beat's run changes nothing.
    reader = log_in(new_tab(), trainee)
    assert publish_scheduled.delay().get() == 0
    response = reader.goto(lesson.url)
    assert response is not None and response.status == 404

    # Monday, 9:00:30: beat runs publish_scheduled (timezone.now is Wagtail's clock).
    with mock.patch(
        "django.utils.timezone.now", return_value=monday + datetime.timedelta(seconds=30)
    ):
        assert publish_scheduled.delay().get() == 1

    lesson = LessonPage.objects.get(pk=draft.pk)
    assert lesson.live and lesson.scheduled_revision is None
    reader.goto(lesson.url)
    expect(reader.get_by_role("heading", name="Ready for Monday")).to_be_visible()
    expect(reader.locator("article.lesson-body")).to_contain_text(BODY_TEXT)
    expect(reader).to_have_url(re.compile(r"/module-1/monday/$"))
