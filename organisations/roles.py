"""Every role check in Peerpath goes through this module.

A user's roles come from their organisation memberships. Superusers are not given
roles implicitly: staff run the site, they are not trainees or supervisors.
"""

from collections.abc import Callable, Iterable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import models


class Role(models.TextChoices):
    TRAINEE = "trainee", "Trainee"
    SUPERVISOR = "supervisor", "Supervisor"
    COORDINATOR = "coordinator", "Training coordinator"
    EDITOR = "editor", "Course editor"
    VERIFIER = "verifier", "Clinic verifier"


class OrganisationKind(models.TextChoices):
    TRAINING_PROVIDER = "provider", "Training provider"
    CLINIC = "clinic", "Clinic"


# Which roles make sense in which kind of organisation.
ROLES_BY_KIND: dict[str, frozenset[str]] = {
    OrganisationKind.TRAINING_PROVIDER: frozenset(
        {Role.TRAINEE, Role.SUPERVISOR, Role.COORDINATOR, Role.EDITOR}
    ),
    OrganisationKind.CLINIC: frozenset({Role.VERIFIER}),
}

# Roles that author a provider's programmes and question bank in the Wagtail admin; each
# has a per-provider group holding page permissions on the provider's page only.
AUTHOR_ROLES: frozenset[str] = frozenset({Role.COORDINATOR, Role.EDITOR})

_CACHE_ATTR = "_peerpath_roles"
# organisations.tenancy keeps its per-user grants here; dropped with the roles.
TENANCY_CACHE_ATTR = "_peerpath_tenancy"


def roles_of(user) -> frozenset[str]:
    """The roles a user holds in any organisation, loaded once per request."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        from .models import Membership

        cached = frozenset(
            Membership.objects.filter(user=user)
            .order_by()
            .values_list("role", flat=True)
            .distinct()
        )
        setattr(user, _CACHE_ATTR, cached)
    return cached


def forget_roles(user) -> None:
    """Drop the per-request caches after memberships change."""
    for attr in (_CACHE_ATTR, TENANCY_CACHE_ATTR):
        if hasattr(user, attr):
            delattr(user, attr)


def has_role(user, role: str, *, organisation=None) -> bool:
    """Does the user hold ``role`` — anywhere, or in the given organisation?"""
    if organisation is None:
        return role in roles_of(user)
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    from .models import Membership

    return Membership.objects.filter(user=user, organisation=organisation, role=role).exists()


def has_any_role(user, roles: Iterable[str]) -> bool:
    return not roles_of(user).isdisjoint(roles)


def role_required(*roles: str) -> Callable:
    """View decorator: signed-in users holding at least one of ``roles``; others get 403."""

    def decorator(view_func):
        @wraps(view_func)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_any_role(request.user, roles):
                raise PermissionDenied("Your account does not have the role this page needs.")
            return view_func(request, *args, **kwargs)

        return wrapper

    return decorator
