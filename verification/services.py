"""Verification workflows: checking credentials, rosters, API keys and roster alerts.

Every surface (the public page, the API, the roster and CSV checks) asks
``credentials_verify``, so they can never disagree about a credential.
"""

import contextlib
import dataclasses
import datetime
import hmac
import logging
import re
import unicodedata
from collections.abc import Sequence
from functools import partial
from typing import Any, cast

import redis
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Field
from django.urls import reverse
from django.utils import timezone

from certificates.api import (
    credential_answers,
    credential_ids_existing,
    credentials_named,
    normalise,
)
from core import ratelimit
from core.codes import readable_code
from notifications.services import absolute_link, email_send_template
from organisations.models import Membership
from organisations.roles import Role
from organisations.services import membership_grant

from . import answers
from .csvcheck import read_sheet, sheet_check, sheet_plan
from .models import (
    ApiKey,
    BulkCheck,
    RosterEntry,
    VerificationEvent,
    VerificationReceipt,
    VerifierInvitation,
    hash_api_key,
)
from .results import NO_MATCH_MESSAGE, Answer, VerificationResult

logger = logging.getLogger(__name__)
Channel = VerificationEvent.Channel
# Accents (combining marks once decomposed), spaces, hyphens, apostrophes: \W is what
# str.isalnum() refuses, and the underscore.
_NOT_LETTERS = re.compile(r"[\W_]+")
# Every lookup by name compares against something, so a miss takes as long as a mismatch.
_NOBODY = "\x00nobody"


def name_key(name: str) -> str:
    """A last name as compared: no accents, case, spaces, hyphens or apostrophes."""
    return _NOT_LETTERS.sub("", unicodedata.normalize("NFKD", name)).casefold()


def _names_match(typed: str, actual: str) -> bool:
    typed_key = name_key(typed)
    return bool(typed_key) & hmac.compare_digest(typed_key.encode(), name_key(actual).encode())


def credentials_verify(
    *,
    checks: Sequence[tuple[str, str | None]],
    channel: str,
    organisation_id: int | None = None,
) -> list[VerificationResult]:
    """Check (number, last name or None) pairs in one query; one result per pair, in order.

    With a last name, a credential only counts as found when the name matches too, and a
    wrong name gets exactly the answer an unknown number gets. Found credentials are
    recorded as checked once the surrounding transaction commits, outside the lookup.
    """
    checked_at = timezone.now()
    canonical = [normalise(number) for number, _ in checks]
    wanted = {number for number in canonical if number}
    if wanted and all(last_name is None for _, last_name in checks):
        kept = _verify_from_answers(checks, canonical, wanted, checked_at=checked_at)
        if kept is not None:
            _record_later(kept, channel=channel, organisation_id=organisation_id)
            return kept
    by_number = {row["number"]: row for row in credentials_named(numbers=wanted)}
    today = timezone.localdate()
    results = []
    for (typed, last_name), number in zip(checks, canonical, strict=True):
        row = by_number.get(number)
        if last_name is not None:
            actual = row["holder_last_name"] if row else _NOBODY
            if not _names_match(last_name, actual):
                row = None
        if row is None:
            results.append(VerificationResult.not_found(number or typed, checked_at=checked_at))
        else:
            results.append(_result_of_row(row, checked_at=checked_at, today=today))
    _record_later(results, channel=channel, organisation_id=organisation_id)
    return results


def _result_of_row(row: dict, *, checked_at: datetime.datetime, today) -> VerificationResult:
    return VerificationResult.of_answer(
        row["number"],
        Answer.of_row(row),
        credential_id=row["id"],
        checked_at=checked_at,
        today=today,
    )


