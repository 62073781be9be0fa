import logging

import pytest

from core import ratelimit


def test_requests_within_the_rate_pass_and_the_next_one_waits():
    assert [ratelimit.hit("t", "1.2.3.4", "3/m") for _ in range(3)] == [None, None, None]

    wait = ratelimit.hit("t", "1.2.3.4", "3/m")

    assert wait is not None and 0 < wait <= 60


def test_each_ident_and_scope_counts_separately():
    assert ratelimit.hit("t", "a", "1/h") is None
    assert ratelimit.hit("t", "b", "1/h") is None
    assert ratelimit.hit("other", "a", "1/h") is None
    assert ratelimit.hit("t", "a", "1/h") is not None


@pytest.mark.parametrize("rate", ["30", "x/m", "30/d", "-1/m", ""])
def test_a_malformed_rate_is_refused_with_the_expected_form(rate):
    with pytest.raises(ValueError, match="looks like '30/m'"):
        ratelimit.parse_rate(rate)


def test_rates_per_second_minute_and_hour():
    assert ratelimit.parse_rate("5/s") == (5, 1)
    assert ratelimit.parse_rate("600/m") == (600, 60)
    assert ratelimit.parse_rate("1000/h") == (1000, 3600)


def test_the_first_refusal_in_a_window_is_logged_and_the_rest_are_not(caplog):
    caplog.set_level(logging.DEBUG, logger="core.ratelimit")
    assert ratelimit.hit("t", "203.0.113.9", "1/h") is None
    refusals = [ratelimit.hit("t", "203.0.113.9", "1/h") for _ in range(5)]

    assert all(wait is not None for wait in refusals)
    assert [r.getMessage() for r in caplog.records] == [
        "Rate limit: t refused for 203.0.113.9 (over 1/h); the rest of this window is not logged"
    ]
