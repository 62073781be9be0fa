from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from assessments.models import QuizPage
from cms.models import HomePage, StandardPage
from courses.models import LessonPage, ModulePage, ProgrammeIndexPage, ProgrammePage


class TestCurriculumTree(WagtailPageTestCase):
    def test_home_holds_the_programme_index_and_standard_pages(self):
        self.assertAllowedSubpageTypes(HomePage, {ProgrammeIndexPage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_programme_index_sits_under_home_and_holds_programmes(self):
        self.assertAllowedParentPageTypes(ProgrammeIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ProgrammeIndexPage, {ProgrammePage})

    def test_programmes_hold_modules(self):
        self.assertAllowedParentPageTypes(ProgrammePage, {ProgrammeIndexPage})
        self.assertAllowedSubpageTypes(ProgrammePage, {ModulePage})

    def test_modules_hold_lessons_and_a_quiz_and_lessons_hold_nothing(self):
        self.assertAllowedParentPageTypes(ModulePage, {ProgrammePage})
        self.assertAllowedSubpageTypes(ModulePage, {LessonPage, QuizPage})
        self.assertAllowedParentPageTypes(QuizPage, {ModulePage})
        self.assertAllowedSubpageTypes(QuizPage, set())
        self.assertEqual(QuizPage.max_count_per_parent, 1)
        self.assertAllowedParentPageTypes(LessonPage, {ModulePage})
        self.assertAllowedSubpageTypes(LessonPage, set())

    def test_there_is_one_programme_index(self):
        self.assertEqual(ProgrammeIndexPage.objects.count(), 1)
        self.assertFalse(ProgrammeIndexPage.can_create_at(Page.objects.get(depth=2)))

    def test_index_uses_the_programme_review_workflow(self):
        workflow = ProgrammeIndexPage.objects.get().get_workflow()
        self.assertEqual(workflow.name, "Programme review")
        task = workflow.tasks.get().specific
        self.assertEqual([g.name for g in task.groups.all()], ["Training coordinators"])
