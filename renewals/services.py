"""Writing renewals: logging CE, moving it, applying to renew and deciding applications.

Each use case is one typed, keyword-only function. Bad input raises ``ValidationError``
naming the field and the reason, before anything is stored.
"""

import datetime
import logging
import secrets
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from certificates.api import RENEWED
from certificates.models import Credential, CredentialEvent, EthicsCode
from certificates.services import _render_later, current_ethics_code, cycle_create
from certificates.signals import credential_changed_announce
from core.dates import long_date
from notifications.services import email_send_template
from organisations.roles import Role, has_role

from . import engine
from .evidence import evidence_check
from .models import CEActivity, CEOffering, RenewalApplication
from .selectors import Standing, _credentials, judge

logger = logging.getLogger(__name__)

MAX_HOURS_PER_DAY = Decimal("24")
RETURN_REASON_MAX_LENGTH = 1000


# --- CE activities ------------------------------------------------------------------


def _own_credential(*, holder, credential_id: int) -> Credential:
    credential = _credentials([credential_id]).filter(holder=holder).first()
    if credential is None or credential.status == Credential.Status.REVOKED:
        raise ValidationError({"credential": "Choose one of your own current credentials."})
    return credential


def _decimal(value: Any, field: str, label: str) -> Decimal:
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError) as error:
        raise ValidationError({field: f"Give the {label} as a number, like 1.5."}) from error
    if not number.is_finite():
        raise ValidationError({field: f"Give the {label} as a number, like 1.5."})
    return number


def _clean_activity(
    *,
    credential: Credential,
    standing: Standing,
    data: dict[str, Any],
    today: datetime.date,
    exclude_id: int | None = None,
) -> dict[str, Any]:
    """Checked fields of an activity, or ``ValidationError`` with every problem by field."""
    errors: dict[str, str] = {}
    title = " ".join(str(data.get("title", "")).split())
    provider = " ".join(str(data.get("provider", "")).split())
    if not title:
        errors["title"] = "Give the activity's title, as on its certificate."
    elif len(title) > 200:
        errors["title"] = "Keep the title to 200 characters."
    if not provider:
        errors["provider"] = "Name who provided it (an organization or a trainer)."
    elif len(provider) > 200:
        errors["provider"] = "Keep the provider to 200 characters."
    started_on = data.get("started_on")
    completed_on = data.get("completed_on") or started_on
    started_on = started_on or completed_on
    if not isinstance(completed_on, datetime.date) or not isinstance(started_on, datetime.date):
        errors["completed_on"] = "Give the date you completed it."
    else:
        if started_on > completed_on:
            errors["started_on"] = "The start date is after the end date."
        if completed_on > today:
            errors["completed_on"] = "The date is in the future: log an activity once it is done."
        if started_on < credential.issued_on:
            errors["started_on"] = (
                "This is before you were certified on "
                f"{long_date(credential.issued_on)}: it cannot count toward renewal."
            )
    kind = data.get("kind") or CEActivity.Kind.COURSE
    if kind not in CEActivity.Kind.values:
        errors["kind"] = "Choose the kind of activity from the list."
    fmt = data.get("format") or CEActivity.Format.LIVE
    if fmt not in CEActivity.Format.values:
        errors["format"] = "Choose live, online or self-study."
    hours = ZERO = Decimal("0")
    try:
        hours = _decimal(data.get("hours", ""), "hours", "hours")
    except ValidationError as error:
        errors.update(error.message_dict)  # type: ignore[arg-type]
    else:
        if hours <= 0:
            errors["hours"] = "Hours must be more than zero."
        elif isinstance(completed_on, datetime.date) and isinstance(started_on, datetime.date):
            days = max((completed_on - started_on).days + 1, 1)
            if hours > MAX_HOURS_PER_DAY * days:
                errors["hours"] = (
                    f"That is more than 24 hours a day over {days} day{'s' if days > 1 else ''}: "
                    "check the hours and the dates."
                )
        if hours > Decimal("9999"):
            errors["hours"] = "That is more hours than any activity can have."
    units = ZERO
    if kind == CEActivity.Kind.COLLEGE_CREDIT:
        try:
            units = _decimal(data.get("units", ""), "units", "college credits")
        except ValidationError as error:
            errors.update(error.message_dict)  # type: ignore[arg-type]
        else:
            if units <= 0 or units > 30:
                errors["units"] = "Give the course's college credits, between 0.5 and 30."
    rules = standing.rules
    allowed = set()
    if rules is not None:
        allowed = {c.key for c in rules.categories} | {r.category for r in rules.recency}
    categories = [str(c) for c in (data.get("categories") or [])]
    unknown = [c for c in categories if c not in allowed]
    if unknown:
        errors["categories"] = "Choose categories from the list for this credential."
    if not errors and isinstance(completed_on, datetime.date):
        duplicate = (
            CEActivity.objects.filter(credential=credential, completed_on=completed_on)
            .annotate(t=Lower("title"), p=Lower("provider"))
            .filter(t=title.lower(), p=provider.lower())
            .exclude(pk=exclude_id or 0)
            .exists()
        )
        if duplicate:
            errors["title"] = (
                f"You already logged “{title}” by {provider} on "
                f"{long_date(completed_on)} for this credential."
            )
    if errors:
        raise ValidationError(errors)
    return {
        "title": title,
        "provider": provider,
        "started_on": started_on,
        "completed_on": completed_on,
        "hours": hours,
        "format": fmt,
        "kind": kind,
        "units": units,
        "categories": sorted(set(categories)),
    }


