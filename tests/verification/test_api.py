import logging

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from verification.models import VerificationEvent
from verification.results import NO_NUMBER_MESSAGE
from verification.services import api_key_create, api_key_revoke

from .conftest import mistype

pytestmark = pytest.mark.django_db

ONE = "/api/v1/credentials/{}"
MANY = "/api/v1/credentials/verify"


def bearer(secret: str) -> dict:
    return {"Authorization": f"Bearer {secret}"}


@pytest.fixture
def api(client, api_secret):
    """api.get(path) / api.post(path, body) with the clinic's key."""

    class Api:
        def get(self, path, secret=api_secret):
            return client.get(path, headers=bearer(secret))

        def post(self, path, body, secret=api_secret):
            return client.post(path, body, content_type="application/json", headers=bearer(secret))

    return Api()


# ---------------------------------------------------------------- one credential


def test_one_credential(api, credential):
    response = api.get(ONE.format(credential.number))

    body = response.json()
    assert response.status_code == 200
    assert body == {
        "number": credential.number,
        "status": "VALID",
        "explanation": "This credential is real and current.",
        "holder_name": "Ada Okafor",
        "programme": "Certified Peer Support Worker",
        "issuer": credential.issuer.name,
        "issued_on": credential.issued_on.isoformat(),
        "expires_on": credential.expires_on.isoformat(),
        "status_changed_at": None,
        "public_reason": "",
        "renewed_on": None,
        "checked_at": body["checked_at"],
        "verification_url": f"http://127.0.0.1:8000/verify/{credential.number}/",
    }
    assert credential.holder.email not in response.content.decode()
    assert "email" not in response.content.decode()


def test_each_status_comes_through(api, credential, issue_credential, change_status):
    expired = issue_credential(last_name="Old", expires_in_days=-1)
    suspended = issue_credential(last_name="Held")
    revoked = issue_credential(last_name="Gone")
    change_status(suspended, "suspend")
    change_status(revoked, "revoke")

    statuses = [
        api.get(ONE.format(c.number)).json()["status"]
        for c in (credential, expired, suspended, revoked)
    ]

    assert statuses == ["VALID", "EXPIRED", "SUSPENDED", "REVOKED"]


def test_a_revoked_credential_has_no_expiry_date_in_the_answers(api, credential, change_status):
    """Revoked, it is valid on no day: the answers give the date of the change instead."""
    change_status(credential, "revoke")

    one = api.get(ONE.format(credential.number)).json()
    (item,) = api.post(MANY, {"numbers": [credential.number]}).json()["results"]

    for answer in (one, item):
        assert answer["status"] == "REVOKED"
        assert answer["expires_on"] is None
        assert answer["status_changed_at"] is not None


def test_a_number_typed_loosely_is_found_under_its_canonical_form(api, credential):
    response = api.get(ONE.format(credential.number.replace("-", "").lower()))

    assert response.status_code == 200
    assert response.json()["number"] == credential.number


@pytest.mark.parametrize("which", ["unknown", "mistyped", "garbage"])
def test_an_unknown_or_mistyped_number_is_a_json_404(api, credential, unknown_number, which):
    number = {
        "unknown": unknown_number,
        "mistyped": mistype(credential.number),
        "garbage": "not-a-number",
    }[which]

    response = api.get(ONE.format(number))

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": NO_NUMBER_MESSAGE}


