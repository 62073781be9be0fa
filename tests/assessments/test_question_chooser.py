"""Building a quiz: the question chooser filters the author's bank and picks many at once."""

import json

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from assessments.models import Question, QuestionCategory, QuizPage
from courses.models import ModulePage
from organisations.roles import Role
from tests.builders import published_quiz
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

CHOOSER = "wagtailsnippetchoosers_assessments_question"


@pytest.fixture
def bank(provider):
    """X's two categories, a shared one, and Y's, with questions of several kinds."""
    other = OrganisationFactory(name="Yarrow Recovery Training", slug="yarrow")
    boundaries = QuestionCategory.objects.create(name="Boundaries", organisation=provider)
    ethics = QuestionCategory.objects.create(name="Ethics", organisation=provider)
    shared = QuestionCategory.objects.create(name="Shared basics", organisation=None)
    theirs = QuestionCategory.objects.create(name="Yarrow secrets", organisation=other)

    def q(category, text, kind=Question.Kind.SINGLE, vignette=""):
        return Question.objects.create(category=category, text=text, kind=kind, vignette=vignette)

    return {
        "gift": q(boundaries, "May you accept a gift from the person you support?"),
        "dual": q(boundaries, "Is a dual relationship ever acceptable?", Question.Kind.TRUE_FALSE),
        "story": q(
            boundaries,
            "What do you say?",
            Question.Kind.SCENARIO,
            vignette="Maria asks to meet for coffee after the group.",
        ),
        "consent": q(ethics, "Which of these need consent?", Question.Kind.MULTIPLE),
        "recovery": q(shared, "What does recovery mean to you?"),
        "yarrow": q(theirs, "Yarrow only: what is the gift rule?"),
        "categories": {"boundaries": boundaries, "ethics": ethics, "theirs": theirs},
        "other": other,
    }


@pytest.fixture
def editor(make_member, client, mfa_login):
    user = make_member(Role.EDITOR)
    mfa_login(client, user)
    return user


def texts(response) -> str:
    return json.loads(response.content)["html"]


def listed(html, bank) -> set[str]:
    return {
        name
        for name, question in bank.items()
        if isinstance(question, Question)
        and question.text.replace("?", "") in html.replace("?", "")
    }


def test_the_chooser_shows_kind_and_category_and_only_the_providers_bank(
    client, editor, bank, django_assert_max_num_queries
):
    with django_assert_max_num_queries(40):
        response = client.get(reverse(f"{CHOOSER}:choose"), {"multiple": "1"})

    html = texts(response)
    assert listed(html, bank) == {"gift", "dual", "story", "consent", "recovery"}
    assert "Question" in html and "Kind" in html and "Category" in html
    assert "True or false" in html and "Multiple select" in html
    assert "Boundaries" in html and "Shared basics" in html
    assert 'type="checkbox"' in html
    # The category filter offers the editor's and shared categories only.
    assert "Yarrow secrets" not in html
    assert "Ethics" in html


def test_a_long_list_costs_no_more_queries(client, editor, bank, django_assert_max_num_queries):
    category = bank["categories"]["boundaries"]
    Question.objects.bulk_create(
        Question(category=category, text=f"Extra question {n}") for n in range(30)
    )
    with django_assert_max_num_queries(40):
        response = client.get(reverse(f"{CHOOSER}:choose_results"), {"multiple": "1"})
    assert "Extra question 29" in texts_or_html(response)


def texts_or_html(response) -> str:
    content = response.content.decode()
    return json.loads(content)["html"] if content.startswith("{") else content


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "true_false"}, {"dual"}),
        ({"kind": "scenario"}, {"story"}),
        ({"q": "gift"}, {"gift"}),
        ({"q": "coffee"}, {"story"}),  # words of the vignette count
        ({"q": "DUAL relationship"}, {"dual"}),
        ({"q": "gift dual"}, set()),  # every word must appear
        ({"category": "boundaries"}, {"gift", "dual", "story"}),
        ({"category": "boundaries", "kind": "single"}, {"gift"}),
        ({"category": "ethics", "q": "consent"}, {"consent"}),
    ],
)
def test_the_chooser_filters_by_category_kind_and_words(client, editor, bank, params, expected):
    if "category" in params:
        params = {**params, "category": bank["categories"][params["category"]].pk}

    response = client.get(reverse(f"{CHOOSER}:choose_results"), {"multiple": "1", **params})

    assert response.status_code == 200
    assert listed(texts_or_html(response), bank) == expected


