"""{% fixed_url %}: the same path as {% url %}, under any script prefix and URLconf;
{% fixed_static %}: the same URL as {% static %}, whatever the settings say."""

import pytest
from django.template import Context, Template
from django.templatetags.static import static
from django.test import override_settings
from django.urls import clear_script_prefix, path, reverse, set_script_prefix

from core.templatetags.fixed_urls import fixed_static, fixed_url

NAMES = ["verification:lookup", "account_login", "account_signup", "dashboard"]

urlpatterns = [path("elsewhere/login/", lambda request: None, name="account_login")]


@pytest.fixture
def script_prefix():
    yield set_script_prefix
    clear_script_prefix()


def test_it_is_urls_path(script_prefix):
    for name in NAMES:
        assert fixed_url(name) == reverse(name)
    script_prefix("/peerpath/")
    for name in NAMES:
        assert fixed_url(name) == reverse(name)
        assert fixed_url(name).startswith("/peerpath/")


def test_another_urlconf_gets_its_own_path():
    site_path = fixed_url("account_login")
    with override_settings(ROOT_URLCONF=__name__):
        assert fixed_url("account_login") == "/elsewhere/login/"
    assert fixed_url("account_login") == site_path != "/elsewhere/login/"


def test_the_tag_escapes_and_renders_like_url():
    template = Template('{% load fixed_urls %}<a href="{% fixed_url "verification:lookup" %}">')
    assert template.render(Context()) == f'<a href="{reverse("verification:lookup")}">'


STATIC_FILES = ["css/peerpath.css", "img/favicon.svg", "js/notifications.js"]


def test_fixed_static_is_statics_url():
    for name in STATIC_FILES:
        assert fixed_static(name) == static(name)
    template = Template(
        "{% load fixed_urls %}<link href=\"{% fixed_static 'css/peerpath.css' %}\">"
    )
    assert template.render(Context()) == f'<link href="{static("css/peerpath.css")}">'


def test_fixed_static_follows_a_change_of_static_url():
    before = fixed_static("css/peerpath.css")
    with override_settings(STATIC_URL="/assets/"):
        assert fixed_static("css/peerpath.css") == static("css/peerpath.css")
        assert fixed_static("css/peerpath.css").startswith("/assets/")
    assert fixed_static("css/peerpath.css") == before == static("css/peerpath.css")
