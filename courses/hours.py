"""Training hours: the one number every page, certificate and badge states.

A trainee's training hours are the minutes credited to them, by competency domain: the
minutes of each lesson credited on evidence (``LessonCompletion``; a lesson's minutes come
from its content and are shared among domains by ``LessonDomainMinutes``), and the minutes
of the live sessions they attended as the program's attendance policy credits them
(``courses.attendance.selectors.credited_session_minutes``). Nothing typed on a module
counts (``ModulePage.declared_hours`` is only compared with these).

Every surface asks ``training_hours_many`` (or ``training_hours`` for one enrolment):
the dashboard, My training, the credential checklist and eligibility, the cohort page, the
gradebook, the certificate and the Open Badges achievement. Its queries do not grow with
the number of enrolments.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from .attendance.selectors import credited_session_minutes
from .models import CompetencyDomain, LessonDomainMinutes, ModulePage, ProgrammePage

# enrolment id -> competency domain id -> minutes
MinutesByDomain = dict[int, dict[int, int]]


def minutes_to_hours(minutes: int) -> Decimal:
    """Hours to the hundredth, as certificates print them (90 minutes: 1.50)."""
    return (Decimal(minutes) / Decimal(60)).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class DomainHours:
    domain_id: int
    name: str
    minutes: int

    @property
    def hours(self) -> Decimal:
        return minutes_to_hours(self.minutes)


@dataclass(frozen=True)
class TrainingHours:
    """One enrolment's credited training, by competency domain (ordered by name)."""

    domains: tuple[DomainHours, ...] = ()

    @property
    def minutes(self) -> int:
        return sum(d.minutes for d in self.domains)

    @property
    def hours(self) -> Decimal:
        return minutes_to_hours(self.minutes)

    def minutes_in(self, domain_id: int) -> int:
        return next((d.minutes for d in self.domains if d.domain_id == domain_id), 0)

    def hours_in(self, domain_id: int) -> Decimal:
        return minutes_to_hours(self.minutes_in(domain_id))

    def as_snapshot(self) -> dict[str, str]:
        """Domain name -> hours, as a credential keeps them."""
        return {d.name: str(d.hours) for d in self.domains}


def lesson_minutes_by_domain(*, enrollment_ids: Iterable[int]) -> MinutesByDomain:
    """Minutes of the lessons credited to each enrolment, by domain. One query.

    Only lessons still published count, as in the progress lists; a lesson credited before
    it was unpublished counts again if it is published again.
    """
    ids = list(enrollment_ids)
    result: MinutesByDomain = {pk: {} for pk in ids}
    if not ids:
        return result
    rows = (
        LessonDomainMinutes.objects.filter(
            lesson__completions__enrollment_id__in=ids, lesson__live=True
        )
        .order_by()
        .values_list("lesson__completions__enrollment_id", "domain_id")
        .annotate(minutes=Sum("minutes"))
    )
    for enrollment_id, domain_id, minutes in rows:
        result[enrollment_id][domain_id] = minutes
    return result


def _add(into: MinutesByDomain, more: Mapping[int, Mapping[int, int]]) -> None:
    for enrollment_id, by_domain in more.items():
        target = into.setdefault(enrollment_id, {})
        for domain_id, minutes in by_domain.items():
            target[domain_id] = target.get(domain_id, 0) + minutes


def credited_minutes_many(*, enrollment_ids: Iterable[int]) -> MinutesByDomain:
    """Every credited minute of training per enrolment and domain.

    Each source of credited training is one call here: lessons credited on evidence and
    attended live sessions.
    """
    ids = list(enrollment_ids)
    result: MinutesByDomain = {pk: {} for pk in ids}
    _add(result, lesson_minutes_by_domain(enrollment_ids=ids))
    if ids:
        _add(result, credited_session_minutes(ids))
    return result


def _domain_names(domain_ids: set[int]) -> dict[int, str]:
    if not domain_ids:
        return {}
    return dict(CompetencyDomain.objects.filter(pk__in=domain_ids).values_list("pk", "name"))


def training_hours_many(*, enrollment_ids: Iterable[int]) -> dict[int, TrainingHours]:
    """``TrainingHours`` for each enrolment: a fixed number of queries, whatever their number."""
    minutes = credited_minutes_many(enrollment_ids=enrollment_ids)
    names = _domain_names({d for by_domain in minutes.values() for d in by_domain})
    return {
        enrollment_id: TrainingHours(
            domains=tuple(
                sorted(
                    (
                        DomainHours(domain_id=d, name=names.get(d, ""), minutes=m)
                        for d, m in by_domain.items()
                        if m
                    ),
                    key=lambda d: (d.name, d.domain_id),
                )
            )
        )
        for enrollment_id, by_domain in minutes.items()
    }


def training_hours(*, enrollment_id: int) -> TrainingHours:
    return training_hours_many(enrollment_ids=[enrollment_id])[enrollment_id]


def module_minutes(*, programme: ProgrammePage) -> dict[int, dict[int, int]]:
    """What each published module of ``programme`` offers: module id -> domain id ->
    minutes of its published lessons, plus the live time it plans in its own domain. Two
    queries."""
    planned = ModulePage.objects.live().child_of(programme)
    modules = {}
    result: dict[int, dict[int, int]] = {}
    for path, pk, domain_id, live_minutes in planned.values_list(
        "path", "pk", "domain_id", "live_minutes"
    ):
        modules[path] = pk
        result[pk] = {domain_id: live_minutes} if live_minutes else {}
    rows = (
        LessonDomainMinutes.objects.filter(
            lesson__live=True,
            lesson__path__startswith=programme.path,
            lesson__depth=programme.depth + 2,
        )
        .order_by()
        .values_list("lesson__path", "domain_id", "minutes")
    )
    steplen = ProgrammePage.steplen
    for path, domain_id, minutes in rows:
        module_id = modules.get(path[:-steplen])
        if module_id is not None:
            result[module_id][domain_id] = result[module_id].get(domain_id, 0) + minutes
    return result


def module_hours(*, programme: ProgrammePage) -> dict[int, Decimal]:
    """Each published module's computed hours: its lessons' domain minutes and its live time."""
    return {
        module_id: minutes_to_hours(sum(by_domain.values()))
        for module_id, by_domain in module_minutes(programme=programme).items()
    }


def declared_hours_mismatches(
    *, programme: ProgrammePage, tolerance: Decimal = Decimal("0.25")
) -> list[tuple[ModulePage, Decimal, Decimal]]:
    """Modules whose declared hours differ from their computed hours by more than
    ``tolerance``: (module, declared, computed). Modules that declare nothing are left out."""
    computed = module_hours(programme=programme)
    return [
        (module, module.declared_hours, computed.get(module.pk, Decimal("0.00")))
        for module in ModulePage.objects.live().child_of(programme).order_by("path")
        if module.declared_hours is not None
        and abs(module.declared_hours - computed.get(module.pk, Decimal(0))) > tolerance
    ]
