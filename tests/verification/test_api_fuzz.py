"""Fuzz the verification API from its own OpenAPI schema (schemathesis): never a 500.

The schema comes from the running app: ``/api/v1/openapi.json`` fetched through Django's
WSGI handler, in process, with no network. Every operation in it goes through schemathesis's
examples, coverage and fuzzing phases (valid and invalid input alike) and all the checks it
runs by default: no 500s; status codes, content types, headers and bodies as the schema
documents them; invalid input refused and valid input accepted; the request re-sent without
the key refused. A second fuzz sends every case without a usable key: 401 JSON, always.

Four credentials with fixed numbers (valid, expired, suspended, revoked) are in the database.
The generator takes most numbers from a dictionary of those and of near misses (with NUL
characters, which PostgreSQL refuses in a query), so the fuzz reaches the found paths as well
as the misses. Generation is deterministic (a fixed seed, derandomised Hypothesis, no example
database) and bounded, so CI sends the same requests every run. Schemathesis never puts a NUL
in a path parameter, so the last test sends those itself.

The tests are transactional: each request commits as it would in production (the check is
recorded on commit), and Django closes the database connection when a request finishes, which
would end the transaction an ordinary test runs in. The schema is loaded at import rather than
from a fixture because schemathesis's ``from_fixture`` fails under pytest 9.2 (4.32.5).
"""

import collections

import hypothesis
import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.config import SchemathesisConfig

from certificates.models import Credential
from certificates.numbers import format_number
from core.middleware import NUL_MESSAGE
from verification.services import api_key_create, api_key_revoke

CREDENTIALS = [  # (number, status, days until expiry, the API's verdict)
    (format_number("FZZA0000"), Credential.Status.ACTIVE, 365, "VALID"),
    (format_number("FZZA0001"), Credential.Status.ACTIVE, -30, "EXPIRED"),
    (format_number("FZZA0002"), Credential.Status.SUSPENDED, 365, "SUSPENDED"),
    (format_number("FZZA0003"), Credential.Status.REVOKED, 365, "REVOKED"),
]
NUMBERS = [number for number, *_ in CREDENTIALS]
# Numbers as people and programs mangle them: the service normalises them before any query.
# NUL characters are here on purpose: PostgreSQL refuses them in a query (a 500), SQLite not.
NEAR_MISSES = [
    NUMBERS[0].lower().replace("-", " "),
    f"{NUMBERS[1]}\x00",
    NUMBERS[2].replace("-", "\x00"),
    "\x00",
]

# How many inputs Hypothesis generates per operation, on top of the examples and the coverage
# phase's boundary cases: about 120-140 requests per operation, a few seconds each.
MAX_EXAMPLES = 100

schema = schemathesis.openapi.from_wsgi(
    "/api/v1/openapi.json",
    get_wsgi_application(),
    config=SchemathesisConfig.from_dict(
        {
            "seed": 20260101,
            "generation": {"deterministic": True, "database": "none", "max-examples": MAX_EXAMPLES},
            "dictionaries": {"numbers": {"values": NUMBERS + NEAR_MISSES}},
            "parameters": {
                "path.number": {"dictionary": "numbers", "probability": 0.6},
                "body.numbers[*]": {"dictionary": "numbers", "probability": 0.6},
            },
        }
    ),
)

