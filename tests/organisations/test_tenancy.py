"""Role groups follow memberships, and tenancy grants follow the roles' groups."""

import pytest
from django.contrib.auth.models import Group

from organisations.roles import Role
from organisations.services import (
    COORDINATORS_GROUP,
    EDITORS_GROUP,
    membership_grant,
    membership_revoke,
)
from organisations.tenancy import authored_organisation_ids, organisation_ids_for
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def group_names(user) -> set[str]:
    return set(type(user).objects.get(pk=user.pk).groups.values_list("name", flat=True))


def test_a_coordinator_joins_the_role_group_and_their_providers_group_only():
    x = OrganisationFactory(name="Xavier Peer Academy")
    OrganisationFactory(name="Yarrow Recovery Training")
    user = UserFactory()

    membership_grant(user=user, organisation=x, role=Role.COORDINATOR)

    assert group_names(user) == {COORDINATORS_GROUP, "Training coordinators of Xavier Peer Academy"}


def test_revoking_one_provider_keeps_the_others():
    x, y = OrganisationFactory(name="Xavier"), OrganisationFactory(name="Yarrow")
    user = UserFactory()
    membership_grant(user=user, organisation=x, role=Role.COORDINATOR)
    membership_grant(user=user, organisation=y, role=Role.COORDINATOR)

    membership_revoke(user=user, organisation=x, role=Role.COORDINATOR)

    assert group_names(user) == {COORDINATORS_GROUP, "Training coordinators of Yarrow"}
    membership_revoke(user=user, organisation=y, role=Role.COORDINATOR)
    assert group_names(user) == set()


def test_course_editors_get_the_editor_groups_and_hand_made_groups_stay():
    x = OrganisationFactory(name="Xavier")
    user = UserFactory()
    user.groups.add(Group.objects.create(name="Newsletter"))

    membership_grant(user=user, organisation=x, role=Role.EDITOR)

    assert group_names(user) == {EDITORS_GROUP, "Course editors of Xavier", "Newsletter"}


def test_grants_follow_the_role_held_at_each_provider():
    """An editor of X who coordinates Y may delete Y's questions, not X's."""
    x, y = OrganisationFactory(), OrganisationFactory()
    user = UserFactory()
    membership_grant(user=user, organisation=x, role=Role.EDITOR)
    membership_grant(user=user, organisation=y, role=Role.COORDINATOR)
    user = type(user).objects.get(pk=user.pk)

    assert authored_organisation_ids(user) == {x.pk, y.pk}
    assert organisation_ids_for(user, "assessments.change_question") == {x.pk, y.pk}
    assert organisation_ids_for(user, "assessments.delete_question") == {y.pk}
    assert organisation_ids_for(user, "courses.change_cohort") == {y.pk}


def test_trainees_and_supervisors_author_nothing(make_member):
    assert authored_organisation_ids(make_member(Role.TRAINEE)) == frozenset()
    assert authored_organisation_ids(make_member(Role.SUPERVISOR)) == frozenset()


def test_grants_are_read_once_per_user_object(coordinator, django_assert_num_queries):
    fresh = type(coordinator).objects.get(pk=coordinator.pk)
    with django_assert_num_queries(2):
        for _ in range(5):
            organisation_ids_for(fresh, "courses.change_cohort")
