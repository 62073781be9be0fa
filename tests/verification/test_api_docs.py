"""The API's Swagger UI and ReDoc come from this site's static files, under its CSP."""

import re

import pytest

pytestmark = pytest.mark.django_db


def assets(html: str) -> list[str]:
    """Every URL a page loads a script or stylesheet from."""
    return re.findall(r'<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"', html)


@pytest.mark.parametrize("url", ["/api/v1/docs", "/api/v1/redoc"])
def test_the_docs_load_nothing_from_another_origin(client, url):
    response = client.get(url)

    assert response.status_code == 200
    urls = assets(response.content.decode())
    assert any(u.endswith((".js",)) for u in urls)
    for asset in urls:
        assert asset.startswith("/static/"), asset
    assert "cdn" not in response.content.decode().lower()


def test_swagger_ui_has_no_inline_script(client):
    html = client.get("/api/v1/docs").content.decode()
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, tag


def test_redocs_inline_script_carries_the_nonce_of_its_header(client):
    response = client.get("/api/v1/redoc")

    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    html = response.content.decode()
    inline = [
        tag
        for tag, body in re.findall(r"(<script\b[^>]*>)(.*?)</script>", html, flags=re.S)
        if body.strip() and "application/json" not in tag
    ]
    assert len(inline) == 1 and f'nonce="{nonce}"' in inline[0]
    assert "/api/v1/openapi.json" in html
