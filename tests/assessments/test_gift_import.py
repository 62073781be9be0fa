from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from assessments.formatting import render_text
from assessments.grading import score_question
from assessments.models import Option, Question, QuestionCategory
from assessments.services import GiftImportError, attempt_start, gift_import
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

GOOD = """$CATEGORY: $course$/Boundaries

::coffee:: A client asks you for coffee as friends. What do you do?{
=Decline warmly and explain the role#Kind and clear.
~Accept once#This blurs the relationship.
~Ignore it#Leaves them confused.
}

::tf:: Peer workers keep any secret they are asked to.{FALSE#Some must be shared.#Right.}
"""


def test_a_good_file_imports_with_categories_options_and_feedback():
    report = gift_import(text=GOOD, default_category="Imported", skip_unsupported=False)

    assert report.imported == 2 and report.skipped == []
    coffee = Question.objects.get(kind="single")
    assert coffee.category.name == "Boundaries"
    assert coffee.options.get(is_correct=True).feedback == "Kind and clear."
    assert Question.objects.get(kind="true_false").options.get(is_correct=True).text == "False"
    assert coffee.revisions.count() == 1


def test_a_syntax_error_names_its_line_and_imports_nothing():
    broken = GOOD + "\n::bad:: Unclosed {\n=yes\n~no\n"

    with pytest.raises(GiftImportError, match="Line 11"):
        gift_import(text=broken, default_category="Imported", skip_unsupported=True)

    assert not Question.objects.exists()
    assert not QuestionCategory.objects.exists()


def test_unsupported_types_stop_the_import_unless_skipped():
    text = GOOD + "\n::essay:: Tell us about yourself.{}\n"

    with pytest.raises(GiftImportError, match="line 11: essay question “essay”"):
        gift_import(text=text, default_category="Imported", skip_unsupported=False)
    assert not Question.objects.exists()

    report = gift_import(text=text, default_category="Imported", skip_unsupported=True)
    assert report.imported == 2
    assert [(q.line, q.kind) for q in report.skipped] == [(11, "essay")]


def test_moodles_own_test_file_imports_what_peerpath_supports(capsys, moodle_gift_file):
    with pytest.raises(CommandError, match="line 2: essay"):
        call_command("import_gift", str(moodle_gift_file))
    assert not Question.objects.exists()

    call_command("import_gift", str(moodle_gift_file), "--skip-unsupported")

    output = capsys.readouterr().out
    for line, kind in [(2, "essay"), (5, "matching"), (31, "numerical"), (34, "short answer")]:
        assert f"Skipped line {line}: {kind}" in output
    assert "Imported 5 questions: 5 new, 0 updated, 0 unchanged." in output
    colours = Question.objects.get(kind="multiple")
    weights = sorted(Option.objects.filter(question=colours).values_list("weight", flat=True))
    assert [int(w) for w in weights] == [-100, -100, 50, 50]
    assert Question.objects.filter(kind="true_false").count() == 3
    assert sorted(Question.objects.values_list("name", flat=True)) == [
        "2-08 TSL",
        "2-08 TSL",
        "Q1",
        "Q2",
        "colours",
    ]

    # Importing it again finds every question, the two "2-08 TSL" included, and adds none.
    call_command("import_gift", str(moodle_gift_file), "--skip-unsupported")
    assert "Imported 5 questions: 0 new, 0 updated, 5 unchanged." in capsys.readouterr().out
    assert Question.objects.count() == 5


def test_the_command_reports_a_missing_file():
    with pytest.raises(CommandError, match="No file at"):
        call_command("import_gift", "/nonexistent/file.gift")


def upload(client, content: bytes, **data):
    return client.post(
        "/cms/gift-import/",
        {"file": SimpleUploadedFile("bank.gift", content), "category": "Imported", **data},
    )


def test_coordinators_upload_gift_files_in_the_admin(client, coordinator, provider, mfa_login):
    mfa_login(client, coordinator)

    response = upload(client, GOOD.encode())

    assert response.status_code == 302
    assert Question.objects.count() == 2
    assert {q.category.organisation for q in Question.objects.all()} == {provider}


def test_an_upload_never_files_questions_in_another_providers_bank(
    client, coordinator, provider, mfa_login
):
    """Same category name as another provider's: the upload makes its own category."""
    other = OrganisationFactory()
    theirs = QuestionCategory.objects.create(name="Boundaries", organisation=other)
    mfa_login(client, coordinator)

    refused = upload(client, GOOD.encode(), organisation=other.pk)
    accepted = upload(client, GOOD.encode())

    assert refused.status_code == 200
    assert "Select a valid choice" in refused.content.decode()
    assert accepted.status_code == 302
    assert not theirs.questions.exists()
    assert QuestionCategory.objects.get(name="Boundaries", organisation=provider).questions.count()


