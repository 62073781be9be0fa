"""The site has a favicon: at /favicon.ico, where browsers look, and in every page's head."""

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_favicon_ico_is_served_at_the_site_root(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert body[:4] == b"\x00\x00\x01\x00"  # an ICO file
    assert response["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}


def test_every_page_links_the_icons_and_they_exist(client):
    html = client.get("/accounts/login/").content.decode()

    assert '<link rel="icon" href="/favicon.ico" sizes="48x48">' in html
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in html
    assert '<link rel="apple-touch-icon" href="/static/img/apple-touch-icon.png">' in html
    svg = finders.find("img/favicon.svg")
    assert svg and Path(svg).read_text().startswith("<svg")
    png = finders.find("img/apple-touch-icon.png")
    assert png and Path(png).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
