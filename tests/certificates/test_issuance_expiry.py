"""Issuing asks the registered rules when the first cycle ends: Washington's ends on the
holder's birthday, Georgia's on December 31, others after the profile's validity."""

import datetime

import pytest
from dateutil.relativedelta import relativedelta
from django.utils import timezone

from certificates.models import Credential
from certificates.services import ethics_affirm
from renewals import engine
from renewals.models import RuleSet
from renewals.selectors import standing_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def issue(trainee, nearly_done, profile, django_capture_on_commit_callbacks):
    """issue(board) -> the credential affirming the code issues, its profile under ``board``."""

    def run(board: str) -> Credential:
        RuleSet.objects.get(key=board).profiles.add(profile)
        with django_capture_on_commit_callbacks(execute=True):
            ethics_affirm(
                trainee=trainee, enrollment=nearly_done, signed_name=trainee.get_full_name()
            )
        return Credential.objects.get(holder=trainee)

    return run


def test_washington_is_issued_until_the_day_before_a_birthday(trainee, issue):
    trainee.renewal_birthday_month, trainee.renewal_birthday_day = 8, 2
    trainee.save()

    credential = issue("washington-cps")

    today = timezone.localdate()
    assert credential.issued_on == today
    assert (credential.expires_on.month, credential.expires_on.day) == (8, 1)
    assert credential.expires_on - today >= datetime.timedelta(days=364)
    assert credential.expires_on < today + relativedelta(months=24)
    # Keep my credential judges the short first cycle with prorated hours.
    standing = standing_of(credential_id=credential.pk, today=today)
    assert standing is not None and standing.evaluation is not None
    rules = standing.rules
    assert rules is not None
    first = engine.first_cycle(rules, certified_on=today, birthday=trainee.renewal_birthday)
    assert standing.evaluation.cycle.expires_on == first.expires_on == credential.expires_on
    assert standing.evaluation.total.required == engine.required_total(rules, first)
    assert standing.evaluation.total.required < rules.total_hours


def test_washington_without_a_birthday_is_issued_for_the_profiles_validity(issue):
    credential = issue("washington-cps")

    assert credential.expires_on == credential.issued_on + relativedelta(months=24)


def test_georgia_is_issued_until_december_31(issue):
    credential = issue("georgia-cps")

    assert credential.expires_on == datetime.date(credential.issued_on.year, 12, 31)


def test_icrc_keeps_the_profiles_validity(trainee, profile, issue):
    trainee.renewal_birthday_month, trainee.renewal_birthday_day = 8, 2
    trainee.save()
    profile.credential_validity_months = 36
    profile.save()

    credential = issue("icrc-peer-recovery")

    assert credential.expires_on == credential.issued_on + relativedelta(months=36)
