"""Loading the curriculum: all or nothing, idempotent, and never over an editor's changes."""

import pytest
from wagtail.models import Revision

from assessments.models import Question, QuestionCategory, QuizPage
from certificates.models import EthicsCode
from courses.models import LessonPage, ModulePage, ProgrammePage
from syllabus.loader import curriculum_load
from syllabus.problems import CurriculumError
from syllabus.tree import read_curriculum

from .conftest import edit

pytestmark = pytest.mark.django_db

ASKING = "modules/01-alpha/01-asking.md"


def load(tree, provider):
    return curriculum_load(curriculum=read_curriculum(tree), organisation=provider)


def test_the_curriculum_becomes_published_pages_and_banked_questions(good_tree, provider):
    result = load(good_tree, provider)

    programme = result.programme
    assert programme.live and programme.title == "Fixture Program"
    assert programme.requirement_profile.name == "Fixture profile"
    modules = list(programme.modules())
    assert [m.slug for m in modules] == ["alpha", "beta"]
    assert modules[0].declared_hours == 1 and modules[0].domain.slug == "ethical-responsibility"
    lessons = list(modules[0].lessons())
    assert [lesson.slug for lesson in lessons] == ["asking-directly", "afterwards"]
    assert lessons[0].estimated_minutes == 11
    assert [b.block_type for b in lessons[0].body][:3] == ["heading", "paragraph", "callout"]
    quiz = QuizPage.objects.child_of(modules[0]).get()
    assert quiz.live
    assert sorted(p.category.name for p in quiz.pools.all()) == ["a-1a", "a-1b", "a-2a", "a-2b"]
    assert all(p.draw == 1 for p in quiz.pools.all())
    assert Question.objects.filter(category__organisation=provider).count() == 18
    # Objectives' categories are not filed under a domain: the final exam draws its own items.
    assert QuestionCategory.objects.get(name="b-1a").domain is None
    assert EthicsCode.objects.get(profile=programme.requirement_profile).version == 1


def test_loading_twice_makes_no_new_revision_or_question(good_tree, provider):
    load(good_tree, provider)
    revisions, questions = Revision.objects.count(), Question.objects.count()

    result = load(good_tree, provider)

    assert Revision.objects.count() == revisions
    assert Question.objects.count() == questions
    assert result.created == result.updated == result.conflicts == []
    assert result.questions["unchanged"] == 18


def test_a_changed_file_updates_its_page_as_a_new_revision(good_tree, provider):
    load(good_tree, provider)
    edit(good_tree / ASKING, "title: Asking directly", "title: Asking plainly")

    result = load(good_tree, provider)

    assert result.updated == ["programme/fixture-program/alpha/asking-directly"]
    lesson = LessonPage.objects.get(slug="asking-directly")
    assert lesson.title == "Asking plainly" and lesson.live
    assert lesson.revisions.count() == 2


def test_an_invalid_file_changes_nothing(good_tree, provider):
    load(good_tree, provider)
    edit(good_tree / ASKING, "title: Asking directly", "title: Asking plainly")
    edit(good_tree / "modules/02-beta/01-rights.md", "icrc: AD-4", "icrc: AD-99")
    revisions = Revision.objects.count()

    with pytest.raises(CurriculumError, match="unknown IC&RC task 'AD-99'"):
        load(good_tree, provider)

    assert Revision.objects.count() == revisions
    assert LessonPage.objects.get(slug="asking-directly").title == "Asking directly"


def test_a_first_load_that_fails_half_way_leaves_no_page(good_tree, provider):
    # Valid files, but a question the bank refuses (an option too long for its column).
    quiz = good_tree / "modules/02-beta/quiz.gift"
    edit(quiz, "~Wrong option. #No.", "~" + "x" * 600 + " #No.")

    with pytest.raises(CurriculumError):
        load(good_tree, provider)

    assert not ProgrammePage.objects.filter(slug="fixture-program").exists()
    assert not Question.objects.exists()


