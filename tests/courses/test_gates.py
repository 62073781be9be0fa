"""The registry of completion gates: courses counts a registered gate's pages as module steps
without importing the app that owns them (assessments registers its quiz from ready())."""

import pytest
from wagtail.models import Page

from assessments.models import QuizPage
from courses import gates
from courses.selectors import ModuleState, programme_progress
from tests.builders import lesson_done, lessons_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def gate_registry(monkeypatch):
    """The registry, restored after the test whatever it registers."""
    monkeypatch.setattr(gates, "_gates", dict(gates._gates))
    return gates


def test_assessments_registers_its_quiz_gate_from_ready():
    (quiz_gate,) = [g for g in gates.registered() if g.label == "quiz"]
    assert quiz_gate.page_model is QuizPage
    assert quiz_gate.results_url is not None


def test_registering_a_label_again_replaces_the_gate(gate_registry):
    before = len(gate_registry.registered())
    (quiz_gate,) = [g for g in gate_registry.registered() if g.label == "quiz"]

    gate_registry.register(quiz_gate)

    assert len(gate_registry.registered()) == before


def test_a_registered_gate_holds_its_module_open_until_passed(
    gate_registry, programme, enrolled, trainee
):
    """A made-up gate, 'sign-off', on every page under a module (its lessons), passed on demand."""
    module_1_lessons = lessons_of(programme)[:2]
    gated = module_1_lessons[-1]
    passed: set[int] = set()
    gate_registry.register(
        gates.CompletionGate(
            label="sign-off",
            page_model=Page,
            passed_page_ids=lambda *, enrollment: Page.objects.filter(pk__in=passed).values_list(
                "pk", flat=True
            ),
        )
    )
    for lesson in module_1_lessons:
        lesson_done(trainee=trainee, lesson=lesson)
    assert programme_progress(enrollment=enrolled).modules[1].state == ModuleState.LOCKED

    progress = programme_progress(enrollment=enrolled).modules[0]
    assert progress.state == ModuleState.IN_PROGRESS
    assert gated.pk in {step.page.pk for step in progress.gates if not step.passed}
    assert "+ sign-off" in progress.facts

    passed.update(step.page.pk for step in progress.gates)

    progress = programme_progress(enrollment=enrolled).modules[0]
    assert progress.state == ModuleState.COMPLETE
    assert "(passed)" in progress.facts
    assert programme_progress(enrollment=enrolled).modules[1].state == ModuleState.AVAILABLE