def ce_activity_preview(
    *, holder, credential_id: int, data: dict[str, Any], today: datetime.date | None = None
) -> tuple[engine.Allocation, Standing]:
    """ "Would this count?": the allocation the activity would get, and the standing with
    it, without storing anything."""
    today = today or timezone.localdate()
    credential = _own_credential(holder=holder, credential_id=credential_id)
    standing = judge(credential, today=today)
    fields = _clean_activity(credential=credential, standing=standing, data=data, today=today)
    candidate = engine.Activity(
        id="preview",
        title=fields["title"],
        completed_on=fields["completed_on"],
        hours=fields["hours"],
        categories=tuple(fields["categories"]),
        format=fields["format"],
        kind=fields["kind"],
        units=fields["units"],
    )
    after = judge(credential, today=today, extra=[candidate])
    assert after.evaluation is not None
    allocation = next(a for a in after.evaluation.allocations if a.activity_id == "preview")
    return allocation, after


@transaction.atomic
def ce_activity_log(
    *,
    holder,
    credential_id: int,
    data: dict[str, Any],
    evidence=None,
    today: datetime.date | None = None,
) -> CEActivity:
    """Store an activity the holder earned elsewhere, with its certificate if given."""
    today = today or timezone.localdate()
    credential = _own_credential(holder=holder, credential_id=credential_id)
    standing = judge(credential, today=today)
    errors: dict[str, Any] = {}
    try:
        fields = _clean_activity(credential=credential, standing=standing, data=data, today=today)
    except ValidationError as error:
        errors.update(error.message_dict)
    kind = None
    if evidence is not None:
        try:
            kind = evidence_check(evidence)
        except ValidationError as error:
            errors["evidence"] = error.messages
    if errors:
        raise ValidationError(errors)
    activity = CEActivity(holder=holder, credential=credential, **fields)
    if evidence is not None and kind is not None:
        activity.evidence_type = kind.content_type
        activity.evidence.save(f"{secrets.token_hex(12)}.{kind.extension}", evidence, save=False)
    try:
        with transaction.atomic():
            activity.save()
    except IntegrityError as error:  # the same activity logged twice at once
        if activity.evidence:
            activity.evidence.delete(save=False)
        raise ValidationError({"title": "You already logged this activity."}) from error
    logger.info("CE activity %s logged for credential %s", activity.pk, credential.number)
    return activity


