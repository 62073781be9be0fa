"""Issuing credentials: eligibility, issuance exactly once, the certificate PDF."""

import datetime
import logging
import secrets
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from assessments.selectors import final_exam_evidence
from core.dates import long_date
from courses.hours import TrainingHours, training_hours_many
from courses.models import Enrollment, TrainingHourMinimum
from courses.selectors import ModuleProgress, module_progress_for
from courses.services import enrollment_progress_announce
from notifications.services import email_send_template, task_enqueue
from practice.selectors import practice_totals_for

from .expiry import first_expiry
from .models import Credential, CredentialCycle, CredentialEvent, EthicsAffirmation, EthicsCode
from .numbers import normalise
from .openbadges import JWT_MEDIA_TYPE, credential_jwt, verification_url
from .qr import verification_qr_png
from .signals import credential_changed_announce
from .statuslist import MIN_BITS

# Ids, numbers and reasons of our own making only: never a holder's name, address or a
# coordinator's free-text reason, which may say why a person was suspended.
logger = logging.getLogger(__name__)


@dataclass
class Eligibility:
    """What stands between a trainee and their credential. Empty ``missing`` means none."""

    missing: list[str] = field(default_factory=list)
    training_hours: Decimal = Decimal(0)
    training: TrainingHours = field(default_factory=TrainingHours)
    practice_hours: Decimal = Decimal(0)
    modules: list[str] = field(default_factory=list)
    # The programme's current code of ethics, and whether the trainee affirmed it.
    ethics_code: EthicsCode | None = None
    ethics_affirmed: bool = False

    @property
    def eligible(self) -> bool:
        return not self.missing


def current_ethics_code(enrollment: Enrollment) -> EthicsCode | None:
    profile_id = enrollment.programme.requirement_profile_id
    if profile_id is None:
        return None
    return current_ethics_codes(profile_ids=[profile_id]).get(profile_id)


def current_ethics_codes(*, profile_ids: Iterable[int]) -> dict[int, EthicsCode]:
    """Each profile's current code of ethics (its latest version), for the profiles that
    have one. One query."""
    ids = set(profile_ids)
    if not ids:
        return {}
    newer = EthicsCode.objects.filter(
        profile_id=OuterRef("profile_id"), version__gt=OuterRef("version")
    )
    return {
        code.profile_id: code
        for code in EthicsCode.objects.filter(profile_id__in=ids).exclude(Exists(newer))
    }


def credential_eligibility(
    *,
    enrollment: Enrollment,
    modules: list[ModuleProgress] | None = None,
    training: TrainingHours | None = None,
) -> Eligibility:
    """What ``enrollment`` still needs for its credential.

    ``modules`` and ``training``, when the caller has them already (the dashboard's
    progress), save counting them again; they are the same selectors' numbers.
    """
    return credential_eligibility_many(
        enrollments=[enrollment],
        modules=None if modules is None else {enrollment.pk: modules},
        training=None if training is None else {enrollment.pk: training},
    )[enrollment.pk]


