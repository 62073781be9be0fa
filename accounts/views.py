from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .mfa import mfa_needed_for, user_has_mfa


@login_required
def dashboard(request):
    """Where every signed-in user lands: one section for each role they hold."""
    user = request.user
    memberships = user.memberships.select_related("organisation")
    needs_mfa = mfa_needed_for(user) and not user_has_mfa(user)
    return render(
        request,
        "accounts/dashboard.html",
        {"memberships": memberships, "needs_mfa": needs_mfa},
    )
