"""Writing sessions and attendance. Every record written goes through ``record_write``,
which keeps the audit trail (``AttendanceChange``)."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import (
    AttendanceChange,
    AttendanceRecord,
    CheckInScan,
    Cohort,
    CompetencyDomain,
    Enrollment,
    LiveSession,
    SessionDomainMinutes,
)
from . import access
from .tokens import CheckInToken, TokenRefused, token_read

Status = AttendanceRecord.Status
Source = AttendanceRecord.Source

# A trainee may check in this long before the start, and out this long after the end.
CHECK_IN_EARLY = timedelta(minutes=15)
CHECK_OUT_LATE = timedelta(minutes=15)
# Arriving or leaving within this of the start or end is on time.
GRACE = timedelta(minutes=5)


def session_schedule(
    *,
    actor,
    cohort: Cohort,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    place: str = "",
    meeting_link: str = "",
    facilitators: Iterable = (),
    domain_minutes: Mapping[CompetencyDomain, int],
    make_up_for: LiveSession | None = None,
) -> LiveSession:
    """Schedule a session for ``cohort``; its domain minutes must add up to its length."""
    if not access.schedulable_cohorts(actor).filter(pk=cohort.pk).exists():
        raise PermissionDenied("You may not schedule sessions for this cohort.")
    session = LiveSession(
        cohort=cohort,
        title=title,
        place=place,
        meeting_link=meeting_link,
        starts_at=starts_at,
        ends_at=ends_at,
        make_up_for=make_up_for,
    )
    session.full_clean(exclude=["facilitators"])
    minutes = {domain: int(value) for domain, value in domain_minutes.items() if value}
    if sum(minutes.values()) != session.length_minutes:
        raise ValidationError(
            f"The minutes by domain add up to {sum(minutes.values())}; the session lasts "
            f"{session.length_minutes} minutes. Make them equal."
        )
    if make_up_for is not None and make_up_for.cohort_id != cohort.pk:
        raise ValidationError("A make-up session replaces a session of the same cohort.")
    allowed = set(access.facilitator_candidates(cohort).values_list("pk", flat=True))
    chosen = list(facilitators) or [actor]
    if any(user.pk not in allowed for user in chosen):
        raise ValidationError("Facilitators are the provider's coordinators and supervisors.")
    with transaction.atomic():
        session.save()
        session.facilitators.set(chosen)
        SessionDomainMinutes.objects.bulk_create(
            SessionDomainMinutes(session=session, domain=domain, minutes=value)
            for domain, value in minutes.items()
        )
    return session


def _snapshot(record: AttendanceRecord) -> dict:
    return {
        "status": record.status,
        "minutes_attended": record.minutes_attended,
        "note": record.note,
        "source": record.source,
        "checked_in_at": record.checked_in_at.isoformat() if record.checked_in_at else None,
        "checked_out_at": record.checked_out_at.isoformat() if record.checked_out_at else None,
    }


def minutes_for_status(*, session: LiveSession, status: str, minutes: int | None) -> int:
    """The minutes a register entry stands for: all for present, none for absent, and the
    number given for late or left early (which must be within the session)."""
    length = session.length_minutes
    if status == Status.PRESENT:
        return length
    if status == Status.ABSENT:
        return 0
    if minutes is None:
        raise ValidationError("Give the minutes attended for a trainee who was late or left early.")
    if not 0 <= minutes <= length:
        raise ValidationError(f"Minutes attended must be between 0 and {length}.")
    return minutes


def record_write(
    *,
    actor,
    session: LiveSession,
    enrollment: Enrollment,
    status: str,
    minutes_attended: int,
    source: str,
    note: str | None = None,
    reason: str = "",
    checked_in_at: datetime | None = None,
    checked_out_at: datetime | None = None,
    existing: AttendanceRecord | None = None,
    require_reason: bool = True,
) -> AttendanceRecord | None:
    """Write one trainee's record and its audit row; None when nothing changed.

    Changing a record that exists needs a ``reason`` (when ``require_reason``).
    """
    if enrollment.cohort_id != session.cohort_id:
        raise ValidationError("This trainee is not in the session's cohort.")
    record = existing
    if record is None:
        record = AttendanceRecord.objects.filter(session=session, enrollment=enrollment).first()
    before = _snapshot(record) if record is not None else None
    if record is None:
        record = AttendanceRecord(session=session, enrollment=enrollment)
    record.status = status
    record.session_minutes = session.length_minutes
    record.minutes_attended = minutes_attended
    if note is not None:
        record.note = note
    record.source = source
    if checked_in_at is not None:
        record.checked_in_at = checked_in_at
    if checked_out_at is not None:
        record.checked_out_at = checked_out_at
    after = _snapshot(record)
    if before is not None and {k: v for k, v in before.items() if k != "source"} == {
        k: v for k, v in after.items() if k != "source"
    }:
        return None
    if before is not None and require_reason and not reason.strip():
        raise ValidationError("Give a reason for changing a record already taken.")
    record.updated_at = timezone.now()
    record.updated_by = actor if getattr(actor, "pk", None) else None
    record.save()
    AttendanceChange.objects.create(
        record=record,
        actor=record.updated_by,
        source=source,
        reason=reason.strip()[:500],
        before=before,
        after=after,
    )
    return record


@dataclass(frozen=True)
class RegisterEntry:
    enrollment_id: int
    status: str
    minutes: int | None
    note: str


def register_save(
    *, actor, session: LiveSession, entries: Sequence[RegisterEntry], reason: str = ""
) -> int:
    """Save the register as the facilitator filled it in; returns how many records changed.

    All or nothing: a change to a record already taken without a reason, or a trainee not
    in the cohort, stores nothing.
    """
    if not access.may_edit_session(actor, session):
        raise PermissionDenied("Only the session's facilitators and coordinators edit it.")
    enrollments = Enrollment.objects.filter(cohort=session.cohort).in_bulk(
        [entry.enrollment_id for entry in entries]
    )
    records = {r.enrollment_id: r for r in AttendanceRecord.objects.filter(session=session)}
    changed = 0
    with transaction.atomic():
        for entry in entries:
            enrollment = enrollments.get(entry.enrollment_id)
            if enrollment is None:
                raise ValidationError("This trainee is not in the session's cohort.")
            minutes = minutes_for_status(
                session=session, status=entry.status, minutes=entry.minutes
            )
            if record_write(
                actor=actor,
                session=session,
                enrollment=enrollment,
                status=entry.status,
                minutes_attended=minutes,
                source=Source.REGISTER,
                note=entry.note,
                reason=reason,
                existing=records.get(enrollment.pk),
            ):
                changed += 1
    return changed


def _overlap_minutes(session: LiveSession, start: datetime, end: datetime) -> int:
    start = max(start, session.starts_at)
    end = min(end, session.ends_at)
    return max(0, int((end - start).total_seconds() // 60))


def check_in(*, user, token: str, now: datetime | None = None) -> AttendanceRecord:
    """A trainee scanned the facilitator's code: check them in (or out) of the session.

    Refused with ``TokenRefused`` (nothing stored) for an expired, forged or reused code,
    a trainee not in the session's cohort, or a session not running.
    """
    now = now or timezone.now()
    parsed: CheckInToken = token_read(token)
    session = LiveSession.objects.filter(pk=parsed.session_id).select_related("cohort").first()
    if session is None:
        raise TokenRefused("This is not a valid check-in code.")
    enrollment = Enrollment.objects.filter(trainee=user, cohort=session.cohort).first()
    if enrollment is None:
        raise TokenRefused(
            f"You are not in the cohort “{session.cohort.name}”, so you cannot check in to "
            "its session. Ask the facilitator if you think this is a mistake."
        )
    if parsed.direction == "in":
        running = session.starts_at - CHECK_IN_EARLY <= now <= session.ends_at
    else:
        running = session.starts_at <= now <= session.ends_at + CHECK_OUT_LATE
    if not running:
        raise TokenRefused("This session is not running now, so there is nothing to check in to.")
    existing = AttendanceRecord.objects.filter(session=session, enrollment=enrollment).first()
    try:
        with transaction.atomic():
            CheckInScan.objects.create(
                nonce=parsed.nonce,
                session=session,
                enrollment=enrollment,
                direction=parsed.direction,
            )
            checked_in_at = checked_out_at = None
            if parsed.direction == "in":
                checked_in = existing.checked_in_at if existing and existing.checked_in_at else now
                minutes = _overlap_minutes(session, checked_in, session.ends_at)
                status = Status.LATE if checked_in > session.starts_at + GRACE else Status.PRESENT
                checked_in_at = checked_in
            else:
                if existing is None or existing.checked_in_at is None:
                    raise TokenRefused(
                        "You have not checked in to this session, so you cannot check out. "
                        "Scan the check-in code first."
                    )
                minutes = _overlap_minutes(session, existing.checked_in_at, now)
                late = existing.checked_in_at > session.starts_at + GRACE
                status = (
                    Status.LEFT_EARLY
                    if now < session.ends_at - GRACE
                    else (Status.LATE if late else Status.PRESENT)
                )
                checked_out_at = now
            record = record_write(
                actor=user,
                session=session,
                enrollment=enrollment,
                status=status,
                minutes_attended=minutes,
                source=Source.QR,
                existing=existing,
                require_reason=False,
                checked_in_at=checked_in_at,
                checked_out_at=checked_out_at,
            )
    except IntegrityError as error:
        raise TokenRefused(
            "You already used this code. Scan the code on the facilitator's screen again."
        ) from error
    return record or AttendanceRecord.objects.get(session=session, enrollment=enrollment)


# ---------------------------------------------------------------- meeting reports

UNMATCHED_SALT = "courses.attendance.unmatched"


@dataclass
class ImportOutcome:
    product: str
    written: int
    matched: int
    unmatched: list[dict]
    token: str


def _person_dict(person) -> dict:
    return {
        "name": person.name,
        "email": person.email,
        "minutes": person.minutes,
        "first_join": person.first_join.isoformat(),
        "last_leave": person.last_leave.isoformat(),
        "rows": person.rows,
    }


def _imported_write(*, actor, session, enrollment, person: dict, product: str, existing=None):
    from .importer import status_for

    first_join = datetime.fromisoformat(person["first_join"])
    last_leave = datetime.fromisoformat(person["last_leave"])
    status = status_for(
        person["minutes"],
        first_join=first_join,
        last_leave=last_leave,
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        length=session.length_minutes,
    )
    return record_write(
        actor=actor,
        session=session,
        enrollment=enrollment,
        status=status,
        minutes_attended=0 if status == Status.ABSENT else person["minutes"],
        source=Source.IMPORT,
        reason=f"Imported from a {product} participant report",
        checked_in_at=max(first_join, session.starts_at) if person["minutes"] else None,
        checked_out_at=min(last_leave, session.ends_at) if person["minutes"] else None,
        existing=existing,
        require_reason=False,
    )


def report_import(*, actor, session: LiveSession, data: bytes, filename: str) -> ImportOutcome:
    """Import a meeting report: matched trainees' records written at once (all or nothing),
    the rest returned for the facilitator to resolve. A refused report stores nothing."""
    from django.core import signing

    from . import importer

    if not access.may_edit_session(actor, session):
        raise PermissionDenied("Only the session's facilitators and coordinators edit it.")
    tz = timezone.get_current_timezone()
    report = importer.report_read(data, filename=filename, tz=tz)
    people = importer.attendance_from_report(
        report, starts_at=session.starts_at, ends_at=session.ends_at, tz=tz
    )
    enrollments = {
        e.pk: e for e in Enrollment.objects.filter(cohort=session.cohort).select_related("trainee")
    }
    trainees = [
        importer.Trainee(e.pk, e.trainee.email, e.trainee.get_full_name())
        for e in enrollments.values()
    ]
    matched, unmatched = importer.people_match(people, trainees)
    existing = {r.enrollment_id: r for r in AttendanceRecord.objects.filter(session=session)}
    written = 0
    with transaction.atomic():
        for enrollment_id, person in matched.items():
            if _imported_write(
                actor=actor,
                session=session,
                enrollment=enrollments[enrollment_id],
                person=_person_dict(person),
                product=report.product,
                existing=existing.get(enrollment_id),
            ):
                written += 1
    rows = [_person_dict(p) for p in unmatched]
    token = signing.dumps(
        {"session": session.pk, "product": report.product, "rows": rows},
        salt=UNMATCHED_SALT,
        compress=True,
    )
    return ImportOutcome(report.product, written, len(matched), rows, token)


def unmatched_read(*, session: LiveSession, token: str) -> dict:
    from django.core import signing

    try:
        payload = signing.loads(token, salt=UNMATCHED_SALT, max_age=24 * 3600)
    except signing.BadSignature as error:
        raise ValidationError("These rows have expired: import the report again.") from error
    if payload["session"] != session.pk:
        raise ValidationError("These rows belong to another session's report.")
    return payload


def unmatched_resolve(
    *, actor, session: LiveSession, token: str, choices: Mapping[int, int | None]
) -> int:
    """Apply the facilitator's choices for unmatched rows: row index → enrollment id, or
    None to ignore the row. Returns how many records were written."""
    if not access.may_edit_session(actor, session):
        raise PermissionDenied("Only the session's facilitators and coordinators edit it.")
    payload = unmatched_read(session=session, token=token)
    enrollments = Enrollment.objects.filter(cohort=session.cohort).in_bulk(
        [pk for pk in choices.values() if pk]
    )
    assigned = [pk for pk in choices.values() if pk]
    if len(assigned) != len(set(assigned)):
        raise ValidationError("Each trainee can be given one row only.")
    written = 0
    with transaction.atomic():
        for index, enrollment_id in choices.items():
            if not enrollment_id:
                continue
            if not 0 <= index < len(payload["rows"]) or enrollment_id not in enrollments:
                raise ValidationError("This trainee is not in the session's cohort.")
            if _imported_write(
                actor=actor,
                session=session,
                enrollment=enrollments[enrollment_id],
                person=payload["rows"][index],
                product=payload["product"],
            ):
                written += 1
    return written
