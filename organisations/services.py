"""Granting and removing roles, with the side effects that go with them."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q

from .models import Membership, Organisation, RoleGroup
from .roles import AUTHOR_ROLES, OrganisationKind, Role, forget_roles

# Role-wide groups: they hold the model permissions of a role (Wagtail admin access,
# snippets) everywhere. Page permissions live on the per-organisation ``RoleGroup``s.
COORDINATORS_GROUP = "Training coordinators"
EDITORS_GROUP = "Course editors"
ROLE_WIDE_GROUPS: dict[str, str] = {
    Role.COORDINATOR: COORDINATORS_GROUP,
    Role.EDITOR: EDITORS_GROUP,
}
# Group.name holds at most 150 characters.
_GROUP_NAME_MAX = 150


def _role_wide_group(name: str) -> Group:
    group, created = Group.objects.get_or_create(name=name)
    if created:
        group.permissions.add(Permission.objects.get(codename="access_admin"))
    return group


def coordinators_group() -> Group:
    return _role_wide_group(COORDINATORS_GROUP)


def editors_group() -> Group:
    return _role_wide_group(EDITORS_GROUP)


def _role_group_name(*, organisation: Organisation, role: str) -> str:
    label = f"{Role(role).label}s of"
    name = f"{label} {organisation.name}"
    if len(name) > _GROUP_NAME_MAX or Group.objects.filter(name=name).exists():
        name = f"{label} organization {organisation.pk}"
    return name


def role_group_ensure(*, organisation: Organisation, role: str) -> Group:
    """The group of ``role`` holders in ``organisation``, made on first use; idempotent."""
    role_group = (
        RoleGroup.objects.filter(organisation=organisation, role=role)
        .select_related("group")
        .first()
    )
    if role_group is not None:
        return role_group.group
    group = Group.objects.create(name=_role_group_name(organisation=organisation, role=role))
    RoleGroup.objects.create(organisation=organisation, role=role, group=group)
    return group


def provider_groups_ensure(*, organisation: Organisation) -> dict[str, Group]:
    """The author groups (coordinators, course editors) of a training provider."""
    if organisation.kind != OrganisationKind.TRAINING_PROVIDER:
        raise ValueError(f"{organisation} is not a training provider.")
    return {
        role: role_group_ensure(organisation=organisation, role=role)
        for role in sorted(AUTHOR_ROLES)
    }


@transaction.atomic
def user_groups_sync(*, user) -> None:
    """Make the user's role groups match their memberships, adding and removing both ways.

    A user holding an author role anywhere is in that role's role-wide group; holding it in
    an organisation puts them in that organisation's group for the role, and nowhere else.
    Groups not managed here (ones a superuser made by hand) are left alone.
    """
    held = list(
        Membership.objects.filter(user=user, role__in=AUTHOR_ROLES).select_related("organisation")
    )
    wanted_ids = {
        role_group_ensure(organisation=membership.organisation, role=membership.role).pk
        for membership in held
    }
    for role in {membership.role for membership in held}:
        wanted_ids.add(_role_wide_group(ROLE_WIDE_GROUPS[role]).pk)
    managed = Q(name__in=ROLE_WIDE_GROUPS.values()) | Q(organisation_role__isnull=False)
    current_ids = set(user.groups.filter(managed).values_list("pk", flat=True))
    if wanted_ids - current_ids:
        user.groups.add(*(wanted_ids - current_ids))
    if current_ids - wanted_ids:
        user.groups.remove(*(current_ids - wanted_ids))
    forget_roles(user)


@transaction.atomic
def membership_grant(*, user, organisation: Organisation, role: str) -> Membership:
    """Give ``user`` the ``role`` in ``organisation``; idempotent."""
    membership = Membership(user=user, organisation=organisation, role=role)
    membership.full_clean(validate_unique=False, validate_constraints=False)
    membership, _ = Membership.objects.get_or_create(
        user=user, organisation=organisation, role=role
    )
    if role in AUTHOR_ROLES:
        user_groups_sync(user=user)
    forget_roles(user)
    return membership


@transaction.atomic
def membership_revoke(*, user, organisation: Organisation, role: str) -> None:
    Membership.objects.filter(user=user, organisation=organisation, role=role).delete()
    if role in AUTHOR_ROLES:
        user_groups_sync(user=user)
    forget_roles(user)
