from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from organisations.roles import Role, roles_of

from .mfa import user_has_mfa

# Roles whose actions (signing off, changing credentials) need two-factor authentication.
MFA_ROLES = frozenset({Role.SUPERVISOR, Role.COORDINATOR})


@login_required
def dashboard(request):
    """Where every signed-in user lands: one section for each role they hold."""
    user = request.user
    roles = roles_of(user)
    memberships = user.memberships.select_related("organisation")
    needs_mfa = (user.is_staff or not roles.isdisjoint(MFA_ROLES)) and not user_has_mfa(user)
    return render(
        request,
        "accounts/dashboard.html",
        {"memberships": memberships, "needs_mfa": needs_mfa},
    )