def test_the_admin_upload_lists_unsupported_types_and_changes_nothing(
    client, coordinator, mfa_login
):
    mfa_login(client, coordinator)

    response = upload(client, (GOOD + "\n::m:: Match{=a -> b\n=c -> d}\n").encode())

    assert response.status_code == 200
    assert "matching question" in response.content.decode()
    assert not Question.objects.exists()

    response = upload(
        client, (GOOD + "\n::m:: Match{=a -> b\n=c -> d}\n").encode(), skip_unsupported="on"
    )
    assert response.status_code == 302
    assert Question.objects.count() == 2


def test_the_admin_upload_refuses_a_file_that_is_not_utf8(client, coordinator, mfa_login):
    mfa_login(client, coordinator)

    response = upload(client, "Caf\xe9 {=T}".encode("latin-1"))

    assert "not UTF-8 text" in response.content.decode()
    assert not Question.objects.exists()


def test_trainees_cannot_reach_the_upload(client, trainee):
    client.force_login(trainee)
    assert upload(client, GOOD.encode()).status_code in (302, 403)
    assert not Question.objects.exists()


# --------------------------------------------------------------------------------------------
# Moodle's scoring, kept through the import


HOMETOWN = """::Jesus' hometown::Jesus Christ was from {
    ~Jerusalem#This was an important city, but the wrong answer.
    ~%25%Bethlehem#He was born here, but not raised here.
    ~%50%Galilee#You need to be more specific.
    =Nazareth#Yes! That's right!}.

::Grant's tomb::Who is buried in Grant's tomb?{=no one =nobody ~Grant}

::Thirds::Pick the three thirds.{
    ~%33.33333%one ~%33.33333%two ~%33.33333%three ~%-100%none}
"""


def imported(name: str) -> Question:
    return Question.objects.prefetch_related("options").get(name=name)


def score(question: Question, *chosen: str, partial: bool) -> Decimal:
    """Grade as an attempt does, from the fields _snapshot copies."""
    snapshot = {
        "kind": question.kind,
        "options": [
            {
                "key": option.text,
                "correct": option.is_correct,
                "weight": str(option.weight) if option.weight is not None else None,
            }
            for option in question.options.all()
        ],
    }
    return score_question(snapshot, set(chosen), partial=partial)


def test_a_weighted_single_choice_scores_as_in_moodle():
    gift_import(text=HOMETOWN, default_category="Imported", skip_unsupported=False)
    hometown = imported("Jesus' hometown")

    assert hometown.kind == Question.Kind.SINGLE
    assert [o.text for o in hometown.options.filter(is_correct=True)] == ["Nazareth"]
    for partial in (False, True):
        assert score(hometown, "Nazareth", partial=partial) == 1
        assert score(hometown, "Jerusalem", partial=partial) == 0
    # Partial credit, when the quiz gives it, is Moodle's: the answer's weight.
    assert score(hometown, "Galilee", partial=True) == Decimal("0.5")
    assert score(hometown, "Bethlehem", partial=True) == Decimal("0.25")
    assert score(hometown, "Galilee", partial=False) == 0


def test_several_equals_answers_are_each_fully_right():
    gift_import(text=HOMETOWN, default_category="Imported", skip_unsupported=False)
    tomb = imported("Grant's tomb")

    assert tomb.kind == Question.Kind.SINGLE
    assert score(tomb, "no one", partial=False) == 1
    assert score(tomb, "nobody", partial=False) == 1
    assert score(tomb, "Grant", partial=True) == 0


def test_moodles_thirds_keep_their_precision_and_add_up_to_a_full_answer():
    gift_import(text=HOMETOWN, default_category="Imported", skip_unsupported=False)
    thirds = imported("Thirds")

    assert [o.weight for o in thirds.options.all()] == [
        Decimal("33.33333"),
        Decimal("33.33333"),
        Decimal("33.33333"),
        Decimal("-100"),
    ]
    for partial in (False, True):
        assert score(thirds, "one", "two", "three", partial=partial) == 1
    assert score(thirds, "one", "two", partial=True) == Decimal("0.6667")
    assert score(thirds, "one", "two", "three", "none", partial=True) == 0


# --------------------------------------------------------------------------------------------
# Names, formats, long text


def test_titles_become_names_and_untitled_questions_are_named_from_their_text():
    gift_import(
        text=GOOD + "\nA question without a title, written to be long enough to be cut short "
        "when Moodle names it from its first words and more words.{T}\n",
        default_category="Imported",
        skip_unsupported=False,
    )

    assert sorted(Question.objects.values_list("name", flat=True)) == [
        "A question without a title, written to be long enough to be cut short when Moodle "
        "names it from its first words and more words.",
        "coffee",
        "tf",
    ]


