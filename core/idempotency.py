"""Each rendered form may create its rows once, however often it is sent.

A double click, a retried request on a slow network or the browser's back-and-resend used
to create duplicate rows (two identical practice entries). Forms that create rows carry a
token, rendered fresh each time the form is (``{% idempotency_field %}`` from the
``idempotency`` template tags), and their view is wrapped in :func:`idempotent`:

1. The first request with a token claims it in the shared cache (``cache.add`` is atomic
   on Redis and on the local-memory cache), runs the view and, if the view redirects
   (the POST/redirect/GET pattern every such view follows), stores where it went.
2. Another request with the same token is not run: it is sent where the first one went,
   with a note that the form had already been sent. If the first is still running, the
   second waits a few seconds for it.
3. If the view does not redirect (the form came back with errors, nothing was created) or
   raises, the claim is released, so the corrected form can be sent with the same token.

A POST without a token is run as before (scripts and tests that post directly); a token
that is not one Peerpath could have made is refused with 400.
"""

import functools
import re
import secrets
import time
from collections.abc import Callable

from django.contrib import messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect

FIELD_NAME = "idempotency_token"
# Long enough for any realistic resend; short enough that the cache does not fill up.
CLAIM_SECONDS = 24 * 60 * 60
WAIT_SECONDS = 5.0
POLL_SECONDS = 0.1
_PENDING = "pending"
_TOKEN = re.compile(r"[0-9a-f]{32}")

ALREADY_SENT_MESSAGE = "This form had already been sent; it was saved once."
BAD_TOKEN_MESSAGE = "This form is damaged or out of date. Reload the page and send it again."  # noqa: S105
STILL_SAVING_MESSAGE = (
    "This form was sent twice and the first one is still being saved. "
    "Wait a moment and reload the page instead of sending it again."
)


def new_token() -> str:
    """A fresh token for one rendering of one form."""
    return secrets.token_hex(16)


def _cache_key(request: HttpRequest, token: str) -> str:
    # Scoped to the user and the URL: one person's token never answers another's form.
    who = request.user.pk if request.user.is_authenticated else "anonymous"
    return f"idempotency:{who}:{request.path}:{token}"


def _replay(request: HttpRequest, location: str) -> HttpResponse:
    messages.info(request, ALREADY_SENT_MESSAGE)
    return redirect(location)


def idempotent(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Run a POST to ``view`` once per form token; see the module docstring."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        token = request.POST.get(FIELD_NAME) if request.method == "POST" else None
        if token is None:
            return view(request, *args, **kwargs)
        if not _TOKEN.fullmatch(token):
            return HttpResponseBadRequest(
                BAD_TOKEN_MESSAGE, content_type="text/plain; charset=utf-8"
            )
        key = _cache_key(request, token)
        deadline = time.monotonic() + WAIT_SECONDS
        while not cache.add(key, _PENDING, timeout=CLAIM_SECONDS):
            outcome = cache.get(key)
            if outcome not in (None, _PENDING):
                return _replay(request, outcome)
            if time.monotonic() >= deadline:
                return HttpResponse(
                    STILL_SAVING_MESSAGE, status=409, content_type="text/plain; charset=utf-8"
                )
            time.sleep(POLL_SECONDS)  # the first request is still running
        try:
            response = view(request, *args, **kwargs)
        except BaseException:
            cache.delete(key)
            raise
        if response.status_code in (301, 302, 303) and response.has_header("Location"):
            cache.set(key, response["Location"], timeout=CLAIM_SECONDS)
        else:
            cache.delete(key)
        return response

    return wrapper
