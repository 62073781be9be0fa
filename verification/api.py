"""The verification API for clinics' own software, at /api/v1/ (OpenAPI at openapi.json)."""

import datetime
import json
import logging
import math
from typing import Annotated, Literal

from django.conf import settings
from django.http import HttpResponse
from ninja import Field, NinjaAPI, Redoc, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.responses import NinjaJSONEncoder
from ninja.security import HttpBearer

from certificates.api import verification_url
from core.http import client_ip

from . import services
from .models import ApiKey
from .results import NO_NUMBER_MESSAGE, Verdict, VerificationResult

Status = Literal["VALID", "EXPIRED", "SUSPENDED", "REVOKED"]
# No NUL: the request is refused before it reaches the API (core/middleware.py), and the
# schema says so, so that clients and the fuzz know it.
Number = Annotated[str, Field(max_length=40, pattern=r"^[^\x00]*$", examples=["PP-7KQ4-M2XD-9"])]

logger = logging.getLogger(__name__)


def key_hint(secret: str) -> str:
    """What a log may say of a key that was sent: the characters the clinic's settings page
    shows (``ApiKey.hint``), and only for something shaped like one of our keys. Anything
    else (a password pasted by mistake, say) is described, never quoted."""
    if not secret.startswith(ApiKey.PREFIX):
        return f"not a Peerpath key ({len(secret)} characters)"
    return secret[: len(ApiKey.PREFIX) + 4] + "…"


class RateLimited(HttpError):
    def __init__(self, *, retry_after: float) -> None:
        self.retry_after = retry_after
        super().__init__(
            429,
            f"Too many requests for this API key: the limit is "
            f"{settings.VERIFICATION_API_RATE_LIMIT}. Retry after "
            f"{math.ceil(retry_after)} seconds.",
        )


class ApiKeyAuth(HttpBearer):
    """``Authorization: Bearer <key>``; a key a clinic created in its settings."""

    def __call__(self, request):
        if not request.headers.get("Authorization", "").lower().startswith("bearer "):
            logger.info("Verification API: no bearer key, from %s", client_ip(request))
            raise AuthenticationError(
                message="Send your clinic's API key as 'Authorization: Bearer <key>'."
            )
        return super().__call__(request)

    def authenticate(self, request, token: str):
        """The key, its rate limit and, for a single lookup, the credential's answer: one
        Redis round trip (services.api_check). The answer waits on the request for the view."""
        number = None
        if request.method == "GET" and request.resolver_match is not None:
            number = request.resolver_match.kwargs.get("number")
        checked = services.api_check(secret=token.strip(), number=number)
        if checked is None or checked.api_key is None:
            logger.warning(
                "Verification API: key refused (%s), from %s",
                key_hint(token.strip()),
                client_ip(request),
            )
            raise AuthenticationError(message="This API key is not valid or has been revoked.")
        if checked.retry_after is not None:
            raise RateLimited(retry_after=checked.retry_after)
        request.verification_checked = checked
        return checked.api_key


api = NinjaAPI(
    title="Peerpath credential verification",
    version="1.0",
    description=(
        "Check that a peer support worker's credential is real and current. Authenticate "
        "with an API key created in your clinic's settings: `Authorization: Bearer <key>`."
    ),
    auth=ApiKeyAuth(),
    urls_namespace="api_v1",
)


@api.exception_handler(AuthenticationError)
def unauthorised(request, exc):
    response = api.create_response(request, {"detail": str(exc)}, status=401)
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(RateLimited)
def rate_limited(request, exc):
    response = api.create_response(request, {"detail": str(exc)}, status=429)
    response["Retry-After"] = str(math.ceil(exc.retry_after))
    return response


class Error(Schema):
    detail: str


class InvalidField(Schema):
    type: str
    loc: list[str | int]
    msg: str


class ValidationErrors(Schema):
    """Django Ninja's answer (422) to a request whose path or body breaks the schema."""

    detail: list[InvalidField]


