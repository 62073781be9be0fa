"""The demo programme is the curriculum, loaded by the curriculum loader, plus a cohort."""

import pytest

from courses.models import Cohort, LessonPage, ModulePage
from demo.loaders.courses import seed_programme
from syllabus.tree import read_curriculum

from .conftest import FIXTURE_CURRICULUM

pytestmark = pytest.mark.django_db


def test_seed_programme_loads_the_curriculum_once_with_a_cohort(provider):
    curriculum = read_curriculum(FIXTURE_CURRICULUM)

    programme = seed_programme(organisation=provider, path=FIXTURE_CURRICULUM)
    again = seed_programme(organisation=provider, path=FIXTURE_CURRICULUM)

    assert again.pk == programme.pk and programme.live
    assert [m.slug for m in ModulePage.objects.child_of(programme).order_by("path")] == [
        m.slug for m in curriculum.modules
    ]
    assert LessonPage.objects.descendant_of(programme).count() == sum(
        len(m.lessons) for m in curriculum.modules
    )
    assert Cohort.objects.filter(programme=programme).count() == 1
