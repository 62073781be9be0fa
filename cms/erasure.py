"""Serving an erasure request: the person goes, the records the law keeps stay.

This lives in ``cms``, the top layer, because a person's data spans every app (practice,
courses, assessments, certificates, notifications, accounts); each app keeps owning its
rows, this module only decides what happens to them. ``manage.py erase_user`` runs it.

What is kept, and why: a board's record-keeping rule covers an approved practice log, so
a trainee with approved entries, or a supervisor with sign-offs, younger than
``PRACTICE_RECORD_RETENTION_DAYS`` is refused, and so is a credential holder (the
credential is the certification record clinics check) and a supervisor with current
trainees (reassign them first). Everyone else is erased:

- in the audit trail each of their events stays, but its identity goes: the actor becomes
  a pseudonym, the address and the free text (reflections, comments) become "[erased]",
  without breaking the chain (see ``practice.audit.audit_redact``);
- their private data is deleted: lesson reflections, quiz attempts, practice entries that
  were never approved, ethics affirmations, memberships, email addresses, authenticators,
  enrolment and verifier invitations and the emails queued or sent to them;
- the account is deleted, or, where rows that must stay point to it (old approved
  entries, old sign-offs), stripped of name, email and password and switched off.
"""

import datetime
import secrets
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max, Q
from django.db.models.deletion import ProtectedError
from django.utils import timezone

from assessments.models import Attempt, AttemptRequest, QuizOverride
from certificates.models import Credential, CredentialEvent, EthicsAffirmation
from courses.models import Enrollment, EnrolmentInvitation, Reflection
from notifications.models import Email, Notification
from organisations.models import Membership
from practice.audit import audit_redact
from practice.models import AuditEvent, Decision, LogEntry, SupervisorAssignment
from verification.models import VerifierInvitation


class ErasureRefused(Exception):
    """Records that must be kept stand in the way; nothing was changed."""

    def __init__(self, reasons: list[str]):
        self.reasons = reasons
        super().__init__(" ".join(reasons))


@dataclass
class ErasurePlan:
    """What erasing one person does; ``user_erase`` carries it out."""

    user_id: int
    pseudonym: str
    refusals: list[str] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    audit_parts: dict[int, list[str]] = field(default_factory=dict)
    entry_ids: list[int] = field(default_factory=list)
    account: str = ""


def retention_cutoff() -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=settings.PRACTICE_RECORD_RETENTION_DAYS)


def _refusals(user, cutoff: datetime.datetime) -> list[str]:
    days = settings.PRACTICE_RECORD_RETENTION_DAYS
    rule = f"PRACTICE_RECORD_RETENTION_DAYS={days}, the board's record-keeping period"
    refusals = []
    approved = Decision.objects.filter(
        entry__enrollment__trainee=user,
        outcome=Decision.Outcome.APPROVED,
        decided_at__gte=cutoff,
    ).aggregate(n=Count("pk"), last=Max("decided_at"))
    if approved["n"]:
        keep_until = approved["last"] + datetime.timedelta(days=days)
        refusals.append(
            f"{user.email} has {approved['n']} approved practice entries signed off in the "
            f"last {days} days; their practice log must be kept until {keep_until:%B %-d, %Y} "
            f"({rule})."
        )
    signed = Decision.objects.filter(supervisor=user, decided_at__gte=cutoff).aggregate(
        n=Count("pk"), last=Max("decided_at")
    )
    if signed["n"]:
        keep_until = signed["last"] + datetime.timedelta(days=days)
        refusals.append(
            f"{user.email} signed off {signed['n']} practice entries in the last {days} days; "
            f"those sign-offs must stay attributable until {keep_until:%B %-d, %Y} ({rule})."
        )
    current = SupervisorAssignment.objects.filter(supervisor=user, ended_at__isnull=True).count()
    if current:
        refusals.append(
            f"{user.email} currently supervises {current} trainee(s): assign them another "
            "supervisor first."
        )
    credentials = list(Credential.objects.filter(holder=user).values_list("number", flat=True))
    if credentials:
        refusals.append(
            f"{user.email} holds credential(s) {', '.join(credentials)}: a credential is the "
            "certification record clinics verify and is kept."
        )
    return refusals


