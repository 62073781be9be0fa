"""Scheduled publishing: beat runs Wagtail's publish_scheduled every minute."""

import datetime
from unittest import mock

import pytest
from django.conf import settings
from django.utils import timezone
from wagtail.models import Revision

from cms.celery import app as celery_app
from cms.tasks import publish_scheduled
from courses.models import LessonPage, ModulePage
from tests.builders import lesson_body

SCHEDULED_URL = "/programmes/peer-training/cpsw/module-1/monday/"
BODY_TEXT = "Boundaries keep the relationship safe."


def test_beat_publishes_scheduled_pages_every_minute():
    entry = settings.CELERY_BEAT_SCHEDULE["publish-scheduled"]

    assert entry["task"] == "cms.tasks.publish_scheduled"
    assert entry["task"] in celery_app.tasks
    assert entry["schedule"] <= 60
    assert entry["options"]["expires"] < 60  # missed runs do not pile up


def schedule_lesson(module, *, go_live_at, slug="monday"):
    """A new lesson published with a go-live time: a draft with an approved revision."""
    lesson = LessonPage(
        title="Ready for Monday", slug=slug, summary="s", body=lesson_body(), live=False
    )
    module.add_child(instance=lesson)
    lesson.go_live_at = go_live_at
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    return lesson


def clock_at(moment):
    """Time has passed: Wagtail and the task read this as now (``timezone.now``)."""
    return mock.patch("django.utils.timezone.now", return_value=moment)


@pytest.fixture
def module(programme):
    return ModulePage.objects.get(slug="module-1")


def test_a_lesson_scheduled_for_later_waits_for_its_time(module, enrolled, trainee, client):
    lesson = schedule_lesson(module, go_live_at=timezone.now() + datetime.timedelta(days=3))
    client.force_login(trainee)

    assert publish_scheduled.delay().get() == 0

    lesson.refresh_from_db()
    assert not lesson.live
    assert lesson.scheduled_revision is not None
    assert client.get(SCHEDULED_URL).status_code == 404


def test_a_scheduled_lesson_goes_live_when_its_time_has_passed(module, enrolled, trainee, client):
    monday = timezone.now() + datetime.timedelta(days=3)
    lesson = schedule_lesson(module, go_live_at=monday)
    waiting = schedule_lesson(module, go_live_at=monday + datetime.timedelta(days=7), slug="later")
    client.force_login(trainee)
    assert publish_scheduled.delay().get() == 0  # not yet

    with clock_at(monday + datetime.timedelta(seconds=30)):
        assert publish_scheduled.delay().get() == 1

    lesson.refresh_from_db()
    waiting.refresh_from_db()
    assert lesson.live and lesson.scheduled_revision is None
    assert not waiting.live
    assert BODY_TEXT in client.get(SCHEDULED_URL).content.decode()
    assert lesson.first_published_at == monday + datetime.timedelta(seconds=30)
    # A second run finds nothing due: the lesson is published once.
    with clock_at(monday + datetime.timedelta(seconds=90)):
        assert publish_scheduled.delay().get() == 0
    assert lesson.revisions.count() == 1
    assert Revision.objects.filter(approved_go_live_at__isnull=False).count() == 1  # "later"


def test_a_lesson_past_its_expiry_time_is_unpublished(module, enrolled, trainee, client):
    lesson = LessonPage.objects.get(url_path__endswith="/module-1/lesson-2/")
    LessonPage.objects.filter(pk=lesson.pk).update(
        expire_at=timezone.now() + datetime.timedelta(days=1)
    )
    publish_scheduled.delay().get()
    lesson.refresh_from_db()
    assert lesson.live

    with clock_at(timezone.now() + datetime.timedelta(days=1, minutes=1)):
        publish_scheduled.delay().get()

    lesson.refresh_from_db()
    assert not lesson.live and lesson.expired
    client.force_login(trainee)
    assert client.get("/programmes/peer-training/cpsw/module-1/lesson-2/").status_code == 404
