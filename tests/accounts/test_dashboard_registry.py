"""The dashboard's panel registry: which panels show, and in which order."""

import pytest
from django.urls import reverse

from accounts import dashboard
from organisations.roles import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def only_these_panels(monkeypatch):
    """An empty registry for the test; the apps' own panels come back afterwards."""
    monkeypatch.setattr(dashboard, "_panels", {})


def _register(key, role, *, order=100, number=0, context=None):
    """A panel showing ``number`` (in a template of the project's, as any panel would)."""
    dashboard.register_panel(
        key=key,
        role=role,
        template="courses/dashboard/stalled.html",
        context=context or (lambda *, request, user: {"stalled": number, "days": 1}),
        order=order,
    )


def test_every_app_registers_its_panels():
    keys = [panel.key for panel in dashboard.registered()]

    assert keys == [
        "courses.open_programmes",
        "certificates.next_steps",
        "courses.live_sessions",
        "assessments.open_attempts",
        "practice.trainee",
        "practice.supervisor",
        "courses.facilitated_sessions.supervisor",
        "assessments.attempt_requests",
        "practice.supervisor_requests",
        "courses.stalled",
        "courses.facilitated_sessions.coordinator",
    ]


def test_panels_go_by_role_then_order_then_key_whatever_the_registration_order(
    only_these_panels,
):
    _register("z.coordinator", Role.COORDINATOR, order=1)
    _register("b.trainee", Role.TRAINEE, order=50)
    _register("a.trainee", Role.TRAINEE, order=50)
    _register("c.trainee", Role.TRAINEE, order=10)
    _register("none", dashboard.NO_ROLE)

    assert [p.key for p in dashboard.registered()] == [
        "none",
        "c.trainee",
        "a.trainee",
        "b.trainee",
        "z.coordinator",
    ]


def test_registering_a_key_again_replaces_the_panel(only_these_panels):
    _register("a", Role.TRAINEE, order=1)
    _register("a", Role.TRAINEE, order=2)

    assert [(p.key, p.order) for p in dashboard.registered()] == [("a", 2)]


def test_a_panel_for_no_known_role_is_refused(only_these_panels):
    with pytest.raises(ValueError, match="No dashboard section"):
        _register("a", "astronaut")

    assert dashboard.registered() == ()


def test_the_dashboard_shows_the_panels_of_the_users_roles_only(
    client, make_member, only_these_panels
):
    _register("for-trainees", Role.TRAINEE, number=101)
    _register("for-supervisors", Role.SUPERVISOR, number=202)
    _register("silent", Role.TRAINEE, context=lambda *, request, user: None)
    _register("for-nobody", dashboard.NO_ROLE, number=303)
    client.force_login(make_member(Role.TRAINEE))

    html = client.get(reverse("dashboard")).content.decode()

    assert "<strong>101</strong>" in html
    assert "<strong>202</strong>" not in html
    assert "<strong>303</strong>" not in html
    assert html.count('data-count="stalled"') == 1  # "silent" said nothing

    client.force_login(UserFactory())
    html = client.get(reverse("dashboard")).content.decode()
    assert "<strong>303</strong>" in html
    assert "<strong>101</strong>" not in html
