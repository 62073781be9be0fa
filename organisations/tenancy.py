"""Tenancy in the Wagtail admin: which provider's rows a user may list, open, change or choose.

A model that belongs to a training provider says so with ``provider_owner``, the lookup
path from the row to its owning ``Organisation`` ("organisation",
"programme__organisation", "category__organisation"). ``provider_shared_if_unowned``
marks models whose rows without an owner are shared by every provider: everyone with the
model's view permission may choose them, only superusers may change them.

Model permissions still come from the role-wide groups ("Training coordinators", "Course
editors"); this module narrows each of them to the providers where the user holds the
role whose group grants it. A course editor of X who coordinates Y may therefore delete
Y's questions (coordinators may) but not X's (editors may not).
"""

from collections import defaultdict
from collections.abc import Iterable

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Model, Q, QuerySet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.permission_policies import ModelPermissionPolicy

from .models import Membership, Organisation
from .roles import AUTHOR_ROLES, TENANCY_CACHE_ATTR, OrganisationKind

# Actions a role may hold on a provider's rows; any of them lets the user open the row.
ROW_ACTIONS = ("add", "change", "delete", "view", "publish", "lock", "unlock")


def _grants(user) -> dict[str, frozenset[int]]:
    """``"app.codename"`` -> ids of organisations where one of the user's roles grants it.

    Two queries per user object: their author memberships, and the permissions of the
    role-wide groups. Dropped with ``roles.forget_roles``.
    """
    cached = getattr(user, TENANCY_CACHE_ATTR, None)
    if cached is not None:
        return cached
    from django.contrib.auth.models import Permission

    from .services import ROLE_WIDE_GROUPS

    organisations_by_role: dict[str, set[int]] = defaultdict(set)
    for organisation_id, role in Membership.objects.filter(
        user=user, role__in=AUTHOR_ROLES, organisation__kind=OrganisationKind.TRAINING_PROVIDER
    ).values_list("organisation_id", "role"):
        organisations_by_role[role].add(organisation_id)
    role_by_group = {name: role for role, name in ROLE_WIDE_GROUPS.items()}
    grants: dict[str, set[int]] = defaultdict(set)
    for group_name, app_label, codename in Permission.objects.filter(
        group__name__in=role_by_group
    ).values_list("group__name", "content_type__app_label", "codename"):
        grants[f"{app_label}.{codename}"] |= organisations_by_role[role_by_group[group_name]]
    grants["*"] = set().union(*organisations_by_role.values())
    cached = {perm: frozenset(ids) for perm, ids in grants.items()}
    setattr(user, TENANCY_CACHE_ATTR, cached)
    return cached


def authored_organisation_ids(user) -> frozenset[int]:
    """Providers where the user holds an author role (coordinator or course editor)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    return _grants(user).get("*", frozenset())


def organisation_ids_for(user, perm: str) -> frozenset[int]:
    """Providers whose rows the user may treat with ``perm`` ("courses.change_cohort")."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    return _grants(user).get(perm, frozenset())


def is_provider_owned(model) -> bool:
    return bool(getattr(model, "provider_owner", None))


def owner_id_of(instance: Model) -> int | None:
    """The id of the organisation that owns ``instance``, following ``provider_owner``."""
    # Only provider-owned models declare ``provider_owner`` (see is_provider_owned).
    *hops, last = type(instance).provider_owner.split("__")  # type: ignore[attr-defined]
    obj = instance
    for hop in hops:
        try:
            obj = getattr(obj, hop)
        except ObjectDoesNotExist:
            return None
        if obj is None:
            return None
    return getattr(obj, f"{last}_id")


def _owner_in(model, organisation_ids: Iterable[int], *, shared: bool) -> Q:
    condition = Q(**{f"{model.provider_owner}__in": list(organisation_ids)})
    if shared and getattr(model, "provider_shared_if_unowned", False):
        condition |= Q(**{f"{model.provider_owner}__isnull": True})
    return condition


