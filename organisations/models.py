from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from .roles import ROLES_BY_KIND, OrganisationKind, Role


# The plugin cannot build reverse managers from models on untyped Wagtail bases.
class Organisation(models.Model):  # type: ignore[django-manager-missing]
    """A training provider (runs programmes, employs supervisors) or a clinic (verifies)."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=OrganisationKind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A user holding one role in one organisation. A user may hold several."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation__name", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="organisations_membership_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values), name="organisations_membership_role_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} at {self.organisation}"

    def clean(self) -> None:
        if self.organisation_id and self.role not in ROLES_BY_KIND[self.organisation.kind]:
            raise ValidationError(
                {
                    "role": f"A {self.organisation.get_kind_display().lower()} cannot have "
                    f"members with the role “{self.get_role_display()}”."
                }
            )


class RoleGroup(models.Model):
    """The Django group that carries one role's rights inside one organisation.

    Wagtail grants page permissions to groups, so a provider's coordinators and course
    editors each get a group of their own, holding permissions on that provider's pages
    only. Members are kept in step with ``Membership`` rows (see ``services``).
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="role_groups"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    group = models.OneToOneField(
        "auth.Group", on_delete=models.CASCADE, related_name="organisation_role"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "role"], name="organisations_rolegroup_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values), name="organisations_rolegroup_role_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()}s of {self.organisation}"