def _verify_from_answers(
    checks, canonical: list[str | None], wanted: set[str], *, checked_at: datetime.datetime
) -> list[VerificationResult] | None:
    """Checks by number alone, from the answers kept in Redis (one round trip), those not
    kept read from PostgreSQL in one query and kept. None without Redis."""
    ordered = sorted(wanted)
    kept = answers.answers_get(ordered)
    if kept is None:
        return None
    found: dict[str, tuple[int, Answer]] = {}
    missing = []
    for number, entry in zip(ordered, kept, strict=True):
        if entry is None:
            missing.append(number)
        else:
            found[number] = (entry[0], answers.decode(entry[1]))
    if missing:
        rows = credential_answers(numbers=missing)
        answers.answers_store(rows, write_through=False)
        for row in rows:
            found[row["number"]] = (row["id"], Answer.of_row(row))
    today = timezone.localdate()
    results = []
    for (typed, _), canon in zip(checks, canonical, strict=True):
        hit = found.get(canon) if canon else None
        if canon is None or hit is None:
            results.append(VerificationResult.not_found(canon or typed, checked_at=checked_at))
        else:
            results.append(
                VerificationResult.of_answer(
                    canon, hit[1], credential_id=hit[0], checked_at=checked_at, today=today
                )
            )
    return results


def credential_verify(
    *, number: str, last_name: str | None = None, channel: str, organisation_id=None
) -> VerificationResult:
    (result,) = credentials_verify(
        checks=[(number, last_name)], channel=channel, organisation_id=organisation_id
    )
    return result


def _record_later(results, *, channel: str, organisation_id: int | None) -> None:
    credential_ids = [result.credential_id for result in results if result.found]
    if not credential_ids:
        return
    transaction.on_commit(
        partial(
            _record_after_commit,
            credential_ids=credential_ids,
            channel=channel,
            organisation_id=organisation_id,
            at=results[0].checked_at.isoformat(),
        )
    )


def _record_after_commit(
    *, credential_ids: list[int], channel: str, organisation_id: int | None, at: str
) -> None:
    """Append the checks to the Redis stream (drained by ``checks_drain``); without Redis,
    or when it does not answer, write them here, one bulk insert, and still answer.

    Not through Celery or the outbox: either costs a write or a publish per lookup, the
    cost this exists to avoid.
    """
    fields: dict[str, Any] = {
        "credential_ids": credential_ids,
        "channel": channel,
        "organisation_id": organisation_id,
        "at": at,
    }
    if settings.VERIFICATION_CHECKS_VIA_REDIS and answers.checks_append(**fields):
        return
    if settings.REDIS_URL and settings.VERIFICATION_CHECKS_VIA_REDIS:
        logger.warning(
            "Verification: recording %d check(s) here, Redis did not take them",
            len(credential_ids),
        )
    verifications_record(**fields)


def verifications_record(
    *, credential_ids: list[int], channel: str, organisation_id: int | None, at: str
) -> int:
    """Store the checks (the task's body). Idempotent; credentials deleted since are skipped."""
    existing = credential_ids_existing(ids=credential_ids)
    when = datetime.datetime.fromisoformat(at)
    events = [
        VerificationEvent(
            credential_id=credential_id, organisation_id=organisation_id, channel=channel, at=when
        )
        for credential_id in dict.fromkeys(credential_ids)
        if credential_id in existing
    ]
    VerificationEvent.objects.bulk_create(events, ignore_conflicts=True, batch_size=1000)
    return len(events)


def checks_drain(*, batch: int = 1000, max_batches: int = 100) -> int:
    """Move checks from the Redis stream into VerificationEvent (a beat task, every few s).

    Each stream entry's id makes its events' ``event_id``, unique in the database: a drain
    that runs twice, or two at once, stores nothing twice, and an entry is deleted from the
    stream only after its events are committed, so a crash mid-drain loses nothing (the
    next drain stores what was left). Returns how many events were new or repeated.
    """
    redis_client = answers.client()
    if redis_client is None:
        return 0
    stored = 0
    for _ in range(max_batches):
        try:
            entries = redis_client.xrange(answers.STREAM, count=batch)
        except redis.RedisError as error:
            answers.unavailable(error, "draining checks")
            break
        if not entries:
            break
        rows = []
        for entry_id, fields in entries:
            organisation_id = int(fields["o"]) if fields.get("o") else None
            when = datetime.datetime.fromisoformat(fields["at"])
            for index, credential_id in enumerate(dict.fromkeys(fields["c"].split(","))):
                rows.append(
                    (f"{entry_id}/{index}", int(credential_id), organisation_id, fields["ch"], when)
                )
        existing = credential_ids_existing(ids=[row[1] for row in rows])
        events = [
            VerificationEvent(
                event_id=event_id,
                credential_id=credential_id,
                organisation_id=organisation_id,
                channel=channel,
                at=when,
            )
            for event_id, credential_id, organisation_id, channel, when in rows
            if credential_id in existing
        ]
        with transaction.atomic():
            VerificationEvent.objects.bulk_create(events, ignore_conflicts=True, batch_size=1000)
        try:
            redis_client.xdel(answers.STREAM, *[entry_id for entry_id, _ in entries])
        except redis.RedisError as error:
            answers.unavailable(error, "draining checks")
            break  # stored; the next drain finds them again and adds nothing
        stored += len(events)
    return stored


