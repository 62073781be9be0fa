"""The renewal engine, judged by tables of cases taken from each seeded board's own rules.

Pure: no database. Each case names the board's rule set (renewals/data/<key>.yaml), the
holder's certification, their activities and the day, and what the board would say.
"""

import datetime
from decimal import Decimal

import pytest

from core.dates import long_date
from renewals import engine
from renewals.engine import Activity, Status
from renewals.loader import rule_set_files

D = Decimal
day = datetime.date.fromisoformat

RULES = {
    data["key"]: engine.rules_from_dict(data["versions"][0]["rules"]) for data in rule_set_files()
}


def act(n, on, hours, *categories, **extra):
    return Activity(
        id=n,
        title=f"Activity {n}",
        completed_on=day(on),
        hours=D(str(hours)),
        categories=tuple(categories),
        **extra,
    )


def test_every_board_of_the_issue_is_seeded_with_a_source():
    keys = {data["key"] for data in rule_set_files()}
    assert keys >= {
        "icrc-peer-recovery",
        "texas-mhps-rsps",
        "texas-pss-supervisor",
        "pennsylvania-cps",
        "california-medi-cal-pss",
        "georgia-cps",
        "washington-cps",
        "new-york-nycps",
    }
    for data in rule_set_files():
        assert data["board"] and data["source"] and data["credential"]


