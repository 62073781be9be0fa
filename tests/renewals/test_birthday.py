"""Washington's cycle ends on the holder's birthday: where the birthday comes from, the
first expiry at issue (and Georgia's December 31), and the next cycle after a late one."""

import datetime
import logging
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from certificates.expiry import first_expiry
from organisations.roles import Role
from renewals import engine
from renewals.models import RuleSet, RuleVersion

pytestmark = pytest.mark.django_db

D = Decimal


def day(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def rules_of(board: str) -> engine.Rules:
    rule_set = RuleSet.objects.get(key=board)
    version = rule_set.version_on(day("2026-03-10"))
    assert version is not None
    return version.parsed()


@pytest.fixture
def holder(make_member):
    return make_member(Role.TRAINEE, first_name="Ada", last_name="Okafor")


def with_birthday(user, month, day_):
    user.renewal_birthday_month, user.renewal_birthday_day = month, day_
    user.save()
    return user


# --- the first expiry at issue --------------------------------------------------------


@pytest.mark.parametrize(
    ("certified", "birthday", "expires", "total", "peer_specific", "law_ethics"),
    [
        # Aug 2, 2027 is the first birthday at least 12 months on: 510 of 731 days.
        ("2026-03-10", (8, 2), "2027-08-01", "21.0", "10.0", "1.5"),
        # Feb 1, 2027 comes too soon: the cycle runs to the next one, 693 of 731 days.
        ("2026-03-10", (2, 1), "2028-01-31", "28.5", "13.5", "2.0"),
        # A birthday exactly 12 months on ends the first cycle the day before it: 365 days.
        ("2026-03-10", (3, 10), "2027-03-09", "15.0", "7.0", "1.0"),
        # A leap-day birthday: February 29, 2028 exists; 721 of 731 days.
        ("2026-03-10", (2, 29), "2028-02-28", "29.5", "14.0", "2.0"),
    ],
)
def test_washington_first_expiry_is_the_day_before_a_birthday_and_prorated(
    renewal_programme, holder, certified, birthday, expires, total, peer_specific, law_ethics
):
    programme = renewal_programme(board="washington-cps", slug="wa")
    with_birthday(holder, *birthday)

    expires_on = first_expiry(holder=holder, programme=programme, issued_on=day(certified))

    assert expires_on == day(expires)
    cycle = engine.Cycle(
        number=1, starts_on=day(certified), expires_on=expires_on, certified_on=day(certified)
    )
    result = engine.evaluate(rules_of("washington-cps"), cycle, [], today=day(certified))
    assert result.total.required == D(total)
    assert {p.key: p.required for p in result.categories} == {
        "peer_specific": D(peer_specific),
        "law_ethics": D(law_ethics),
    }


@pytest.mark.parametrize(
    ("certified", "expires"),
    [("2026-03-10", "2026-12-31"), ("2026-12-20", "2026-12-31"), ("2027-01-01", "2027-12-31")],
)
def test_georgia_first_expiry_is_december_31_of_the_certification_year(
    renewal_programme, holder, certified, expires
):
    programme = renewal_programme(board="georgia-cps", slug="ga")

    expires_on = first_expiry(holder=holder, programme=programme, issued_on=day(certified))

    assert expires_on == day(expires)
    cycle = engine.Cycle(
        number=1, starts_on=day(certified), expires_on=expires_on, certified_on=day(certified)
    )
    # The exempt first cycle asks for nothing; accrual starts the year after.
    result = engine.evaluate(rules_of("georgia-cps"), cycle, [], today=day(certified))
    assert result.total.required == 0 and result.met


@pytest.mark.parametrize(
    ("board", "birthday"),
    [
        ("icrc-peer-recovery", (8, 2)),  # anchored on certification: the profile's months
        ("washington-cps", None),  # no birthday given: never block issuing
    ],
)
def test_the_profiles_validity_stands_otherwise(renewal_programme, holder, board, birthday):
    programme = renewal_programme(board=board, slug="other")
    if birthday:
        with_birthday(holder, *birthday)
    programme.requirement_profile.credential_validity_months = 36
    programme.requirement_profile.save()

    expires_on = first_expiry(holder=holder, programme=programme, issued_on=day("2026-03-10"))

    assert expires_on == day("2029-03-10")


def test_a_profile_without_renewal_rules_keeps_its_validity(build_programme, holder):
    from courses.models import RequirementProfile

    profile = RequirementProfile.objects.create(name="No board", credential_validity_months=12)
    programme = build_programme(slug="plain", requirement_profile=profile, modules=1, lessons=1)

    expires_on = first_expiry(holder=holder, programme=programme, issued_on=day("2026-03-10"))

    assert expires_on == day("2027-03-10")


def test_the_version_in_force_on_the_issue_date_decides(renewal_programme, holder):
    programme = renewal_programme(board="washington-cps", slug="wa")
    with_birthday(holder, 8, 2)
    rule_set = RuleSet.objects.get(key="washington-cps")
    rules = dict(rule_set.versions.get().rules, anchor="certification")
    RuleVersion.objects.create(rule_set=rule_set, effective_from=day("2027-01-01"), rules=rules)

    before = first_expiry(holder=holder, programme=programme, issued_on=day("2026-03-10"))
    after = first_expiry(holder=holder, programme=programme, issued_on=day("2027-03-10"))

    assert before == day("2027-08-01")
    assert after == day("2029-03-10")  # the profile's 24 months


# --- the next cycle of a credential issued before the birthday was given ----------------


@pytest.mark.parametrize(
    ("starts", "expires", "birthday", "next_expires"),
    [
        # Issued for the profile's 24 months: the next cycle ends before the last birthday
        # within 24 months, and every later one on the birthday.
        ("2026-03-10", "2028-03-10", "2000-08-02", "2029-08-01"),
        # Already ending on the birthday: unchanged, two whole years.
        ("2026-03-10", "2027-08-01", "2000-08-02", "2029-08-01"),
        # A leap-day birthday, aligned in a common year: unchanged.
        ("2025-03-10", "2027-02-27", "2000-02-29", "2029-02-27"),
    ],
)
def test_the_next_washington_cycle_ends_on_the_birthday(starts, expires, birthday, next_expires):
    rules = rules_of("washington-cps")
    cycle = engine.Cycle(
        number=1, starts_on=day(starts), expires_on=day(expires), certified_on=day(starts)
    )

    following = engine.next_cycle(rules, cycle, birthday=day(birthday))

    assert following.starts_on == day(expires) + datetime.timedelta(days=1)
    assert following.expires_on == day(next_expires)
    then = engine.next_cycle(rules, following, birthday=day(birthday))
    assert then.expires_on == engine.add_months(following.expires_on, 24)


# --- the birthday: only the holder's own, only a real month and day ----------------------


def test_the_holder_gives_a_birthday_and_the_page_says_it_applies_from_the_next_cycle(
    client, holder, caplog
):
    client.force_login(holder)
    caplog.set_level(logging.DEBUG)

    page = client.get("/renewals/birthday/")
    response = client.post("/renewals/birthday/", {"month": "8", "day": "2"}, follow=True)

    assert page.status_code == 200
    assert "Washington" in page.content.decode()  # why it is asked
    holder.refresh_from_db()
    assert holder.renewal_birthday == datetime.date(2000, 8, 2)
    assert "its next cycle ends on your birthday" in response.content.decode()
    # Logged that it changed, never the date.
    assert [r.getMessage() for r in caplog.records if r.name.startswith("renewals")] == [
        f"User {holder.pk} changed the birthday their renewal cycles end on"
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"month": "2", "day": "30"}, "February has only 29 days."),
        ({"month": "4", "day": "31"}, "April has only 30 days."),
        ({"month": "13", "day": "1"}, "Choose a month from the list."),
        ({"month": "5", "day": "32"}, "Give the day as a number from 1 to 31."),
        ({"month": "5", "day": "0"}, "Give the day as a number from 1 to 31."),
        ({"month": "5", "day": "fifth"}, "Give the day as a number from 1 to 31."),
        ({"month": "5", "day": ""}, "Give both the month and the day"),
    ],
)
def test_a_day_the_month_does_not_have_is_refused_and_nothing_is_stored(
    client, holder, data, message
):
    with_birthday(holder, 8, 2)
    client.force_login(holder)

    response = client.post("/renewals/birthday/", data)

    assert response.status_code == 400
    assert message in response.content.decode()
    holder.refresh_from_db()
    assert holder.renewal_birthday == datetime.date(2000, 8, 2)