# ---------------------------------------------------------------- the API's hot path


@dataclasses.dataclass(frozen=True, slots=True)
class CallingKey:
    """The API key a call came with, as the call uses it: its id and its clinic. Made on
    every call, so not an ``ApiKey``: a model instance costs about 30 times as much to make
    (its field defaults and its init signals), some 2% of a lookup's time."""

    pk: int
    organisation_id: int


@dataclasses.dataclass(frozen=True, slots=True)
class Checked:
    """One call's authentication, rate limit and (if a number was asked) its answer."""

    api_key: CallingKey | None = None
    retry_after: float | None = None
    result: VerificationResult | None = None


def _refused(scope: str, ident: object, rate: str) -> None:
    logger.warning(
        "Rate limit: %s refused for %s (over %s); the rest of this window is not logged",
        scope,
        ident,
        rate,
    )


def _one(
    number: str | None, canonical: str | None, reply, *, channel: str, organisation_id
) -> VerificationResult | None:
    """The answer for the number asked, from the reply or (not kept) from PostgreSQL."""
    if number is None:
        return None
    checked_at = timezone.now()
    if canonical is None:
        return VerificationResult.not_found(number, checked_at=checked_at)
    if reply.outcome == answers.ANSWERED:
        result = VerificationResult.of_answer(
            canonical,
            answers.decode(reply.answer),
            credential_id=reply.credential_id,
            checked_at=checked_at,
            today=timezone.localdate(),
        )
        if not settings.VERIFICATION_CHECKS_VIA_REDIS:
            _record_later([result], channel=channel, organisation_id=organisation_id)
        return result
    rows = credential_answers(numbers=[canonical])
    answers.answers_store(rows, write_through=False)
    if not rows:
        return VerificationResult.not_found(canonical, checked_at=checked_at)
    (row,) = rows
    result = _result_of_row(row, checked_at=checked_at, today=timezone.localdate())
    _record_later([result], channel=channel, organisation_id=organisation_id)
    return result