def owned_rows(queryset: QuerySet, user, *, actions: Iterable[str] = ROW_ACTIONS) -> QuerySet:
    """Rows of providers where the user's roles grant one of ``actions`` on the model."""
    if user.is_active and user.is_superuser:
        return queryset
    model = queryset.model
    ids: set[int] = set()
    for action in actions:
        ids |= organisation_ids_for(
            user, f"{model._meta.app_label}.{action}_{model._meta.model_name}"
        )
    return queryset.filter(_owner_in(model, ids, shared=False))


def choosable_rows(queryset: QuerySet, user) -> QuerySet:
    """Rows the user may pick in a form or chooser: their providers' rows, and shared ones.

    Picking is about tenancy, not about the picked model's permissions: a course editor
    keeps their programme's requirement profile without holding rights on profiles.
    """
    if user.is_active and user.is_superuser:
        return queryset
    return queryset.filter(
        _owner_in(queryset.model, authored_organisation_ids(user), shared=True)
    ).distinct()


class ProviderOwnedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, limited per row to the providers where the user's role grants them."""

    def _organisation_ids(self, user, action: str) -> frozenset[int]:
        return organisation_ids_for(
            user, f"{self.app_label}.{self._get_permission_codename(action)}"
        )

    def user_has_permission_for_instance(self, user, action, instance):
        if not user.is_active:
            return False
        if user.is_superuser:
            return True
        if not self.user_has_permission(user, action):
            return False
        owner_id = owner_id_of(instance)
        if owner_id is None:
            return action == "view" and getattr(self.model, "provider_shared_if_unowned", False)
        return owner_id in self._organisation_ids(user, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = self.model._default_manager.all()
        if not user.is_active:
            return queryset.none()
        if user.is_superuser:
            return queryset
        actions = [a for a in actions if self.user_has_permission(user, a)]
        return owned_rows(queryset, user, actions=actions)


def scope_form_fields(form, *, user, model) -> None:
    """Narrow every choice field of ``form`` to rows ``user`` may pick.

    The field that decides the row's owner (the first hop of ``provider_owner``: a cohort's
    programme, a question's category, a profile's organisation) offers only providers where
    the user may add or change rows of ``model``; other choice fields offer the user's
    providers' rows and shared ones. Validation uses the same querysets, so a POST naming
    another provider's row is refused as an invalid choice.
    """
    if user is None or (user.is_active and user.is_superuser):
        return
    owner_field = model.provider_owner.split("__")[0] if is_provider_owned(model) else None
    label = f"{model._meta.app_label}.%s_{model._meta.model_name}"
    may_write = organisation_ids_for(user, label % "add") | organisation_ids_for(
        user, label % "change"
    )
    for name, field in form.fields.items():
        queryset = getattr(field, "queryset", None)
        if queryset is None:
            continue
        target = queryset.model
        if target is Organisation:
            allowed = may_write if name == owner_field else authored_organisation_ids(user)
            field.queryset = queryset.filter(pk__in=allowed)
            if name == owner_field:
                field.required = True
                field.empty_label = None
        elif is_provider_owned(target):
            if name == owner_field:
                field.queryset = queryset.filter(_owner_in(target, may_write, shared=False))
            else:
                current = getattr(form.instance, f"{name}_id", None) if form.instance else None
                field.queryset = queryset.filter(
                    _owner_in(target, authored_organisation_ids(user), shared=True) | Q(pk=current)
                ).distinct()


class ProviderScopedFormMixin:
    """For Wagtail admin forms (``WagtailAdminModelForm`` or page forms) of tenant data."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        scope_form_fields(self, user=user, model=self._meta.model)
        for formset in getattr(self, "formsets", {}).values():
            for child in formset.forms:
                scope_form_fields(child, user=user, model=formset.model)


class ProviderScopedModelForm(ProviderScopedFormMixin, WagtailAdminModelForm):
    """Snippet form of a provider's data: choice fields offer only the editor's providers' rows."""