# Hypothesis runs every example of an operation inside one test, against one database: the
# credentials and keys below. Requests only read them (and record checks), so that's fine.
fuzz_settings = hypothesis.settings(
    suppress_health_check=[hypothesis.HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def api(transactional_db, issue_credential, clinic, verifier, settings):
    """The clinic's live key, a revoked one, and the four credentials."""
    # Rate limits are tested elsewhere; here they would only turn late answers into 429s.
    settings.VERIFICATION_API_RATE_LIMIT = "100000/m"
    for index, (number, status, expires_in_days, _) in enumerate(CREDENTIALS):
        credential = issue_credential(
            last_name=f"Holder{index}", status=status, expires_in_days=expires_in_days
        )
        Credential.objects.filter(pk=credential.pk).update(number=number)
    _, secret = api_key_create(organisation=clinic, name="Rota system", created_by=verifier)
    revoked, revoked_secret = api_key_create(organisation=clinic, name="Old", created_by=verifier)
    api_key_revoke(api_key=revoked)
    return {"secret": secret, "revoked_secret": revoked_secret}


def _sent_nul(response) -> bool:
    request = response.request
    body = request.body or b""
    if isinstance(body, str):
        body = body.encode()
    return "%00" in request.url or b"\\u0000" in body or b"\x00" in body


class Traffic:
    """What one operation's fuzz sent and got back, checked once all its examples have run."""

    def __init__(self):
        self.statuses = collections.Counter()
        self.verdicts = collections.Counter()
        self.with_nul = 0

    def record(self, response, *, variant: str = "") -> None:
        self.statuses[f"{variant}{response.status_code}"] += 1
        self.with_nul += _sent_nul(response)
        if response.status_code == 200:
            data = response.json()
            for item in data.get("results", [data]):
                self.verdicts[item["status"]] += 1

    def summary(self, label: str) -> str:
        return (
            f"{label}: {sum(self.statuses.values())} requests, statuses "
            f"{dict(sorted(self.statuses.items()))}, verdicts {dict(self.verdicts)}, "
            f"{self.with_nul} with a NUL character"
        )


@pytest.fixture
def traffic(request):
    """Counts an operation's requests; after its last example, checks some were sent."""
    traffic = Traffic()
    yield traffic
    print(traffic.summary(request.node.name))
    assert traffic.statuses, f"{request.node.name} sent no requests"


@pytest.fixture
def answered(traffic, request):
    """Traffic in which, by the end, the API answered some requests (200) and refused some."""
    yield traffic
    summary = traffic.summary(request.node.name)
    assert traffic.statuses["200"] > 0, summary
    assert "VALID" in traffic.verdicts, summary
    assert any(status.startswith("4") for status in traffic.statuses), summary


@schema.parametrize()
@fuzz_settings
def test_fuzz_with_a_valid_key(case, api, answered):
    response = case.call_and_validate(headers={"Authorization": f"Bearer {api['secret']}"})
    answered.record(response)


BAD_KEYS = {
    "no key": None,
    "unknown key": "Bearer ppk_this-key-was-never-issued",
    "not bearer": "Basic cHBrXzp4",
}


@schema.parametrize()
@fuzz_settings
def test_fuzz_without_a_valid_key(case, api, traffic):
    """Whatever else is wrong with the request, no usable key means 401 JSON first."""
    generated = {name.lower(): value for name, value in (case.headers or {}).items()}
    case.headers = {name: value for name, value in generated.items() if name != "authorization"}
    variants = dict(
        BAD_KEYS,
        **{
            "revoked key": f"Bearer {api['revoked_secret']}",
            "generated": generated.get("authorization"),  # schemathesis's own, if any
        },
    )
    for variant, authorization in variants.items():
        headers = {"Authorization": authorization} if authorization else None
        response = case.call(headers=headers)
        traffic.record(response, variant=f"{variant}: ")
        case.validate_response(
            response,
            headers=headers,
            checks=[
                not_a_server_error,
                status_code_conformance,
                content_type_conformance,
                response_headers_conformance,
                response_schema_conformance,
            ],
        )
        if case.method.upper() != case.operation.method.upper():
            assert response.status_code == 405, variant  # the coverage phase's wrong methods
            continue
        if _sent_nul(response):  # refused at the door, before the key is looked at
            assert response.status_code == 400, (variant, response.text)
            assert response.json() == {"detail": NUL_MESSAGE}
            continue
        assert response.status_code == 401, (variant, response.status_code, response.text)
        assert response.headers["www-authenticate"] == ["Bearer"]
        assert set(response.json()) == {"detail"}


def _get(number):
    return schema["/api/v1/credentials/{number}"]["GET"].Case(path_parameters={"number": number})


def _post(numbers):
    return schema["/api/v1/credentials/verify"]["POST"].Case(body={"numbers": numbers})


def test_inputs_the_fuzz_may_not_draw(api):
    """NUL characters (which PostgreSQL refuses in a query), limits, and each verdict."""

    def call(case, status):
        response = case.call_and_validate(headers={"Authorization": f"Bearer {api['secret']}"})
        assert response.status_code == status, (case, response.text)
        return response

    for number, _, _, verdict in CREDENTIALS:
        assert call(_get(number), 200).json()["status"] == verdict
        typed = number.lower().replace("-", " ")  # as read aloud over the phone
        assert call(_get(typed), 200).json()["number"] == number
    # A NUL never reaches a query: the request is refused whole (core/middleware.py).
    for number in ["\x00", f"{NUMBERS[0]}\x00", NUMBERS[0].replace("-", "\x00")]:
        response = call(_get(number), 400)
        assert _sent_nul(response) and response.json() == {"detail": NUL_MESSAGE}
    for nul in ["\x00", f"{NUMBERS[0]}\x00", NUMBERS[1].replace("-", "\x00")]:
        response = call(_post([*NUMBERS, nul]), 400)
        assert _sent_nul(response) and response.json() == {"detail": NUL_MESSAGE}
    assert call(_get("x" * 41), 422).json()["detail"][0]["loc"] == ["path", "number"]

    odd = ["%00", "x" * 40]
    response = call(_post([*NUMBERS, *odd]), 200)
    results = response.json()["results"]
    assert [item["status"] for item in results] == [
        *(verdict for *_, verdict in CREDENTIALS),
        *["NOT_FOUND"] * len(odd),
    ]
    assert [item["number"] for item in results[len(NUMBERS) :]] == odd
    assert len(call(_post([NUMBERS[0]] * 500), 200).json()["results"]) == 500
    # Pydantic refuses a lone surrogate, which is not Unicode text, with the rest.
    for numbers in ([], ["x"] * 501, ["x" * 41], ["\ud800"], [None], "PP-7KQ4-M2XD-9"):
        assert call(_post(numbers), 422).json()["detail"]
