"""One trainee's enrollments in different states, each in its own program.

For the tests that hold the batched progress, eligibility and practice totals to the
single-enrollment functions, and the dashboard's query count to a flat number.
"""

from decimal import Decimal

from django.utils import timezone

from assessments.models import Attempt, QuestionCategory
from certificates.models import EthicsAffirmation, EthicsCode
from courses.models import (
    CompetencyDomain,
    Enrollment,
    ModulePage,
    RequirementProfile,
    TrainingHourMinimum,
)
from courses.services import enrollment_create
from practice.models import PracticeCategory
from practice.services import entry_create, entry_decide, entry_submit

from .builders import SAFE_REFLECTION, lesson_done, lessons_of, published_quiz

# The first is the richest: it alone makes every query a trainee's dashboard can make
# (a quiz, a code of ethics, an open module, practice hours), so the others add none.
STATES = (
    "quiz next",
    "no profile",
    "sequential, quiz passed, ethics affirmed",
    "all lessons done, short of training hours",
    "nothing published",
)


def _quiz(programme):
    module = ModulePage.objects.get(slug="module-1", path__startswith=programme.path)
    return published_quiz(
        module,
        category=QuestionCategory.objects.get_or_create(name="Boundaries")[0],
        questions=[("Who decides?", "The person", ["The worker"])],
        title=f"Quiz of {programme.title}",
    )


def _current_code(profile) -> EthicsCode:
    EthicsCode.objects.get_or_create(profile=profile, version=1, defaults={"text": "Old."})
    return EthicsCode.objects.get_or_create(
        profile=profile, version=2, defaults={"text": "I keep confidences."}
    )[0]


def _practice(*, trainee, enrollment, supervisor) -> None:
    """An approved hour and a half of one-to-one work and an hour waiting for sign-off."""
    for minutes, category, approve in ((90, "one-to-one", True), (60, "group-facilitation", None)):
        entry = entry_create(
            trainee=trainee,
            enrollment=enrollment,
            date=timezone.localdate(),  # the day of enrollment: earlier would not count
            minutes=minutes,
            category=PracticeCategory.objects.get(slug=category),
            domain=CompetencyDomain.objects.get(slug="recovery-and-wellness-support"),
            setting="in_person",
            reflection=SAFE_REFLECTION,
        )
        entry_submit(trainee=trainee, entry_id=entry.pk)
        if approve:
            entry_decide(supervisor=supervisor, entry_id=entry.pk, approve=True, notify=False)


def enroll_in_state(
    state: str, *, trainee, build_programme, profile, supervisor=None, slug: str = ""
) -> Enrollment:
    """Enroll ``trainee`` in a new program (slug ``slug`` or from the state's position) and
    bring the enrollment to ``state``. With ``supervisor`` (the trainee's current one, with
    a second factor), "quiz next" also has practice entries, approved and waiting."""
    slug = slug or f"state-{STATES.index(state)}"
    title = f"Program {slug}"
    if state == "quiz next":
        programme = build_programme(slug=slug, title=title, requirement_profile=profile)
        _quiz(programme)
        _current_code(profile)
        enrollment = enrollment_create(trainee=trainee, programme=programme)
        for lesson in lessons_of(programme)[:2]:  # module 1's lessons
            lesson_done(trainee=trainee, lesson=lesson)
        if supervisor is not None:
            _practice(trainee=trainee, enrollment=enrollment, supervisor=supervisor)
        return enrollment
    if state == "no profile":
        programme = build_programme(slug=slug, title=title)
        enrollment = enrollment_create(trainee=trainee, programme=programme)
        lesson_done(trainee=trainee, lesson=lessons_of(programme)[0])
        return enrollment
    if state == "sequential, quiz passed, ethics affirmed":
        programme = build_programme(
            slug=slug, title=title, requirement_profile=profile, sequential_unlocking=True
        )
        quiz = _quiz(programme)
        enrollment = enrollment_create(trainee=trainee, programme=programme)
        Attempt.objects.create(
            enrollment=enrollment,
            quiz=quiz,
            number=1,
            questions=[],
            pass_mark=75,
            status=Attempt.Status.SUBMITTED,
            submitted_at=timezone.now(),
            score_percent=Decimal(100),
            passed=True,
        )
        for lesson in lessons_of(programme)[:3]:  # module 1, then a lesson of module 2
            lesson_done(trainee=trainee, lesson=lesson)
        EthicsAffirmation.objects.get_or_create(
            trainee=trainee,
            code=_current_code(profile),
            defaults={"signed_name": trainee.get_full_name()},
        )
        return enrollment
    if state == "all lessons done, short of training hours":
        own_profile = RequirementProfile.objects.create(
            name=f"Profile of {title}", practice_hours_total=Decimal(0)
        )
        # Its lessons come to about a quarter of an hour of ethical responsibility: the first
        # minimum is met, the second is not.
        for order, (domain, hours) in enumerate(
            [("ethical-responsibility", "0.1"), ("recovery-and-wellness-support", "5")]
        ):
            TrainingHourMinimum.objects.create(
                profile=own_profile,
                domain=CompetencyDomain.objects.get(slug=domain),
                hours=Decimal(hours),
                sort_order=order,
            )
        programme = build_programme(slug=slug, title=title, requirement_profile=own_profile)
        enrollment = enrollment_create(trainee=trainee, programme=programme)
        for lesson in lessons_of(programme):
            lesson_done(trainee=trainee, lesson=lesson)
        return enrollment
    if state == "nothing published":
        programme = build_programme(
            slug=slug, title=title, requirement_profile=profile, modules=1, lessons=0
        )
        return enrollment_create(trainee=trainee, programme=programme)
    raise ValueError(f"No such state: {state!r}")
