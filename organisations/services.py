"""Granting and removing roles, with the side effects that go with them."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from .models import Membership, Organisation
from .roles import Role, forget_roles

# Training coordinators author programmes in the Wagtail admin; this group gives them access.
COORDINATORS_GROUP = "Training coordinators"


def coordinators_group() -> Group:
    group, created = Group.objects.get_or_create(name=COORDINATORS_GROUP)
    if created:
        group.permissions.add(Permission.objects.get(codename="access_admin"))
    return group


@transaction.atomic
def membership_grant(*, user, organisation: Organisation, role: str) -> Membership:
    """Give ``user`` the ``role`` in ``organisation``; idempotent."""
    membership = Membership(user=user, organisation=organisation, role=role)
    membership.full_clean(validate_unique=False, validate_constraints=False)
    membership, _ = Membership.objects.get_or_create(
        user=user, organisation=organisation, role=role
    )
    if role == Role.COORDINATOR:
        user.groups.add(coordinators_group())
    forget_roles(user)
    return membership


@transaction.atomic
def membership_revoke(*, user, organisation: Organisation, role: str) -> None:
    Membership.objects.filter(user=user, organisation=organisation, role=role).delete()
    if (
        role == Role.COORDINATOR
        and not Membership.objects.filter(user=user, role=Role.COORDINATOR).exists()
    ):
        user.groups.remove(coordinators_group())
    forget_roles(user)