def user_erasure_plan(*, user) -> ErasurePlan:
    """Work out what erasing ``user`` would do, or why it is refused. Changes nothing."""
    plan = ErasurePlan(user_id=user.pk, pseudonym=f"erased-{secrets.token_hex(4)}")
    cutoff = retention_cutoff()
    plan.refusals = _refusals(user, cutoff)
    if plan.refusals:
        return plan

    own_entries = set(
        LogEntry.objects.filter(enrollment__trainee=user).values_list("pk", flat=True)
    )
    acted = AuditEvent.objects.filter(actor=user)
    # After exclude(entry_id=None) no id is None; the stubs keep the column's type.
    own_entries |= set(acted.exclude(entry_id=None).values_list("entry_id", flat=True))  # type: ignore[arg-type]
    plan.entry_ids = sorted(own_entries)
    for event in AuditEvent.objects.filter(Q(actor=user) | Q(entry_id__in=own_entries)).only(
        "pk", "actor_id", "salts"
    ):
        if event.actor_id == user.pk:
            parts = list(event.salts)  # all of it: who, from where, what they wrote
        else:  # someone else's event about their entry: the comment may describe them
            parts = [p for p in event.salts if p.startswith("changes.")]
        if parts:
            plan.audit_parts[event.pk] = parts

    approved_kept = LogEntry.objects.filter(
        enrollment__trainee=user, status=LogEntry.Status.APPROVED
    ).count()
    unapproved = LogEntry.objects.filter(enrollment__trainee=user).exclude(
        status=LogEntry.Status.APPROVED
    )
    old_signoffs = Decision.objects.filter(supervisor=user).count()
    supervised = SupervisorAssignment.objects.filter(supervisor=user).count()
    plan.steps = [
        f"Audit trail: {len(plan.audit_parts)} event(s) keep their place in the chain; the "
        f"person becomes “{plan.pseudonym}”, their address and free text “[erased]”.",
        f"Delete {Reflection.objects.filter(trainee=user).count()} lesson reflection(s), "
        f"{Attempt.objects.filter(enrollment__trainee=user).count()} quiz attempt(s) and "
        f"{unapproved.count()} practice entries that were never approved.",
        f"Delete {EthicsAffirmation.objects.filter(trainee=user).count()} ethics "
        f"affirmation(s), {Membership.objects.filter(user=user).count()} membership(s), "
        f"{EmailAddress.objects.filter(user=user).count()} email address(es), "
        f"{Authenticator.objects.filter(user=user).count()} authenticator(s) and the emails "
        "sent to them.",
    ]
    if approved_kept:
        plan.steps.append(
            f"Keep {approved_kept} approved practice entries older than the retention period "
            "(approved entries are locked), attached to the anonymised account."
        )
    if old_signoffs:
        plan.steps.append(
            f"Keep {old_signoffs} sign-off decision(s) older than the retention period, "
            f"signed “{plan.pseudonym}”."
        )
    if supervised:
        plan.steps.append(
            f"Keep {supervised} ended supervision assignment(s): who supervised whom, when."
        )
    # Sign-offs keep only the pseudonym (their link to the account is SET_NULL); kept
    # entries and assignments protect the account row.
    plan.account = "anonymised" if approved_kept or supervised else "deleted"
    plan.steps.append(
        "Delete the account."
        if plan.account == "deleted"
        else "Anonymise the account (no name, email or password; switched off): kept records "
        "point to it."
    )
    return plan


@transaction.atomic
def user_erase(*, user, dry_run: bool = False) -> ErasurePlan:
    """Erase ``user`` as ``user_erasure_plan`` describes; all of it, or nothing.

    Raises ``ErasureRefused`` (nothing changed) where records must be kept.
    """
    plan = user_erasure_plan(user=user)
    if plan.refusals:
        raise ErasureRefused(plan.refusals)
    if dry_run:
        return plan

    addresses = {user.email.lower()} | {
        a.lower() for a in EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    }
    # The trail first: after this no audit event points to the account any more.
    audit_redact(
        parts_by_event=plan.audit_parts,
        pseudonym=plan.pseudonym,
        note={"entries": plan.entry_ids},
    )
    Reflection.objects.filter(trainee=user).delete()
    # Overrides explain attempts (which they keep from being deleted alone) and their
    # reasons may describe the trainee: they go with the attempts.
    AttemptRequest.objects.filter(enrollment__trainee=user).delete()
    QuizOverride.objects.filter(enrollment__trainee=user).delete()
    Attempt.objects.filter(enrollment__trainee=user).delete()
    unapproved = LogEntry.objects.filter(enrollment__trainee=user).exclude(
        status=LogEntry.Status.APPROVED
    )
    Decision.objects.filter(entry__in=unapproved).delete()
    unapproved.delete()
    Enrollment.objects.filter(trainee=user, practice_entries__isnull=True).delete()
    EthicsAffirmation.objects.filter(trainee=user).delete()
    SupervisorAssignment.objects.filter(trainee=user).delete()
    Decision.objects.filter(supervisor=user).update(supervisor=None, supervisor_name=plan.pseudonym)
    CredentialEvent.objects.filter(actor=user).update(actor=None, actor_name=plan.pseudonym)
    QuizOverride.objects.filter(by=user).update(by=None, by_name=plan.pseudonym)
    EnrolmentInvitation.objects.filter(email__in=addresses).delete()
    VerifierInvitation.objects.filter(email__in=addresses).delete()
    Membership.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    EmailAddress.objects.filter(user=user).delete()
    Notification.objects.filter(user=user).delete()
    Email.objects.filter(
        pk__in=[
            pk
            for pk, to in Email.objects.values_list("pk", "to").iterator()
            if addresses & {address.lower() for address in to or []}
        ]
    ).delete()
    try:
        with transaction.atomic():
            user.delete()
        plan.account = "deleted"
    except ProtectedError:  # kept records point to it: keep the row, not the person
        user.email = f"{plan.pseudonym}@erased.invalid"
        user.first_name = user.last_name = user.certificate_name = ""
        user.renewal_birthday_month = user.renewal_birthday_day = None
        user.set_unusable_password()
        user.is_active = user.is_staff = user.is_superuser = False
        user.last_login = None
        user.save()
        user.groups.clear()
        user.user_permissions.clear()
        plan.account = "anonymised"
    return plan