def test_a_page_edited_in_the_cms_is_not_overwritten_and_the_conflict_is_reported(
    good_tree, provider
):
    load(good_tree, provider)
    lesson = LessonPage.objects.get(slug="asking-directly")
    lesson.summary = "An editor's better summary."
    lesson.save_revision().publish()

    quiet = load(good_tree, provider)  # the files did not change: kept, no conflict
    edit(good_tree / ASKING, "title: Asking directly", "title: Asking plainly")
    result = load(good_tree, provider)

    assert quiet.kept == ["programme/fixture-program/alpha/asking-directly"]
    assert result.conflicts == ["programme/fixture-program/alpha/asking-directly"]
    lesson = LessonPage.objects.get(pk=lesson.pk)
    assert lesson.summary == "An editor's better summary." and lesson.title == "Asking directly"
    assert "CONFLICT" in "\n".join(result.lines())


def test_a_new_ethics_text_is_a_new_version_of_the_code(good_tree, provider):
    load(good_tree, provider)
    edit(good_tree / "program.yaml", "I put the person first.", "I put the person first, always.")

    load(good_tree, provider)

    versions = EthicsCode.objects.order_by("version")
    assert [code.version for code in versions] == [1, 2]
    assert "always" in versions.last().text


def test_modules_keep_the_program_order(good_tree, provider):
    edit(good_tree / "program.yaml", "  - 01-alpha\n  - 02-beta\n", "  - 02-beta\n  - 01-alpha\n")

    result = load(good_tree, provider)

    assert [m.slug for m in ModulePage.objects.child_of(result.programme).order_by("path")] == [
        "beta",
        "alpha",
    ]


def test_a_final_exam_draws_by_domain_from_the_banks_and_final_exam_gift(good_tree, provider):
    from assessments.selectors import final_exam_blueprint

    with (good_tree / "program.yaml").open("a") as program:
        program.write("final_exam:\n  title: Final exam\n  exam_length: 4\n  pass_mark: 75\n")
    (good_tree / "final-exam.gift").write_text(
        "$CATEGORY: advocacy\n\n::fe-1:: Which law protects people taking MOUD at work? {\n"
        "  =The ADA #Yes.\n  ~None #No.\n}\n\n"
        "$CATEGORY: ethical-responsibility\n\n::fe-2:: Who may see a practice note? {\n"
        "  =You and your supervisor #Yes.\n  ~Anyone who asks #No.\n}\n"
    )

    result = load(good_tree, provider)
    again = load(good_tree, provider)

    exam = QuizPage.objects.get(kind=QuizPage.Kind.FINAL_EXAM)
    assert exam.live and exam.exam_length == 4
    assert exam.get_parent().get_prev_sibling().slug == "beta"  # the last module
    shares = {
        s.domain.slug: s for s in final_exam_blueprint(programme=result.programme, exam_length=4)
    }
    # Only the exam's own items, never a module quiz's.
    assert shares["advocacy"].questions.count() == 1
    assert shares["ethical-responsibility"].questions.count() == 1
    assert again.created == again.updated == []


def test_a_question_edited_in_the_cms_is_kept_and_a_clash_reported(good_tree, provider):
    load(good_tree, provider)
    question = Question.objects.get(name="b-1a-1")
    question.text = "An editor's clearer wording?"
    question.save()
    question.save_revision()

    quiet = load(good_tree, provider)
    edit(good_tree / "modules/02-beta/quiz.gift", "Question 1 about b-1a?", "Question one, b-1a?")
    clash = load(good_tree, provider)

    key = f"question/{provider.pk}/b-1a/b-1a-1"
    assert quiet.kept == [key] and quiet.conflicts == []
    assert clash.conflicts == [key]
    assert Question.objects.get(pk=question.pk).text == "An editor's clearer wording?"
    assert Question.objects.filter(category__organisation=provider).count() == 18
