"""The Wagtail dashboard is Peerpath's: its name, not "localhost", and no outside avatar."""

import pytest
from django.conf import settings
from wagtail.models import Site

pytestmark = pytest.mark.django_db


def test_the_default_site_is_named_peerpath():
    site = Site.objects.get(is_default_site=True)

    assert site.site_name == settings.WAGTAIL_SITE_NAME == "Peerpath"
    assert str(site).startswith("Peerpath")  # not "localhost"


def test_the_dashboard_names_peerpath_and_loads_no_avatar_from_elsewhere(
    client, coordinator, mfa_login
):
    mfa_login(client, coordinator)

    html = client.get("/cms/").content.decode()

    assert "Peerpath" in html
    assert "localhost" not in html
    assert "gravatar" not in html.lower()
