import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.http import HttpResponse
from django.test import RequestFactory

from organisations.models import Membership
from organisations.roles import Role, has_any_role, has_role, role_required, roles_of
from organisations.services import COORDINATORS_GROUP, membership_grant, membership_revoke
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_user_can_hold_several_roles(make_member, provider):
    user = make_member(Role.TRAINEE)
    membership_grant(user=user, organisation=provider, role=Role.SUPERVISOR)

    assert roles_of(user) == {Role.TRAINEE, Role.SUPERVISOR}
    assert has_any_role(user, [Role.SUPERVISOR, Role.VERIFIER])
    assert not has_role(user, Role.COORDINATOR)


def test_a_user_without_membership_has_no_role():
    assert roles_of(UserFactory()) == frozenset()


def test_inactive_users_hold_no_roles(trainee):
    trainee.is_active = False
    assert roles_of(trainee) == frozenset()


def test_role_is_checked_per_organisation(supervisor, provider):
    from tests.factories import OrganisationFactory

    other_provider = OrganisationFactory()

    assert has_role(supervisor, Role.SUPERVISOR, organisation=provider)
    assert not has_role(supervisor, Role.SUPERVISOR, organisation=other_provider)


def test_roles_are_loaded_once_per_user_object(trainee, django_assert_num_queries):
    fresh = type(trainee).objects.get(pk=trainee.pk)
    with django_assert_num_queries(1):
        for _ in range(5):
            roles_of(fresh)


def test_a_clinic_cannot_have_trainees(clinic):
    with pytest.raises(ValidationError, match="cannot have members"):
        membership_grant(user=UserFactory(), organisation=clinic, role=Role.TRAINEE)
    assert not Membership.objects.exists()


def test_a_provider_cannot_have_clinic_verifiers(provider):
    with pytest.raises(ValidationError, match="cannot have members"):
        membership_grant(user=UserFactory(), organisation=provider, role=Role.VERIFIER)
    assert not Membership.objects.exists()


def test_granting_twice_keeps_one_membership(trainee, provider):
    membership_grant(user=trainee, organisation=provider, role=Role.TRAINEE)

    assert Membership.objects.filter(user=trainee).count() == 1


def test_the_database_refuses_a_duplicate_membership(provider):
    membership = MembershipFactory(organisation=provider)
    with pytest.raises(IntegrityError):
        Membership.objects.create(user=membership.user, organisation=provider, role=membership.role)


def test_the_database_refuses_an_unknown_role(provider):
    with pytest.raises(IntegrityError):
        Membership.objects.create(user=UserFactory(), organisation=provider, role="wizard")


def test_coordinators_get_wagtail_admin_access_and_lose_it_on_revoke(coordinator, provider):
    assert coordinator.groups.filter(name=COORDINATORS_GROUP).exists()
    assert coordinator.has_perm("wagtailadmin.access_admin")

    membership_revoke(user=coordinator, organisation=provider, role=Role.COORDINATOR)

    coordinator = type(coordinator).objects.get(pk=coordinator.pk)
    assert not coordinator.groups.filter(name=COORDINATORS_GROUP).exists()
    assert not coordinator.has_perm("wagtailadmin.access_admin")
    assert roles_of(coordinator) == frozenset()


def _request(user):
    request = RequestFactory().get("/queue/")
    request.user = user
    return request


@role_required(Role.SUPERVISOR)
def _supervisor_view(request):
    return HttpResponse("queue")


def test_role_required_lets_the_role_through(supervisor):
    assert _supervisor_view(_request(supervisor)).status_code == 200


def test_role_required_refuses_other_roles(trainee):
    with pytest.raises(PermissionDenied):
        _supervisor_view(_request(trainee))


def test_role_required_sends_visitors_to_log_in():
    from django.contrib.auth.models import AnonymousUser

    response = _supervisor_view(_request(AnonymousUser()))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
