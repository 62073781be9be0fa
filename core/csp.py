"""The Content-Security-Policy, with one documented exception for the Wagtail admin.

django-csp 4 sends ``settings.CONTENT_SECURITY_POLICY`` on every response, with a fresh
nonce per request (``request.csp_nonce``). Everywhere, scripts run only from this site's
own static files or from a ``<script nonce="{{ request.csp_nonce }}">``: never inline
without the nonce, never from another origin, never ``eval``.

The exception is the Wagtail admin (``CSP_INLINE_SCRIPT_PREFIXES``, ``/cms/``). Wagtail 8
still writes inline ``<script>`` elements with no nonce (the InlinePanel, the multiple
chooser panel and the date, time and date-time widgets: wagtail/wagtail#1288, open since
2015), so under ``/cms/`` ``script-src`` is ``'self' 'unsafe-inline'`` and has no nonce
(browsers ignore ``'unsafe-inline'`` once a nonce is listed). Every other directive
stays as strict as on the rest of the site; the admin is reachable only by staff who
have signed in with two factors, and its pages show only content they can already edit.
"""

from csp.constants import NONCE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.middleware import PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp's middleware, with inline scripts allowed under the admin's prefix."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(tuple(settings.CSP_INLINE_SCRIPT_PREFIXES)):
            directives: dict[str, list[str]] = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
            sources = [s for s in directives["script-src"] if s is not NONCE]
            parts.replace = {
                **(parts.replace or {}),
                "script-src": [*dict.fromkeys([SELF, *sources, UNSAFE_INLINE])],
            }
            parts.nonce = None
        return parts
