"""Logging practice, submitting it, signing it off, assigning supervisors."""

import datetime
import logging
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone

from accounts.mfa import user_has_mfa
from core.codes import readable_code
from courses.models import CompetencyDomain, Enrollment
from courses.services import enrollment_refresh_completion
from notifications.services import email_send_template
from organisations.roles import Role, has_role

from . import qualification
from .audit import audit_record
from .guard import find_identifiers, refusal_message
from .models import (
    MINUTES_PER_DAY,
    MINUTES_STEP,
    Decision,
    LogEntry,
    PracticeCategory,
    PracticeHourMinimum,
    SupervisorAssignment,
    SupervisorRequest,
)
from .selectors import supervisor_queue

# Entry, decision and user ids only: a reflection or a comment is about a person we serve.
logger = logging.getLogger(__name__)

ENTRY_FIELDS = ("date", "minutes", "category", "domain", "setting", "reflection")

NO_SUPERVISOR = (
    "No supervisor is assigned to you yet; your training coordinator has been told. "
    "Your entries stay in your log, and you can submit them once a supervisor is assigned."
)
NO_SUPERVISOR_NOR_COORDINATOR = (
    "No supervisor is assigned to you yet, and {organisation} has no training coordinator "
    "on Peerpath to assign one. Your entries stay in your log; ask your training provider "
    "to assign you a supervisor."
)


def allowed_categories(enrollment: Enrollment):
    """The categories the programme's requirement profile counts (all, if it names none)."""
    named = PracticeCategory.objects.filter(
        pk__in=PracticeHourMinimum.objects.filter(
            profile_id=enrollment.programme.requirement_profile_id
        ).values("category_id")
    )
    return named if named.exists() else PracticeCategory.objects.all()


def _validate(
    *,
    enrollment: Enrollment,
    date: datetime.date,
    minutes: int,
    category: PracticeCategory,
    reflection: str,
    entry: LogEntry | None = None,
    corrects: LogEntry | None = None,
) -> None:
    errors: dict[str, list[str]] = {}
    if not (MINUTES_STEP <= minutes <= MINUTES_PER_DAY) or minutes % MINUTES_STEP:
        errors.setdefault("minutes", []).append(
            "Log time in quarter hours (0.25, 0.5, 0.75, 1…), "
            "from a quarter of an hour up to 24 hours."
        )
    today = timezone.localdate()
    if date > today:
        errors.setdefault("date", []).append("You can't log practice that hasn't happened yet.")
    started = timezone.localdate(enrollment.started_at)
    if date < started:
        errors.setdefault("date", []).append(
            f"This date is before you enrolled in {enrollment.programme.title} "
            f"({started:%B %-d, %Y}); practice before enrollment doesn't count."
        )
    if not allowed_categories(enrollment).filter(pk=category.pk).exists():
        errors.setdefault("category", []).append(
            f"{enrollment.programme.title} does not count “{category.name}” hours."
        )
    if "minutes" not in errors:
        same_day = LogEntry.objects.filter(enrollment__trainee=enrollment.trainee, date=date)
        same_day = same_day.exclude(
            corrections__status__in=[LogEntry.Status.APPROVED, LogEntry.Status.SUBMITTED]
        )
        for excluded in (entry, corrects):
            if excluded is not None:
                same_day = same_day.exclude(pk=excluded.pk)
        logged = same_day.aggregate(total=Sum("minutes"))["total"] or 0
        if logged + minutes > MINUTES_PER_DAY:
            errors.setdefault("minutes", []).append(
                f"That would make more than 24 hours on {date:%B %-d, %Y}: you have already "
                f"logged {Decimal(logged) / 60:.2f} hours that day."
            )
    findings = find_identifiers(reflection)
    if findings:
        errors.setdefault("reflection", []).append(refusal_message(findings))
    if not reflection.strip():
        errors.setdefault("reflection", []).append(
            "Write a short, de-identified reflection on what you did and learned."
        )
    if errors:
        raise ValidationError(errors)


def _snapshot(entry: LogEntry) -> dict:
    return {
        "date": entry.date.isoformat(),
        "minutes": entry.minutes,
        "category": entry.category_id,
        "domain": entry.domain_id,
        "setting": entry.setting,
        "reflection": entry.reflection,
        "status": entry.status,
    }