def credential_eligibility_many(
    *,
    enrollments: Sequence[Enrollment],
    modules: Mapping[int, list[ModuleProgress]] | None = None,
    training: Mapping[int, TrainingHours] | None = None,
) -> dict[int, Eligibility]:
    """What each of ``enrollments`` still needs for its credential (enrolment id ->
    ``Eligibility``), whatever their programmes, in the same queries as for one: a
    trainee's dashboard checks all of theirs.

    ``modules`` and ``training`` (enrolment id -> the progress selectors' numbers), when the
    caller has them already, save counting them again. The enrolments' programmes and
    profiles should be loaded (``select_related("programme__requirement_profile")``).
    """
    results = {enrollment.pk: Eligibility() for enrollment in enrollments}
    profiled = []
    for enrollment in enrollments:
        if enrollment.programme.requirement_profile is None:
            results[enrollment.pk].missing.append("The program has no requirement profile yet.")
        else:
            profiled.append(enrollment)
    if not profiled:
        return results
    progress_of = dict(modules or {})
    if uncounted := [e for e in profiled if e.pk not in progress_of]:
        progress_of.update(module_progress_for(enrollments=uncounted))
    hours_of = dict(training or {})
    if uncounted_ids := [e.pk for e in profiled if e.pk not in hours_of]:
        hours_of.update(training_hours_many(enrollment_ids=uncounted_ids))
    profile_ids = {e.programme.requirement_profile_id for e in profiled}
    minimums: dict[int, list[TrainingHourMinimum]] = defaultdict(list)
    for minimum in TrainingHourMinimum.objects.filter(profile_id__in=profile_ids).select_related(
        "domain"
    ):
        minimums[minimum.profile_id].append(minimum)
    practice = practice_totals_for(enrollments=profiled)
    codes = current_ethics_codes(profile_ids=profile_ids)
    affirmed = (
        set(
            EthicsAffirmation.objects.filter(
                trainee_id__in={e.trainee_id for e in profiled},
                code__in=list(codes.values()),
            ).values_list("trainee_id", "code_id")
        )
        if codes
        else set()
    )
    for enrollment in profiled:
        result = results[enrollment.pk]
        profile_id = enrollment.programme.requirement_profile_id
        own_modules = progress_of[enrollment.pk]
        incomplete = [
            m.module.title for m in own_modules if m.module.is_required and not m.is_complete
        ]
        if not own_modules or incomplete:
            result.missing.append(
                "Complete every required module: " + ", ".join(incomplete or ["none is published"])
            )
        result.modules = [progress.module.title for progress in own_modules if progress.is_complete]
        # The hours every page states: lessons credited on evidence, by domain.
        hours = hours_of[enrollment.pk]
        result.training = hours
        result.training_hours = hours.hours
        for minimum in minimums[profile_id]:
            have = hours.hours_in(minimum.domain_id)
            if have < minimum.hours:
                result.missing.append(
                    f"{minimum.hours.normalize():f} training hours in {minimum.domain.name} "
                    f"(you have {have.normalize():f})"
                )
        totals = practice[enrollment.pk]
        result.practice_hours = totals.approved
        if not totals.all_met:
            short = [c.name for c in totals.categories if not c.met]
            detail = f" (still short in: {', '.join(short)})" if short else ""
            result.missing.append(
                f"{totals.required_total.normalize():f} approved practice hours{detail}; "
                f"you have {totals.approved.normalize():f}"
            )
        code = codes.get(profile_id)
        result.ethics_code = code
        result.ethics_affirmed = code is not None and (enrollment.trainee_id, code.pk) in affirmed
        if code is not None and not result.ethics_affirmed:
            result.missing.append(f"Affirm the {code.title} (version {code.version})")
    return results


def credential_issue_if_eligible(*, enrollment: Enrollment) -> Credential | None:
    """Issue the credential if every requirement is met; otherwise do nothing.

    Safe to call from anywhere, any number of times, concurrently: the enrollment row is
    locked while eligibility is checked, and the database allows one live credential per
    holder and programme. Rendering and the email follow the commit.
    """
    if enrollment.completed_at is None:
        return None  # training not finished: nothing else needs checking yet
    with transaction.atomic():
        enrollment = (
            Enrollment.objects.select_for_update(of=("self",))
            .select_related("trainee", "programme__requirement_profile", "programme__organisation")
            .get(pk=enrollment.pk)
        )
        existing = (
            Credential.objects.live()
            .filter(holder=enrollment.trainee, programme=enrollment.programme)
            .first()
        )
        if existing is not None:
            return existing
        eligibility = credential_eligibility(enrollment=enrollment)
        if not eligibility.eligible:
            # The requirements are the programme's (module titles, hours, the code's
            # title), so they can be logged; they answer "why has nothing been issued?".
            logger.info(
                "Credential not issued: enrollment %s (programme %s, trainee %s) still needs: %s",
                enrollment.pk,
                enrollment.programme_id,
                enrollment.trainee_id,
                "; ".join(eligibility.missing),
            )
            return None
        programme = enrollment.programme
        assert programme.requirement_profile is not None  # eligible: the programme has one
        trainee = enrollment.trainee
        today = timezone.localdate()
        achievement = {
            "holder_name": trainee.name_for_certificate(),
            "programme": programme.title,
            "issuer": programme.organisation.name,
            # Hours earned (credited lessons and attended sessions): never a declared total.
            "training_hours": str(eligibility.training_hours),
            "training_hours_by_domain": eligibility.training.as_snapshot(),
            "practice_hours": str(eligibility.practice_hours),
            "modules": eligibility.modules,
            "signing_coordinator": _signing_coordinator(programme),
        }
        # A final exam's result by competency domain is evidence of what was assessed.
        if final_exams := final_exam_evidence(enrollment=enrollment):
            achievement["final_exams"] = final_exams
        credential = credential_create(
            holder=trainee,
            enrollment=enrollment,
            programme=programme,
            issuer=programme.organisation,
            issued_on=today,
            expires_on=first_expiry(holder=trainee, programme=programme, issued_on=today),
            achievement=achievement,
        )
        CredentialEvent.objects.create(credential=credential, action="issued")
        logger.info(
            "Credential %s issued: program %s, holder %s, enrollment %s",
            credential.number,
            programme.pk,
            trainee.pk,
            enrollment.pk,
        )
        # The render and the email are written with the credential, in its transaction, and
        # sent to Celery after the commit: a broker that is down delays them, never loses
        # them, and never fails the request that issued (see notifications.services).
        _render_later(credential_id=credential.pk)
        email_send_template(
            to=[trainee.email],
            template="certificates/credential_issued",
            context={"holder": trainee, "credential": credential, "programme": programme},
            link_path=reverse("certificates:mine"),
        )
    return credential