ICRC_CERT = "2025-03-15"  # expires March 14, 2027; window opens 180 days before
CASES = [
    # board, certified, activities, today, status, gaps
    pytest.param(
        "icrc-peer-recovery",
        ICRC_CERT,
        [act(1, "2026-01-05", 4, "ethics"), act(2, "2026-02-05", 12)],
        "2026-12-01",
        Status.GAP_OPEN,
        {"total": 4, "ethics": 2},
        id="icrc-gap",
    ),
    pytest.param(
        "icrc-peer-recovery",
        ICRC_CERT,
        [act(1, "2026-01-05", 6, "ethics"), act(2, "2026-02-05", 14)],
        "2026-12-01",
        Status.READY,
        {"total": 0, "ethics": 0},
        id="icrc-ready",
    ),
    pytest.param(
        "icrc-peer-recovery",
        ICRC_CERT,
        [act(1, "2026-01-05", 6, "ethics"), act(2, "2026-02-05", 14)],
        "2026-06-01",
        Status.NOT_YET_OPEN,
        {"total": 0},
        id="icrc-met-before-window",
    ),
    pytest.param(
        "icrc-peer-recovery",
        ICRC_CERT,
        [act(1, "2024-12-01", 20, "ethics")],
        "2026-12-01",
        Status.GAP_OPEN,
        {"total": 20, "ethics": 6},
        id="icrc-hours-before-cycle-do-not-count",
    ),
    pytest.param(
        "icrc-peer-recovery",
        ICRC_CERT,
        [],
        "2027-03-15",
        Status.LAPSED,
        {"total": 20},
        id="icrc-no-grace-lapses-next-day",
    ),
    pytest.param(
        "texas-mhps-rsps",
        ICRC_CERT,
        [act(1, "2026-01-05", 3, "ethics"), act(2, "2026-02-05", 17)],
        "2027-01-01",
        Status.READY,
        {"total": 0, "ethics": 0},
        id="texas-ready",
    ),
    pytest.param(
        "texas-mhps-rsps",
        ICRC_CERT,
        [act(1, "2026-01-05", 2, "ethics"), act(2, "2026-02-05", 18)],
        "2027-01-01",
        Status.GAP_OPEN,
        {"total": 0, "ethics": 1},
        id="texas-ethics-short",
    ),
    pytest.param(
        "texas-mhps-rsps",
        ICRC_CERT,
        [],
        "2026-12-01",
        Status.NOT_YET_OPEN,
        {"total": 20},
        id="texas-window-90-days",
    ),
    pytest.param(
        "texas-pss-supervisor",
        ICRC_CERT,
        [act(1, "2026-01-05", 6, "supervision"), act(2, "2026-02-05", 14)],
        "2027-01-01",
        Status.READY,
        {"supervision": 0},
        id="texas-pss-ready",
    ),
    pytest.param(
        "texas-pss-supervisor",
        ICRC_CERT,
        [act(1, "2026-01-05", 20, "ethics")],
        "2027-01-01",
        Status.GAP_OPEN,
        {"total": 0, "supervision": 6},
        id="texas-pss-needs-supervision-hours",
    ),
    pytest.param(
        "pennsylvania-cps",
        ICRC_CERT,
        [
            act(1, "2026-01-05", 24, "peer_specific"),
            act(2, "2026-02-05", 3, "ethics"),
            act(3, "2026-03-05", 9),
        ],
        "2027-01-01",
        Status.READY,
        {"total": 0, "peer_specific": 0, "ethics": 0},
        id="pa-24-3-9",
    ),
    pytest.param(
        "pennsylvania-cps",
        ICRC_CERT,
        [
            act(1, "2026-01-05", 24, "peer_specific"),
            act(2, "2026-02-05", 3, "ethics"),
            act(3, "2026-03-05", 9, kind="staff_meeting"),
        ],
        "2027-01-01",
        Status.GAP_OPEN,
        {"total": 9},
        id="pa-staff-meetings-excluded",
    ),
    pytest.param(
        "pennsylvania-cps",
        ICRC_CERT,
        [
            act(1, "2026-01-05", 3, "peer_specific", kind="college_credit", units=D(3)),
            act(2, "2026-02-05", 3, "ethics"),
        ],
        "2027-01-01",
        Status.READY,
        {"total": 0, "peer_specific": 0},
        id="pa-3-credit-college-course-is-45-hours",
    ),
    pytest.param(
        "pennsylvania-cps",
        ICRC_CERT,
        [
            act(1, "2026-01-05", 30, "peer_specific", kind="supervision"),
            act(2, "2026-02-05", 6, "ethics"),
        ],
        "2027-01-01",
        Status.GAP_OPEN,
        {"total": 30, "peer_specific": 24},
        id="pa-supervision-excluded",
    ),
    pytest.param(
        "california-medi-cal-pss",
        ICRC_CERT,
        [act(1, "2026-01-05", 20, "law_ethics")],
        "2026-12-13",
        Status.NOT_YET_OPEN,
        {"total": 0},
        id="california-91-days-before-not-open",
    ),
    pytest.param(
        "california-medi-cal-pss",
        ICRC_CERT,
        [act(1, "2026-01-05", 20, "law_ethics")],
        "2026-12-14",
        Status.READY,
        {"total": 0},
        id="california-90-days-before-open",
    ),
    pytest.param(
        "california-medi-cal-pss",
        ICRC_CERT,
        [act(1, "2026-01-05", 5, "law_ethics"), act(2, "2026-01-06", 15)],
        "2027-01-01",
        Status.GAP_OPEN,
        {"law_ethics": 1, "total": 0},
        id="california-law-ethics-6",
    ),
    pytest.param(
        "california-medi-cal-pss",
        ICRC_CERT,
        [],
        "2027-06-01",
        Status.LATE,
        {"total": 20},
        id="california-late-reinstatement",
    ),
    pytest.param(
        "california-medi-cal-pss",
        ICRC_CERT,
        [],
        "2028-04-01",
        Status.LAPSED,
        {"total": 20},
        id="california-after-late-window",
    ),
    pytest.param(
        "new-york-nycps",
        ICRC_CERT,
        [act(1, "2026-01-05", 20)],
        "2027-01-01",
        Status.READY,
        {"total": 0},
        id="ny-two-years-20-hours",
    ),
    pytest.param(
        "new-york-nycps",
        ICRC_CERT,
        [act(1, "2026-01-05", 10, kind="core_course", used_before=True), act(2, "2026-01-06", 10)],
        "2027-01-01",
        Status.GAP_OPEN,
        {"total": 10},
        id="ny-core-course-not-reused",
    ),
]


