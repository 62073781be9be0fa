"""Multi-factor authentication requirements.

Supervisors sign off practice hours and coordinators change credentials; a stolen
password alone must not be enough to do either. What counts is not that the account
*has* an authenticator but that *this session* passed the second factor: allauth keeps
a record of each authentication step in the session (``method: "mfa"`` once a TOTP or
recovery code was accepted, at login or on reauthentication), and that record decides.

Views that perform such actions are wrapped in ``mfa_required``; the Django and Wagtail
admins are covered for every user who may enter them by ``AdminMfaMiddleware``. Services
have no request, so they keep checking ``user_has_mfa`` as a second line.
"""

from functools import wraps

from allauth.account.authentication import get_authentication_records
from allauth.account.internal.flows.login import record_authentication
from allauth.account.internal.flows.reauthentication import suspend_request
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from organisations.roles import Role, has_any_role

# Roles whose actions (signing off, changing credentials, editing the curriculum) need a
# second factor.
MFA_ROLES = frozenset({Role.SUPERVISOR, Role.COORDINATOR, Role.EDITOR})
# Authenticators that prove possession when they are set up (a code from the app is
# checked before TOTP is activated); recovery codes are generated, not proven.
_PROVEN_ON_SETUP = frozenset({Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN})


def user_has_mfa(user) -> bool:
    return (
        user.is_authenticated
        and Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    )


def mfa_needed_for(user) -> bool:
    """Must this user pass a second factor in each session before acting?

    Staff and superusers run the site; supervisors and coordinators sign off and certify.
    """
    return bool(
        user.is_authenticated
        and (user.is_staff or user.is_superuser or has_any_role(user, MFA_ROLES))
    )


def session_passed_mfa(request: HttpRequest) -> bool:
    """Did this session (for its current user) pass a second factor?"""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


def mfa_challenge(request: HttpRequest, *, resume_post: bool = True) -> HttpResponse | None:
    """None if the session passed MFA; otherwise where the user goes to pass it.

    Without an authenticator: to set one up (activating it records the second factor
    for this session, see ``record_mfa_on_setup``). With one: to allauth's MFA
    reauthentication, which comes back to this URL. With ``resume_post`` a POST is
    stashed and replayed there, as allauth's own ``reauthentication_required`` does;
    the admins pass False because their forms may carry files, which cannot be stashed.
    """
    if session_passed_mfa(request):
        return None
    if not user_has_mfa(request.user):
        messages.warning(
            request,
            "Set up two-factor authentication before you sign off records, change "
            "credentials or use the admin. It takes a minute with any authenticator app.",
        )
        return redirect("mfa_activate_totp")
    messages.info(request, "Enter a code from your authenticator app to continue.")
    if resume_post:
        return suspend_request(request, reverse("mfa_reauthenticate"))
    next_url = request.get_full_path() if request.method == "GET" else request.path
    return HttpResponseRedirect(
        f"{reverse('mfa_reauthenticate')}?{urlencode({REDIRECT_FIELD_NAME: next_url})}"
    )


def mfa_required(view_func):
    """Let the view run only once this session passed a second factor."""

    @wraps(view_func)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        challenge = mfa_challenge(request)
        if challenge is not None:
            return challenge
        return view_func(request, *args, **kwargs)

    return wrapper


def record_mfa_on_setup(*, request: HttpRequest | None, user, authenticator) -> None:
    """Count a freshly activated authenticator as this session's second factor.

    allauth checks a code from the app before it activates TOTP, so the user has just
    proved possession; without this, someone sent to set up MFA would be sent on to
    prove it again straight away.
    """
    if request is None or authenticator.type not in _PROVEN_ON_SETUP:
        return
    record_authentication(
        request, user, "mfa", id=authenticator.pk, type=authenticator.type, setup=True
    )
