import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.fallback import FallbackStorage
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from accounts.mfa import mfa_required, user_has_mfa
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_repeated_failed_logins_are_rate_limited(client):
    user = UserFactory(email="target@example.org")
    for _ in range(5):
        response = client.post(
            reverse("account_login"), {"login": user.email, "password": "wrong-guess"}
        )
        assert "too many" not in response.content.decode().lower()

    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})

    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_django_admin_login_goes_through_allauth(client):
    UserFactory(email="root@example.org", is_staff=True, is_superuser=True)

    response = client.post(
        "/django-admin/login/", {"username": "root@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session


def test_wagtail_admin_login_goes_through_allauth(client):
    UserFactory(email="root@example.org", is_staff=True, is_superuser=True)

    response = client.post("/cms/login/", {"username": "root@example.org", "password": PASSWORD})

    assert response.status_code in (301, 302)
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    response = client.get("/cms/")
    assert response["Location"].startswith(reverse("account_login"))


def test_staff_reach_django_admin_after_allauth_login(client, mfa_login):
    staff = UserFactory(is_staff=True, is_superuser=True)
    mfa_login(client, staff)

    assert client.get("/django-admin/").status_code == 200


def _request(user):
    request = RequestFactory().get("/sign-off/")
    request.user = user
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def _protected_view(request):
    return HttpResponse("signed")


def test_mfa_required_sends_a_user_without_authenticator_to_set_one_up():
    response = mfa_required(_protected_view)(_request(UserFactory()))

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_mfa_required_asks_a_user_with_an_authenticator_for_a_code(with_totp):
    user = UserFactory()
    with_totp(user)

    response = mfa_required(_protected_view)(_request(user))

    assert user_has_mfa(user)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('mfa_reauthenticate')}?next=%2Fsign-off%2F"


def test_mfa_required_lets_a_session_that_passed_mfa_through(client, mfa_login):
    user = mfa_login(client, UserFactory())
    request = _request(user)
    request.session = client.session

    response = mfa_required(_protected_view)(request)

    assert response.status_code == 200


def test_mfa_required_sends_visitors_to_log_in():
    response = mfa_required(_protected_view)(_request(AnonymousUser()))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


# allauth's rate limits key on the client's address as core.http.client_ip reads it.

PROXY = {"REMOTE_ADDR": "10.0.0.5"}


def _failed_login(client, *, email: str, **meta) -> bool:
    """One wrong password; True if allauth throttled it."""
    response = client.post(
        reverse("account_login"), {"login": email, "password": "wrong-guess"}, **meta
    )
    return response.status_code == 429 or "Too many" in response.content.decode()


def test_behind_a_trusted_proxy_one_clients_failures_do_not_lock_out_another(client, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "3/m/ip"}
    attacker = {**PROXY, "HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    neighbour = {**PROXY, "HTTP_X_FORWARDED_FOR": "198.51.100.4"}

    attempts = [_failed_login(client, email=f"guess{n}@example.org", **attacker) for n in range(4)]

    assert attempts == [False, False, False, True]
    assert not _failed_login(client, email="someone@example.org", **neighbour)
    UserFactory(email="neighbour@example.org")
    client.post(
        reverse("account_login"),
        {"login": "neighbour@example.org", "password": PASSWORD},
        **neighbour,
    )
    assert "_auth_user_id" in client.session


def test_without_trusted_proxies_allauth_ignores_a_forged_header(client, settings):
    settings.TRUSTED_PROXIES = []
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "3/m/ip"}

    attempts = [
        _failed_login(client, email=f"guess{n}@example.org", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
        for n in range(4)
    ]

    assert attempts == [False, False, False, True]


def test_the_adapter_answers_the_same_address_as_the_rest_of_the_site(settings, rf):
    from allauth.account.adapter import get_adapter

    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    request = rf.get("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="junk, 203.0.113.7")

    assert get_adapter(request).get_client_ip(request) == "203.0.113.7"
