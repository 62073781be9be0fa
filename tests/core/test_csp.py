"""core/csp.py's once-per-process policy: the header django-csp itself would send."""

import pytest
from csp.constants import HEADER, NONE, SELF
from csp.decorators import csp_update
from csp.exceptions import CSPNonceError
from csp.middleware import CSPMiddleware as DjangoCSPMiddleware
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from core.csp import CSPMiddleware

rf = RequestFactory()


def header(middleware_class, path="/verify/", view=lambda request: HttpResponse(), touch=False):
    request = rf.get(path)
    middleware = middleware_class(view)
    middleware.process_request(request)
    if touch:
        str(request.csp_nonce)  # a template wrote <script nonce="...">
    response = middleware.process_response(request, view(request))
    return request, response.get(HEADER)


@pytest.mark.parametrize("path", ["/verify/", "/api/v1/credentials/PP-1", "/cms/pages/"])
@pytest.mark.parametrize("touch", [False, True])
def test_the_header_is_django_csps(path, touch):
    ours = header(CSPMiddleware, path, touch=touch)[1]
    if path.startswith("/cms/"):
        assert "'unsafe-inline'" in ours and "nonce-" not in ours  # the admin's exception
        return
    theirs = header(DjangoCSPMiddleware, path, touch=touch)[1]
    if touch:  # each request has its own nonce; all else is the same
        assert "'nonce-" in ours and "'nonce-" in theirs
        ours, theirs = (h.split("'nonce-")[0] for h in (ours, theirs))
    assert ours == theirs


def test_a_decorators_change_still_applies():
    view = csp_update({"img-src": ["https://images.example"]})(lambda request: HttpResponse())
    assert "https://images.example" in header(CSPMiddleware, view=view)[1]
    assert "https://images.example" not in header(CSPMiddleware)[1]


def test_a_nonce_asked_for_after_the_header_is_an_error():
    request, _ = header(CSPMiddleware)
    with pytest.raises(CSPNonceError):
        str(request.csp_nonce)


def test_a_changed_policy_is_built_again():
    before = header(CSPMiddleware)[1]
    policy = {"DIRECTIVES": {"default-src": [NONE], "script-src": [SELF]}}
    with override_settings(CONTENT_SECURITY_POLICY=policy):
        # django-csp writes the directives in a set's order, which varies between processes.
        assert set(header(CSPMiddleware)[1].split("; ")) == {
            "default-src 'none'",
            "script-src 'self'",
        }
    assert header(CSPMiddleware)[1] == before