def _render_later(*, credential_id: int, force: bool = False) -> None:
    from .tasks import render_certificate

    kwargs = {"credential_id": credential_id, **({"force": True} if force else {})}
    task_enqueue(task=render_certificate, kwargs=kwargs)


# Positions in the published status lists are drawn at random, as the Bitstring Status
# List spec advises, so a list reveals nothing about issuance order.
STATUS_INDEX_SPACE = MIN_BITS


def credential_create(**fields) -> Credential:
    """Create a credential and its first cycle, at a free, random status-list position."""
    credential = Credential.objects.create(**fields)
    cycle_create(credential=credential, cycle=1)
    credential_changed_announce(credential_id=credential.pk, number=credential.number)
    return credential


def cycle_create(
    *, credential: Credential, cycle: int, valid_from: datetime.date | None = None
) -> CredentialCycle:
    """A signed cycle of ``credential`` (renewal adds the next) at a free random position.

    Two issuances may draw the same position; the unique constraint refuses the second,
    which then draws again inside its own savepoint, so neither caller fails.
    """
    rng = secrets.SystemRandom()
    for _ in range(9):
        try:
            with transaction.atomic():
                return CredentialCycle.objects.create(
                    credential=credential,
                    cycle=cycle,
                    valid_from=valid_from,
                    status_index=rng.randrange(STATUS_INDEX_SPACE),
                )
        except IntegrityError:
            continue  # drew a taken position: draw again
    return CredentialCycle.objects.create(
        credential=credential,
        cycle=cycle,
        valid_from=valid_from,
        status_index=rng.randrange(STATUS_INDEX_SPACE),
    )


def _signing_coordinator(programme) -> str:
    from organisations.models import Membership
    from organisations.roles import Role

    membership = (
        Membership.objects.filter(organisation=programme.organisation, role=Role.COORDINATOR)
        .select_related("user")
        .order_by("created_at")
        .first()
    )
    return membership.user.get_full_name() if membership else programme.organisation.name


@transaction.atomic
def ethics_affirm(*, trainee, enrollment: Enrollment, signed_name: str) -> EthicsAffirmation:
    """The trainee signs the current code of ethics by typing their full name."""
    if enrollment.trainee_id != trainee.pk:
        raise ValidationError("You can only affirm the code for your own enrollment.")
    code = current_ethics_code(enrollment)
    if code is None:
        raise ValidationError("This program has no code of ethics to affirm.")
    expected = " ".join(trainee.get_full_name().split()).casefold()
    if " ".join(signed_name.split()).casefold() != expected:
        name = trainee.get_full_name()
        raise ValidationError(
            {"signed_name": f"Type your full name exactly as on your account: {name}."}
        )
    affirmation, _ = EthicsAffirmation.objects.get_or_create(
        trainee=trainee, code=code, defaults={"signed_name": signed_name.strip()}
    )
    # Signing may be the last requirement met; issuing follows the commit, as on every path.
    enrollment_progress_announce(enrollment=enrollment)
    return affirmation


def certificate_html(credential: Credential, *, verify_url: str) -> str:
    """The certificate's HTML. Its styles are templates/certificates/certificate.css, which
    certificate_pdf() hands to WeasyPrint already parsed."""
    # The verification address as a small PNG: certificates/qr.py says why it is drawn so.
    qr = verification_qr_png(verify_url)
    return render_to_string(
        "certificates/certificate.html",
        {
            "credential": credential,
            "achievement": credential.achievement,
            "qr_png": qr,
            "verify_url": verify_url,
            "printed_url": printed_url(verify_url),
            "stamp": certificate_stamp(credential),
        },
    )


