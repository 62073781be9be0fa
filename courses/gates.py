"""Completion gates: steps of a module besides its lessons, owned by apps above courses.

A module is complete when its lessons are done and every gate page in it is passed. Courses
decides what completion means, but not what passing a quiz means: an app above it (today
assessments, with its quiz) registers a gate from its ``AppConfig.ready()``, so courses reads
progress without importing that app. A gate is a kind of page placed directly under a module,
and a query of the pages of that kind an enrolment has passed.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet
from wagtail.models import Page


@dataclass(frozen=True)
class CompletionGate:
    # How the step reads in a module's facts ("2 lessons + quiz").
    label: str
    # The page type a trainee must pass, a child of a module page.
    page_model: type[Page]
    # (*, enrollment) -> a flat values_list of the ids of the gate pages this enrolment has
    # passed: kept a QuerySet so progress can use it as a subquery in one statement.
    passed_page_ids: Callable[..., QuerySet]
    # (page) -> where a coordinator sees results for that page, or None if it has none.
    results_url: Callable[[Page], str] | None = None
    # (*, enrollment_ids) -> (enrollment id, gate page id) pairs passed, for many enrolments
    # at once (a cohort's gradebook); without it each enrolment costs a query.
    passed_pairs: Callable[..., QuerySet] | None = None


_gates: dict[str, CompletionGate] = {}


def register(gate: CompletionGate) -> None:
    """Add ``gate`` (keyed by its label). Registering the same label again replaces it, so an
    app's ``ready()`` may run twice (as in some test runners) without doubling a step."""
    _gates[gate.label] = gate


def registered() -> tuple[CompletionGate, ...]:
    return tuple(_gates.values())
