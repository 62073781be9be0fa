"""Both admin sites need a second factor in this session from everyone who may enter them."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from .mfa import mfa_challenge, mfa_needed_for, session_passed_mfa

# Signing in and out of the admins must stay reachable (both only hand over to allauth),
# or a user without MFA could not even leave.
_OPEN_VIEWS = frozenset(
    {"admin:login", "admin:logout", "wagtail_login_redirect", "wagtailadmin_logout"}
)


class AdminMfaMiddleware:
    """Send anyone in the Django or Wagtail admin without MFA in this session to pass it.

    A middleware rather than a wrapper per view: the admins have hundreds of views,
    registered by Wagtail, its hooks and ``ModelAdmin`` classes. allauth's own pages
    (login, MFA, logout) live under /accounts/, outside both admins, so the redirect
    never loops.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self._prefixes: tuple[str, ...] | None = None

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def admin_prefixes(self) -> tuple[str, ...]:
        if self._prefixes is None:
            self._prefixes = (reverse("admin:index"), reverse("wagtailadmin_home"))
        return self._prefixes

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if not request.path_info.startswith(self.admin_prefixes()):
            return None
        match = request.resolver_match
        if match is not None and match.view_name in _OPEN_VIEWS:
            return None
        user = request.user
        if not user.is_authenticated:
            return None  # each admin sends visitors to allauth's login itself
        if session_passed_mfa(request):
            return None  # the common case, answered from the session without a query
        if not (mfa_needed_for(user) or user.has_perm("wagtailadmin.access_admin")):
            return None  # the admin refuses them itself; they have nothing to act on
        return mfa_challenge(request, resume_post=False)
