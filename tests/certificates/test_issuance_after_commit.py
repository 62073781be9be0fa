"""Issuance follows ``courses.signals.enrollment_progressed``, after the commit, on all four paths.

Whichever requirement is met last (a lesson, a quiz, practice hours, the code of ethics),
the credential is issued once, when the change commits, and not at all if it rolls back.
"""

import pytest
from django.db import transaction

from assessments.models import QuestionCategory
from assessments.services import attempt_start, attempt_submit
from certificates.models import Credential
from certificates.services import ethics_affirm
from courses.models import Enrollment, ModulePage
from courses.signals import enrollment_progressed
from practice.services import entry_decide
from tests.assessments.conftest import right_answers
from tests.builders import lesson_done, lessons_of, published_quiz

pytestmark = pytest.mark.django_db

HOURS = ((1, 360, "one-to-one"), (2, 120, "group-facilitation"), (3, 120, "supervision-received"))


class Rollback(Exception):
    pass


@pytest.fixture
def requirements(
    trainee, practice_enrollment, practice_programme, assigned_supervisor, log_entry, ethics_code
):
    """Functions that meet each requirement of the practice programme, by name."""
    entries = [log_entry(days_ago=d, minutes=m, category=c) for d, m, c in HOURS]
    lessons = lessons_of(practice_programme)

    def lessons_but_last():
        for lesson in lessons[:-1]:
            lesson_done(trainee=trainee, lesson=lesson)

    def last_lesson():
        lesson_done(trainee=trainee, lesson=lessons[-1])

    def hours_but_last():
        for entry in entries[:-1]:
            entry_decide(supervisor=assigned_supervisor, entry_id=entry.pk, approve=True)

    def last_hours():
        entry_decide(supervisor=assigned_supervisor, entry_id=entries[-1].pk, approve=True)

    def ethics():
        ethics_affirm(
            trainee=trainee, enrollment=practice_enrollment, signed_name=trainee.get_full_name()
        )

    return {
        "lessons_but_last": lessons_but_last,
        "last_lesson": last_lesson,
        "hours_but_last": hours_but_last,
        "last_hours": last_hours,
        "ethics": ethics,
    }


@pytest.fixture
def pass_quiz(trainee, practice_programme):
    """A quiz in the last module (training is not complete until it is passed); passing it."""
    quiz = published_quiz(
        ModulePage.objects.get(slug="module-2", path__startswith=practice_programme.path),
        category=QuestionCategory.objects.create(name="Boundaries"),
        questions=[("Who decides?", "The person", ["The worker"])],
    )

    def submit():
        attempt = attempt_start(trainee=trainee, quiz=quiz)
        attempt_submit(trainee=trainee, attempt_id=attempt.pk, answers=right_answers(attempt))

    return submit


def _last_step_issues_once_after_commit(last_step, trainee, capture) -> None:
    with capture(execute=True) as callbacks:
        last_step()
        # Still inside the caller's transaction: nothing issued yet, only announced.
        assert not Credential.objects.filter(holder=trainee).exists()
    assert callbacks
    assert Credential.objects.filter(holder=trainee).count() == 1


def test_the_last_lesson_issues_once_after_commit(
    requirements, trainee, django_capture_on_commit_callbacks
):
    requirements["lessons_but_last"]()
    requirements["hours_but_last"]()
    requirements["last_hours"]()
    requirements["ethics"]()
    assert not Credential.objects.exists()

    _last_step_issues_once_after_commit(
        requirements["last_lesson"], trainee, django_capture_on_commit_callbacks
    )


def test_the_last_quiz_passed_issues_once_after_commit(
    requirements, pass_quiz, trainee, practice_enrollment, django_capture_on_commit_callbacks
):
    requirements["lessons_but_last"]()
    requirements["last_lesson"]()
    requirements["hours_but_last"]()
    requirements["last_hours"]()
    requirements["ethics"]()
    practice_enrollment.refresh_from_db()
    assert practice_enrollment.completed_at is None  # the quiz still stands in the way

    _last_step_issues_once_after_commit(pass_quiz, trainee, django_capture_on_commit_callbacks)


def test_the_last_hours_approved_issue_once_after_commit(
    requirements, trainee, django_capture_on_commit_callbacks
):
    requirements["lessons_but_last"]()
    requirements["last_lesson"]()
    requirements["ethics"]()
    requirements["hours_but_last"]()
    assert not Credential.objects.exists()

    _last_step_issues_once_after_commit(
        requirements["last_hours"], trainee, django_capture_on_commit_callbacks
    )


def test_signing_the_code_last_issues_once_after_commit(
    requirements, trainee, django_capture_on_commit_callbacks
):
    requirements["lessons_but_last"]()
    requirements["last_lesson"]()
    requirements["hours_but_last"]()
    requirements["last_hours"]()
    assert not Credential.objects.exists()

    _last_step_issues_once_after_commit(
        requirements["ethics"], trainee, django_capture_on_commit_callbacks
    )


def test_announcing_again_issues_nothing_more(
    requirements, trainee, practice_enrollment, django_capture_on_commit_callbacks
):
    for step in ("lessons_but_last", "last_lesson", "hours_but_last", "last_hours"):
        requirements[step]()
    with django_capture_on_commit_callbacks(execute=True):
        requirements["ethics"]()
    with django_capture_on_commit_callbacks(execute=True):
        requirements["ethics"]()  # signing twice announces twice
    enrollment_progressed.send(sender=Enrollment, enrollment_id=practice_enrollment.pk)

    assert Credential.objects.filter(holder=trainee).count() == 1


@pytest.mark.parametrize("last", ["last_lesson", "last_hours", "ethics"])
def test_a_rolled_back_last_step_announces_and_issues_nothing(
    requirements, trainee, last, django_capture_on_commit_callbacks
):
    for step in ("lessons_but_last", "last_lesson", "hours_but_last", "last_hours", "ethics"):
        if step != last:
            requirements[step]()

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(Rollback),
        transaction.atomic(),
    ):
        requirements[last]()
        raise Rollback

    assert callbacks == []
    assert not Credential.objects.exists()


def test_progress_of_an_enrolment_erased_since_is_ignored(practice_enrollment, trainee):
    enrollment_id = practice_enrollment.pk
    practice_enrollment.delete()

    enrollment_progressed.send(sender=Enrollment, enrollment_id=enrollment_id)

    assert not Credential.objects.exists()