def _own_enrollment(*, trainee, enrollment: Enrollment) -> Enrollment:
    if enrollment.trainee_id != trainee.pk:
        raise PermissionDenied("You can only log practice for your own enrollment.")
    return enrollment


@transaction.atomic
def entry_create(
    *,
    trainee,
    enrollment: Enrollment,
    date: datetime.date,
    minutes: int,
    category: PracticeCategory,
    domain: CompetencyDomain,
    setting: str,
    reflection: str,
    ip: str | None = None,
    corrects: LogEntry | None = None,
) -> LogEntry:
    _own_enrollment(trainee=trainee, enrollment=enrollment)
    if corrects is not None:
        corrects = LogEntry.objects.get(pk=corrects.pk)  # its status as stored, not as passed
    if corrects is not None and (
        corrects.enrollment_id != enrollment.pk or corrects.status != LogEntry.Status.APPROVED
    ):
        raise ValidationError("Only your own approved entries are corrected this way.")
    _validate(
        enrollment=enrollment,
        date=date,
        minutes=minutes,
        category=category,
        reflection=reflection,
        corrects=corrects,
    )
    entry = LogEntry.objects.create(
        enrollment=enrollment,
        date=date,
        minutes=minutes,
        category=category,
        domain=domain,
        setting=setting,
        reflection=reflection.strip(),
        corrects=corrects,
    )
    action = "corrected" if corrects else "created"
    changes = _snapshot(entry) | ({"corrects": corrects.pk} if corrects else {})
    audit_record(entry_id=entry.pk, actor=trainee, action=action, ip=ip, changes=changes)
    return entry


def _locked_own_entry(*, trainee, entry_id: int) -> LogEntry:
    entry = (
        LogEntry.objects.select_for_update()
        .select_related("enrollment__programme")
        .filter(pk=entry_id, enrollment__trainee=trainee)
        .first()
    )
    if entry is None:
        raise LogEntry.DoesNotExist("No entry of yours has this number.")
    return entry


@transaction.atomic
def entry_update(*, trainee, entry_id: int, ip: str | None = None, **fields) -> LogEntry:
    entry = _locked_own_entry(trainee=trainee, entry_id=entry_id)
    if not entry.is_editable:
        raise ValidationError(
            "Only drafts and returned entries can be edited. To fix an approved entry, "
            "add a correction."
        )
    before = _snapshot(entry)
    for name in ENTRY_FIELDS:
        setattr(entry, name, fields[name])
    entry.reflection = entry.reflection.strip()
    _validate(
        enrollment=entry.enrollment,
        date=entry.date,
        minutes=entry.minutes,
        category=entry.category,
        reflection=entry.reflection,
        entry=entry,
        corrects=entry.corrects,
    )
    entry.save()
    after = _snapshot(entry)
    changed = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
    audit_record(entry_id=entry.pk, actor=trainee, action="edited", ip=ip, changes=changed)
    return entry


@transaction.atomic
def entry_delete(*, trainee, entry_id: int, ip: str | None = None) -> None:
    entry = _locked_own_entry(trainee=trainee, entry_id=entry_id)
    if entry.status != LogEntry.Status.DRAFT or entry.decisions.exists():
        raise ValidationError("Only drafts that were never submitted can be deleted.")
    audit_record(
        entry_id=entry.pk, actor=trainee, action="deleted", ip=ip, changes=_snapshot(entry)
    )
    entry.delete()


def entry_submit(*, trainee, entry_id: int, ip: str | None = None) -> LogEntry:
    """Send a draft or returned entry to the trainee's supervisor for sign-off.

    Refused, changing nothing, while the trainee has no current supervisor: their
    coordinators are told once (``supervisor_request_notify``) and the trainee is told why.
    """
    entry = (
        LogEntry.objects.select_related("enrollment__programme__organisation")
        .filter(pk=entry_id, enrollment__trainee=trainee)
        .first()
    )
    if entry is None:
        raise LogEntry.DoesNotExist("No entry of yours has this number.")
    if entry.status == LogEntry.Status.SUBMITTED:
        return entry
    _require_supervisor(trainee=trainee, enrollment=entry.enrollment)
    return _submit(trainee=trainee, entry_id=entry.pk, ip=ip)