@transaction.atomic
def ce_activity_move(
    *, holder, activity_id: int, credential_id: int, today: datetime.date | None = None
) -> CEActivity:
    """Move an activity to another of the holder's credentials, saying why if it cannot."""
    today = today or timezone.localdate()
    activity = CEActivity.objects.select_for_update().filter(pk=activity_id, holder=holder).first()
    if activity is None:
        raise ValidationError("That activity is not in your log.")
    if activity.credential_id == credential_id:
        raise ValidationError("The activity already counts toward that credential.")
    source = judge(_credentials([activity.credential_id]).get(), today=today)
    if source.open_application is not None:
        raise ValidationError(
            "It is part of a renewal application waiting for review: it cannot move now."
        )
    target = _own_credential(holder=holder, credential_id=credential_id)
    standing = judge(target, today=today)
    if standing.evaluation is None:
        raise ValidationError("That credential has no renewal rules yet.")
    cycle = standing.evaluation.cycle
    if not cycle.starts_on <= activity.completed_on <= cycle.expires_on:
        raise ValidationError(
            f"It was completed on {long_date(activity.completed_on)}, outside that "
            f"credential's cycle ({long_date(cycle.starts_on)} to "
            f"{long_date(cycle.expires_on)})."
        )
    data = {
        "title": activity.title,
        "provider": activity.provider,
        "started_on": activity.started_on,
        "completed_on": activity.completed_on,
        "hours": activity.hours,
        "format": activity.format,
        "kind": activity.kind,
        "units": activity.units,
        # Categories the target's rules do not know are dropped, and the holder is told.
        "categories": [
            c
            for c in activity.categories
            if standing.rules
            and c
            in {x.key for x in standing.rules.categories}
            | {r.category for r in standing.rules.recency}
        ],
    }
    _clean_activity(credential=target, standing=standing, data=data, today=today)
    activity.credential = target
    activity.categories = data["categories"]
    activity.save(update_fields=["credential", "categories"])
    return activity


@transaction.atomic
def ce_activity_delete(*, holder, activity_id: int) -> None:
    activity = CEActivity.objects.filter(
        pk=activity_id, holder=holder, source=CEActivity.Source.SELF_REPORTED
    ).first()
    if activity is None:
        raise ValidationError("That activity is not one you logged.")
    if RenewalApplication.objects.filter(
        credential=activity.credential_id, status=RenewalApplication.Status.SUBMITTED
    ).exists():
        raise ValidationError("It is part of a renewal application waiting for review.")
    if activity.evidence:
        activity.evidence.delete(save=False)
    activity.delete()


def peerpath_ce_add(*, holder, offering: CEOffering, completed_on: datetime.date) -> int:
    """A Peerpath programme or module offered as CE was completed: add it, verified, to each
    of the holder's live credentials whose cycle it falls in. Idempotent."""
    added = 0
    credentials = Credential.objects.filter(
        holder=holder, status=Credential.Status.ACTIVE, issued_on__lte=completed_on
    )
    for credential in credentials:
        if CEActivity.objects.filter(credential=credential, offering=offering).exists():
            continue
        with transaction.atomic():
            CEActivity.objects.create(
                holder=holder,
                credential=credential,
                title=offering.page.title,
                provider="Peerpath",
                started_on=completed_on,
                completed_on=completed_on,
                hours=offering.hours,
                format=offering.format,
                categories=list(offering.categories),
                source=CEActivity.Source.PEERPATH,
                offering=offering,
            )
        added += 1
    return added


# --- applying and deciding ----------------------------------------------------------


def _attestation_answers(
    rules: engine.Rules, answers: dict[str, Any], today: datetime.date
) -> dict[str, str]:
    errors: dict[str, str] = {}
    kept: dict[str, str] = {}
    for attestation in rules.attestations:
        field = f"attest_{attestation.key}"
        value = answers.get(attestation.key)
        if attestation.kind == "date":
            if not isinstance(value, datetime.date):
                errors[field] = f"Give the date: {attestation.label.lower()}."
                continue
            if value > today:
                errors[field] = "That date is in the future."
                continue
            if attestation.max_age_days is not None and (today - value).days > (
                attestation.max_age_days
            ):
                errors[field] = (
                    f"It must be at most {attestation.max_age_days} days old: "
                    f"{long_date(value)} is too long ago. Get a new one first."
                )
                continue
            kept[attestation.key] = value.isoformat()
        else:
            if not value:
                errors[field] = f"Confirm: {attestation.label}"
                continue
            kept[attestation.key] = "yes"
    if errors:
        raise ValidationError(errors)
    return kept