def printed_url(url: str) -> str:
    """The address as printed for typing: ``example.org/verify/PP-7KQ4-M2XD-9``.

    Browsers add ``https://`` themselves and the site adds the final slash (a redirect),
    so both go, leaving a shorter line; an ``http://`` address (development) keeps its
    scheme, which a browser would otherwise replace.
    """
    return url.removeprefix("https://").removesuffix("/")


def certificate_files(credential: Credential) -> list:
    """The credential files the certificate PDF carries, so the paper holds its own proof:
    whoever has the PDF can take the signed credential out of it (``pdfdetach``, or any
    viewer's attachments pane) and check it offline, with no download from Peerpath.

    ``Alternative``: the signed credential is the same credential as the page, in the form
    software verifies (as Factur-X marks the XML invoice inside its PDF).
    """
    from core.pdf import embedded_file

    return [
        embedded_file(
            credential_jwt(credential).encode("ascii"),
            name=f"{credential.number}.jwt",
            media_type=JWT_MEDIA_TYPE,
            description=f"Credential {credential.number}: Open Badges 3.0, signed as a VC-JWT",
            relationship="Alternative",
            modified=timezone.now(),
        )
    ]


def certificate_pdf(credential: Credential, *, verify_url: str) -> bytes:
    """The certificate as a one-page PDF/A-3b carrying its credential file.

    Tagged for screen readers (``pdf_tags``): WeasyPrint takes one ``pdf_variant``, so
    PDF/UA-1 cannot be declared beside PDF/A-3b; the structure tree, the document's
    language and the QR code's alternative text are what assistive technology reads.
    """
    from django.conf import settings

    from core.pdf import html_to_pdf, stylesheet

    css = stylesheet(Path(settings.BASE_DIR) / "templates" / "certificates" / "certificate.css")
    html = certificate_html(credential, verify_url=verify_url)
    return html_to_pdf(
        html,
        stylesheets=[css],
        pdf_variant="pdf/a-3b",
        pdf_tags=True,
        attachments=certificate_files(credential),
    )


def certificate_render(*, credential_id: int, force: bool = False) -> bool:
    """Render and store the certificate PDF under its fixed key. Returns True if rendered."""
    from django.core.files.storage import default_storage

    # What the embedded credential file names: fetched with the row, not a query each.
    credential = Credential.objects.select_related("programme", "issuer", "holder").get(
        pk=credential_id
    )
    if credential.pdf_ready and not force:
        return False
    pdf = certificate_pdf(credential, verify_url=verification_url(credential.number))
    key = credential.pdf_storage_key
    if default_storage.exists(key):
        default_storage.delete(key)
    stored = default_storage.save(key, ContentFile(pdf))
    # Ready only if the status is still the one printed: a change while this render ran
    # queued another render, and until it runs the download waits rather than serving paper
    # that contradicts the status.
    Credential.objects.filter(
        pk=credential.pk,
        status=credential.status,
        status_changed_at=credential.status_changed_at,
    ).update(pdf=stored, pdf_rendered_at=timezone.now())
    return True


def certificate_stamp(credential: Credential) -> str:
    """What a suspended or revoked certificate says across the page; "" while active. A
    suspended one's ends with "at", and the template adds the address, kept on one line."""
    if credential.status == Credential.Status.ACTIVE or credential.status_changed_at is None:
        return ""
    on = long_date(timezone.localtime(credential.status_changed_at))
    if credential.status == Credential.Status.REVOKED:
        return f"REVOKED on {on} — this certificate is no longer valid"
    return f"SUSPENDED on {on} — check the current status at"


# action: (statuses it applies to, the status it leads to, how it reads in the past tense)
TRANSITIONS = {
    "suspend": ({Credential.Status.ACTIVE}, Credential.Status.SUSPENDED, "suspended"),
    "reinstate": ({Credential.Status.SUSPENDED}, Credential.Status.ACTIVE, "reinstated"),
    "revoke": (
        {Credential.Status.ACTIVE, Credential.Status.SUSPENDED},
        Credential.Status.REVOKED,
        "revoked",
    ),
}


def _managed_credential(*, actor, credential_id: int) -> Credential:
    from django.core.exceptions import PermissionDenied

    from accounts.mfa import user_has_mfa
    from organisations.roles import Role, has_role

    credential = (
        Credential.objects.select_for_update()
        .select_related("issuer", "holder")
        .filter(pk=credential_id)
        .first()
    )
    if credential is None:
        raise Credential.DoesNotExist("No credential has this id.")
    if not has_role(actor, Role.COORDINATOR, organisation=credential.issuer):
        raise PermissionDenied(f"You are not a coordinator at {credential.issuer.name}.")
    if not user_has_mfa(actor):
        raise PermissionDenied("Set up two-factor authentication before changing credentials.")
    return credential