def test_another_providers_category_or_words_find_nothing_of_theirs(client, editor, bank):
    for params in (
        {"category": bank["categories"]["theirs"].pk},
        {"q": "Yarrow"},
        {"q": "gift rule"},
    ):
        html = texts_or_html(client.get(reverse(f"{CHOOSER}:choose_results"), params))
        assert "Yarrow only" not in html, params


def test_choosing_several_returns_each_and_refuses_another_providers(client, editor, bank):
    ids = [bank["gift"].pk, bank["consent"].pk, bank["recovery"].pk, bank["yarrow"].pk]

    response = client.get(reverse(f"{CHOOSER}:chosen_multiple"), {"id": ids})

    chosen = json.loads(response.content)["result"]
    assert sorted(int(item["id"]) for item in chosen) == sorted(ids[:3])
    assert all(item["string"] for item in chosen)


def test_the_quiz_editor_adds_questions_with_the_multiple_chooser(client, editor, bank, programme):
    module = ModulePage.objects.child_of(programme).first()
    quiz = published_quiz(
        module, category=bank["categories"]["boundaries"], questions=[("Old one?", "Y", ["N"])]
    )
    edit = reverse("wagtailadmin_pages:edit", args=[quiz.pk])

    page = client.get(edit).content.decode()
    assert "Add questions from the bank" in page or "Add questions" in page
    assert "MultipleChooserPanel" in page

    # What the panel posts after the author ticked three questions in the chooser.
    chosen = [bank["gift"], bank["consent"], bank["recovery"]]
    old = quiz.quiz_questions.get()
    data = nested_form_data(
        {
            "title": quiz.title,
            "slug": quiz.slug,
            "introduction": "",
            "quiz_questions": inline_formset(
                [{"id": old.pk, "question": old.question_id, "ORDER": 0}]
                + [{"question": q.pk, "ORDER": n + 1} for n, q in enumerate(chosen)],
                initial=1,
            ),
            "comments": inline_formset([]),
            "pools": inline_formset([]),
            "kind": QuizPage.Kind.MODULE,
            "exam_length": 0,
            "pass_mark": 75,
            "max_attempts": 3,
            "wait_minutes": 0,
            "shuffle_questions": "",
            "shuffle_options": "",
            "draw_count": 0,
            "multiple_select_scoring": QuizPage.Scoring.ALL_OR_NOTHING,
        }
    )

    response = client.post(edit, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    draft = QuizPage.objects.get(pk=quiz.pk).get_latest_revision_as_object()
    assert [link.question_id for link in draft.quiz_questions.all()] == [
        old.question_id,
        *(q.pk for q in chosen),
    ]


def test_the_quiz_form_refuses_another_providers_question(client, editor, bank, programme):
    module = ModulePage.objects.child_of(programme).first()
    quiz = published_quiz(
        module, category=bank["categories"]["boundaries"], questions=[("Old one?", "Y", ["N"])]
    )
    old = quiz.quiz_questions.get()
    data = nested_form_data(
        {
            "title": quiz.title,
            "slug": quiz.slug,
            "quiz_questions": inline_formset(
                [
                    {"id": old.pk, "question": old.question_id, "ORDER": 0},
                    {"question": bank["yarrow"].pk, "ORDER": 1},
                ],
                initial=1,
            ),
            "comments": inline_formset([]),
            "pools": inline_formset([]),
            "kind": QuizPage.Kind.MODULE,
            "exam_length": 0,
            "pass_mark": 75,
            "max_attempts": 3,
            "wait_minutes": 0,
            "draw_count": 0,
            "multiple_select_scoring": QuizPage.Scoring.ALL_OR_NOTHING,
        }
    )

    response = client.post(reverse("wagtailadmin_pages:edit", args=[quiz.pk]), data)

    assert response.status_code == 200
    draft = QuizPage.objects.get(pk=quiz.pk).get_latest_revision_as_object()
    assert [link.question_id for link in draft.quiz_questions.all()] == [old.question_id]
