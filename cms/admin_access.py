"""Signed-in people without CMS rights get a 403 page in the Wagtail admin, not a loop.

Wagtail's ``require_admin_access`` sends anyone without ``wagtailadmin.access_admin`` to
the admin's login, which is allauth's; allauth sends a signed-in person straight back to
``next`` (``/cms/``), and round it goes until the browser gives up
(ERR_TOO_MANY_REDIRECTS). This check runs before any admin view: a signed-in person who
may not use the admin gets the site's 403 page, which says why and links back to their
dashboard. Visitors who are not signed in still go to the login, as before.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse

# /cms/login/ only hands over to allauth. (Wagtail's /cms/logout/ is an admin view like
# the others; the 403 page's menu has the site's own "Log out".)
OPEN_VIEWS = frozenset({"wagtail_login_redirect"})
ADMIN_PERMISSION = "wagtailadmin.access_admin"


class AdminAccessMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self._prefix: str | None = None

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if self._prefix is None:
            self._prefix = reverse("wagtailadmin_home")
        if not request.path_info.startswith(self._prefix):
            return None
        match = request.resolver_match
        if match is not None and match.view_name in OPEN_VIEWS:
            return None
        user = request.user
        if not user.is_authenticated or user.has_perm(ADMIN_PERMISSION):
            return None
        return TemplateResponse(request, "403.html", {"denied_area": "cms"}, status=403)
