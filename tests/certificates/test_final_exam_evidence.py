"""A credential keeps the holder's final exam result by competency domain."""

import pytest

from assessments.models import QuestionCategory, QuizPage
from assessments.selectors import final_exam_evidence
from assessments.services import attempt_start, attempt_submit
from certificates.services import credential_issue_if_eligible, ethics_affirm
from courses.hours import training_hours
from courses.models import CompetencyDomain, ModulePage, TrainingHourMinimum
from tests.assessments.conftest import make_question, right_answers
from tests.builders import publish

pytestmark = pytest.mark.django_db


def test_the_passed_final_exam_is_in_the_credentials_achievement(
    trainee, provider, practice_programme, nearly_done
):
    # The profile asks, in the domain of the fixture's lessons, the hours the trainee earned
    # there (the blueprint weighs domains by these minimums; eligibility checks them).
    (earned,) = training_hours(enrollment_id=nearly_done.pk).domains
    ethics = CompetencyDomain.objects.get(pk=earned.domain_id)
    TrainingHourMinimum.objects.create(
        profile=practice_programme.requirement_profile, domain=ethics, hours=earned.hours
    )
    category = QuestionCategory.objects.create(
        name="Ethics bank", organisation=provider, domain=ethics
    )
    for n in range(3):
        make_question(category, text=f"Ethics {n}?")
    exam = publish(
        ModulePage.objects.child_of(practice_programme).get(slug="module-2"),
        QuizPage(
            title="Final exam", slug="final-exam", kind=QuizPage.Kind.FINAL_EXAM, exam_length=3
        ),
    )
    attempt = attempt_start(trainee=trainee, quiz=exam)
    attempt_submit(trainee=trainee, attempt_id=attempt.pk, answers=right_answers(attempt))

    nearly_done.refresh_from_db()
    ethics_affirm(trainee=trainee, enrollment=nearly_done, signed_name=trainee.get_full_name())

    final_exams = credential_issue_if_eligible(enrollment=nearly_done).achievement["final_exams"]
    assert final_exams == final_exam_evidence(enrollment=nearly_done)
    assert final_exams[0]["exam"] == "Final exam"
    assert final_exams[0]["domains"] == [
        {
            "domain": ethics.slug,
            "name": ethics.name,
            "questions": 3,
            "score_percent": "100.00",
            "strong": True,
        }
    ]


def test_a_programme_without_a_final_exam_adds_none(trainee, nearly_done):
    ethics_affirm(trainee=trainee, enrollment=nearly_done, signed_name=trainee.get_full_name())

    assert "final_exams" not in credential_issue_if_eligible(enrollment=nearly_done).achievement
