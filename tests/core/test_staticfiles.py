"""Production's static files storage: each URL worked out once, the same URL as WhiteNoise's."""

import json

import pytest
from django.test import override_settings
from whitenoise.storage import CompressedManifestStaticFilesStorage

from core.staticfiles import MAX_URLS, StaticFilesStorage

MANIFEST = {
    "version": "1.1",
    "hash": "0",
    "paths": {"css/peerpath.css": "css/peerpath.0a1b2c.css", "img/x.svg": "img/x.9f8e.svg"},
}


@pytest.fixture
def storages(tmp_path):
    (tmp_path / "staticfiles.json").write_text(json.dumps(MANIFEST))
    with override_settings(DEBUG=False):
        yield (
            StaticFilesStorage(location=tmp_path, base_url="/static/"),
            CompressedManifestStaticFilesStorage(location=tmp_path, base_url="/static/"),
        )


def test_the_urls_are_whitenoises_and_are_kept(storages):
    ours, theirs = storages
    for name in MANIFEST["paths"]:
        assert ours.url(name) == theirs.url(name)
        assert ours.url(name) == theirs.url(name)  # the kept one
    assert ours.url("css/peerpath.css") == "/static/css/peerpath.0a1b2c.css"
    assert set(ours._urls) == set(MANIFEST["paths"])


def test_a_file_missing_from_the_manifest_is_refused_every_time_and_never_kept(storages):
    ours, _ = storages
    for _ in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            ours.url("css/missing.css")
    assert "css/missing.css" not in ours._urls


def test_what_is_kept_is_bounded(storages):
    ours, _ = storages
    ours._urls.update({f"filler-{i}": "/static/x" for i in range(MAX_URLS)})
    assert ours.url("img/x.svg") == "/static/img/x.9f8e.svg"
    assert len(ours._urls) == MAX_URLS
