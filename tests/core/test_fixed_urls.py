"""{% fixed_url %}: the same path as {% url %}, under any script prefix and URLconf."""

import pytest
from django.template import Context, Template
from django.test import override_settings
from django.urls import clear_script_prefix, path, reverse, set_script_prefix

from core.templatetags.fixed_urls import fixed_url

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