class CredentialStatus(Schema):
    number: str
    status: Status
    explanation: str
    holder_name: str
    programme: str
    issuer: str
    issued_on: datetime.date
    expires_on: datetime.date | None = Field(
        description="The last day it is valid; null once revoked: it is valid on no day."
    )
    status_changed_at: datetime.datetime | None = Field(
        None, description="When it was suspended or revoked; null while active."
    )
    public_reason: str = Field(
        "", description="The issuer's public reason for a suspension or revocation, if given."
    )
    renewed_on: datetime.date | None = Field(
        None,
        description="When it was last renewed (the same number, a new validity); null if never.",
    )
    checked_at: datetime.datetime
    verification_url: str


class BulkRequest(Schema):
    # Only "numbers": anything else was ignored, and could carry what the door refuses
    # (a NUL); now the schema and the answer (422) agree that it does not belong.
    model_config = {"extra": "forbid"}

    numbers: list[Number] = Field(min_length=1, max_length=500)


class BulkItem(Schema):
    number: str
    found: bool
    status: Status | Literal["NOT_FOUND"]
    explanation: str
    holder_name: str | None = None
    programme: str | None = None
    issuer: str | None = None
    issued_on: datetime.date | None = None
    expires_on: datetime.date | None = None
    status_changed_at: datetime.datetime | None = None
    public_reason: str | None = None
    renewed_on: datetime.date | None = None


class BulkResponse(Schema):
    checked_at: datetime.datetime
    results: list[BulkItem]


def _found(result: VerificationResult) -> dict:
    return {
        "number": result.number,
        "status": result.verdict.value,
        "explanation": result.explanation,
        "holder_name": result.holder_name,
        "programme": result.programme,
        "issuer": result.issuer,
        "issued_on": result.issued_on,
        "expires_on": None if result.verdict is Verdict.REVOKED else result.expires_on,
        "status_changed_at": result.status_changed_at,
        "public_reason": result.public_reason,
        "renewed_on": result.renewed_on,
    }


@api.post(
    "/credentials/verify",
    response={
        200: BulkResponse,
        400: Error,
        401: Error,
        413: Error,
        422: ValidationErrors,
        429: Error,
    },
    summary="Check up to 500 credentials in one call",
)
def credentials_bulk(request, body: BulkRequest):
    results = services.credentials_verify(
        checks=[(number, None) for number in body.numbers],
        channel=services.Channel.API,
        organisation_id=request.auth.organisation_id,
    )
    return _json(
        {
            "checked_at": results[0].checked_at,
            "results": [
                _found(result) | {"found": True}
                if result.found
                else {
                    "number": result.number,
                    "found": False,
                    "status": result.verdict.value,
                    "explanation": result.explanation,
                    **_NOT_FOUND_BLANKS,
                }
                for result in results
            ],
        }
    )


# What BulkItem says of a number not found: every detail null.
_NOT_FOUND_BLANKS = dict.fromkeys(
    (
        "holder_name",
        "programme",
        "issuer",
        "issued_on",
        "expires_on",
        "status_changed_at",
        "public_reason",
    )
)


def _json(body: dict) -> HttpResponse:
    """An answer written out as it is, not validated against its schema on every call: the
    fields are ours and fixed, and tests/verification/test_api_fuzz.py holds them to the
    schema (500 items through pydantic cost more than finding them)."""
    return HttpResponse(
        json.dumps(body, cls=NinjaJSONEncoder), content_type="application/json; charset=utf-8"
    )


@api.get(
    "/credentials/{number}",
    response={
        200: CredentialStatus,
        400: Error,
        401: Error,
        404: Error,
        422: ValidationErrors,
        429: Error,
    },
    summary="Status and dates of one credential",
)
def credential_status(request, number: Number):
    checked = getattr(request, "verification_checked", None)
    result = checked.result if checked is not None else None
    if result is None:
        result = services.credential_verify(
            number=number,
            channel=services.Channel.API,
            organisation_id=request.auth.organisation_id,
        )
    if not result.found:
        raise HttpError(404, NO_NUMBER_MESSAGE)
    return _json(
        {
            **_found(result),
            "checked_at": result.checked_at,
            "verification_url": verification_url(result.number),
        }
    )


def redoc(request):
    """The same schema in ReDoc (Swagger UI is at docs), from django-ninja's static files."""
    return Redoc().render_page(request, api)
