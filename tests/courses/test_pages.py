from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from assessments.models import QuizPage
from cms.models import HomePage, StandardPage
from courses.models import (
    LessonPage,
    ModulePage,
    ProgrammeIndexPage,
    ProgrammePage,
    ProviderPage,
)
from tests.factories import OrganisationFactory


class TestCurriculumTree(WagtailPageTestCase):
    def test_home_holds_the_programme_index_and_standard_pages(self):
        self.assertAllowedSubpageTypes(HomePage, {ProgrammeIndexPage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_programme_index_sits_under_home_and_holds_providers(self):
        self.assertAllowedParentPageTypes(ProgrammeIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ProgrammeIndexPage, {ProviderPage})

    def test_providers_hold_programmes_and_programmes_hold_modules(self):
        self.assertAllowedParentPageTypes(ProviderPage, {ProgrammeIndexPage})
        self.assertAllowedSubpageTypes(ProviderPage, {ProgrammePage})
        self.assertAllowedParentPageTypes(ProgrammePage, {ProviderPage})
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

    def test_each_provider_has_its_own_programme_review_workflow(self):
        provider = OrganisationFactory(name="Harbour Peer Training")
        page = ProviderPage.objects.get(organisation=provider)

        workflow = page.get_workflow()

        self.assertEqual(workflow.name, "Program review: Harbour Peer Training")
        task = workflow.tasks.get().specific
        self.assertEqual(
            [g.name for g in task.groups.all()], ["Training coordinators of Harbour Peer Training"]
        )

    def test_the_role_wide_groups_approve_nothing_on_the_index(self):
        task = ProgrammeIndexPage.objects.get().get_workflow().tasks.get().specific
        self.assertEqual(list(task.groups.all()), [])