def test_a_leap_day_is_kept_and_both_empty_removes_it(client, holder):
    client.force_login(holder)

    client.post("/renewals/birthday/", {"month": "2", "day": "29"})
    holder.refresh_from_db()
    assert holder.renewal_birthday == datetime.date(2000, 2, 29)

    client.post("/renewals/birthday/", {"month": "", "day": ""})
    holder.refresh_from_db()
    assert holder.renewal_birthday is None


def test_it_is_always_the_signed_in_persons_own(client, holder, make_member):
    with_birthday(holder, 8, 2)
    other = make_member(Role.TRAINEE)
    client.force_login(other)

    page = client.get("/renewals/birthday/")
    client.post("/renewals/birthday/", {"month": "1", "day": "15"})

    assert 'value="8" selected' not in page.content.decode()
    holder.refresh_from_db()
    other.refresh_from_db()
    assert holder.renewal_birthday == datetime.date(2000, 8, 2)
    assert other.renewal_birthday == datetime.date(2000, 1, 15)
    client.logout()
    assert client.get("/renewals/birthday/").status_code == 302  # to sign in


@pytest.mark.parametrize(("month", "day_"), [(2, 30), (13, 1), (4, 31), (5, None), (None, 5)])
def test_the_database_refuses_a_month_and_day_that_do_not_exist(holder, month, day_):
    with pytest.raises(IntegrityError), transaction.atomic():
        with_birthday(holder, month, day_)


# --- Keep my credential asks for it -----------------------------------------------------


def _page(client) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/renewals/")
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_keep_my_credential_asks_for_the_birthday_at_no_extra_query(
    client, make_credential, make_member
):
    washington = make_credential(board="washington-cps")
    icrc = make_credential(holder=make_member(Role.TRAINEE), slug="icrc")

    client.force_login(icrc.holder)
    _page(client)  # warm the caches a first request fills
    icrc_page, icrc_queries = _page(client)
    client.force_login(washington.holder)
    _page(client)
    asking, asking_queries = _page(client)
    with_birthday(washington.holder, 8, 2)
    given, given_queries = _page(client)

    assert "data-birthday" not in icrc_page
    assert "Give your birthday (month and day)" in asking and "/renewals/birthday/" in asking
    assert "ends on your birthday, August 2" in given
    assert asking_queries == given_queries == icrc_queries
