"""Verification workflows: checking credentials, rosters, API keys and roster alerts.

Every surface (the public page, the API, the roster and CSV checks) asks
``credentials_verify``, so they can never disagree about a credential.
"""

import datetime
import hmac
import logging
import unicodedata
from collections.abc import Sequence
from functools import partial
from typing import Any, cast

from allauth.account.models import EmailAddress
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Field
from django.urls import reverse
from django.utils import timezone

from certificates.api import (
    STATUS_CHANGE_FIELDS,
    Credential,
    credential_ids_existing,
    credentials_by_number,
    normalise,
)
from core.codes import readable_code
from notifications.services import absolute_link, email_send_template
from organisations.models import Membership
from organisations.roles import Role
from organisations.services import membership_grant

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
from .results import NO_MATCH_MESSAGE, VerificationResult

logger = logging.getLogger(__name__)
Channel = VerificationEvent.Channel
# Every lookup by name compares against something, so a miss takes as long as a mismatch.
_NOBODY = "\x00nobody"


def name_key(name: str) -> str:
    """A last name as compared: no accents, case, spaces, hyphens or apostrophes."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if c.isalnum()).casefold()


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
    by_number: dict[str | None, Credential] = {
        credential.number: credential
        for credential in credentials_by_number(numbers=wanted, fields=_RESULT_FIELDS)
    }
    results = []
    for (typed, last_name), number in zip(checks, canonical, strict=True):
        credential = by_number.get(number)
        if last_name is not None:
            actual = credential.holder.last_name if credential else _NOBODY
            if not _names_match(last_name, actual):
                credential = None
        if credential is None:
            results.append(VerificationResult.not_found(number or typed, checked_at=checked_at))
        else:
            results.append(VerificationResult.of(credential, checked_at=checked_at))
    _record_later(results, channel=channel, organisation_id=organisation_id)
    return results


_RESULT_FIELDS = (
    "id",
    "number",
    "status",
    "issued_on",
    "expires_on",
    "achievement",
    *STATUS_CHANGE_FIELDS,
    "holder__id",
    "holder__last_name",
)


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
    """Hand the checks to a worker; if the broker refuses them, write them here.

    Not through the outbox: an outbox row is one more write on every lookup, the cost the
    task exists to avoid. While the broker is down a lookup writes its checks itself, one
    bulk insert, and still answers. ``retry=False``: a lookup does not wait out the
    publisher's reconnection attempts when writing inline is the better answer.
    """
    from .tasks import record_verifications

    fields: dict[str, Any] = {
        "credential_ids": credential_ids,
        "channel": channel,
        "organisation_id": organisation_id,
        "at": at,
    }
    try:
        record_verifications.apply_async(kwargs=fields, retry=False)
    except Exception as error:
        logger.warning(
            "Verification: recording %d check(s) here, the task could not be queued: %s",
            len(credential_ids),
            type(error).__name__,
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
            f"This invitation expired on {invitation.expires_at:%d %B %Y}. Ask your "
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
    cache.delete(_key_cache_key(api_key.key_hash))
    return api_key


# How often last_used_at is written: often enough to be useful, not on every call.
_LAST_USED_RESOLUTION = datetime.timedelta(minutes=1)
# Usable keys are remembered in the shared cache, so the API's hot path makes no query
# for them. Revoking deletes the entry; the lifetime bounds the one race left (a lookup
# that read the row just before the revocation and stores it just after).
_KEY_CACHE_SECONDS = 60


def _key_cache_key(key_hash: str) -> str:
    return f"verification:api-key:{key_hash}"


def api_key_authenticate(*, secret: str) -> ApiKey | None:
    """The usable key with this secret, or None. No query while the key is cached."""
    if not secret.startswith(ApiKey.PREFIX):
        return None
    key_hash = hash_api_key(secret)
    cache_key = _key_cache_key(key_hash)
    known = cache.get(cache_key)
    if known is None:
        known = (
            ApiKey.objects.usable()
            .filter(key_hash=key_hash)
            .values_list("id", "organisation_id", "last_used_at")
            .first()
        ) or (None, None, None)
        cache.set(cache_key, known, _KEY_CACHE_SECONDS)
    key_id, organisation_id, last_used_at = known
    if key_id is None:
        return None
    now = timezone.now()
    if last_used_at is None or now - last_used_at > _LAST_USED_RESOLUTION:
        ApiKey.objects.filter(pk=key_id).update(last_used_at=now)
        last_used_at = now
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
    credentials = {
        credential.number: credential
        for credential in credentials_by_number(numbers=plan.numbers, fields=_RESULT_FIELDS)
    }
    rows, matched = sheet_check(
        sheet, plan, credentials=credentials, names_match=_names_match, checked_at=checked_at
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
