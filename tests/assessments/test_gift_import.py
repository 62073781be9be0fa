import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from assessments.models import Option, Question, QuestionCategory
from assessments.services import GiftImportError, gift_import
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