@pytest.mark.parametrize(("board", "certified", "activities", "today", "status", "gaps"), CASES)
def test_board_rules(board, certified, activities, today, status, gaps):
    rules = RULES[board]
    cycle = engine.first_cycle(rules, certified_on=day(certified))
    result = engine.evaluate(rules, cycle, activities, today=day(today))
    assert result.status == status, result.sentences
    for key, gap in gaps.items():
        assert result.gaps()[key] == D(gap), (key, result.gaps())


def test_the_issues_own_sentence():
    rules = RULES["icrc-peer-recovery"]
    cycle = engine.first_cycle(rules, certified_on=day(ICRC_CERT))
    result = engine.evaluate(
        rules,
        cycle,
        [act(1, "2026-01-05", 4, "ethics"), act(2, "2026-02-05", 12)],
        today=day("2026-12-01"),
    )
    assert result.sentences == (
        "You need 2 more hours of ethics and 4 hours in total by March 14, 2027.",
        "Your ethics hours so far: 4 of 6.",
    )
    assert result.window_opens_on == day("2026-09-15")


def test_not_yet_open_says_when():
    rules = RULES["california-medi-cal-pss"]
    cycle = engine.first_cycle(rules, certified_on=day(ICRC_CERT))
    result = engine.evaluate(rules, cycle, [], today=day("2026-01-01"))
    assert "You can apply to renew from December 14, 2026." in result.sentences
    assert not result.can_apply


@pytest.mark.parametrize(
    ("months", "required"), [(12, 10), (24, 20), (36, 30)], ids=["1-year", "2-year", "3-year"]
)
def test_new_york_ten_hours_per_year_of_the_cycle(months, required):
    rules = RULES["new-york-nycps"]
    cycle = engine.first_cycle(rules, certified_on=day(ICRC_CERT), months=months)
    assert cycle.expires_on == engine.add_months(day(ICRC_CERT), months) - datetime.timedelta(1)
    assert engine.evaluate(rules, cycle, [], today=day(ICRC_CERT)).total.required == required


def test_new_york_after_a_lapse_only_hours_after_expiry_count():
    rules = RULES["new-york-nycps"]
    cycle = engine.first_cycle(rules, certified_on=day(ICRC_CERT))
    activities = [act(1, "2027-01-05", 12), act(2, "2027-05-01", 8)]
    lapsed = engine.evaluate(rules, cycle, activities, today=day("2027-06-01"))
    assert lapsed.status == Status.LAPSED
    assert lapsed.total.counted == 8
    assert any("after March 14, 2027" in r for a in lapsed.allocations for r in a.reasons)
    assert any("Only hours you earn after" in s for s in lapsed.sentences)


GEORGIA_CERT = "2025-06-01"


def _georgia_second_cycle():
    rules = RULES["georgia-cps"]
    first = engine.first_cycle(rules, certified_on=day(GEORGIA_CERT))
    return rules, first, engine.next_cycle(rules, first, carried_in=D(5))


def test_georgia_accrual_starts_the_year_after_certification():
    rules, first, second = _georgia_second_cycle()
    assert (first.starts_on, first.expires_on) == (day(GEORGIA_CERT), day("2025-12-31"))
    result = engine.evaluate(rules, first, [], today=day("2025-10-01"))
    assert result.total.required == 0 and result.met
    assert result.sentences[0].startswith("No continuing education is needed")
    assert (second.starts_on, second.expires_on) == (day("2026-01-01"), day("2026-12-31"))
    assert second.carried_in == 0  # no carry-over


