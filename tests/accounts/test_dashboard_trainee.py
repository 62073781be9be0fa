"""A trainee's dashboard: the next step, quizzes left open, returned and held entries, hours
and the credential checklist, with the numbers the other pages show."""

import pytest
from django.urls import reverse

from assessments.models import QuestionCategory
from assessments.services import attempt_start
from certificates.models import EthicsCode
from certificates.services import credential_eligibility
from courses.models import ModulePage
from practice.models import LogEntry, SupervisorAssignment
from practice.services import entry_decide
from tests.builders import lesson_done, lessons_of, published_quiz

pytestmark = pytest.mark.django_db


def _dashboard(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_next_step_is_the_first_lesson_not_done(client, trainee, practice_enrollment):
    lessons = lessons_of(practice_enrollment.programme)
    lesson_done(trainee=trainee, lesson=lessons[0])

    html = _dashboard(client, trainee)

    assert f"Resume: {lessons[1].title}" in html
    assert lessons[1].url in html


def test_after_a_modules_lessons_its_quiz_is_next(client, trainee, practice_enrollment):
    programme = practice_enrollment.programme
    module = ModulePage.objects.get(slug="module-1", path__startswith=programme.path)
    quiz = published_quiz(
        module,
        category=QuestionCategory.objects.create(name="Boundaries"),
        questions=[("Who decides?", "The person", ["The worker"])],
        title="Boundaries quiz",
    )
    for lesson in lessons_of(programme)[:2]:
        lesson_done(trainee=trainee, lesson=lesson)

    html = _dashboard(client, trainee)

    assert "Take the quiz: Boundaries quiz" in html
    assert "Quizzes you started" not in html

    attempt = attempt_start(trainee=trainee, quiz=quiz)
    html = _dashboard(client, trainee)

    assert "Quizzes you started" in html
    assert reverse("assessments:attempt", kwargs={"attempt_id": attempt.pk}) in html


def test_with_the_training_done_the_code_of_ethics_is_next(
    client, trainee, practice_enrollment, profile
):
    EthicsCode.objects.create(profile=profile, version=1, text="I keep confidences.")
    for lesson in lessons_of(practice_enrollment.programme):
        lesson_done(trainee=trainee, lesson=lesson)

    html = _dashboard(client, trainee)

    assert "Affirm the code of ethics" in html
    assert reverse("certificates:ethics", kwargs={"enrollment_id": practice_enrollment.pk}) in html
    assert "Code of ethics not affirmed yet" in html


def test_the_checklist_is_the_credentials_pages_list(client, trainee, practice_enrollment):
    missing = credential_eligibility(enrollment=practice_enrollment).missing
    assert missing  # nothing done yet

    html = _dashboard(client, trainee)
    credentials_page = client.get(reverse("certificates:mine")).content.decode()

    for item in missing:
        assert f"<li>{item}</li>" in html
        assert f"<li>{item}</li>" in credentials_page
    assert "0 of 2 required modules complete" in html


def test_returned_entries_are_listed_with_a_link_each(
    client, trainee, assigned_supervisor, log_entry
):
    kept = log_entry(days_ago=2)
    returned = [log_entry(days_ago=days) for days in (3, 4)]
    for entry in returned:
        entry_decide(
            supervisor=assigned_supervisor,
            entry_id=entry.pk,
            approve=False,
            comment="Say which group this was.",
        )

    html = _dashboard(client, trainee)

    assert "2 entries returned by your supervisor" in html
    for entry in returned:
        assert reverse("practice:entry_edit", kwargs={"entry_id": entry.pk}) in html
    assert reverse("practice:entry_edit", kwargs={"entry_id": kept.pk}) not in html
    # The supervisor's comment and the trainee's reflection stay on the entry's own page.
    assert "Say which group this was." not in html
    assert returned[0].reflection not in html


def test_drafts_held_for_want_of_a_supervisor_are_counted(
    client, trainee, practice_enrollment, log_entry
):
    for days in (1, 2, 3):
        log_entry(days_ago=days, submit=False)

    html = _dashboard(client, trainee)

    assert "3 drafts waiting for a supervisor to be assigned" in html
    assert reverse("practice:log", kwargs={"enrollment_id": practice_enrollment.pk}) in html

    SupervisorAssignment.objects.create(
        organisation=practice_enrollment.programme.organisation,
        trainee=trainee,
        supervisor=trainee.__class__.objects.create_user(email="s@example.org", password="x"),
    )
    assert "waiting for a supervisor" not in _dashboard(client, trainee)


def test_practice_hours_by_category_are_the_logs_numbers(
    client, trainee, practice_enrollment, assigned_supervisor, log_entry
):
    entry = log_entry(minutes=90, category="group-facilitation")
    entry_decide(supervisor=assigned_supervisor, entry_id=entry.pk, approve=True)
    log_entry(minutes=30, category="one-to-one")

    html = _dashboard(client, trainee)
    log_page = client.get(
        reverse("practice:log", kwargs={"enrollment_id": practice_enrollment.pk})
    ).content.decode()

    # 1.5 approved in group facilitation, against a minimum of 2; half an hour waiting.
    row = html.split('data-category="Group facilitation"', 1)[1].split("</tr>", 1)[0]
    assert "data-short" in row
    assert '<td data-label="Approved" data-approved>1.5</td>' in row
    assert '<td data-label="Minimum">2</td>' in row
    log_row = log_page.split('data-category="Group facilitation"', 1)[1].split("</tr>", 1)[0]
    assert "<td data-approved>1.5</td>" in log_row
    waiting = html.split('data-category="One-to-one peer support"', 1)[1].split("</tr>", 1)[0]
    assert '<td data-label="Waiting">0.5</td>' in waiting


def test_nobody_elses_entries_show(client, trainee, make_member, assigned_supervisor, log_entry):
    entry = log_entry()
    entry_decide(supervisor=assigned_supervisor, entry_id=entry.pk, approve=False, comment="Fix.")
    other = make_member("trainee")

    html = _dashboard(client, other)

    assert "returned by your supervisor" not in html
    assert reverse("practice:entry_edit", kwargs={"entry_id": entry.pk}) not in html
    assert LogEntry.objects.get(pk=entry.pk).status == LogEntry.Status.RETURNED