def entries_submit_drafts(*, trainee, enrollment: Enrollment, ip: str | None = None) -> int:
    """Submit every draft of the enrolment at once; returns how many were submitted.

    Returned entries are left alone: each waits for the change its supervisor asked for.
    """
    _own_enrollment(trainee=trainee, enrollment=enrollment)
    drafts = list(
        LogEntry.objects.filter(enrollment=enrollment, status=LogEntry.Status.DRAFT)
        .order_by("date", "pk")
        .values_list("pk", flat=True)
    )
    if not drafts:
        return 0
    _require_supervisor(trainee=trainee, enrollment=enrollment)
    with transaction.atomic():
        for entry_id in drafts:
            _submit(trainee=trainee, entry_id=entry_id, ip=ip)
    return len(drafts)


@transaction.atomic
def _submit(*, trainee, entry_id: int, ip: str | None) -> LogEntry:
    entry = _locked_own_entry(trainee=trainee, entry_id=entry_id)
    if entry.status == LogEntry.Status.SUBMITTED:
        return entry
    if not entry.is_editable:
        raise ValidationError("This entry is already approved.")
    entry.status = LogEntry.Status.SUBMITTED
    entry.submission_round += 1
    entry.save(update_fields=["status", "submission_round", "updated_at"])
    audit_record(
        entry_id=entry.pk,
        actor=trainee,
        action="submitted",
        ip=ip,
        changes={"round": entry.submission_round},
    )
    return entry


@transaction.atomic
def entry_withdraw(*, trainee, entry_id: int, ip: str | None = None) -> LogEntry:
    """Take a submitted entry back to draft before the supervisor decides it.

    The entry is locked as ``entry_decide`` locks it, so a withdrawal and a decision at the
    same moment cannot both happen: whichever comes second finds the status changed.
    """
    entry = _locked_own_entry(trainee=trainee, entry_id=entry_id)
    if entry.status != LogEntry.Status.SUBMITTED:
        raise ValidationError(
            "Only entries waiting for sign-off can be withdrawn: your supervisor has "
            "already decided this one, or it was never submitted."
        )
    entry.status = LogEntry.Status.DRAFT
    entry.save(update_fields=["status", "updated_at"])
    audit_record(
        entry_id=entry.pk,
        actor=trainee,
        action="withdrawn",
        ip=ip,
        changes={"round": entry.submission_round},
    )
    return entry


def _require_supervisor(*, trainee, enrollment: Enrollment) -> None:
    organisation = enrollment.programme.organisation
    if current_assignment(trainee=trainee, organisation=organisation) is not None:
        return
    if supervisor_request_notify(trainee=trainee, enrollment=enrollment):
        raise ValidationError(NO_SUPERVISOR)
    raise ValidationError(NO_SUPERVISOR_NOR_COORDINATOR.format(organisation=organisation.name))


def supervisor_request_notify(*, trainee, enrollment: Enrollment) -> bool:
    """Tell the organisation's coordinators, once, that the trainee needs a supervisor.

    Called outside any transaction of the refused submission, so the marker and the emails
    stay although the submission changes nothing. The ``SupervisorRequest`` row is the
    marker: while it stands, nobody is emailed again;
    ``supervisor_assign`` removes it. Returns whether a coordinator has been told, now or
    earlier; False when the organisation has no coordinator to tell.
    """
    from django.contrib.auth import get_user_model

    organisation = enrollment.programme.organisation
    coordinators = list(
        get_user_model()
        .objects.filter(
            is_active=True,
            memberships__organisation=organisation,
            memberships__role=Role.COORDINATOR,
        )
        .exclude(pk=trainee.pk)
        .distinct()
        .order_by("pk")
    )
    if not coordinators:
        logger.warning(
            "Trainee %s has no supervisor and organization %s has no coordinator",
            trainee.pk,
            organisation.pk,
        )
        return False
    if SupervisorRequest.objects.filter(organisation=organisation, trainee=trainee).exists():
        return True
    link_path = reverse("practice:assignments", args=[organisation.pk]) + f"?trainee={trainee.pk}"
    try:
        with transaction.atomic():
            SupervisorRequest.objects.create(organisation=organisation, trainee=trainee)
            for coordinator in coordinators:
                email_send_template(
                    to=[coordinator.email],
                    template="practice/supervisor_needed",
                    context={
                        "coordinator": coordinator,
                        "trainee": trainee,
                        "trainee_name": trainee.get_full_name() or trainee.email,
                        "programme": enrollment.programme,
                        "organisation": organisation,
                    },
                    link_path=link_path,
                )
    except IntegrityError:
        pass  # a submission at the same moment made the marker and sent the emails
    else:
        logger.info(
            "Trainee %s has no supervisor: %d coordinator(s) of organization %s told",
            trainee.pk,
            len(coordinators),
            organisation.pk,
        )
    return True


