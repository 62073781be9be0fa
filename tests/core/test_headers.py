"""Content-Security-Policy (django-csp, core/csp.py) and Permissions-Policy on every page."""

import re

import pytest

from tests.builders import lessons_of

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {name: values for part in policy.split(";") for name, *values in [part.split()]}


def test_public_pages_forbid_inline_and_foreign_scripts(client):
    policy = directives(client.get("/verify/"))

    assert policy["script-src"][0] == "'self'"
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert not any(source.startswith(("https:", "*")) for source in policy["script-src"])
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["base-uri"] == ["'self'"]


def test_the_lesson_page_scripts_carry_the_nonce_of_its_header(client, enrolled, programme):
    client.force_login(enrolled.trainee)
    lesson = lessons_of(programme)[0]

    response = client.get(lesson.url)

    assert response.status_code == 200
    nonces = [s[len("'nonce-") : -1] for s in directives(response)["script-src"] if "nonce" in s]
    assert len(nonces) == 1 and len(nonces[0]) >= 16
    scripts = re.findall(r"<script\b[^>]*>", response.content.decode())
    assert any("js/lesson.js" in tag for tag in scripts)
    for tag in scripts:
        if 'type="application/json"' in tag:
            continue  # data, which the browser never runs
        assert f'nonce="{nonces[0]}"' in tag


def test_each_response_has_its_own_nonce(client, enrolled, programme):
    client.force_login(enrolled.trainee)
    lesson = lessons_of(programme)[0]
    first = directives(client.get(lesson.url))["script-src"]
    second = directives(client.get(lesson.url))["script-src"]
    assert first != second


def test_lesson_videos_may_be_embedded_from_the_configured_hosts_only(client):
    frames = directives(client.get("/verify/"))["frame-src"]
    assert frames == ["'self'", *[source for source in frames if source.startswith("https://")]]
    assert "https://www.youtube-nocookie.com" in frames
    assert "*" not in frames


def test_the_wagtail_admin_alone_allows_inline_scripts(client, coordinator, with_totp, mfa_login):
    # Wagtail 8's admin writes inline <script> elements without a nonce (core/csp.py).
    mfa_login(client, coordinator)

    response = client.get("/cms/")

    assert response.status_code == 200
    policy = directives(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert not any("nonce" in source for source in policy["script-src"])
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_the_django_admin_keeps_the_strict_policy(client):
    response = client.get("/django-admin/login/", follow=True)
    assert "'unsafe-inline'" not in directives(response)["script-src"]


def test_device_features_are_switched_off(client):
    policy = client.get("/verify/")["Permissions-Policy"]
    features = dict(part.strip().split("=") for part in policy.split(","))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()"
    # Embedded lesson videos may still go full screen.
    assert "fullscreen" not in features
