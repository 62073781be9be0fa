"""Multi-factor authentication requirements.

Supervisors sign off practice hours and coordinators change credentials; a stolen
password alone must not be enough to do either. Views that perform such actions are
wrapped in ``mfa_required``.
"""

from functools import wraps

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect


def user_has_mfa(user) -> bool:
    return (
        user.is_authenticated
        and Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    )


def mfa_required(view_func):
    """Let the view run only for a signed-in user with an authenticator app set up."""

    @wraps(view_func)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not user_has_mfa(request.user):
            messages.warning(
                request,
                "Set up two-factor authentication before you sign off records or change "
                "credentials. It takes a minute with any authenticator app.",
            )
            return redirect("mfa_activate_totp")
        return view_func(request, *args, **kwargs)

    return wrapper
