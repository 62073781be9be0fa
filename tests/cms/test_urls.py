"""One way in: every login URL in the URLconf is allauth's login or hands over to it.

``wagtail.urls``, mounted at the site root, serves Django's plain ``LoginView`` at
/_util/login/; it signed in with the password alone, skipping MFA, allauth's rate limits
and lockout, and email verification. The walk below finds every login view, however it
got into the URLconf, and the tests after it replay the requests of the security test.
"""

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from allauth.account.views import LoginView as AllauthLoginView
from django.contrib.auth.views import LoginView as DjangoLoginView
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from wagtail.models import PageViewRestriction

from courses.models import ProgrammeIndexPage
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

# The paths the security test signed in through, besides allauth's own.
KNOWN_LOGIN_PATHS = {"/_util/login/", "/cms/login/", "/django-admin/login/", "/accounts/login/"}


@dataclass(frozen=True)
class Route:
    path: str
    view_name: str
    pattern: URLPattern


def _routes(
    patterns, *, prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str, URLPattern]]:
    """(route text, view name, pattern) for every pattern, through every include()."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(part for part in (namespace, pattern.namespace or "") if part)
            yield from _routes(
                pattern.url_patterns, prefix=prefix + str(pattern.pattern), namespace=inner
            )
        else:
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield prefix + str(pattern.pattern), name or "", pattern


def _is_login_view(route: str, name: str, pattern: URLPattern) -> bool:
    callback = pattern.callback
    view_class = getattr(callback, "view_class", None)
    if view_class is not None and issubclass(view_class, DjangoLoginView):
        return True  # Django's, Wagtail's admin and frontend logins, and any subclass
    wagtail_view = view_class is not None and view_class.__module__.startswith("wagtail")
    if wagtail_view and "login" in view_class.__name__.lower():
        return True  # Wagtail's own, should one stop subclassing Django's
    labels = (route, name, getattr(callback, "__name__", ""), getattr(view_class, "__name__", ""))
    return any("login" in label.lower() for label in labels)


def login_routes() -> list[Route]:
    """Every pattern whose view logs people in, with the path that reaches it."""
    found = []
    for route, name, pattern in _routes(get_resolver().url_patterns):
        if not _is_login_view(route, name, pattern):
            continue
        # reverse() turns the route into a path as the site serves it; a login URL
        # taking arguments would need its own proof, so the test names it.
        assert name, f"login pattern {route!r} has no name to reverse"
        found.append(Route(path=reverse(name), view_name=name, pattern=pattern))
    return found


def _is_allauth_view(path: str) -> bool:
    """Is the view that actually answers ``path`` one of allauth's own login steps?"""
    view_class = getattr(resolve(path).func, "view_class", None)
    return view_class is not None and (
        issubclass(view_class, AllauthLoginView) or view_class.__module__.startswith("allauth.")
    )


def test_the_walk_finds_every_known_login_url():
    paths = {route.path for route in login_routes()}

    assert paths >= KNOWN_LOGIN_PATHS
    # Wagtail's admin login and frontend login are among them, shadowed or not.
    names = {route.view_name for route in login_routes()}
    assert {"wagtailadmin_login", "wagtailcore_login", "admin:login", "account_login"} <= names


@pytest.mark.parametrize("route", login_routes(), ids=lambda route: route.view_name)
def test_every_login_url_is_allauths_or_redirects_to_it(client, route):
    user = UserFactory()
    if _is_allauth_view(route.path):
        assert resolve(route.path).func.view_class.__module__.startswith("allauth.")
        return

    login_url = reverse("account_login")
    response = client.get(route.path)
    assert response.status_code in (301, 302), route
    assert response["Location"].split("?")[0] == login_url, route
    # Whatever field names a plain LoginView would take, the password signs no one in.
    response = client.post(
        route.path,
        {"username": user.email, "login": user.email, "email": user.email, "password": PASSWORD},
    )
    assert response.status_code in (301, 302), route
    assert response["Location"].split("?")[0] == login_url, route
    assert "_auth_user_id" not in client.session


def test_allauth_login_is_the_view_behind_its_own_url():
    assert resolve(reverse("account_login")).func.view_class is AllauthLoginView


# The findings, request for request.


def test_the_right_password_at_wagtails_frontend_login_signs_no_one_in(client):
    user = UserFactory(email="supervisor@example.org")

    response = client.post("/_util/login/", {"username": user.email, "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("account_login")
    assert "_auth_user_id" not in client.session
    assert client.get("/dashboard/")["Location"].startswith(reverse("account_login"))


def test_sixty_wrong_passwords_are_throttled_and_the_right_one_then_refused(client):
    user = UserFactory(email="target@example.org")

    for _ in range(60):
        client.post("/_util/login/", {"username": user.email, "password": "wrong-guess"})
    refusals = 0
    for _ in range(60):
        response = client.post(
            reverse("account_login"), {"login": user.email, "password": "wrong-guess"}
        )
        refusals += response.status_code == 429 or "Too many" in response.content.decode()
    for path in ("/_util/login/", reverse("account_login")):
        client.post(path, {"username": user.email, "login": user.email, "password": PASSWORD})

    assert refusals >= 55  # allauth lets 5 failures per account through, then refuses
    assert "_auth_user_id" not in client.session


def test_an_account_allauth_locked_stays_locked_on_every_login_url(client):
    user = UserFactory(email="locked@example.org")
    for _ in range(5):
        client.post(reverse("account_login"), {"login": user.email, "password": "wrong-guess"})

    for path in KNOWN_LOGIN_PATHS:
        client.post(path, {"username": user.email, "login": user.email, "password": PASSWORD})
        assert "_auth_user_id" not in client.session, path
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert "Too many failed login attempts" in response.content.decode()


def test_an_unverified_account_cannot_reach_the_dashboard(client):
    user = UserFactory(email="unverified@example.org", verified=False)

    for path in KNOWN_LOGIN_PATHS:
        client.post(path, {"username": user.email, "login": user.email, "password": PASSWORD})
        response = client.get("/dashboard/")
        assert response.status_code == 302, path
        assert response["Location"].startswith(reverse("account_login")), path
    assert "_auth_user_id" not in client.session


def test_a_private_page_sends_visitors_to_allauths_login(client):
    page = ProgrammeIndexPage.objects.get()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(page.url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={page.url}"