def test_the_checking_clinic_is_recorded(
    api, clinic, credential, unknown_number, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        api.get(ONE.format(credential.number))
        api.get(ONE.format(unknown_number))
        api.post(MANY, {"numbers": [credential.number, unknown_number]})

    events = list(VerificationEvent.objects.values_list("credential", "organisation", "channel"))
    assert events == [(credential.pk, clinic.pk, "api")] * 2


# ---------------------------------------------------------------- authentication


def test_no_key_is_a_json_401(client, credential):
    response = client.get(ONE.format(credential.number))

    assert response.status_code == 401
    assert response.json() == {
        "detail": "Send your clinic's API key as 'Authorization: Bearer <key>'."
    }
    assert response["WWW-Authenticate"] == "Bearer"


@pytest.mark.parametrize(
    "header",
    ["Basic dXNlcjpwYXNz", "Token ppk_x", "Bearer", "bearer"],
)
def test_another_kind_of_authorization_is_a_json_401(client, credential, header):
    response = client.get(ONE.format(credential.number), headers={"Authorization": header})

    assert response.status_code == 401
    assert "detail" in response.json()
    assert "Ada Okafor" not in response.content.decode()


@pytest.mark.parametrize(
    ("secret", "logged"),
    [
        ("ppk_Wr0ngKeyWithALongSecretPart", "ppk_Wr0n…"),
        ("hunter2-my-own-password", "not a Peerpath key (23 characters)"),
    ],
)
def test_a_refused_key_is_logged_by_its_first_characters_and_the_address(
    client, credential, caplog, secret, logged
):
    caplog.set_level(logging.DEBUG, logger="verification")
    response = client.get(
        ONE.format(credential.number), headers=bearer(secret), REMOTE_ADDR="10.9.8.7"
    )

    assert response.status_code == 401
    messages = [r.getMessage() for r in caplog.records if r.name == "verification.api"]
    assert messages == [f"Verification API: key refused ({logged}), from 10.9.8.7"]
    assert not any(secret in m or secret[:12] in m for m in messages)


@pytest.mark.parametrize("secret", ["garbage", "ppk_garbage", ""])
def test_a_wrong_key_is_a_json_401(client, credential, api_secret, secret):
    response = client.get(ONE.format(credential.number), headers=bearer(secret))

    assert response.status_code == 401
    assert response.json() == {"detail": "This API key is not valid or has been revoked."}
    assert "Ada Okafor" not in response.content.decode()


def test_a_revoked_key_is_a_json_401_at_once(api, api_key, credential):
    assert api.get(ONE.format(credential.number)).status_code == 200

    api_key_revoke(api_key=api_key)
    response = api.get(ONE.format(credential.number))

    assert response.status_code == 401
    assert response.json() == {"detail": "This API key is not valid or has been revoked."}


def test_the_bulk_call_needs_a_key_too(client, credential):
    response = client.post(MANY, {"numbers": [credential.number]}, content_type="application/json")

    assert response.status_code == 401
    assert "detail" in response.json()


def test_a_keys_use_is_noted(api, api_key, credential):
    api.get(ONE.format(credential.number))

    api_key.refresh_from_db()
    assert api_key.last_used_at is not None


# ---------------------------------------------------------------- rate limits


def test_each_key_is_rate_limited(
    api, clinic, verifier, credential, settings, frozen_ratelimit_clock
):
    settings.VERIFICATION_API_RATE_LIMIT = "3/m"
    url = ONE.format(credential.number)

    allowed = [api.get(url).status_code for _ in range(2)]
    allowed.append(api.post(MANY, {"numbers": [credential.number]}).status_code)
    refused = api.get(url)

    assert allowed == [200, 200, 200]
    assert refused.status_code == 429
    assert refused["Retry-After"] == "50"
    assert refused.json() == {
        "detail": "Too many requests for this API key: the limit is 3/m. Retry after 50 seconds."
    }
    assert api.post(MANY, {"numbers": [credential.number]}).status_code == 429
    # Another key, even of the same clinic, has its own allowance.
    _, second = api_key_create(organisation=clinic, name="Second", created_by=verifier)
    assert api.get(url, secret=second).status_code == 200


def test_failed_authentication_does_not_use_up_a_keys_allowance(
    api, client, credential, settings, frozen_ratelimit_clock
):
    settings.VERIFICATION_API_RATE_LIMIT = "1/m"
    for _ in range(3):
        client.get(ONE.format(credential.number), headers=bearer("ppk_wrong"))

    assert api.get(ONE.format(credential.number)).status_code == 200


# ---------------------------------------------------------------- many credentials


def test_bulk_results_in_order_found_or_not(
    api, credential, issue_credential, change_status, unknown_number
):
    suspended = issue_credential(last_name="Held")
    change_status(suspended, "suspend")
    typo = mistype(credential.number)

    response = api.post(
        MANY, {"numbers": [unknown_number, credential.number, typo, suspended.number]}
    )

    body = response.json()
    assert response.status_code == 200
    assert [(r["number"], r["found"], r["status"]) for r in body["results"]] == [
        (unknown_number, False, "NOT_FOUND"),
        (credential.number, True, "VALID"),
        (typo, False, "NOT_FOUND"),
        (suspended.number, True, "SUSPENDED"),
    ]
    assert body["results"][0] == {
        "number": unknown_number,
        "found": False,
        "status": "NOT_FOUND",
        "explanation": NO_NUMBER_MESSAGE,
        "holder_name": None,
        "programme": None,
        "issuer": None,
        "issued_on": None,
        "expires_on": None,
        "status_changed_at": None,
        "public_reason": None,
    }
    assert body["results"][1] == {
        "number": credential.number,
        "found": True,
        "status": "VALID",
        "explanation": "This credential is real and current.",
        "holder_name": "Ada Okafor",
        "programme": "Certified Peer Support Worker",
        "issuer": credential.issuer.name,
        "issued_on": credential.issued_on.isoformat(),
        "expires_on": credential.expires_on.isoformat(),
        "status_changed_at": None,
        "public_reason": "",
        "renewed_on": None,
    }
    assert "checked_at" in body
    assert "email" not in response.content.decode()


def test_five_hundred_numbers_are_accepted(api, credential, unknown_number):
    numbers = [credential.number] + [unknown_number] * 499

    response = api.post(MANY, {"numbers": numbers})

    assert response.status_code == 200
    results = response.json()["results"]
    assert len(results) == 500
    assert results[0]["found"] and not any(r["found"] for r in results[1:])


@pytest.mark.parametrize(
    "body",
    [
        {"numbers": ["PP-0000-0000-0"] * 501},
        {"numbers": []},
        {},
        {"numbers": "PP-0000-0000-0"},
        {"numbers": ["x" * 41]},
    ],
    ids=["501 numbers", "empty list", "no list", "not a list", "a number too long"],
)
def test_a_malformed_bulk_request_is_a_422(api, body):
    response = api.post(MANY, body)

    assert response.status_code == 422
    assert "detail" in response.json()


def test_a_bulk_call_of_500_takes_as_many_queries_as_one(
    api, issue_credential, unknown_number, django_assert_max_num_queries
):
    credentials = [issue_credential(last_name=f"Worker{i:02}") for i in range(20)]
    api.post(MANY, {"numbers": [unknown_number]})  # the key's last use is now noted

    with CaptureQueriesContext(connection) as one:
        api.post(MANY, {"numbers": [credentials[0].number]})
    numbers = [c.number for c in credentials] * 24 + [unknown_number] * 20
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = api.post(MANY, {"numbers": numbers})

    assert len(numbers) == 500
    assert sum(r["found"] for r in response.json()["results"]) == 480


# ---------------------------------------------------------------- OpenAPI


def test_the_openapi_document(client):
    response = client.get("/api/v1/openapi.json")

    schema = response.json()
    assert response.status_code == 200
    assert "/api/v1/credentials/{number}" in schema["paths"]
    assert "/api/v1/credentials/verify" in schema["paths"]
    assert "get" in schema["paths"]["/api/v1/credentials/{number}"]
    assert "post" in schema["paths"]["/api/v1/credentials/verify"]
    assert schema["components"]["securitySchemes"] == {
        "ApiKeyAuth": {"type": "http", "scheme": "bearer"}
    }
    operation = schema["paths"]["/api/v1/credentials/{number}"]["get"]
    assert operation["security"] == [{"ApiKeyAuth": []}]
    assert {"200", "401", "404", "429"} <= set(operation["responses"])
    assert "email" not in response.content.decode().lower()


def test_django_logs_a_404_lookup_without_the_number(api, unknown_number, caplog):
    caplog.set_level(logging.INFO, logger="django.request")

    assert api.get(ONE.format(unknown_number)).status_code == 404

    logged = [r for r in caplog.records if r.name == "django.request"]
    assert [r.getMessage() for r in logged] == ["Not Found: /api/v1/credentials/<number>"]
    assert all(unknown_number not in str(vars(r)) for r in logged)
