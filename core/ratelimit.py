"""Fixed-window rate limits counted in the shared cache (Redis in production).

One atomic increment per request, so several web processes share one count. Rates are
written like ``"30/m"``: a number of requests per second (s), minute (m) or hour (h).
While the cache does not answer (Redis down), each process counts on its own, so a limit
still holds (per process) and no request fails for want of a count.
"""

import logging
import threading
import time
from time import monotonic

from django.core.cache import cache

logger = logging.getLogger(__name__)

PERIODS = {"s": 1, "m": 60, "h": 3600}


def parse_rate(rate: str) -> tuple[int, int]:
    """``"600/m"`` → (600, 60). A malformed rate is a configuration error, raised early."""
    count, _, unit = rate.partition("/")
    if not count.isdigit() or unit not in PERIODS:
        raise ValueError(f"A rate looks like '30/m' (per s, m or h), not {rate!r}.")
    return int(count), PERIODS[unit]


def hit(scope: str, ident, rate: str, *, shared: bool = True) -> float | None:
    """Count one request by ``ident``; None if allowed, else seconds until it may retry.

    ``shared=False``: count in this process alone without asking the cache, for a caller
    that already knows Redis is not answering (a hung Redis would hold every request
    for the cache's socket timeout)."""
    limit, period = parse_rate(rate)
    now = time.time()
    key = f"ratelimit:{scope}:{ident}:{int(now // period)}"
    if not shared:
        count = _local_count(key, None)
    else:
        try:
            count = _shared_count(key, period)
        except Exception as error:  # the cache's own errors (redis.ConnectionError, ...)
            count = _local_count(key, error)
    if count <= limit:
        return None
    if count == limit + 1:
        # Once per window and client: a flood of refused requests is one line, not a flood
        # of lines. ``ident`` is an address or a key id, never a person's name or email.
        logger.warning(
            "Rate limit: %s refused for %s (over %s); the rest of this window is not logged",
            scope,
            ident,
            rate,
        )
    return period - now % period


def _shared_count(key: str, period: int) -> int:
    try:
        return cache.incr(key)  # the common case: the window already has a count
    except ValueError:
        # First request of the window (or it just expired): start it, unless another
        # process got there first, in which case count on top of theirs.
        return 1 if cache.add(key, 1, timeout=period + 1) else cache.incr(key)


_local: dict[str, int] = {}
_local_lock = threading.Lock()
_local_logged = {"at": -60.0}


def _local_count(key: str, error: Exception | None) -> int:
    """The count in this process alone (the key names its window), for while the shared
    cache does not answer (``error``: what it raised, logged now and then; None: the
    caller knew already and logged it)."""
    with _local_lock:
        if len(_local) > 10_000:  # old windows' counts, never read again
            _local.clear()
        _local[key] = _local.get(key, 0) + 1
        if error is not None and monotonic() - _local_logged["at"] > 10:
            _local_logged["at"] = monotonic()
            logger.warning(
                "Rate limit: the cache did not answer (%s); counting in this process",
                type(error).__name__,
            )
        return _local[key]
