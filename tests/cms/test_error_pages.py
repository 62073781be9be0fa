"""Access-denied paths and the site's 403, 404 and 500 pages."""

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

CMS_HEADING = "You don\u2019t have access to the CMS"


def assert_styled_403(response, heading=CMS_HEADING):
    assert response.status_code == 403
    html = response.content.decode()
    assert f'<h1 id="error-heading">{heading}</h1>' in html
    assert 'href="/static/css/peerpath.css"' in html  # the site's layout, not bare text
    assert '<nav aria-label="Main">' in html
    assert f'href="{reverse("dashboard")}">Go to your dashboard</a>' in html


@pytest.mark.parametrize("path", ["/cms/", "/cms/pages/", "/cms/snippets/assessments/question/"])
def test_a_signed_in_trainee_in_the_cms_gets_the_403_page(client, trainee, path):
    client.force_login(trainee)

    response = client.get(path)

    assert_styled_403(response)
    assert "ask your training provider\u2019s coordinator" in response.content.decode()


def test_signing_in_with_next_cms_ends_on_the_403_page_not_in_a_loop(client, trainee):
    response = client.post(
        f"{reverse('account_login')}?next=/cms/", {"login": trainee.email, "password": PASSWORD}
    )
    assert response["Location"] == "/cms/"

    response = client.get("/cms/", follow=True)

    assert response.redirect_chain == []
    assert_styled_403(response)


def test_a_supervisor_without_cms_rights_is_not_first_asked_for_a_second_factor(
    client, supervisor, with_totp
):
    with_totp(supervisor)
    client.force_login(supervisor)

    assert_styled_403(client.get("/cms/"))


def test_visitors_are_still_sent_to_log_in(client):
    response = client.get("/cms/pages/")

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next=/cms/pages/"


def test_cms_users_are_let_through(client, coordinator, mfa_login):
    mfa_login(client, coordinator)

    response = client.get("/cms/")

    assert response.status_code == 200
    assert CMS_HEADING not in response.content.decode()


def test_the_403_page_offers_the_sites_log_out(client, trainee):
    """Wagtail's own /cms/logout/ is an admin view too: the page's menu signs out instead."""
    client.force_login(trainee)

    html = client.get("/cms/logout/").content.decode()

    assert CMS_HEADING in html
    assert f'action="{reverse("account_logout")}"' in html


def test_a_signed_in_non_staff_user_in_the_django_admin_gets_the_403_page(client, trainee):
    client.force_login(trainee)

    response = client.get("/django-admin/", follow=True)

    assert len(response.redirect_chain) <= 1  # to the admin's login, which refuses them
    assert_styled_403(response, heading="You don\u2019t have access to this page")


def test_unknown_addresses_get_the_styled_404_page(client, trainee):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    html = response.content.decode()
    assert '<h1 id="error-heading">We can\u2019t find that page</h1>' in html
    assert 'href="/programmes/">Browse programs</a>' in html
    assert "Go to your dashboard" not in html  # a visitor has none
    client.force_login(trainee)
    assert "Go to your dashboard" in client.get("/no-such-page/").content.decode()


def test_the_500_page_renders_without_a_request_or_the_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = render_to_string("500.html")

    assert '<h1 id="error-heading">Something went wrong on our side</h1>' in html
    assert 'href="/dashboard/"' in html and 'href="/static/css/peerpath.css"' in html


def test_a_server_error_shows_the_500_page(mfa_login):
    client = Client(raise_request_exception=False)
    mfa_login(client, UserFactory(is_staff=True, is_superuser=True))

    response = client.get(reverse("wagtailadmin_error_test"))

    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
