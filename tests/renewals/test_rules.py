"""Rule sets as versioned data: seeded by the migration, edited by staff, checked on save."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from courses.models import RequirementProfile
from renewals.loader import load_rule_sets, rule_set_files
from renewals.models import RuleSet, RuleVersion

pytestmark = pytest.mark.django_db


def test_the_migration_seeded_every_board_with_its_source():
    keys = {data["key"] for data in rule_set_files()}
    seeded = {rs.key: rs for rs in RuleSet.objects.filter(key__in=keys)}
    assert set(seeded) == keys
    for rule_set in seeded.values():
        assert rule_set.board and rule_set.source_note
        assert rule_set.versions.exists()


def test_loading_again_changes_nothing():
    before = RuleVersion.objects.count()
    assert load_rule_sets() == 0
    assert RuleVersion.objects.count() == before


def test_a_staff_edit_is_kept_by_a_reload():
    version = RuleVersion.objects.get(rule_set__key="texas-mhps-rsps")
    version.rules = {**version.rules, "total_hours": 24}
    version.save()
    load_rule_sets()
    version.refresh_from_db()
    assert version.rules["total_hours"] == 24


def test_a_cycle_is_judged_by_the_version_in_force_when_it_began():
    rule_set = RuleSet.objects.get(key="icrc-peer-recovery")
    later = RuleVersion.objects.create(
        rule_set=rule_set,
        effective_from=datetime.date(2030, 1, 1),
        rules={"total_hours": 24, "categories": [{"key": "ethics", "min_hours": 6}]},
    )
    assert rule_set.version_on(datetime.date(2029, 12, 31)).effective_from == datetime.date(
        2020, 1, 1
    )
    assert rule_set.version_on(datetime.date(2030, 1, 1)) == later
    assert "January 1, 2030" in str(later)


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        ({"anchor": "full moon"}, "anchor"),
        ({"total_hours": -3}, "total_hours"),
        ({"windows": 3}, "Unknown field"),
    ],
)
def test_staff_typos_are_refused_naming_the_field(rules, message):
    version = RuleVersion(
        rule_set=RuleSet.objects.get(key="georgia-cps"),
        effective_from=datetime.date(2031, 1, 1),
        rules=rules,
    )
    with pytest.raises(ValidationError) as error:
        version.full_clean()
    assert message in str(error.value.message_dict["rules"])


def test_a_new_profile_links_to_a_rule_set_in_the_admin():
    profile = RequirementProfile.objects.create(name="Texas MHPS")
    rule_set = RuleSet.objects.get(key="texas-mhps-rsps")
    rule_set.profiles.add(profile)
    assert list(profile.renewal_rule_sets.all()) == [rule_set]


def test_the_rule_sets_are_snippets_staff_can_open(client, admin_user, mfa_login):
    mfa_login(client, admin_user)
    rule_set = RuleSet.objects.get(key="washington-cps")
    response = client.get(f"/cms/snippets/renewals/ruleset/edit/{rule_set.pk}/")
    assert response.status_code == 200
    assert b"birthday" in response.content
