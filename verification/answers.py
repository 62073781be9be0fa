"""The verification hot path in Redis: one round trip per call, PostgreSQL when Redis is away.

Under the cache's ``REDIS_URL`` (keys prefixed ``VERIFICATION_REDIS_PREFIX``, ``peerpath:v:``):

- ``key:<sha256 of an API key>``: a hash {id, org, used} of a usable key, or {id: ""} for a
  secret that is no usable key; kept 60 s, deleted when the key is revoked.
- ``rl:<scope>:<who>:<window>``: a fixed-window rate-limit count (as ``core.ratelimit``).
- ``cred:<canonical number>``: a hash {id, version, a} with ``a`` the JSON of what a
  verification result needs: [status, issued_on, expires_on, holder name, programme,
  issuer, when it was suspended or revoked (ISO, or ""), the issuer's public reason].
  Written through after every change commits (certificates' ``credential_changed``, see
  receivers.py), rebuilt from PostgreSQL on a miss (only if still absent, so a rebuild
  that read the row just before a revocation cannot overwrite it). Never a verdict: EXPIRED
  depends on today's date and is worked out on each request from the stored dates.
- ``checks``: a stream of the checks made; ``services.checks_drain`` (a beat task) moves
  them into ``VerificationEvent`` in batches, each entry once (its id is the event's).

Any Redis error switches this process to PostgreSQL for ``RETRY_SECONDS`` (logged): the
callers then answer from the database, count rate limits per process and record checks
directly. The data kept here must not be evicted before its time: run Redis with
``maxmemory-policy noeviction`` or ``volatile-lru`` (every key but the stream has a TTL).
"""

import dataclasses
import datetime
import json
import logging
import threading
import time
from typing import Any

import redis
from django.conf import settings
from redis.backoff import NoBackoff
from redis.retry import Retry

from .results import Answer

logger = logging.getLogger(__name__)

PREFIX: str = settings.VERIFICATION_REDIS_PREFIX
STREAM = PREFIX + "checks"
KEY_SECONDS = 60  # as services._KEY_CACHE_SECONDS: revoking deletes the entry at once
ANSWER_SECONDS = 7 * 24 * 3600  # rarely checked credentials leave memory; rebuilt on a miss
USED_RESOLUTION = 60  # seconds between notes of a key's use (ApiKey.last_used_at)
RETRY_SECONDS = 2.0  # after a Redis error, PostgreSQL only for this long
SOCKET_SECONDS = 0.25  # Redis answers in well under a millisecond; a hang is an outage

# One round trip: the key (if any), its rate-limit count, the credential's answer (if
# asked) and the check's record. Replies {outcome, key id, organisation, touch, count, a}:
# 0 key unknown here (load it, call again), 1 not a usable key, 2 over the limit,
# 3 counted (no credential asked), 4 credential not here (rebuild it), 5 answered.
CALL = """
local id, org, touch = '', '', 0
if ARGV[8] == '1' then
  local k = redis.call('HMGET', KEYS[1], 'id', 'org', 'used')
  if not k[1] then return {0} end
  if k[1] == '' then return {1} end
  id, org = k[1], k[2]
  if tonumber(ARGV[3]) - tonumber(k[3] or '0') >= tonumber(ARGV[9]) then
    redis.call('HSET', KEYS[1], 'used', ARGV[3])
    touch = 1
  end
end
local n = redis.call('INCR', KEYS[2])
if n == 1 then redis.call('EXPIRE', KEYS[2], ARGV[2]) end
if n > tonumber(ARGV[1]) then return {2, id, org, touch, n} end
if ARGV[7] ~= '1' then return {3, id, org, touch, n} end
local a = redis.call('HMGET', KEYS[3], 'id', 'a')
if not a[1] then return {4, id, org, touch, n} end
if ARGV[4] == '1' then
  redis.call('XADD', KEYS[4], '*', 'c', a[1], 'o', org, 'ch', ARGV[5], 'at', ARGV[6])
end
return {5, id, org, touch, n, a[2], a[1]}
"""

# Store answers. ARGV[1] 'nx' (a rebuild: only where none is kept) or 'ver' (a write-through:
# unless a newer version is kept), ARGV[2] ttl, then (key index, id, version, a) per answer;
# KEYS the answers' keys.
STORE = """
local stored = 0
for i = 3, #ARGV, 4 do
  local key = KEYS[tonumber(ARGV[i])]
  local keep = false
  if ARGV[1] == 'nx' then
    keep = redis.call('EXISTS', key) == 1
  else
    local v = redis.call('HGET', key, 'version')
    keep = v and tonumber(v) > tonumber(ARGV[i + 2])
  end
  if not keep then
    redis.call('HSET', key, 'id', ARGV[i + 1], 'version', ARGV[i + 2], 'a', ARGV[i + 3])
    redis.call('EXPIRE', key, ARGV[2])
    stored = stored + 1
  end
end
return stored
"""