def current_assignment(*, trainee, organisation) -> SupervisorAssignment | None:
    return SupervisorAssignment.objects.filter(
        trainee=trainee, organisation=organisation, ended_at__isnull=True
    ).first()


def _new_verification_code() -> str:
    raw = readable_code(length=12)
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


@transaction.atomic
def entry_decide(
    *,
    supervisor,
    entry_id: int,
    approve: bool,
    comment: str = "",
    ip: str | None = None,
    notify: bool = True,
) -> Decision:
    """A supervisor signs off (approve) or returns one submitted entry.

    The trainee is emailed about it unless ``notify`` is False: a bulk approval
    (``entries_approve``) sends each trainee one email listing all their entries instead.

    Checks: the supervisor is not the trainee, holds the supervisor role in the trainee's
    organisation, is the trainee's current supervisor there, and has two-factor
    authentication; to approve, their own supervisor credential, where they hold one a board
    requires, must be current (``practice.qualification``). The database allows one
    decision per submission, so two supervisors deciding at once leave exactly one decision.

    Only two rows are locked: the entry, and the current assignment (so a reassignment
    waits for the decision, not the other way round). ``of=("self",)`` matters: on
    PostgreSQL a plain FOR UPDATE over a join also locks the trainee, the programme and
    the organisation, which made every sign-off in an organisation queue behind the others.
    """
    entry = (
        LogEntry.objects.select_for_update(of=("self",))
        .select_related("enrollment__trainee", "enrollment__programme__organisation")
        .filter(pk=entry_id)
        .first()
    )
    if entry is None:
        raise LogEntry.DoesNotExist("No entry has this number.")
    trainee = entry.enrollment.trainee
    organisation = entry.enrollment.programme.organisation
    if trainee.pk == supervisor.pk:
        raise PermissionDenied("You cannot sign off your own practice.")
    if not has_role(supervisor, Role.SUPERVISOR, organisation=organisation):
        raise PermissionDenied(f"You are not a supervisor at {organisation.name}.")
    assignment = (
        SupervisorAssignment.objects.select_for_update()
        .filter(trainee=trainee, organisation=organisation, ended_at__isnull=True)
        .first()
    )
    if assignment is None or assignment.supervisor_id != supervisor.pk:
        raise PermissionDenied("You are not this trainee's supervisor.")
    if not user_has_mfa(supervisor):
        raise PermissionDenied("Set up two-factor authentication before signing anything off.")
    if approve and (reason := qualification.refusal(supervisor)):
        raise PermissionDenied(reason)
    if entry.status != LogEntry.Status.SUBMITTED:
        raise ValidationError(
            "This entry is not waiting for sign-off: someone may have decided it."
        )
    comment = comment.strip()
    if not approve and not comment:
        raise ValidationError({"comment": "Say what needs changing, so the trainee can fix it."})
    if len(comment) > Decision.COMMENT_MAX_LENGTH:
        raise ValidationError({"comment": Decision.COMMENT_TOO_LONG})
    try:
        with transaction.atomic():
            decision = Decision.objects.create(
                entry=entry,
                submission_round=entry.submission_round,
                supervisor=supervisor,
                supervisor_name=supervisor.get_full_name() or supervisor.email,
                supervisor_role=f"Supervisor, {organisation.name}",
                outcome=Decision.Outcome.APPROVED if approve else Decision.Outcome.RETURNED,
                comment=comment,
                verification_code=_new_verification_code(),
            )
    except IntegrityError as error:
        raise ValidationError("This entry has just been decided by someone else.") from error
    entry.status = LogEntry.Status.APPROVED if approve else LogEntry.Status.RETURNED
    entry.save(update_fields=["status", "updated_at"])
    logger.info(
        "Practice entry %s %s by supervisor %s (decision %s, round %s)",
        entry.pk,
        decision.outcome,
        supervisor.pk,
        decision.pk,
        entry.submission_round,
    )
    if notify:
        _notify_trainee(entry=entry, decision=decision)
    if approve:
        # Approved hours may meet the last requirement: issuing follows the commit.
        enrollment_refresh_completion(enrollment=entry.enrollment)
    # Last: appending to the chain makes every other writer wait until this commits, so
    # nothing slow (the completion check above) should run after it.
    audit_record(
        entry_id=entry.pk,
        actor=supervisor,
        action="approved" if approve else "returned",
        ip=ip,
        changes={"round": entry.submission_round, "comment": comment, "decision": decision.pk},
    )
    return decision


