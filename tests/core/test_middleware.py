"""RequestHygieneMiddleware: NUL characters refused everywhere, API bodies bounded."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.middleware import NUL_MESSAGE

pytestmark = pytest.mark.django_db


def assert_refused_as_text(response):
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert response.content.decode() == NUL_MESSAGE


@pytest.mark.parametrize(
    "url",
    ["/verify/PP%00X/", "/courses/search/?q=a%00b", "/credentials/manage/?status%00=x"],
)
def test_a_nul_in_the_path_or_query_string_is_refused(client, url):
    assert_refused_as_text(client.get(url))


def test_a_nul_in_a_form_field_or_its_name_is_refused(client):
    assert_refused_as_text(client.post("/verify/", {"number": "PP\x00", "last_name": "Okafor"}))
    assert_refused_as_text(client.post("/verify/", {"number\x00": "PP", "last_name": "Okafor"}))


def test_a_nul_in_an_uploads_field_name_is_refused(client):
    upload = SimpleUploadedFile("roster.csv", b"credential_number,last_name\n")
    assert_refused_as_text(client.post("/verify/", {"file\x00": upload}))


def test_a_nul_in_a_cookie_is_refused(client):
    client.cookies["sessionid"] = "abc\x00def"
    assert_refused_as_text(client.get("/verify/"))


def test_binary_file_contents_are_not_inspected(client):
    # An upload may be an image or a PDF: its bytes are the form's business, not this check's.
    upload = SimpleUploadedFile("picture.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    response = client.post("/verify/", {"number": "", "last_name": "", "file": upload})
    assert response.status_code == 400
    assert NUL_MESSAGE not in response.content.decode()  # refused by the form, not for NUL


@pytest.mark.parametrize(
    "body",
    [
        b'{"numbers": ["PP-7KQ4\\u0000-M2XD-9"]}',
        b'{"numbers": ["PP-7KQ4\\\\\\u0000"]}',  # an escaped backslash, then an escaped NUL
        b'{"numbers": ["PP-7KQ4\x00"]}',
    ],
)
def test_a_nul_in_a_json_body_is_refused_as_json(client, body):
    response = client.post("/api/v1/credentials/verify", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"detail": NUL_MESSAGE}


def test_a_literal_backslash_u0000_in_json_is_text_not_nul(client):
    # "\\u0000" in JSON is the six characters \u0000: allowed (this one then needs a key).
    response = client.post(
        "/api/v1/credentials/verify",
        b'{"numbers": ["PP\\\\u0000"]}',
        content_type="application/json",
    )
    assert response.status_code == 401


def test_an_api_body_over_the_limit_is_a_json_413_without_reading_it(client, settings):
    # What reproduced it: 3 MB, past Django's 2.5 MB DATA_UPLOAD_MAX_MEMORY_SIZE, was a 500.
    body = json.dumps({"numbers": ["PP-7KQ4-M2XD-9"] * 190_000}).encode()
    assert len(body) > 3_000_000
    response = client.post(
        "/api/v1/credentials/verify",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION="Bearer ppk_whatever",
    )
    assert response.status_code == 413
    assert response.json() == {
        "detail": f"The request body is larger than this API accepts "
        f"({settings.API_MAX_BODY_BYTES:,} bytes). Send fewer items per call."
    }


def test_a_body_at_the_limit_reaches_the_api(client, settings):
    settings.API_MAX_BODY_BYTES = 64
    body = b'{"numbers": ["PP-7KQ4-M2XD-9"]}'.ljust(64, b" ")
    response = client.post("/api/v1/credentials/verify", body, content_type="application/json")
    assert response.status_code == 401  # past the size check, stopped for want of a key


def test_the_size_limit_is_for_the_api_only(client, settings):
    settings.API_MAX_BODY_BYTES = 10
    response = client.post("/verify/", {"number": "PP-7KQ4-M2XD-9", "last_name": "Okafor"})
    assert response.status_code != 413


def test_clean_requests_pass(client):
    assert client.get("/verify/").status_code == 200