def test_html_is_kept_and_sanitised():
    gift_import(
        text=(
            "::H::[html]<p onclick\\='steal()'>Read <b>this</b><script>steal()</script> "
            '<a href\\="javascript\\:steal()">here</a> and <a href\\="https\\://example.org">'
            "there</a>.</p>{\n"
            "=<em>Yes</em> #<img src\\=x onerror\\=steal()>Right\n"
            "~[plain]<no> & more\n"
            "}\n"
        ),
        default_category="Imported",
        skip_unsupported=False,
    )
    question = imported("H")

    assert question.text_format == Question.TextFormat.HTML
    assert question.text == (
        '<p>Read <b>this</b> <a>here</a> and <a href="https://example.org">there</a>.</p>'
    )
    assert [(o.text, o.feedback) for o in question.options.all()] == [
        ("<em>Yes</em>", "Right"),
        ("&lt;no&gt; &amp; more", ""),
    ]


def test_html_is_sanitised_again_when_shown():
    # An editor may have changed the stored HTML since it was imported.
    assert render_text('<b onclick="x()">Hi</b><script>x()</script>', "html") == "<b>Hi</b>"
    assert render_text("<b>Hi</b>", "plain") == "&lt;b&gt;Hi&lt;/b&gt;"


def test_long_feedback_is_kept_whole():
    feedback = "Because " + "it matters. " * 60
    gift_import(
        text=f"::long:: Which?{{=yes #{feedback} ~no}}\n",
        default_category="Imported",
        skip_unsupported=False,
    )

    assert imported("long").options.get(text="yes").feedback == feedback.strip()


def test_an_answer_over_500_characters_is_refused_with_its_line_and_nothing_is_stored():
    text = GOOD + "\n::long::\nWhich?{\n=" + "x" * 501 + "\n~no\n}\n"

    with pytest.raises(GiftImportError, match="Line 11: answer 1 is 501 characters long"):
        gift_import(text=text, default_category="Imported", skip_unsupported=False)

    assert not Question.objects.exists()
    assert not QuestionCategory.objects.exists()


# --------------------------------------------------------------------------------------------
# Importing again


def bank_state() -> list[tuple]:
    return [
        (
            q.pk,
            q.name,
            q.text,
            q.explanation,
            q.revisions.count(),
            list(q.options.values_list("pk", "text", "is_correct", "weight", "feedback")),
        )
        for q in Question.objects.order_by("pk")
    ]


def test_importing_the_same_file_again_changes_nothing():
    first = gift_import(text=GOOD, default_category="Imported", skip_unsupported=False)
    before = bank_state()

    again = gift_import(text=GOOD, default_category="Imported", skip_unsupported=False)

    assert (first.created, first.updated, first.unchanged) == (2, 0, 0)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert again.summary() == "Imported 2 questions: 0 new, 0 updated, 2 unchanged."
    assert bank_state() == before


def test_importing_an_edited_file_updates_in_place_with_a_revision():
    gift_import(text=GOOD, default_category="Imported", skip_unsupported=False)
    coffee = imported("coffee")
    option_pks = list(coffee.options.values_list("pk", flat=True))
    edited = GOOD.replace("Kind and clear.", "Kind, clear and honest.").replace(
        "~Ignore it#Leaves them confused.\n", ""
    )

    report = gift_import(text=edited, default_category="Imported", skip_unsupported=False)

    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    assert Question.objects.count() == 2
    coffee.refresh_from_db()
    assert coffee.revisions.count() == 2
    assert list(coffee.options.values_list("pk", "feedback")) == [
        (option_pks[0], "Kind, clear and honest."),
        (option_pks[1], "This blurs the relationship."),
    ]
    assert not Option.objects.filter(pk=option_pks[2]).exists()


def test_a_reworded_answer_is_a_new_option_and_a_moved_one_keeps_its_row():
    gift_import(text=GOOD, default_category="Imported", skip_unsupported=False)
    before = dict(imported("coffee").options.values_list("text", "pk"))
    edited = (
        GOOD.replace("~Accept once#", "~Accept just this once#")
        .replace("=Decline warmly and explain the role#Kind and clear.\n", "")
        .replace(
            "~Ignore it#Leaves them confused.\n",
            "~Ignore it#Leaves them confused.\n"
            "=Decline warmly and explain the role#Kind and clear.\n",
        )
    )

    gift_import(text=edited, default_category="Imported", skip_unsupported=False)

    after = list(imported("coffee").options.values_list("text", "pk", "sort_order"))
    assert after == [
        ("Accept just this once", after[0][1], 0),
        ("Ignore it", before["Ignore it"], 1),
        ("Decline warmly and explain the role", before["Decline warmly and explain the role"], 2),
    ]
    assert after[0][1] not in before.values()
    assert not Option.objects.filter(pk=before["Accept once"]).exists()