def audit_share() -> float:
    return float(getattr(settings, "RENEWAL_AUDIT_SHARE", 0.1))


@transaction.atomic
def renewal_apply(
    *,
    holder,
    credential_id: int,
    attestations: dict[str, Any],
    signed_name: str = "",
    today: datetime.date | None = None,
) -> RenewalApplication:
    """Apply to renew: only in the window, with every requirement met, the code of ethics
    re-signed where the board asks and its attestations answered."""
    today = today or timezone.localdate()
    credential = _own_credential(holder=holder, credential_id=credential_id)
    Credential.objects.select_for_update().filter(pk=credential.pk).first()
    standing = judge(credential, today=today)
    ev, rules, version = standing.evaluation, standing.rules, standing.version
    if ev is None or rules is None or version is None:
        raise ValidationError("This credential has no renewal rules yet: ask your coordinator.")
    if credential.status != Credential.Status.ACTIVE:
        raise ValidationError("A suspended credential cannot be renewed: ask your coordinator.")
    if standing.open_application is not None:
        raise ValidationError("You already applied: your application is waiting for review.")
    if ev.status == engine.Status.NOT_YET_OPEN:
        raise ValidationError(
            f"Renewal is not open yet: you can apply from {long_date(ev.window_opens_on)}."
        )
    if ev.needs_retraining:
        raise ValidationError(" ".join(ev.reinstatement))
    if not ev.met:
        raise ValidationError(" ".join(ev.sentences[:2]))
    errors: dict[str, Any] = {}
    code: EthicsCode | None = None
    if rules.resign_ethics:
        code = current_ethics_code(credential.enrollment)
        expected = " ".join(holder.get_full_name().split()).casefold()
        if code is not None and " ".join(signed_name.split()).casefold() != expected:
            errors["signed_name"] = (
                f"Type your full name exactly as on your account to sign: {holder.get_full_name()}."
            )
    try:
        kept = _attestation_answers(rules, attestations, today)
    except ValidationError as error:
        errors.update(error.message_dict)
        kept = {}
    if errors:
        raise ValidationError(errors)
    application = RenewalApplication.objects.create(
        credential=credential,
        cycle=ev.cycle.number,
        rule_version=version,
        reinstatement=ev.reinstating,
        attestations=kept,
        ethics_code=code,
        signed_name=" ".join(signed_name.split()) if code else "",
        sampled_for_audit=secrets.SystemRandom().random() < audit_share(),
    )
    coordinators = credential.issuer.memberships.filter(role=Role.COORDINATOR).select_related(
        "user"
    )
    addresses = sorted({m.user.email for m in coordinators if m.user.email})
    if addresses:
        email_send_template(
            to=addresses,
            template="renewals/renewal_submitted",
            context={
                "credential": credential,
                "holder_name": holder.get_full_name(),
                "application": application,
            },
            link_path=reverse("renewals:queue"),
        )
    logger.info("Renewal %s submitted for credential %s", application.pk, credential.number)
    return application


def _decidable(*, actor, application_id: int) -> RenewalApplication:
    from accounts.mfa import user_has_mfa

    application = (
        RenewalApplication.objects.select_for_update()
        .select_related("credential__issuer", "credential__holder")
        .filter(pk=application_id)
        .first()
    )
    if application is None or not has_role(
        actor, Role.COORDINATOR, organisation=application.credential.issuer
    ):
        raise PermissionDenied("This application is not one you can review.")
    if not user_has_mfa(actor):
        raise PermissionDenied("Set up two-factor authentication before deciding renewals.")
    if application.status != RenewalApplication.Status.SUBMITTED:
        raise ValidationError(
            f"This application was already decided ({application.get_status_display().lower()})."
        )
    return application