def _hours_text(minutes: int) -> str:
    """90 -> "1.5", 60 -> "1", 45 -> "0.75": hours as the emails write them."""
    return f"{Decimal(minutes) / 60:.2f}".rstrip("0").rstrip(".")


def _notify_trainee(*, entry: LogEntry, decision: Decision) -> None:
    trainee = entry.enrollment.trainee
    if decision.outcome == Decision.Outcome.APPROVED:
        template = "practice/entry_approved"
        # The log, at the entry's row: approved entries are locked, so there is no edit page.
        link_path = reverse("practice:log", args=[entry.enrollment_id]) + f"#entry-{entry.pk}"
    else:
        template = "practice/entry_returned"
        link_path = reverse("practice:entry_edit", args=[entry.pk])
    email_send_template(
        to=[trainee.email],
        template=template,
        context={
            "trainee": trainee,
            "entry": entry,
            "decision": decision,
            "hours": _hours_text(entry.minutes),
        },
        link_path=link_path,
    )


def _notify_trainee_of_approvals(*, decisions: list[Decision]) -> None:
    """One email for one trainee's entries approved together, listing each with its hours."""
    if len(decisions) == 1:
        _notify_trainee(entry=decisions[0].entry, decision=decisions[0])
        return
    entries = sorted((d.entry for d in decisions), key=lambda e: (e.date, e.pk))
    trainee = entries[0].enrollment.trainee
    category_names = dict(
        PracticeCategory.objects.filter(pk__in={e.category_id for e in entries}).values_list(
            "pk", "name"
        )
    )
    enrollments = {entry.enrollment_id for entry in entries}
    link_path = (
        reverse("practice:log", args=[entries[0].enrollment_id])
        if len(enrollments) == 1
        else reverse("practice:log_index")
    )
    email_send_template(
        to=[trainee.email],
        template="practice/entries_approved",
        context={
            "trainee": trainee,
            "supervisor_name": decisions[0].supervisor_name,
            "count": len(entries),
            "hours": _hours_text(sum(entry.minutes for entry in entries)),
            "items": [
                {
                    "date": entry.date,
                    "hours": _hours_text(entry.minutes),
                    "category": category_names[entry.category_id],
                }
                for entry in entries
            ],
        },
        link_path=link_path,
    )


# A page of the queue shows 50 entries; a bulk approval is one page's selection, bounded so
# that a forged request cannot make one request approve thousands.
BULK_APPROVE_MAX = 100
NOT_WAITING_FOR_YOU = "It is not waiting for your sign-off."


