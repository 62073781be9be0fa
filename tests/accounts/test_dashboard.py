import pytest
from django.urls import reverse

from organisations.roles import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ROLE_LINKS = {
    Role.TRAINEE: 'data-role-link="trainee"',
    Role.SUPERVISOR: 'data-role-link="supervisor"',
    Role.COORDINATOR: 'data-role-link="coordinator"',
    Role.VERIFIER: 'data-role-link="verifier"',
}


def test_visitors_are_sent_to_log_in(client):
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_user_without_a_role_sees_what_a_visitor_sees(client):
    client.force_login(UserFactory())

    html = client.get(reverse("dashboard")).content.decode()

    assert "Get started" in html
    assert "Expecting an invitation" in html
    for link in ROLE_LINKS.values():
        assert link not in html


@pytest.mark.parametrize("role", list(ROLE_LINKS))
def test_navigation_follows_the_users_role(client, make_member, role):
    client.force_login(make_member(role))

    html = client.get(reverse("dashboard")).content.decode()

    assert ROLE_LINKS[role] in html
    for other_role, link in ROLE_LINKS.items():
        if other_role != role:
            assert link not in html


@pytest.mark.parametrize(
    ("role", "nagged"),
    [(Role.SUPERVISOR, True), (Role.COORDINATOR, True), (Role.TRAINEE, False)],
)
def test_supervisors_and_coordinators_are_asked_to_set_up_mfa(client, make_member, role, nagged):
    client.force_login(make_member(role))

    html = client.get(reverse("dashboard")).content.decode()

    assert ("Set up two-factor authentication" in html) is nagged


def test_the_mfa_reminder_goes_once_mfa_is_set_up(client, supervisor, with_totp):
    with_totp(supervisor)
    client.force_login(supervisor)

    assert (
        "Set up two-factor authentication" not in client.get(reverse("dashboard")).content.decode()
    )
