"""A final exam: questions drawn by competency domain, and the result kept per domain."""

from decimal import Decimal

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from assessments.blueprint import blueprint_counts
from assessments.grading import domain_results
from assessments.models import QuestionCategory, QuizPage
from assessments.selectors import final_exam_evidence
from assessments.services import attempt_start, attempt_submit
from courses.models import CompetencyDomain, RequirementProfile, TrainingHourMinimum
from organisations.roles import Role
from tests.assessments.conftest import make_question, right_answers, wrong_answers
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

D = Decimal


@pytest.mark.parametrize(
    ("weights", "total", "expected"),
    [
        # IC&RC's 10/10/10/16 hours: exact at 46, largest remainders below it.
        ({"adv": D(10), "men": D(10), "rec": D(10), "eth": D(16)}, 46, [10, 10, 10, 16]),
        ({"adv": D(10), "men": D(10), "rec": D(10), "eth": D(16)}, 20, [5, 4, 4, 7]),
        ({"adv": D(10), "men": D(10), "rec": D(10), "eth": D(16)}, 10, [2, 2, 2, 4]),
        ({"adv": D(10), "men": D(10), "rec": D(10), "eth": D(16)}, 1, [0, 0, 0, 1]),
        # Equal remainders go to the larger weight, then to the domain listed first.
        ({"a": D(1), "b": D(1), "c": D(1)}, 2, [1, 1, 0]),
        ({"a": D(1), "b": D(2)}, 1, [0, 1]),
        ({"a": D("2.5"), "b": D("7.5")}, 4, [1, 3]),
        ({"a": D("0.25"), "b": D("0.25"), "c": D("0.5")}, 3, [1, 1, 1]),
        # Nothing to share, or nothing to share it by.
        ({"a": D(3), "b": D(1)}, 0, [0, 0]),
        ({}, 5, []),
    ],
)
def test_blueprint_counts_by_largest_remainder(weights, total, expected):
    counts = blueprint_counts(weights=weights, total=total)

    assert list(counts) == list(weights)
    assert list(counts.values()) == expected
    assert sum(counts.values()) == (total if weights else 0)


def test_domain_results_score_each_domain_against_the_pass_mark():
    ethics = {"slug": "ethics", "name": "Ethics"}
    advocacy = {"slug": "advocacy", "name": "Advocacy"}
    questions = [{"domain": ethics}, {"domain": advocacy}, {"domain": ethics}, {}]
    points = [D(1), D(0), D("0.5"), D(1)]

    rows = domain_results(questions, points, pass_mark=75)

    assert rows == [
        {
            "domain": "ethics",
            "name": "Ethics",
            "questions": 2,
            "score_percent": "75.00",
            "strong": True,
        },
        {
            "domain": "advocacy",
            "name": "Advocacy",
            "questions": 1,
            "score_percent": "0.00",
            "strong": False,
        },
    ]
    assert domain_results([{}], [D(1)], pass_mark=75) == []


# Drawing and scoring


@pytest.fixture
def domains():
    return {
        slug: CompetencyDomain.objects.get(slug=slug)
        for slug in ("advocacy", "ethical-responsibility")
    }


@pytest.fixture
def programme(build_programme, domains):
    """The programme asks 10 hours of advocacy and 15 of ethics: an exam shares 2 to 3."""
    profile = RequirementProfile.objects.create(name="Exam profile")
    for order, (slug, hours) in enumerate([("advocacy", 10), ("ethical-responsibility", 15)]):
        TrainingHourMinimum.objects.create(
            profile=profile, domain=domains[slug], hours=D(hours), sort_order=order
        )
    return build_programme(requirement_profile=profile)


@pytest.fixture
def shelves(provider, domains):
    """Per domain, a category of the provider holding six questions."""
    shelves = {}
    for slug, domain in domains.items():
        shelves[slug] = QuestionCategory.objects.create(
            name=f"{domain.name} bank", organisation=provider, domain=domain
        )
        for n in range(6):
            make_question(shelves[slug], text=f"{domain.name} {n}?")
    return shelves


def by_domain(attempt) -> dict[str, int]:
    counts: dict[str, int] = {}
    for question in attempt.questions:
        counts[question["domain"]["slug"]] = counts.get(question["domain"]["slug"], 0) + 1
    return counts


def test_a_final_exam_draws_each_domain_in_proportion(make_quiz, shelves, enrolled, trainee):
    exam = make_quiz(questions=[], kind=QuizPage.Kind.FINAL_EXAM, exam_length=5)

    attempt = attempt_start(trainee=trainee, quiz=exam)

    assert by_domain(attempt) == {"advocacy": 2, "ethical-responsibility": 3}


def test_a_final_exam_draws_only_its_providers_and_shared_questions(
    make_quiz, shelves, domains, enrolled, trainee
):
    theirs = QuestionCategory.objects.create(
        name="Their advocacy", organisation=OrganisationFactory(), domain=domains["advocacy"]
    )
    foreign = {make_question(theirs, text=f"Theirs {n}?").pk for n in range(20)}
    shared = QuestionCategory.objects.create(name="Shared advocacy", domain=domains["advocacy"])
    make_question(shared, text="Shared advocacy?")
    exam = make_quiz(questions=[], kind=QuizPage.Kind.FINAL_EXAM, exam_length=25)

    attempt = attempt_start(trainee=trainee, quiz=exam)

    asked = {q["question_id"] for q in attempt.questions}
    assert asked.isdisjoint(foreign)
    # 10 of 25 asked for advocacy: the bank holds 7 (six, and the shared one), all asked.
    assert by_domain(attempt) == {"advocacy": 7, "ethical-responsibility": 6}


