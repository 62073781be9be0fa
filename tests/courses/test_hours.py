"""Training hours are computed in one place (``courses.hours``): credited lessons' minutes by
competency domain, for many enrolments in a constant number of queries."""

from decimal import Decimal

import pytest

from courses.hours import (
    declared_hours_mismatches,
    lesson_minutes_by_domain,
    module_hours,
    training_hours_many,
)
from courses.models import CompetencyDomain, LessonDomainMinutes, LessonPage, ModulePage
from courses.services import enrollment_create
from tests.builders import lesson_done, lessons_of
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

WORDS = " ".join(["word"] * 1500)  # ten minutes at 150 words a minute


def _long(lesson: LessonPage) -> LessonPage:
    lesson.body = [{"type": "paragraph", "value": f"<p>{WORDS}</p>"}]
    lesson.save_revision().publish()
    return LessonPage.objects.get(pk=lesson.pk)


def _allocation(lesson: LessonPage) -> dict[str, int]:
    return dict(
        LessonDomainMinutes.objects.filter(lesson=lesson).values_list("domain__slug", "minutes")
    )


def test_a_lessons_minutes_go_to_its_modules_domain_unless_split(programme):
    lesson = _long(lessons_of(programme)[0])

    assert lesson.estimated_minutes == 10
    assert _allocation(lesson) == {"ethical-responsibility": 10}


def test_a_split_keeps_its_proportions_when_the_content_changes(programme):
    lesson = _long(lessons_of(programme)[0])
    advocacy = CompetencyDomain.objects.exclude(slug="ethical-responsibility").first()
    ethics = CompetencyDomain.objects.get(slug="ethical-responsibility")
    lesson.domain_minutes = [
        LessonDomainMinutes(domain=ethics, minutes=6),
        LessonDomainMinutes(domain=advocacy, minutes=4),
    ]
    lesson.save()
    assert _allocation(lesson) == {"ethical-responsibility": 6, advocacy.slug: 4}

    lesson.body = [{"type": "paragraph", "value": f"<p>{WORDS} {WORDS}</p>"}]  # 20 minutes
    lesson.save()

    assert _allocation(lesson) == {"ethical-responsibility": 12, advocacy.slug: 8}


def test_the_admin_form_refuses_a_split_that_does_not_add_up(programme, coordinator):
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    lesson = _long(lessons_of(programme)[0])
    advocacy = CompetencyDomain.objects.exclude(slug="ethical-responsibility").first()
    ethics = CompetencyDomain.objects.get(slug="ethical-responsibility")
    form_class = LessonPage.get_edit_handler().get_form_class()
    data = nested_form_data(
        {
            "title": lesson.title,
            "slug": lesson.slug,
            "summary": lesson.summary,
            "body": streamfield([("paragraph", rich_text(f"<p>{WORDS}</p>"))]),
            "domain_minutes": inline_formset(
                [{"domain": ethics.pk, "minutes": 5}, {"domain": advocacy.pk, "minutes": 3}]
            ),
            "comments": inline_formset([]),
        }
    )
    form = form_class(
        data=data, instance=lesson, for_user=coordinator, parent_page=lesson.get_parent()
    )

    assert not form.is_valid()
    errors = (form.errors, form.formsets["domain_minutes"].errors)
    assert "comes to 10 minutes from its content" in str(form.non_field_errors()), errors


def test_hours_by_domain_are_what_was_credited(enrolled, trainee, programme):
    lessons = [_long(lesson) for lesson in lessons_of(programme)[:2]]
    lesson_done(trainee=trainee, lesson=lessons[0])

    hours = training_hours_many(enrollment_ids=[enrolled.pk])[enrolled.pk]

    assert hours.minutes == 10
    assert hours.hours == Decimal("0.17")
    assert [(d.name, d.minutes) for d in hours.domains] == [("Ethical responsibility", 10)]
    assert lesson_minutes_by_domain(enrollment_ids=[enrolled.pk]) == {
        enrolled.pk: {lessons[0].domain_minutes.get().domain_id: 10}
    }


def test_a_lesson_not_credited_counts_nothing(enrolled, programme):
    _long(lessons_of(programme)[0])

    assert training_hours_many(enrollment_ids=[enrolled.pk])[enrolled.pk].minutes == 0


@pytest.mark.parametrize("trainees", [1, 5])
def test_hours_for_many_enrolments_take_the_same_queries(
    programme, trainees, django_assert_num_queries
):
    ids = []
    for _ in range(trainees):
        person = UserFactory()
        ids.append(enrollment_create(trainee=person, programme=programme).pk)
        for lesson in lessons_of(programme)[:3]:
            lesson_done(trainee=person, lesson=lesson)

    # Lessons (1), attendance (1: none attended, so no sessions or policies to read),
    # domain names (1): for any number.
    with django_assert_num_queries(3):
        hours = training_hours_many(enrollment_ids=ids)

    assert len({h.minutes for h in hours.values()}) == 1
    assert all(h.minutes > 0 for h in hours.values())


def test_module_hours_are_the_sum_of_their_lessons(programme):
    lessons = lessons_of(programme)
    computed = module_hours(programme=programme)

    for module in ModulePage.objects.child_of(programme):
        minutes = sum(
            lesson.estimated_minutes for lesson in lessons if lesson.path.startswith(module.path)
        )
        assert computed[module.pk] == (Decimal(minutes) / 60).quantize(Decimal("0.01"))


def test_declared_hours_are_checked_against_the_computed_ones(programme):
    lessons = lessons_of(programme)
    modules = list(ModulePage.objects.child_of(programme).order_by("path"))
    computed = module_hours(programme=programme)
    ModulePage.objects.filter(pk=modules[0].pk).update(declared_hours=computed[modules[0].pk])

    mismatches = declared_hours_mismatches(programme=programme)

    # The fixture's modules declare 5 hours; their lessons come to minutes.
    assert [(m.pk, declared) for m, declared, _ in mismatches] == [(modules[1].pk, Decimal(5))]
    assert lessons  # computed from these
