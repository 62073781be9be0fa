"""Coordinator overrides (extra attempts, lifted wait, reset attempt) and attempt requests."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from assessments.models import Attempt, AttemptRequest, QuizOverride
from assessments.overrides import attempt_request_create, quiz_override_create
from assessments.services import attempt_start, attempt_submit, quiz_standing
from cms.erasure import user_erase
from courses.services import enrollment_create
from notifications.models import Email
from organisations.roles import Role
from tests.assessments.conftest import wrong_answers
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def fail(trainee, quiz, times: int = 1) -> None:
    for _ in range(times):
        attempt = attempt_start(trainee=trainee, quiz=quiz)
        attempt_submit(trainee=trainee, attempt_id=attempt.pk, answers=wrong_answers(attempt))


def override_url(enrollment, quiz) -> str:
    return (
        f"/assessments/coordinate/{enrollment.programme_id}/trainees/{enrollment.pk}"
        f"/quizzes/{quiz.pk}/override/"
    )


def record_url(enrollment) -> str:
    return f"/coordinate/{enrollment.programme_id}/trainees/{enrollment.pk}/"


def emails_to(address: str) -> list[Email]:
    return [e for e in Email.objects.order_by("pk") if address in e.to]


@pytest.fixture
def out_of_attempts(quiz, enrolled, trainee):
    fail(trainee, quiz, times=3)
    return enrolled


# ---------------------------------------------------------------- the whole story


def test_request_then_extra_attempt_lets_the_trainee_start_again(
    client, quiz, out_of_attempts, trainee, coordinator, make_member, mfa_login
):
    other_coordinator = make_member(Role.COORDINATOR)
    elsewhere = make_member(Role.COORDINATOR, organisation=OrganisationFactory())
    enrollment = out_of_attempts
    client.force_login(trainee)

    page = client.get(quiz.url).content.decode()
    assert "You have used all 3 attempts." in page
    assert "Request another attempt" in page and "data-attempt-request" in page

    response = client.post(f"/assessments/quizzes/{quiz.pk}/request/", follow=True)
    html = response.content.decode()
    assert "Your coordinators have been asked for another attempt" in html
    assert "you&#x27;ll get an email when they decide" in html.lower()
    assert "Request another attempt" not in html  # the page shows the request instead

    asked = AttemptRequest.objects.get()
    assert asked.is_open and asked.enrollment == enrollment
    for person in (coordinator, other_coordinator):
        (email,) = emails_to(person.email)
        assert "asks for another attempt" in email.subject
        assert record_url(enrollment) in email.body_text
    assert not emails_to(elsewhere.email) and not emails_to(trainee.email)

    # A second click: the same request, nobody emailed again.
    again = client.post(f"/assessments/quizzes/{quiz.pk}/request/", follow=True)
    assert "You already asked on" in again.content.decode()
    assert AttemptRequest.objects.count() == 1
    assert Email.objects.count() == 2

    client.logout()
    mfa_login(client, coordinator)
    record = client.get(record_url(enrollment)).content.decode()
    assert "data-open-request" in record and "Grant extra attempts" in record

    response = client.post(
        override_url(enrollment, quiz),
        {"kind": "extra_attempts", "extra_attempts": "1", "reason": "Internet outage on day 2"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"{record_url(enrollment)}#quiz-{quiz.pk}"

    override = QuizOverride.objects.get()
    assert (override.kind, override.extra_attempts, override.by) == (
        "extra_attempts",
        1,
        coordinator,
    )
    assert override.reason == "Internet outage on day 2"
    asked.refresh_from_db()
    assert not asked.is_open and asked.closed_by == override
    (told,) = emails_to(trainee.email)
    assert "another chance" in told.subject
    assert "Internet outage on day 2" in told.body_text
    assert "1 attempt left" in told.body_text

    history = client.get(record_url(enrollment)).content.decode()
    assert "Extra attempts granted (1)" in history and "Internet outage on day 2" in history
    assert "data-open-request" not in history

    fail(trainee, quiz)  # attempt 4, the one granted
    standing = quiz_standing(quiz=quiz, trainee=trainee)
    assert standing.blocked_reason == "You have used all 4 attempts."
    assert standing.out_of_attempts and standing.open_request is None  # may ask again
    assert Attempt.objects.filter(number=4).exists()


def test_the_request_is_logged_with_ids_only(quiz, out_of_attempts, trainee, coordinator, caplog):
    caplog.set_level("INFO", logger="assessments.overrides")
    attempt_request_create(trainee=trainee, quiz=quiz)
    quiz_override_create(
        coordinator=coordinator,
        enrollment=out_of_attempts,
        quiz=quiz,
        kind="extra_attempts",
        extra_attempts=2,
        reason="Recovering from surgery",
    )
    text = caplog.text
    assert "Quiz override" in text and "1 request(s) closed" in text
    assert trainee.email not in text and coordinator.email not in text
    assert "surgery" not in text


# ---------------------------------------------------------------- lifting the wait


def test_lifting_the_wait_lets_the_trainee_start_now_and_only_once(
    make_quiz, enrolled, trainee, coordinator
):
    quiz = make_quiz(wait_minutes=60)
    fail(trainee, quiz)
    with pytest.raises(ValidationError, match="next attempt opens at"):
        attempt_start(trainee=trainee, quiz=quiz)

    quiz_override_create(
        coordinator=coordinator,
        enrollment=enrolled,
        quiz=quiz,
        kind="lift_wait",
        reason="Exam window closes tonight",
    )

    assert quiz_standing(quiz=quiz, trainee=trainee).can_start
    (told,) = emails_to(trainee.email)
    assert "without waiting" in told.subject
    # The lift was for the wait it found: the next failed attempt waits again.
    attempt = attempt_start(trainee=trainee, quiz=quiz)
    attempt_submit(trainee=trainee, attempt_id=attempt.pk, answers=wrong_answers(attempt))
    assert quiz_standing(quiz=quiz, trainee=trainee).next_allowed_at is not None


def test_lifting_the_wait_closes_an_open_request(
    make_quiz, enrolled, trainee, coordinator, client, mfa_login
):
    quiz = make_quiz(wait_minutes=60, max_attempts=1)
    fail(trainee, quiz)
    asked, created = attempt_request_create(trainee=trainee, quiz=quiz)
    assert created
    mfa_login(client, coordinator)

    client.post(override_url(enrolled, quiz), {"kind": "lift_wait", "reason": "Asked by phone"})

    asked.refresh_from_db()
    assert asked.closed_by == QuizOverride.objects.get(kind="lift_wait")


# ---------------------------------------------------------------- resetting a broken attempt


def test_resetting_voids_the_open_attempt_and_keeps_it(
    make_quiz, enrolled, trainee, coordinator, client, mfa_login
):
    quiz = make_quiz(max_attempts=1)
    broken = attempt_start(trainee=trainee, quiz=quiz)
    mfa_login(client, coordinator)
    record = client.get(record_url(enrolled)).content.decode()
    assert "Reset attempt 1" in record

    client.post(
        override_url(enrolled, quiz),
        {"kind": "reset_attempt", "reason": "Connection lost mid-quiz"},
    )

    broken.refresh_from_db()
    assert broken.is_voided and broken.submitted_at is None and broken.passed is None
    override = QuizOverride.objects.get()
    assert override.attempt == broken and broken.reset == override
    standing = quiz_standing(quiz=quiz, trainee=trainee)
    assert standing.attempts_used == 0 and standing.attempts_left == 1
    assert standing.can_start and standing.open_attempt is None
    fresh = attempt_start(trainee=trainee, quiz=quiz)
    assert fresh.number == 2 and Attempt.objects.count() == 2
    (told,) = emails_to(trainee.email)
    assert "was reset" in told.subject


def test_a_voided_attempt_cannot_be_submitted_or_count_as_a_pass(
    quiz, enrolled, trainee, coordinator, client
):
    broken = attempt_start(trainee=trainee, quiz=quiz)
    quiz_override_create(
        coordinator=coordinator,
        enrollment=enrolled,
        quiz=quiz,
        kind="reset_attempt",
        reason="Browser crashed",
    )

    answers = {q["key"]: [o["key"] for o in q["options"] if o["correct"]] for q in broken.questions}
    result = attempt_submit(trainee=trainee, attempt_id=broken.pk, answers=answers)
    assert result.is_voided and result.passed is None
    assert not quiz_standing(quiz=quiz, trainee=trainee).passed_attempt

    client.force_login(trainee)
    response = client.get(f"/assessments/attempts/{broken.pk}/", follow=True)
    assert "Your coordinator reset this attempt" in response.content.decode()

    with pytest.raises(IntegrityError), transaction.atomic():
        Attempt.objects.filter(pk=broken.pk).update(passed=True)


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "extra_attempts", "extra_attempts": "1", "reason": ""}, "Give a reason"),
        ({"kind": "extra_attempts", "extra_attempts": "1", "reason": "   "}, "Give a reason"),
        ({"kind": "extra_attempts", "extra_attempts": "1", "reason": "x" * 501}, "500 characters"),
        ({"kind": "extra_attempts", "extra_attempts": "0", "reason": "Ok"}, "between 1 and 10"),
        ({"kind": "extra_attempts", "extra_attempts": "-2", "reason": "Ok"}, "between 1 and 10"),
        ({"kind": "extra_attempts", "extra_attempts": "11", "reason": "Ok"}, "between 1 and 10"),
        ({"kind": "extra_attempts", "extra_attempts": "many", "reason": "Ok"}, "between 1 and 10"),
        ({"kind": "extra_attempts", "reason": "Ok"}, "between 1 and 10"),
        ({"kind": "reset_attempt", "reason": "Ok"}, "no attempt in progress to reset"),
        ({"kind": "lift_wait", "reason": "Ok"}, "no wait to lift"),
        ({"kind": "delete_everything", "reason": "Ok"}, "Choose extra attempts"),
        ({"reason": "Ok"}, "Choose extra attempts"),
    ],
)
def test_bad_input_gets_a_clear_message_and_stores_nothing(
    client, quiz, out_of_attempts, trainee, coordinator, mfa_login, data, message
):
    attempt_request_create(trainee=trainee, quiz=quiz)
    emails_before = Email.objects.count()
    mfa_login(client, coordinator)

    response = client.post(override_url(out_of_attempts, quiz), data, follow=True)

    assert message in response.content.decode()
    assert "Nothing was changed." in response.content.decode()
    assert not QuizOverride.objects.exists()
    assert AttemptRequest.objects.get().is_open
    assert Email.objects.count() == emails_before
    assert not quiz_standing(quiz=quiz, trainee=trainee).can_start


def test_nobody_overrides_their_own_quiz(quiz, provider, coordinator, programme):
    own = enrollment_create(trainee=coordinator, programme=programme)
    with pytest.raises(ValidationError, match="Nobody overrides their own quiz"):
        quiz_override_create(
            coordinator=coordinator,
            enrollment=own,
            quiz=quiz,
            kind="extra_attempts",
            extra_attempts=1,
            reason="Me",
        )
    assert not QuizOverride.objects.exists()


def test_asking_with_attempts_left_is_refused(client, quiz, enrolled, trainee):
    client.force_login(trainee)
    response = client.post(f"/assessments/quizzes/{quiz.pk}/request/", follow=True)
    assert "no need to ask" in response.content.decode()
    assert not AttemptRequest.objects.exists() and not Email.objects.exists()


def test_the_database_keeps_one_open_request_and_consistent_overrides(
    quiz, out_of_attempts, coordinator
):
    AttemptRequest.objects.create(enrollment=out_of_attempts, quiz=quiz)
    with pytest.raises(IntegrityError), transaction.atomic():
        AttemptRequest.objects.create(enrollment=out_of_attempts, quiz=quiz)
    base = {"enrollment": out_of_attempts, "quiz": quiz, "by": coordinator, "by_name": "C"}
    for bad in (
        {"kind": "extra_attempts", "extra_attempts": 11, "reason": "Ok"},
        {"kind": "extra_attempts", "extra_attempts": 0, "reason": "Ok"},
        {"kind": "extra_attempts", "extra_attempts": 1, "reason": "  "},
        {"kind": "lift_wait", "extra_attempts": 1, "reason": "Ok"},
        {"kind": "reset_attempt", "reason": "Ok"},
        {"kind": "anything", "reason": "Ok"},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            QuizOverride.objects.create(**base, **bad)


# ---------------------------------------------------------------- who may


def test_a_coordinator_of_another_provider_gets_404_and_changes_nothing(
    client, quiz, out_of_attempts, trainee, make_member, mfa_login
):
    attempt_request_create(trainee=trainee, quiz=quiz)
    mfa_login(client, make_member(Role.COORDINATOR, organisation=OrganisationFactory()))

    response = client.post(
        override_url(out_of_attempts, quiz),
        {"kind": "extra_attempts", "extra_attempts": "1", "reason": "Ok"},
    )
    queue = client.get("/assessments/requests/").content.decode()

    assert response.status_code == 404
    assert not QuizOverride.objects.exists() and AttemptRequest.objects.get().is_open
    assert trainee.get_full_name() not in queue


def test_ids_that_do_not_belong_together_are_404(
    client, quiz, out_of_attempts, coordinator, build_programme, make_member, mfa_login
):
    other_programme = build_programme(slug="other")
    outsider = enrollment_create(trainee=make_member(Role.TRAINEE), programme=other_programme)
    mfa_login(client, coordinator)
    data = {"kind": "extra_attempts", "extra_attempts": "1", "reason": "Ok"}
    enrollment = out_of_attempts

    paths = [
        # an enrolment of another programme, under this programme's id
        f"/assessments/coordinate/{enrollment.programme_id}/trainees/{outsider.pk}"
        f"/quizzes/{quiz.pk}/override/",
        # this quiz under the other programme, with its enrolment
        override_url(outsider, quiz),
        # no such quiz
        f"/assessments/coordinate/{enrollment.programme_id}/trainees/{enrollment.pk}"
        "/quizzes/999999/override/",
    ]
    assert [client.post(path, data).status_code for path in paths] == [404, 404, 404]
    assert not QuizOverride.objects.exists()


def test_trainees_and_sessions_without_mfa_cannot_override(
    client, quiz, out_of_attempts, trainee, coordinator, with_totp
):
    data = {"kind": "extra_attempts", "extra_attempts": "1", "reason": "Ok"}
    client.force_login(trainee)
    assert client.post(override_url(out_of_attempts, quiz), data).status_code == 403
    assert client.get("/assessments/requests/").status_code == 403

    with_totp(coordinator)
    client.force_login(coordinator)  # a password-only session
    response = client.post(override_url(out_of_attempts, quiz), data)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/2fa/")
    assert not QuizOverride.objects.exists()


def test_the_request_form_needs_a_login_and_a_post(client, quiz):
    assert client.post(f"/assessments/quizzes/{quiz.pk}/request/").status_code == 302
    assert not AttemptRequest.objects.exists()


# ---------------------------------------------------------------- the coordinator's lists


def make_requests(quiz, programme, make_member, count: int) -> None:
    for n in range(count):
        trainee = make_member(Role.TRAINEE, first_name="Asker", last_name=f"Number{n}")
        enrollment = enrollment_create(trainee=trainee, programme=programme)
        AttemptRequest.objects.create(
            enrollment=enrollment,
            quiz=quiz,
            requested_at=timezone.now() - datetime.timedelta(hours=count - n),
        )


def test_the_queue_and_the_gradebook_list_open_requests_linking_the_record(
    client, quiz, programme, coordinator, make_member, mfa_login
):
    make_requests(quiz, programme, make_member, 2)
    closed = AttemptRequest.objects.first()
    override = QuizOverride.objects.create(
        enrollment=closed.enrollment,
        quiz=quiz,
        kind="lift_wait",
        reason="Ok",
        by=coordinator,
        by_name="C",
    )
    AttemptRequest.objects.filter(pk=closed.pk).update(closed_at=timezone.now(), closed_by=override)
    mfa_login(client, coordinator)

    for path in ("/assessments/requests/", f"/coordinate/{programme.pk}/gradebook/"):
        page = client.get(path).content.decode()
        start = page.index("data-attempt-requests")
        html = page[start : page.index("</table>", start)]
        assert "1 open request for another quiz attempt" in html
        assert "Asker Number1" in html and "Asker Number0" not in html
        open_one = AttemptRequest.objects.get(closed_at=None)
        assert f"{record_url(open_one.enrollment)}#quiz-{quiz.pk}" in html
    dashboard = client.get("/dashboard/").content.decode()
    assert "/assessments/requests/" in dashboard


def test_the_queue_costs_the_same_queries_for_3_or_30_requests(
    client, quiz, programme, coordinator, make_member, mfa_login, django_assert_max_num_queries
):
    mfa_login(client, coordinator)
    make_requests(quiz, programme, make_member, 3)
    with django_assert_max_num_queries(30) as few:
        client.get("/assessments/requests/")
    make_requests(quiz, programme, make_member, 27)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get("/assessments/requests/").content.decode()
    assert "30 open requests" in html


def test_the_learner_record_costs_the_same_queries_with_a_long_history(
    client, quiz, out_of_attempts, coordinator, mfa_login, django_assert_max_num_queries
):
    mfa_login(client, coordinator)

    def grant() -> None:
        quiz_override_create(
            coordinator=coordinator,
            enrollment=out_of_attempts,
            quiz=quiz,
            kind="extra_attempts",
            extra_attempts=1,
            reason="Ok",
        )

    grant()
    with django_assert_max_num_queries(60) as few:
        client.get(record_url(out_of_attempts))
    for _ in range(10):
        grant()
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(record_url(out_of_attempts)).content.decode()
    assert html.count("data-override>") == 11


# ---------------------------------------------------------------- erasure


def test_erasure_takes_the_trainees_overrides_and_pseudonymises_the_coordinator(
    quiz, enrolled, trainee, coordinator, make_member, programme, settings
):
    settings.PRACTICE_RECORD_RETENTION_DAYS = 730
    attempt_start(trainee=trainee, quiz=quiz)
    quiz_override_create(
        coordinator=coordinator,
        enrollment=enrolled,
        quiz=quiz,
        kind="reset_attempt",
        reason="Connection lost",
    )
    fail(trainee, quiz, times=3)
    attempt_request_create(trainee=trainee, quiz=quiz)
    other = make_member(Role.TRAINEE)
    kept = quiz_override_create(
        coordinator=coordinator,
        enrollment=enrollment_create(trainee=other, programme=programme),
        quiz=quiz,
        kind="extra_attempts",
        extra_attempts=1,
        reason="Ok",
    )

    user_erase(user=trainee)
    plan = user_erase(user=coordinator)

    assert not QuizOverride.objects.filter(enrollment__trainee_id=trainee.pk).exists()
    assert not AttemptRequest.objects.exists() and not Attempt.objects.exists()
    kept.refresh_from_db()
    assert kept.by is None and kept.by_name == plan.pseudonym