def api_check(*, secret: str, number: str | None = None) -> Checked | None:
    """An API call: the key, its rate limit and the credential's answer in one Redis round
    trip (a second only when the key or the answer is not kept yet). None: no usable key.

    Without Redis, or while it does not answer: the key from PostgreSQL, the rate limit
    counted per process (core.ratelimit) and the answer from PostgreSQL.
    """
    if not secret.startswith(ApiKey.PREFIX):
        return None
    rate = settings.VERIFICATION_API_RATE_LIMIT
    limit, period = ratelimit.parse_rate(rate)
    key_hash = hash_api_key(secret)
    canonical = normalise(number) if number is not None else None
    record = settings.VERIFICATION_CHECKS_VIA_REDIS
    reply = None
    for _ in range(2):
        now = ratelimit.time.time()
        reply = answers.call(
            counter=answers.counter_key("api", key_hash, int(now // period)),
            limit=limit,
            period=period,
            now=timezone.now().timestamp(),
            key_hash=key_hash,
            number=canonical,
            record=record,
            channel=Channel.API,
            at=timezone.now().isoformat(),
        )
        if reply is None or reply.outcome != answers.KEY_UNKNOWN:
            break
        known = (
            ApiKey.objects.usable()
            .filter(key_hash=key_hash)
            .values_list("id", "organisation_id", "last_used_at")
            .first()
        )
        answers.key_remember(
            key_hash=key_hash,
            key_id=known[0] if known else None,
            organisation_id=known[1] if known else None,
            used=known[2].timestamp() if known and known[2] else 0,
        )
    if reply is None or reply.outcome == answers.KEY_UNKNOWN:
        return _api_check_from_postgresql(secret=secret, number=number)
    if reply.outcome == answers.NOT_A_KEY:
        return None
    api_key = CallingKey(
        pk=cast(int, reply.key_id), organisation_id=cast(int, reply.organisation_id)
    )
    if reply.touch:
        ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=timezone.now())
    if reply.outcome == answers.LIMITED:
        if reply.count == limit + 1:
            _refused("api", api_key.pk, rate)
        return Checked(api_key=api_key, retry_after=period - now % period)
    result = _one(
        number, canonical, reply, channel=Channel.API, organisation_id=api_key.organisation_id
    )
    return Checked(api_key=api_key, result=result)


def _redis_away() -> bool:
    """Redis is configured but failed a moment ago (``answers.unavailable``): the Django
    cache is on the same Redis, so it is not asked either. A Redis that hangs rather than
    refuses would otherwise hold each request for the cache's socket timeout."""
    return bool(settings.REDIS_URL) and answers.client() is None


def _api_check_from_postgresql(*, secret: str, number: str | None) -> Checked | None:
    away = _redis_away()
    known = api_key_authenticate(secret=secret, use_cache=not away)
    if known is None:
        return None
    api_key = CallingKey(pk=known.pk, organisation_id=known.organisation_id)
    retry_after = ratelimit.hit(
        "api", api_key.pk, settings.VERIFICATION_API_RATE_LIMIT, shared=not away
    )
    if retry_after is not None:
        return Checked(api_key=api_key, retry_after=retry_after)
    result = None
    if number is not None:
        result = credential_verify(
            number=number, channel=Channel.API, organisation_id=api_key.organisation_id
        )
    return Checked(api_key=api_key, result=result)


def page_check(*, address: str, number: str | None) -> Checked:
    """The public page's rate limit (by address) and answer, in one Redis round trip.

    Without a number only the limit is counted: the other public lookups (by number and
    name, receipts) share the page's allowance this way."""
    rate = settings.VERIFICATION_PUBLIC_RATE_LIMIT
    limit, period = ratelimit.parse_rate(rate)
    canonical = normalise(number) if number is not None else None
    now = ratelimit.time.time()
    reply = answers.call(
        counter=answers.counter_key("verify", address, int(now // period)),
        limit=limit,
        period=period,
        now=now,
        number=canonical,
        record=settings.VERIFICATION_CHECKS_VIA_REDIS,
        channel=Channel.PAGE,
        at=timezone.now().isoformat(),
    )
    if reply is None:
        retry_after = ratelimit.hit("verify", address, rate, shared=not _redis_away())
        if retry_after is not None or number is None:
            return Checked(retry_after=retry_after)
        return Checked(result=credential_verify(number=number, channel=Channel.PAGE))
    if reply.outcome == answers.LIMITED:
        if reply.count == limit + 1:
            _refused("verify", address, rate)
        return Checked(retry_after=period - now % period)
    return Checked(
        result=_one(number, canonical, reply, channel=Channel.PAGE, organisation_id=None)
    )


# ---------------------------------------------------------------- answers kept in Redis


def answer_refresh(*, credential_id: int, number: str, retry_later: bool = True) -> bool:
    """Write a credential's current answer through to Redis (or drop it: deleted), after the
    change committed. If Redis does not take it, a retry goes to the outbox (the sweep runs
    it once Redis is back), so an answer kept from before the outage is corrected.
    Returns True when Redis has the current answer."""
    if not settings.REDIS_URL:
        return True  # nothing is kept: every answer comes from the database
    rows = credential_answers(ids=[credential_id])
    done = (
        answers.answers_store(rows, write_through=True)
        if rows
        else answers.answer_forget(number=number)
    )
    if not done and retry_later:
        from notifications.services import task_enqueue

        from .tasks import refresh_answer

        logger.warning(
            "Verification: credential %s changed while Redis was away; correcting it later",
            credential_id,
        )
        with transaction.atomic():
            task_enqueue(
                task=refresh_answer, kwargs={"credential_id": credential_id, "number": number}
            )
    return done


# ---------------------------------------------------------------- rosters


def _clinic_fields(*, employee_id: str, site: str, notes: str) -> dict[str, str]:
    """The clinic's own columns, trimmed and bounded (a raw POST may send anything)."""
    fields = {"employee_id": employee_id.strip(), "site": site.strip(), "notes": notes.strip()}
    for name, value in fields.items():
        field = cast(Field, RosterEntry._meta.get_field(name))
        limit = cast(int, field.max_length)
        if len(value) > limit:
            raise ValidationError({name: f"Keep the {field.verbose_name} to {limit} characters."})
    return fields


def roster_add(
    *,
    organisation,
    number: str,
    last_name: str,
    added_by,
    employee_id: str = "",
    site: str = "",
    notes: str = "",
) -> RosterEntry:
    """Add the peer worker holding ``number`` to the clinic's roster, if the name matches."""
    own = _clinic_fields(employee_id=employee_id, site=site, notes=notes)
    if not number.strip() or not last_name.strip():
        raise ValidationError("Enter both the credential number and the holder's last name.")
    result = credential_verify(
        number=number, last_name=last_name, channel=Channel.ROSTER, organisation_id=organisation.pk
    )
    if not result.found:
        raise ValidationError(NO_MATCH_MESSAGE)
    assert result.credential_id is not None  # found: the credential's id is set
    try:
        with transaction.atomic():
            return RosterEntry.objects.create(
                organisation=organisation,
                credential_id=result.credential_id,
                added_by=added_by,
                **own,
            )
    except IntegrityError as error:
        raise ValidationError(
            f"{result.holder_name} ({result.number}) is already on your roster."
        ) from error


def roster_add_many(*, organisation, credential_ids: Sequence[int], added_by) -> int:
    """Add credentials a CSV check found; those already on the roster are left as they are."""
    before = RosterEntry.objects.filter(organisation=organisation).count()
    RosterEntry.objects.bulk_create(
        [
            RosterEntry(organisation=organisation, credential_id=pk, added_by=added_by)
            for pk in dict.fromkeys(credential_ids)
        ],
        ignore_conflicts=True,
        batch_size=1000,
    )
    return RosterEntry.objects.filter(organisation=organisation).count() - before


def roster_entry_update(
    *, entry: RosterEntry, employee_id: str, site: str, notes: str
) -> RosterEntry:
    """Change the clinic's own columns of a roster entry."""
    own = _clinic_fields(employee_id=employee_id, site=site, notes=notes)
    for name, value in own.items():
        setattr(entry, name, value)
    entry.save(update_fields=list(own))
    return entry


def roster_remove(*, entry: RosterEntry) -> None:
    """Take a peer worker off the roster: their alerts stop; the credential is untouched."""
    logger.info("Roster entry %s removed from clinic %s", entry.pk, entry.organisation_id)
    entry.delete()


# ---------------------------------------------------------------- receipts


def receipt_create(*, entry: RosterEntry, created_by) -> VerificationReceipt:
    """Check a roster entry's credential now and keep the answer as a receipt with a code
    anyone holding it can confirm on the public receipt page."""
    credential = entry.credential
    result = credential_verify(
        number=credential.number, channel=Channel.ROSTER, organisation_id=entry.organisation_id
    )
    if not result.found:  # erased between the page and the click
        raise ValidationError("This credential no longer exists.")
    for _ in range(5):
        try:
            with transaction.atomic():
                return VerificationReceipt.objects.create(
                    code=readable_code(length=VerificationReceipt.CODE_LENGTH),
                    organisation_id=entry.organisation_id,
                    credential_id=credential.pk,
                    number=result.number,
                    verdict=result.verdict.value,
                    holder_name=result.holder_name,
                    programme=result.programme,
                    issuer=result.issuer,
                    expires_on=result.expires_on,
                    status_changed_at=result.status_changed_at,
                    public_reason=result.public_reason,
                    checked_at=result.checked_at,
                    created_by=created_by,
                )
        except IntegrityError:  # the one-in-10^18 code collision: draw again
            continue
    raise RuntimeError("Could not draw a free receipt code.")


def receipt_by_code(*, code: str) -> VerificationReceipt | None:
    """The receipt with this code as typed (case, spaces and dashes ignored), or None."""
    cleaned = "".join(c for c in code.upper() if c.isalnum())
    if len(cleaned) != VerificationReceipt.CODE_LENGTH:
        return None
    return VerificationReceipt.objects.select_related("organisation").filter(code=cleaned).first()


# ---------------------------------------------------------------- colleagues


def _user_addresses(user) -> set[str]:
    """The addresses the user has shown they own: the account's and verified ones."""
    verified = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    return {user.email.lower(), *(address.lower() for address in verified)}


def verifier_invite(*, organisation, email: str, invited_by) -> VerifierInvitation:
    """Invite a colleague, by address, to verify for the clinic. A new invitation to the
    same address replaces a pending one. Nothing is granted until they accept."""
    email = email.strip()
    try:
        validate_email(email)
    except ValidationError as error:
        raise ValidationError({"email": "Enter an email address, like name@clinic.org."}) from error
    already = Membership.objects.filter(
        organisation=organisation, role=Role.VERIFIER, user__email__iexact=email
    ).exists()
    if already:
        raise ValidationError({"email": "Someone with this address already verifies here."})
    with transaction.atomic():
        VerifierInvitation.objects.filter(
            organisation=organisation,
            email__iexact=email,
            status=VerifierInvitation.Status.PENDING,
        ).update(status=VerifierInvitation.Status.WITHDRAWN, responded_at=timezone.now())
        invitation = VerifierInvitation.objects.create(
            organisation=organisation, email=email, invited_by=invited_by
        )
        email_send_template(
            to=[invitation.email],
            template="verification/verifier_invitation",
            context={
                "invitation": invitation,
                "organisation": organisation,
                "invited_by": invited_by,
                "signup_url": absolute_link(reverse("account_signup")),
            },
            link_path=reverse("verification:invitation", args=[invitation.pk]),
        )
    logger.info(
        "Verifier invitation %s sent for clinic %s by user %s",
        invitation.pk,
        organisation.pk,
        invited_by.pk,
    )
    return invitation


def verifier_invitation_for(*, user, invitation_id: int) -> VerifierInvitation:
    """An invitation addressed to ``user``; DoesNotExist for anyone else's, as for none."""
    invitation = (
        VerifierInvitation.objects.select_related("organisation").filter(pk=invitation_id).first()
    )
    if invitation is None or invitation.email.lower() not in _user_addresses(user):
        raise VerifierInvitation.DoesNotExist("No invitation to you has this number.")
    return invitation


@transaction.atomic
def verifier_invitation_answer(*, user, invitation_id: int, accept: bool) -> VerifierInvitation:
    """The invited person accepts (becoming a verifier of the clinic) or declines."""
    invitation = verifier_invitation_for(user=user, invitation_id=invitation_id)
    invitation = VerifierInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != VerifierInvitation.Status.PENDING:
        raise ValidationError(
            f"This invitation is no longer open ({invitation.get_status_display().lower()})."
        )
    if invitation.is_expired:
        raise ValidationError(
            f"This invitation expired on {invitation.expires_at:%B %-d, %Y}. Ask your "
            "colleague to send a new one."
        )
    if accept:
        membership_grant(user=user, organisation=invitation.organisation, role=Role.VERIFIER)
    invitation.status = (
        VerifierInvitation.Status.ACCEPTED if accept else VerifierInvitation.Status.DECLINED
    )
    invitation.responded_at = timezone.now()
    invitation.save(update_fields=["status", "responded_at"])
    logger.info("Verifier invitation %s %s by user %s", invitation.pk, invitation.status, user.pk)
    return invitation


# ---------------------------------------------------------------- API keys


def api_key_create(*, organisation, name: str, created_by) -> tuple[ApiKey, str]:
    """A new key for the clinic. The secret is returned once and only its hash is kept."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Name the key after the system that will use it."})
    if len(name) > cast(int, ApiKey._meta.get_field("name").max_length):
        raise ValidationError({"name": "Keep the name under 100 characters."})
    secret = ApiKey.new_secret()
    api_key = ApiKey.objects.create(
        organisation=organisation,
        name=name,
        hint=secret[: len(ApiKey.PREFIX) + 4],
        key_hash=hash_api_key(secret),
        created_by=created_by,
    )
    return api_key, secret


def api_key_revoke(*, api_key: ApiKey) -> ApiKey:
    """Revoke a key at once; revoking twice keeps the first time."""
    ApiKey.objects.filter(pk=api_key.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
    api_key.refresh_from_db(fields=["revoked_at", "key_hash"])
    with _cache_optional("forgetting a revoked key"):
        cache.delete(_key_cache_key(api_key.key_hash))
    answers.key_forget(key_hash=api_key.key_hash)
    return api_key


# How often last_used_at is written: often enough to be useful, not on every call.
_LAST_USED_RESOLUTION = datetime.timedelta(minutes=1)
# Usable keys are remembered in the shared cache, so the API's hot path makes no query
# for them. Revoking deletes the entry; the lifetime bounds the one race left (a lookup
# that read the row just before the revocation and stores it just after).
_KEY_CACHE_SECONDS = 60


def _key_cache_key(key_hash: str) -> str:
    return f"verification:api-key:{key_hash}"


@contextlib.contextmanager
def _cache_optional(doing: str):
    """The key cache is a shortcut: while Redis is away, the database answers."""
    try:
        yield
    except redis.RedisError as error:
        logger.warning("Verification: the cache failed (%s while %s)", type(error).__name__, doing)


def api_key_authenticate(*, secret: str, use_cache: bool = True) -> ApiKey | None:
    """The usable key with this secret, or None. No query while the key is cached;
    ``use_cache=False`` (Redis is away): the database alone."""
    if not secret.startswith(ApiKey.PREFIX):
        return None
    key_hash = hash_api_key(secret)
    cache_key = _key_cache_key(key_hash)
    known: Any = None
    if use_cache:
        with _cache_optional("reading a key"):
            known = cache.get(cache_key)
    if known is None:
        known = (
            ApiKey.objects.usable()
            .filter(key_hash=key_hash)
            .values_list("id", "organisation_id", "last_used_at")
            .first()
        ) or (None, None, None)
        if use_cache:
            with _cache_optional("keeping a key"):
                cache.set(cache_key, known, _KEY_CACHE_SECONDS)
    key_id, organisation_id, last_used_at = known
    if key_id is None:
        return None
    now = timezone.now()
    if last_used_at is None or now - last_used_at > _LAST_USED_RESOLUTION:
        ApiKey.objects.filter(pk=key_id).update(last_used_at=now)
        last_used_at = now
        if use_cache:
            with _cache_optional("keeping a key"):
                cache.set(cache_key, (key_id, organisation_id, now), _KEY_CACHE_SECONDS)
    return ApiKey(pk=key_id, organisation_id=organisation_id, last_used_at=last_used_at)


# ---------------------------------------------------------------- CSV checks


@transaction.atomic
def bulk_check_run(*, organisation, upload, created_by, add_to_roster: bool) -> BulkCheck:
    """Check every row of an uploaded CSV or .xlsx file; keep the results for download.

    A file with any problem is refused whole (ValidationError) and changes nothing. One
    query finds every credential the file names; each row then gets a verdict or its
    problem (``csvcheck``), and the rows that matched are recorded as checked.
    """
    sheet = read_sheet(upload)
    plan = sheet_plan(sheet)
    checked_at = timezone.now()
    credentials = {row["number"]: row for row in credentials_named(numbers=plan.numbers)}
    rows, matched = sheet_check(
        sheet,
        plan,
        credentials=credentials,
        names_match=_names_match,
        result_of=partial(_result_of_row, checked_at=checked_at, today=timezone.localdate()),
        checked_at=checked_at,
    )
    _record_later(matched, channel=Channel.CSV, organisation_id=organisation.pk)
    bulk_check = BulkCheck.objects.create(
        organisation=organisation,
        created_by=created_by,
        filename=(upload.name or "upload.csv")[:255],
        encoding=sheet.encoding,
        separator=sheet.separator,
        columns=sheet.columns,
        results=rows,
    )
    if add_to_roster:
        roster_add_many(
            organisation=organisation,
            credential_ids=[result.credential_id for result in matched if result.credential_id],
            added_by=created_by,
        )
    return bulk_check
