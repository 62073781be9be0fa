"""The Django admin needs a second factor in this session from every staff user.

Staff and superusers reach every record through it, so a password alone is not enough,
whatever their organisation roles (none, here).
"""

import pytest
from django.urls import reverse
from django.utils.http import urlencode

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

REAUTHENTICATE = reverse("mfa_reauthenticate")
ACTIVATE = reverse("mfa_activate_totp")
PATHS = ("/django-admin/", "/django-admin/certificates/credential/", "/django-admin/mfa/")


@pytest.mark.parametrize(
    "flags",
    [{"is_staff": True}, {"is_staff": True, "is_superuser": True}],
    ids=["staff", "superuser"],
)
def test_a_password_only_session_is_sent_to_enter_a_code(client, with_totp, flags):
    user = UserFactory(**flags)
    with_totp(user)
    client.force_login(user)

    for path in PATHS:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == f"{REAUTHENTICATE}?{urlencode({'next': path})}", path


def test_staff_without_an_authenticator_are_sent_to_set_one_up(client):
    client.force_login(UserFactory(is_staff=True))

    assert client.get("/django-admin/")["Location"] == ACTIVATE


def test_after_mfa_staff_reach_the_admin(client, mfa_login):
    staff = UserFactory(is_staff=True, is_superuser=True)
    mfa_login(client, staff)

    for path in PATHS:
        assert client.get(path).status_code == 200, path


def test_a_user_who_is_not_staff_is_refused_by_the_admin_not_asked_for_mfa(client, trainee):
    client.force_login(trainee)

    response = client.get("/django-admin/")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