def test_a_final_exam_retake_prefers_unseen_questions(make_quiz, shelves, enrolled, trainee):
    exam = make_quiz(questions=[], kind=QuizPage.Kind.FINAL_EXAM, exam_length=5)
    first = attempt_start(trainee=trainee, quiz=exam)
    attempt_submit(trainee=trainee, attempt_id=first.pk, answers=wrong_answers(first))

    second = attempt_start(trainee=trainee, quiz=exam)

    assert {q["question_id"] for q in first.questions}.isdisjoint(
        {q["question_id"] for q in second.questions}
    )


def test_the_result_is_kept_and_shown_per_domain(client, make_quiz, shelves, enrolled, trainee):
    exam = make_quiz(questions=[], kind=QuizPage.Kind.FINAL_EXAM, exam_length=10)
    attempt = attempt_start(trainee=trainee, quiz=exam)
    answers = right_answers(attempt)
    wrong = wrong_answers(attempt)
    advocacy = [q["key"] for q in attempt.questions if q["domain"]["slug"] == "advocacy"]
    for key in advocacy[:2]:
        answers[key] = wrong[key]

    attempt = attempt_submit(trainee=trainee, attempt_id=attempt.pk, answers=answers)
    client.force_login(trainee)
    html = client.get(f"/assessments/attempts/{attempt.pk}/").content.decode()

    attempt.refresh_from_db()
    assert attempt.score_percent == 80 and attempt.passed
    assert {
        row["domain"]: (row["score_percent"], row["strong"]) for row in attempt.domain_scores
    } == {
        "advocacy": ("50.00", False),
        "ethical-responsibility": ("100.00", True),
    }
    assert "Your result by competency domain" in html
    assert "Needs work" in html and "<strong>Strong</strong>" in html
    assert final_exam_evidence(enrollment=enrolled) == [
        {
            "exam": exam.title,
            "attempt": 1,
            "submitted_on": timezone.localdate(attempt.submitted_at).isoformat(),
            "score_percent": "80.00",
            "pass_mark": 75,
            "domains": attempt.domain_scores,
        }
    ]


def test_a_module_quiz_keeps_no_domain_scores(quiz, enrolled, trainee, client):
    attempt = attempt_start(trainee=trainee, quiz=quiz)
    attempt = attempt_submit(trainee=trainee, attempt_id=attempt.pk, answers=right_answers(attempt))
    client.force_login(trainee)

    html = client.get(f"/assessments/attempts/{attempt.pk}/").content.decode()

    assert attempt.domain_scores == []
    assert "by competency domain" not in html
    assert final_exam_evidence(enrollment=enrolled) == []


# Publishing checks the bank can supply each domain's share


def exam_form(quiz, user, *, exam_length, pools=()):
    data = nested_form_data(
        {
            "title": quiz.title,
            "slug": quiz.slug,
            "introduction": "",
            "kind": QuizPage.Kind.FINAL_EXAM,
            "exam_length": exam_length,
            "quiz_questions": inline_formset([]),
            "pools": inline_formset(
                [{"category": c.pk, "draw": 1, "ORDER": n} for n, c in enumerate(pools)]
            ),
            "comments": inline_formset([]),
            "pass_mark": 80,
            "max_attempts": 2,
            "wait_minutes": 0,
            "draw_count": 0,
            "multiple_select_scoring": QuizPage.Scoring.ALL_OR_NOTHING,
            "action-publish": "1",
        }
    )
    form_class = QuizPage.get_edit_handler().get_form_class()
    return form_class(data=data, instance=quiz, for_user=user, parent_page=quiz.get_parent())


@pytest.fixture
def author(make_member):
    return make_member(Role.COORDINATOR)


def test_publishing_refuses_an_exam_a_domain_cannot_supply(make_quiz, shelves, author):
    exam = make_quiz(questions=[], kind=QuizPage.Kind.FINAL_EXAM, exam_length=5)

    form = exam_form(exam, author, exam_length=20)

    assert not form.is_valid()
    assert form.non_field_errors() == [
        "The final exam asks 8 questions in Advocacy, and the bank holds 6 in categories of "
        "that domain. Add questions, file a category under the domain, or shorten the exam.",
        "The final exam asks 12 questions in Ethical responsibility, and the bank holds 6 in "
        "categories of that domain. Add questions, file a category under the domain, or "
        "shorten the exam.",
    ]


def test_publishing_accepts_an_exam_the_bank_can_supply(make_quiz, shelves, author):
    exam = make_quiz(questions=[], kind=QuizPage.Kind.FINAL_EXAM, exam_length=5)

    form = exam_form(exam, author, exam_length=10)

    assert form.is_valid(), form.errors


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("no length", "Set how many questions the final exam has."),
        ("pools", "A final exam draws its questions by competency domain"),
        ("no profile", "has no training hours by competency domain"),
    ],
)
def test_publishing_refuses_an_exam_without_a_blueprint(
    make_quiz, shelves, author, programme, case, message
):
    exam = make_quiz(questions=[], kind=QuizPage.Kind.FINAL_EXAM, exam_length=5)
    if case == "no profile":
        programme.requirement_profile.training_minimums.all().delete()

    form = exam_form(
        exam,
        author,
        exam_length=0 if case == "no length" else 5,
        pools=[shelves["advocacy"]] if case == "pools" else (),
    )

    assert not form.is_valid()
    assert message in " ".join(form.non_field_errors())
