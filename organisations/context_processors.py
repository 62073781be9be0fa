from .roles import Role, roles_of


def roles(request):
    """Expose the user's roles to templates, so navigation can follow them."""
    user_roles = roles_of(getattr(request, "user", None))
    return {
        "user_roles": user_roles,
        "is_trainee": Role.TRAINEE in user_roles,
        "is_supervisor": Role.SUPERVISOR in user_roles,
        "is_coordinator": Role.COORDINATOR in user_roles,
        "is_verifier": Role.VERIFIER in user_roles,
    }