@pytest.mark.parametrize(
    ("activities", "today", "status", "words"),
    [
        (
            [act(1, "2026-03-01", 6, "board_sponsor"), act(2, "2026-04-01", 6)],
            "2026-11-01",
            Status.GAP_OPEN,
            "1 more ethics activity",
        ),
        (
            [act(1, "2026-03-01", 6, "board_sponsor"), act(2, "2026-04-01", 6, "ethics")],
            "2026-11-01",
            Status.READY,
            "You can apply to renew now",
        ),
        (
            [act(1, "2026-03-01", 3, "board_sponsor"), act(2, "2026-04-01", 9, "ethics")],
            "2026-11-01",
            Status.GAP_OPEN,
            "3 more hours of board-sponsored",
        ),
        ([], "2027-02-01", Status.LATE, "the board charges a late fee"),
        ([], "2027-03-15", Status.INACTIVE, "now inactive"),
        ([], "2029-03-15", Status.INACTIVE, "complete the training again"),
    ],
    ids=[
        "ethics-activity-missing",
        "ready",
        "sponsor-short",
        "late-fee",
        "inactive",
        "retrain-after-2-years",
    ],
)
def test_georgia(activities, today, status, words):
    rules, _, second = _georgia_second_cycle()
    result = engine.evaluate(rules, second, activities, today=day(today))
    assert result.status == status
    assert any(words in s for s in result.sentences), result.sentences


WASHINGTON_BIRTHDAY = day("1990-08-20")


def test_washington_first_cycle_ends_on_a_birthday_and_is_prorated():
    rules = RULES["washington-cps"]
    cycle = engine.first_cycle(rules, certified_on=day("2025-03-01"), birthday=WASHINGTON_BIRTHDAY)
    assert cycle.expires_on == day("2026-08-19")
    result = engine.evaluate(rules, cycle, [], today=day("2026-06-01"))
    # 537 of 730 days: 30 h x 537/730 = 22.07, to the half hour.
    assert result.total.required == D("22.0")
    assert {p.key: p.required for p in result.categories} == {
        "peer_specific": D("10.5"),
        "law_ethics": D("1.5"),
    }
    second = engine.next_cycle(rules, cycle)
    assert (second.starts_on, second.expires_on) == (day("2026-08-20"), day("2028-08-19"))
    assert engine.evaluate(rules, second, [], today=day("2027-01-01")).total.required == 30


def test_washington_recency_windows_longer_than_the_cycle():
    rules = RULES["washington-cps"]
    first = engine.first_cycle(rules, certified_on=day("2021-03-01"), birthday=WASHINGTON_BIRTHDAY)
    cycle = engine.next_cycle(rules, engine.next_cycle(rules, first))  # 2024-08-20 .. 2026-08-19
    base = [
        act(1, "2025-01-05", 14, "peer_specific"),
        act(2, "2025-02-05", 2, "law_ethics"),
        act(3, "2025-03-05", 14),
    ]
    without = engine.evaluate(rules, cycle, base, today=day("2026-07-01"))
    assert without.status == Status.GAP_OPEN
    assert without.gaps()["suicide_prevention"] == 3 and without.gaps()["health_equity"] == 2
    # Suicide prevention taken in 2021 (an earlier cycle, within 6 years) still counts;
    # health equity from 2021 is older than 4 years and does not.
    history = [
        act(4, "2021-06-01", 3, "suicide_prevention"),
        act(5, "2021-06-02", 2, "health_equity"),
    ]
    result = engine.evaluate(rules, cycle, base + history, today=day("2026-07-01"))
    assert result.gaps()["suicide_prevention"] == 0
    assert result.gaps()["health_equity"] == 2
    assert result.total.counted == 30  # the 2021 hours count only for recency
    recent = [act(6, "2026-01-10", 2, "health_equity")]
    assert (
        engine.evaluate(rules, cycle, base + history + recent, today=day("2026-07-01")).status
        == Status.READY
    )