@transaction.atomic
def renewal_return(*, actor, application_id: int, reason: str) -> RenewalApplication:
    """Send an application back to the holder with the reason (told to them by email)."""
    application = _decidable(actor=actor, application_id=application_id)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Say what the holder needs to fix: they are told it."})
    if len(reason) > RETURN_REASON_MAX_LENGTH:
        raise ValidationError(
            {"reason": f"Keep the reason to {RETURN_REASON_MAX_LENGTH} characters."}
        )
    application.status = RenewalApplication.Status.RETURNED
    application.return_reason = reason
    application.decided_by = actor
    application.decided_at = timezone.now()
    application.save()
    credential = application.credential
    email_send_template(
        to=[credential.holder.email],
        template="renewals/renewal_returned",
        context={"holder": credential.holder, "credential": credential, "reason": reason},
        link_path=reverse("renewals:keep"),
    )
    return application


@transaction.atomic
def renewal_approve(
    *, actor, application_id: int, today: datetime.date | None = None
) -> RenewalApplication:
    """Approve: the credential keeps its number and gains its next cycle, with its own
    validity and its own status-list entry; the certificate is rendered again."""
    today = today or timezone.localdate()
    application = _decidable(actor=actor, application_id=application_id)
    credential = _credentials([application.credential_id]).select_for_update(of=("self",)).get()
    standing = judge(credential, today=today)
    ev, rules = standing.evaluation, standing.rules
    if ev is None or rules is None:
        raise ValidationError("This credential has no renewal rules.")
    if application.reinstatement:
        following = engine.reinstated_cycle(rules, ev.cycle, on=today)
        carry_out = engine.ZERO
    else:
        following = engine.next_cycle(
            rules, ev.cycle, carried_in=ev.carry_out, birthday=credential.holder.renewal_birthday
        )
        carry_out = ev.carry_out
    application.status = RenewalApplication.Status.APPROVED
    application.decided_by = actor
    application.decided_at = timezone.now()
    application.previous_expires_on = credential.expires_on
    application.new_starts_on = following.starts_on
    application.new_expires_on = following.expires_on
    application.carry_out = carry_out
    application.save()
    Credential.objects.filter(pk=credential.pk).update(
        expires_on=following.expires_on, pdf_rendered_at=None
    )
    cycle_create(
        credential=credential,
        cycle=credential.cycles.count() + 1,
        valid_from=following.starts_on,
    )
    CredentialEvent.objects.create(
        credential=credential,
        action=RENEWED,
        actor=actor,
        actor_name=actor.get_full_name(),
        reason=f"{'Reinstated' if application.reinstatement else 'Renewed'} until "
        f"{long_date(following.expires_on)}.",
    )
    _render_later(credential_id=credential.pk, force=True)
    credential_changed_announce(credential_id=credential.pk, number=credential.number)
    email_send_template(
        to=[credential.holder.email],
        template="renewals/renewal_approved",
        context={
            "holder": credential.holder,
            "credential": credential,
            "valid_until": long_date(following.expires_on),
            "reinstated": application.reinstatement,
        },
        link_path=reverse("renewals:keep"),
    )
    logger.info(
        "Credential %s %s by user %s",
        credential.number,
        "reinstated" if application.reinstatement else "renewed",
        actor.pk,
    )
    return application


def renewal_birthday_set(*, user, month: int | None, day: int | None):
    """Keep the month and day ``user``'s birthday-anchored cycles end on (checked by
    ``BirthdayForm``; the database refuses a day the month does not have), or forget it.

    Credentials already issued keep the expiry they were signed with: the birthday sets
    where their next cycle ends (``engine.next_cycle``) and a new credential's first cycle.
    """
    user.renewal_birthday_month = month
    user.renewal_birthday_day = day
    user.save(update_fields=["renewal_birthday_month", "renewal_birthday_day"])
    # Never the date itself: it is the holder's alone.
    logger.info("User %s changed the birthday their renewal cycles end on", user.pk)
    return user