# Read many answers: (id, a) per key, "" where none is kept. One command, not a pipeline of
# one HMGET per number: for a bulk call of 500 numbers, half the time.
GET_MANY = """
local out = {}
for i, key in ipairs(KEYS) do
  local found = redis.call('HMGET', key, 'id', 'a')
  out[#out + 1] = found[1] or ''
  out[#out + 1] = found[2] or ''
end
return out
"""


class _State(threading.local):
    """Per thread (gthread workers): a client, its scripts, and when Redis failed last."""

    url: str | None = None
    client: Any = None
    call: Any = None
    store: Any = None
    get_many: Any = None
    down_until = 0.0


_state = _State()


def client() -> Any:
    """The Redis client, or None: no Redis configured, or it failed a moment ago."""
    url = settings.REDIS_URL
    if not url or time.monotonic() < _state.down_until:
        return None
    if _state.url != url:
        _state.client = redis.Redis.from_url(
            url,
            socket_timeout=SOCKET_SECONDS,
            socket_connect_timeout=SOCKET_SECONDS,
            retry=Retry(NoBackoff(), 0),
            decode_responses=True,
        )
        _state.call = _state.client.register_script(CALL)
        _state.store = _state.client.register_script(STORE)
        _state.get_many = _state.client.register_script(GET_MANY)
        _state.url = url
    return _state.client


def unavailable(error: Exception, doing: str) -> None:
    """Note a Redis failure: PostgreSQL answers in this process for RETRY_SECONDS."""
    _state.down_until = time.monotonic() + RETRY_SECONDS
    logger.warning(
        "Verification: Redis did not answer (%s while %s); answering from PostgreSQL for "
        "the next %.0f s",
        type(error).__name__,
        doing,
        RETRY_SECONDS,
    )


def reset() -> None:
    """Forget the client and any outage (tests, and after a fork)."""
    _state.url = _state.client = _state.call = _state.store = _state.get_many = None
    _state.down_until = 0.0


# ---------------------------------------------------------------- keys


def key_key(key_hash: str) -> str:
    return f"{PREFIX}key:{key_hash}"


def answer_key(number: str) -> str:
    return f"{PREFIX}cred:{number}"


def counter_key(scope: str, who: object, window: int) -> str:
    return f"{PREFIX}rl:{scope}:{who}:{window}"


# ---------------------------------------------------------------- the call


@dataclasses.dataclass(frozen=True, slots=True)
class Reply:
    outcome: int
    key_id: int | None = None
    organisation_id: int | None = None
    touch: bool = False
    count: int = 0
    answer: str | None = None
    credential_id: int | None = None


KEY_UNKNOWN, NOT_A_KEY, LIMITED, COUNTED, NOT_KEPT, ANSWERED = range(6)


def call(
    *,
    counter: str,
    limit: int,
    period: int,
    now: float,
    key_hash: str | None = None,
    number: str | None = None,
    record: bool = False,
    channel: str = "",
    at: str = "",
) -> Reply | None:
    """The one round trip (see CALL). None when Redis is not there: use PostgreSQL."""
    redis_client = client()
    if redis_client is None:
        return None
    keys = [key_key(key_hash or ""), counter, answer_key(number or ""), STREAM]
    args = [
        limit,
        period + 1,
        int(now),
        int(record),
        channel,
        at,
        int(number is not None),
        int(key_hash is not None),
        USED_RESOLUTION,
    ]
    try:
        reply = _state.call(keys=keys, args=args, client=redis_client)
    except redis.RedisError as error:
        unavailable(error, "checking a credential")
        return None
    outcome = int(reply[0])
    if outcome in (KEY_UNKNOWN, NOT_A_KEY):
        return Reply(outcome)
    return Reply(
        outcome,
        key_id=int(reply[1]) if reply[1] else None,
        organisation_id=int(reply[2]) if reply[2] else None,
        touch=bool(int(reply[3])),
        count=int(reply[4]),
        answer=reply[5] if len(reply) > 5 else None,
        credential_id=int(reply[6]) if len(reply) > 6 else None,
    )