def test_a_self_study_cap_limits_what_counts_and_says_so():
    rules = engine.rules_from_dict(
        {
            "total_hours": 20,
            "caps": [{"format": "self_study", "max_hours": 10, "label": "self-study"}],
        }
    )
    cycle = engine.first_cycle(rules, certified_on=day(ICRC_CERT))
    activities = [
        act(1, "2026-01-05", 8, format="self_study"),
        act(2, "2026-01-06", 8, format="self_study"),
        act(3, "2026-01-07", 4),
    ]
    result = engine.evaluate(rules, cycle, activities, today=day("2027-01-01"))
    assert result.total.counted == 14 and result.total.gap == 6
    second = next(a for a in result.allocations if a.activity_id == 2)
    assert second.counted_hours == 2
    assert "Only 10 hours of self-study count per cycle" in second.reasons[0]


def test_carry_over_up_to_the_limit():
    rules = engine.rules_from_dict({"total_hours": 20, "carry_over_max_hours": 5})
    cycle = engine.first_cycle(rules, certified_on=day(ICRC_CERT))
    result = engine.evaluate(rules, cycle, [act(1, "2026-01-05", 32)], today=day("2027-01-01"))
    assert result.carry_out == 5
    second = engine.next_cycle(rules, cycle, carried_in=result.carry_out)
    assert engine.evaluate(rules, second, [], today=day("2027-04-01")).total.required == 15


def test_grace_window():
    rules = engine.rules_from_dict({"total_hours": 10, "grace_days": 30})
    cycle = engine.first_cycle(rules, certified_on=day(ICRC_CERT))
    result = engine.evaluate(rules, cycle, [act(1, "2027-01-05", 10)], today=day("2027-03-20"))
    assert result.status == Status.GRACE and result.can_apply
    assert "you can still renew until April 13, 2027" in result.sentences[-1]


def test_future_activities_never_count():
    rules = RULES["icrc-peer-recovery"]
    cycle = engine.first_cycle(rules, certified_on=day(ICRC_CERT))
    result = engine.evaluate(
        rules, cycle, [act(1, "2026-12-05", 20, "ethics")], today=day("2026-12-01")
    )
    assert result.total.counted == 0
    assert result.allocations[0].reasons == ("It is dated in the future.",)


def test_an_activity_fills_the_scarcer_category_first():
    rules = RULES["pennsylvania-cps"]
    cycle = engine.first_cycle(rules, certified_on=day(ICRC_CERT))
    both = act(1, "2026-01-05", 3, "peer_specific", "ethics")
    peer = act(2, "2026-01-06", 24, "peer_specific")
    result = engine.evaluate(
        rules, cycle, [both, peer, act(3, "2026-01-07", 9)], today=day("2027-01-01")
    )
    assert result.status == Status.READY
    assert dict(result.allocations[0].by_category) == {"ethics": D(3)}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"anchor": "moon"}, "anchor"),
        ({"total_hours": -1}, "total_hours"),
        ({"total_hours": "lots"}, "total_hours"),
        ({"cycle_months": 0}, "cycle_months"),
        ({"frobnicate": True}, "Unknown field(s): frobnicate"),
        ({"total_hours": 5, "categories": [{"key": "ethics", "min_hours": 6}]}, "less than"),
        ({"caps": [{"format": "podcast", "max_hours": 3}]}, "caps.format"),
        ({"attestations": [{"key": "x", "label": "X", "kind": "essay"}]}, "attestations.kind"),
        ({"recency": [{"category": "x", "hours": 3}]}, "needs 'years'"),
        ([], "mapping"),
    ],
)
def test_rules_that_cannot_be_read_are_refused_naming_the_field(data, message):
    with pytest.raises(engine.RulesError, match=message.replace("(", r"\(").replace(")", r"\)")):
        engine.rules_from_dict(data)


def test_long_date_is_us_style():
    assert long_date(day("2027-03-04")) == "March 4, 2027"