def test_the_command_reports_new_and_updated_questions(tmp_path, capsys):
    path = tmp_path / "bank.gift"
    path.write_text(GOOD, encoding="utf-8")
    call_command("import_gift", str(path))
    path.write_text(GOOD.replace("Right.", "Right: some must be shared."), encoding="utf-8")

    call_command("import_gift", str(path))

    assert capsys.readouterr().out.splitlines()[-1] == (
        "Imported 2 questions: 0 new, 1 updated, 1 unchanged."
    )


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        pytest.param("\n::bad:: Unclosed {\n=yes\n~no\n", "Line 11", id="syntax-error"),
        pytest.param("\n::essay:: Tell us.{}\n", "line 11: essay question", id="unsupported"),
        pytest.param("\n::short:: One word.{Paris}\n", "line 11: short answer", id="short-form"),
        pytest.param("\n::w:: Which?{=a ~%101%b}\n", "Line 11: answer weight", id="weight"),
        pytest.param(
            "\n::img::[html]Which?{=<img src\\=x.png> ~b}\n",
            "Line 11: answer 1 has no text once its HTML is cleaned",
            id="empty-after-cleaning",
        ),
    ],
)
def test_a_bad_file_changes_nothing_already_in_the_bank(broken, message):
    gift_import(text=GOOD, default_category="Imported", skip_unsupported=False)
    before = bank_state()
    # The good questions are edited too, so a partial import would show.
    text = GOOD.replace("Kind and clear.", "Changed.") + broken

    with pytest.raises(GiftImportError, match=message):
        gift_import(text=text, default_category="Imported", skip_unsupported=False)

    assert bank_state() == before
    assert QuestionCategory.objects.count() == 1


def test_skipping_unsupported_shapes_lists_them_by_line_and_imports_the_rest(capsys, tmp_path):
    path = tmp_path / "bank.gift"
    path.write_text(
        GOOD + "\n::short:: One word.{Paris}\n\n::user:: Anyone who uses it is a ...{\n"
        "=%100%Moodler#\n}\n",
        encoding="utf-8",
    )

    call_command("import_gift", str(path), "--skip-unsupported")

    assert capsys.readouterr().out.splitlines() == [
        "Skipped line 11: short answer question (short)",
        "Skipped line 13: short answer question (user)",
        "Imported 2 questions: 2 new, 0 updated, 0 unchanged.",
    ]


def test_an_imported_html_question_shows_its_formatting_to_the_trainee_and_nothing_else(
    client, make_quiz, enrolled, trainee
):
    gift_import(
        text="::H::[html]Read <b>this</b><script>steal()</script>."
        "{=<i>yes</i> ~[plain]no & <more>}\n",
        default_category="Imported",
        skip_unsupported=False,
    )
    question = imported("H")
    # Edited in the admin since: shown through the same allow-list.
    Option.objects.filter(question=question, text="<i>yes</i>").update(
        text='<i onmouseover="steal()">yes</i><iframe src="https://example.org"></iframe>'
    )
    attempt = attempt_start(trainee=trainee, quiz=make_quiz(questions=[question]))
    client.force_login(trainee)

    page = client.get(reverse("assessments:attempt", kwargs={"attempt_id": attempt.pk}))

    content = page.content.decode()
    assert '<div class="question-text">Read <b>this</b>.</div>' in content
    assert "<i>yes</i></label>" in content
    assert "no &amp; &lt;more&gt;</label>" in content
    assert "steal()" not in content and "<iframe" not in content
    assert str(question) == "Read this ."


def test_a_single_choice_may_have_several_right_options_but_true_false_only_one():
    def options(*correct: bool) -> list[Option]:
        return [Option(text=f"o{n}", is_correct=c) for n, c in enumerate(correct)]

    Question(kind=Question.Kind.SINGLE).validate_options(options(True, True, False))
    with pytest.raises(ValidationError, match="exactly one correct option"):
        Question(kind=Question.Kind.TRUE_FALSE).validate_options(options(True, True))
    with pytest.raises(ValidationError, match="exactly one correct option"):
        Question(kind=Question.Kind.SCENARIO).validate_options(options(True, True, False))


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        pytest.param(
            "\n::" + "t" * 256 + "::Which?{T}\n", "Line 11: the title is 256 characters", id="title"
        ),
        pytest.param(
            "\n$CATEGORY: " + "c" * 256 + "\n\nWhich?{T}\n",
            "The category before line 13 is 256 characters",
            id="category",
        ),
    ],
)
def test_names_too_long_to_keep_are_refused_not_cut(extra, message):
    with pytest.raises(GiftImportError, match=message):
        gift_import(text=GOOD + extra, default_category="Imported", skip_unsupported=False)

    assert not Question.objects.exists()
    assert not QuestionCategory.objects.exists()