def key_remember(*, key_hash: str, key_id: int | None, organisation_id, used: float) -> None:
    """Keep what the database says of a key (``key_id`` None: no usable key) for 60 s."""
    redis_client = client()
    if redis_client is None:
        return
    fields = (
        {"id": key_id, "org": organisation_id or "", "used": int(used)}
        if key_id is not None
        else {"id": ""}
    )
    try:
        with redis_client.pipeline(transaction=True) as pipe:
            pipe.delete(key_key(key_hash))
            pipe.hset(key_key(key_hash), mapping=fields)
            pipe.expire(key_key(key_hash), KEY_SECONDS)
            pipe.execute()
    except redis.RedisError as error:
        unavailable(error, "keeping an API key")


def key_forget(*, key_hash: str) -> None:
    """A revoked key stops working at once: its entry goes."""
    redis_client = client()
    if redis_client is None:
        return
    try:
        redis_client.delete(key_key(key_hash))
    except redis.RedisError as error:
        # The revocation is in the database; the entry, if Redis kept it, ends in 60 s.
        unavailable(error, "forgetting a revoked API key")


# ---------------------------------------------------------------- answers


def encode(row: dict) -> str:
    """The answer kept for one credential, from a ``certificates.api.credential_answers`` row."""
    answer = Answer.of_row(row)
    return json.dumps(
        [
            answer.status,
            answer.issued_on.isoformat(),
            answer.expires_on.isoformat(),
            answer.holder_name,
            answer.programme,
            answer.issuer,
            answer.status_changed_at.isoformat() if answer.status_changed_at else "",
            answer.public_reason,
            answer.renewed_on.isoformat() if answer.renewed_on else "",
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def decode(answer: str) -> Answer:
    fields = json.loads(answer)
    # Answers kept before renewals had eight fields; the ninth is the last renewal's day.
    status, issued_on, expires_on, holder_name, programme, issuer, changed_at, reason = fields[:8]
    renewed_on = fields[8] if len(fields) > 8 else ""
    return Answer(
        status,
        datetime.date.fromisoformat(issued_on),
        datetime.date.fromisoformat(expires_on),
        holder_name,
        programme,
        issuer,
        datetime.datetime.fromisoformat(changed_at) if changed_at else None,
        reason,
        datetime.date.fromisoformat(renewed_on) if renewed_on else None,
    )


def answers_store(rows: list[dict], *, write_through: bool) -> bool:
    """Keep these answers: a write-through replaces older versions, a rebuild only fills a
    gap. False when Redis did not take them."""
    redis_client = client()
    if redis_client is None or not rows:
        return redis_client is not None
    keys = [answer_key(row["number"]) for row in rows]
    args: list[Any] = ["ver" if write_through else "nx", ANSWER_SECONDS]
    for index, row in enumerate(rows, start=1):
        args += [index, row["id"], row["version"], encode(row)]
    try:
        _state.store(keys=keys, args=args, client=redis_client)
    except redis.RedisError as error:
        unavailable(error, "storing credential answers")
        return False
    return True


def answer_forget(*, number: str) -> bool:
    redis_client = client()
    if redis_client is None:
        return False
    try:
        redis_client.delete(answer_key(number))
    except redis.RedisError as error:
        unavailable(error, "forgetting a deleted credential")
        return False
    return True


def answers_get(numbers: list[str]) -> list[tuple[int, str] | None] | None:
    """(credential id, answer) kept for each number (None where none is), or None without
    Redis. One round trip, for the bulk call."""
    redis_client = client()
    if redis_client is None:
        return None
    try:
        flat = _state.get_many(keys=[answer_key(number) for number in numbers], client=redis_client)
    except redis.RedisError as error:
        unavailable(error, "reading credential answers")
        return None
    return [
        (int(found_id), answer) if found_id else None
        for found_id, answer in zip(flat[::2], flat[1::2], strict=True)
    ]


# ---------------------------------------------------------------- checks


def checks_append(
    *, credential_ids: list[int], channel: str, organisation_id: int | None, at: str
) -> bool:
    """Append one entry (any number of credentials) to the checks stream; False on failure."""
    redis_client = client()
    if redis_client is None:
        return False
    fields = {
        "c": ",".join(map(str, credential_ids)),
        "o": organisation_id or "",
        "ch": channel,
        "at": at,
    }
    try:
        redis_client.xadd(STREAM, fields)
    except redis.RedisError as error:
        unavailable(error, "recording checks")
        return False
    return True
