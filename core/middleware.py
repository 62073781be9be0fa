"""Refuse malformed requests before any view or database sees them.

Two checks, both cheap enough for the API's hot path:

* **API body size.** A body larger than ``API_MAX_BODY_BYTES`` under ``API_PATH_PREFIX``
  gets 413 with a JSON ``detail``, judged from ``Content-Length`` alone, so the body is
  never read. (Past Django's own 2.5 MB ``DATA_UPLOAD_MAX_MEMORY_SIZE`` the API used to
  answer 500.)
* **NUL characters.** PostgreSQL cannot store ``\\x00`` in text and refuses a query that
  contains one (``DataError``: a 500); SQLite's full-text search stops at it. Django's form
  fields refuse NUL, but views that read ``request.GET``/``request.POST`` directly did not,
  so it is refused here for every way text enters: the path, the query string, form
  fields and their names, uploaded files' names, cookies and JSON bodies. File contents
  are not inspected: they may be binary, and the forms that read text files check them.
"""

import re
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse

NUL = "\x00"
NUL_MESSAGE = (
    "The request contains a NUL character (\\x00), which Peerpath does not accept. "
    "Remove it and try again."
)
# In a JSON text a NUL arrives escaped as \u0000; an even number of backslashes before it
# would make it literal text ("\\u0000"), which is harmless.
_JSON_NUL = re.compile(rb"(?<!\\)(?:\\\\)*\\u0000")
_JSON_TYPES = ("application/json", "+json")


def _too_large_message(limit: int) -> str:
    return (
        f"The request body is larger than this API accepts ({limit:,} bytes). "
        "Send fewer items per call."
    )


def _has_nul_in_query_dict(query_dict) -> bool:
    return any(NUL in key or any(NUL in v for v in values) for key, values in query_dict.lists())


def request_has_nul(request: HttpRequest, *, raw_body: bool = False) -> bool:
    """Whether any text of ``request`` contains a NUL character.

    With ``raw_body`` (the API, whose bodies are JSON) the body is searched as bytes
    whatever its declared type, and never parsed here: a malformed form body is the
    API's to answer, in its own JSON.
    """
    if NUL in request.path or _has_nul_in_query_dict(request.GET):
        return True
    if any(NUL in key or NUL in value for key, value in request.COOKIES.items()):
        return True
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return False
    if raw_body:
        body = request.body
        return b"\x00" in body or _JSON_NUL.search(body) is not None
    content_type = request.content_type or ""
    if content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        if _has_nul_in_query_dict(request.POST):
            return True
        return any(
            NUL in key or NUL in (upload.name or "")
            for key, uploads in request.FILES.lists()
            for upload in uploads
        )
    if content_type.endswith(_JSON_TYPES):
        body = request.body
        return b"\x00" in body or _JSON_NUL.search(body) is not None
    return False


class RequestHygieneMiddleware:
    """Answers 413 to oversized API bodies and 400 to any request carrying a NUL."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.api_prefix: str = settings.API_PATH_PREFIX
        self.api_max_bytes: int = settings.API_MAX_BODY_BYTES

    def __call__(self, request: HttpRequest) -> HttpResponse:
        is_api = request.path_info.startswith(self.api_prefix)
        if is_api and self._content_length(request) > self.api_max_bytes:
            return JsonResponse({"detail": _too_large_message(self.api_max_bytes)}, status=413)
        if request_has_nul(request, raw_body=is_api):
            if is_api:
                return JsonResponse({"detail": NUL_MESSAGE}, status=400)
            return HttpResponseBadRequest(NUL_MESSAGE, content_type="text/plain; charset=utf-8")
        return self.get_response(request)

    @staticmethod
    def _content_length(request: HttpRequest) -> int:
        try:
            return max(0, int(request.META.get("CONTENT_LENGTH") or 0))
        except ValueError:
            return 0