def entries_approve(*, supervisor, entry_ids: list[int], ip: str | None = None) -> dict:
    """Approve a selection, entry by entry: one refusal does not undo the others.

    Only entries waiting in this supervisor's own queue are considered; any other id (an
    entry already decided, or another supervisor's trainee's, as a forged request might
    send) is refused without being touched. Each trainee then gets one email listing the
    entries approved, not one email per entry.

    Returns ``{"approved": [ids], "refused": {id: reason}, "minutes": approved minutes}``.
    """
    entry_ids = list(dict.fromkeys(entry_ids))
    if len(entry_ids) > BULK_APPROVE_MAX:
        raise ValidationError(f"Approve at most {BULK_APPROVE_MAX} entries at a time.")
    waiting = set(
        supervisor_queue(supervisor=supervisor)
        .filter(pk__in=entry_ids)
        .values_list("pk", flat=True)
    )
    approved: list[int] = []
    refused: dict[int, str] = {}
    by_trainee: dict[int, list[Decision]] = {}
    for entry_id in entry_ids:
        if entry_id not in waiting:
            refused[entry_id] = NOT_WAITING_FOR_YOU
            continue
        try:
            decision = entry_decide(
                supervisor=supervisor, entry_id=entry_id, approve=True, ip=ip, notify=False
            )
        except (ValidationError, PermissionDenied, LogEntry.DoesNotExist) as error:
            refused[entry_id] = " ".join(getattr(error, "messages", [str(error)]))
        else:
            approved.append(entry_id)
            by_trainee.setdefault(decision.entry.enrollment.trainee_id, []).append(decision)
    for decisions in by_trainee.values():
        with transaction.atomic():
            _notify_trainee_of_approvals(decisions=decisions)
    minutes = sum(d.entry.minutes for ds in by_trainee.values() for d in ds)
    return {"approved": approved, "refused": refused, "minutes": minutes}


@transaction.atomic
def supervisor_assign(*, coordinator, organisation, trainee, supervisor) -> SupervisorAssignment:
    """Make ``supervisor`` the trainee's supervisor, ending any current assignment."""
    if not has_role(coordinator, Role.COORDINATOR, organisation=organisation):
        raise PermissionDenied(f"You are not a coordinator at {organisation.name}.")
    if not has_role(trainee, Role.TRAINEE, organisation=organisation):
        raise ValidationError(f"{trainee} is not a trainee at {organisation.name}.")
    if not has_role(supervisor, Role.SUPERVISOR, organisation=organisation):
        raise ValidationError(
            f"{supervisor} does not hold the supervisor role at {organisation.name}."
        )
    if trainee.pk == supervisor.pk:
        raise ValidationError("A trainee cannot supervise themselves.")
    current = (
        SupervisorAssignment.objects.select_for_update()
        .filter(trainee=trainee, organisation=organisation, ended_at__isnull=True)
        .first()
    )
    if current and current.supervisor_id == supervisor.pk:
        return current
    if current:
        current.ended_at = timezone.now()
        current.save(update_fields=["ended_at"])
    # The trainee no longer waits: a later gap tells the coordinators again.
    SupervisorRequest.objects.filter(organisation=organisation, trainee=trainee).delete()
    return SupervisorAssignment.objects.create(
        organisation=organisation, trainee=trainee, supervisor=supervisor, assigned_by=coordinator
    )


def supervisor_digests_send(*, day: datetime.date | None = None) -> int:
    """Queue one digest per supervisor with entries waiting; at most one a day each."""
    from django.contrib.auth import get_user_model
    from django.db.models import Count, Exists, OuterRef

    from .models import DigestSent

    day = day or timezone.localdate()
    waiting = LogEntry.objects.filter(
        status=LogEntry.Status.SUBMITTED,
        enrollment__trainee=OuterRef("supervisee_assignments__trainee"),
        enrollment__programme__organisation=OuterRef("supervisee_assignments__organisation"),
    )
    supervisors = (
        get_user_model()
        .objects.filter(supervisee_assignments__ended_at__isnull=True)
        .filter(Exists(waiting))
        .distinct()
    )
    sent = 0
    for supervisor in supervisors:
        with transaction.atomic():
            _, created = DigestSent.objects.get_or_create(supervisor=supervisor, day=day)
            if not created:
                continue
            count = supervisor_queue(supervisor=supervisor).aggregate(n=Count("pk"))["n"]
            email_send_template(
                to=[supervisor.email],
                template="practice/supervisor_digest",
                context={"supervisor": supervisor, "count": count},
                link_path=reverse("practice:queue"),
            )
            sent += 1
    return sent