def _bounded(text: str, *, limit: int, too_long: str, field: str) -> str:
    text = text.strip()
    if len(text) > limit:
        raise ValidationError({field: too_long})
    return text


@transaction.atomic
def credential_change_status(
    *,
    actor,
    credential_id: int,
    action: str,
    reason: str,
    public_reason: str = "",
    note: str = "",
    confirm_number: str | None = None,
) -> Credential:
    """Suspend, reinstate or revoke a credential, with the reason on record.

    ``reason`` is emailed to the holder (required); ``public_reason`` is shown to verifiers
    with the date of the change (optional); ``note`` is for coordinators only. Revoking
    cannot be undone, so it needs ``confirm_number``: the credential's number, typed.
    """
    if action not in TRANSITIONS:
        raise ValidationError(f"Unknown action “{action}”.")
    credential = _managed_credential(actor=actor, credential_id=credential_id)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Give the reason: the holder is told it, and it is kept."})
    reason = _bounded(
        reason,
        limit=Credential.REASON_MAX_LENGTH,
        too_long=Credential.REASON_TOO_LONG,
        field="reason",
    )
    public_reason = _bounded(
        public_reason,
        limit=Credential.REASON_MAX_LENGTH,
        too_long=Credential.REASON_TOO_LONG,
        field="public_reason",
    )
    note = _bounded(
        note, limit=Credential.NOTE_MAX_LENGTH, too_long=Credential.NOTE_TOO_LONG, field="note"
    )
    allowed_from, new_status, done = TRANSITIONS[action]
    if credential.status not in allowed_from:
        raise ValidationError(
            f"A {credential.get_status_display().lower()} credential cannot be {done}."
        )
    if action == "revoke" and normalise(confirm_number or "") != credential.number:
        raise ValidationError(
            {
                "confirm_number": (
                    f"Type the credential number {credential.number} exactly to confirm. "
                    "Nothing was changed."
                )
            }
        )
    credential.status = new_status
    credential.status_reason = reason
    credential.status_public_reason = public_reason
    credential.status_changed_at = timezone.now()
    # The paper follows the status: the PDF on file no longer matches it, so it is not
    # served until it is rendered again, with the status and its date across the page
    # (or clean again, on reinstatement).
    credential.pdf_rendered_at = None
    credential.save(
        update_fields=[
            "status",
            "status_reason",
            "status_public_reason",
            "status_changed_at",
            "pdf_rendered_at",
        ]
    )
    _render_later(credential_id=credential.pk, force=True)
    credential_changed_announce(credential_id=credential.pk, number=credential.number)
    # Not the reason: the holder is told it and it is kept on the event, not in the logs.
    logger.info(
        "Credential %s %s by user %s (programme %s, holder %s)",
        credential.number,
        done,
        actor.pk,
        credential.programme_id,
        credential.holder_id,
    )
    CredentialEvent.objects.create(
        credential=credential,
        action=done,
        reason=reason,
        public_reason=public_reason,
        note=note,
        actor=actor,
        actor_name=actor.get_full_name(),
        at=credential.status_changed_at,
    )
    email_send_template(
        to=[credential.holder.email],
        template="certificates/credential_status_changed",
        context={
            "holder": credential.holder,
            "credential": credential,
            "action": action,
            "done": done,
            "reason": reason,
            "public_reason": public_reason,
        },
        link_path=reverse("certificates:mine"),
    )
    return credential


@transaction.atomic
def credential_rerender(*, actor, credential_id: int) -> Credential:
    """Render the certificate again, e.g. after the template changed."""
    credential = _managed_credential(actor=actor, credential_id=credential_id)
    CredentialEvent.objects.create(
        credential=credential, action="rerendered", actor=actor, actor_name=actor.get_full_name()
    )
    logger.info("Credential %s queued to render again by user %s", credential.number, actor.pk)
    _render_later(credential_id=credential.pk, force=True)
    credential_changed_announce(credential_id=credential.pk, number=credential.number)
    return credential


def certificates_rerender_queue(*, credential_ids: list[int]) -> list[int]:
    """Queue a forced render of each credential through the outbox, in one transaction;
    the renders start once it commits. Returns the outbox call ids, to follow progress."""
    from .tasks import render_certificate

    with transaction.atomic():
        return [
            task_enqueue(task=render_certificate, kwargs={"credential_id": pk, "force": True}).pk
            for pk in credential_ids
        ]
