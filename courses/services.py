"""Enrolling, completing lessons and saving reflections; giving each provider its CMS space."""

import logging
from collections.abc import Collection
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.models import (
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from notifications.services import absolute_link, email_send_template
from organisations.models import Membership, Organisation
from organisations.roles import OrganisationKind, Role, has_role
from organisations.services import membership_grant, provider_groups_ensure

from .engagement import LessonEvidence, evidence_from, heartbeat_seconds, lesson_evidence
from .models import (
    Cohort,
    Enrollment,
    EnrolmentInvitation,
    LessonCompletion,
    LessonEngagement,
    LessonPage,
    ModulePage,
    ProgrammeIndexPage,
    ProgrammePage,
    ProgrammeReviewTask,
    ProviderPage,
    Reflection,
)
from .selectors import lesson_access, module_progress_list
from .signals import enrollment_progressed
from .text_checks import Concern, concerns, phrase_key

# Ids only: an invitation's address belongs to someone who has not said yes to anything.
logger = logging.getLogger(__name__)

REFLECTION_MAX_LENGTH = Reflection.TEXT_MAX_LENGTH


@transaction.atomic
def enrollment_create(
    *, trainee, programme: ProgrammePage, invitation_code: str = "", enrolled_by=None
) -> Enrollment:
    """Enrol ``trainee``, by themselves or by a coordinator (``enrolled_by``).

    Enrolling makes the trainee a member of the programme's organisation, so a coordinator
    may enrol only people with no role elsewhere (``may_enrol_directly``); everyone else
    is invited (``enrollment_by_email``).
    """
    if not programme.live:
        raise ValidationError("This program is not open: it has not been published.")
    existing = Enrollment.objects.filter(trainee=trainee, programme=programme).first()
    if existing:
        return existing

    cohort = None
    Mode = ProgrammePage.EnrolmentMode
    if enrolled_by is not None:
        if not has_role(enrolled_by, Role.COORDINATOR, organisation=programme.organisation):
            raise PermissionDenied("Only the program's coordinators can enroll other people.")
    elif programme.enrolment_mode == Mode.CLOSED:
        raise ValidationError(
            "Enrollment in this program is by your training coordinator. Ask them to enroll you."
        )
    elif programme.enrolment_mode == Mode.CODE:
        code = invitation_code.strip().upper()
        if not code:
            raise ValidationError("Enter the invitation code your coordinator gave you.")
        cohort = Cohort.objects.filter(programme=programme, invitation_code=code).first()
        if cohort is None:
            raise ValidationError(
                "That invitation code does not match this program. Check it with your coordinator."
            )

    if enrolled_by is not None and not may_enrol_directly(
        user=trainee, organisation=programme.organisation
    ):
        raise PermissionDenied(
            "This person has a role at another organisation: invite them instead, and they "
            "are enrolled when they accept."
        )
    return _enrollment_add(trainee=trainee, programme=programme, cohort=cohort)


def _enrollment_add(*, trainee, programme: ProgrammePage, cohort: Cohort | None) -> Enrollment:
    membership_grant(user=trainee, organisation=programme.organisation, role=Role.TRAINEE)
    try:
        with transaction.atomic():
            return Enrollment.objects.create(trainee=trainee, programme=programme, cohort=cohort)
    except IntegrityError:
        # A double submit raced us; the first one won.
        return Enrollment.objects.get(trainee=trainee, programme=programme)


def may_enrol_directly(*, user, organisation) -> bool:
    """May a coordinator of ``organisation`` enrol ``user`` without asking them?

    Only if the person holds no role anywhere else (a clinic verifier always has one at
    their clinic): otherwise enrolling would silently make another provider's trainee, or
    a clinic's verifier, a member here and show their name and email in the cohort list.
    """
    return not Membership.objects.filter(user=user).exclude(organisation=organisation).exists()


# ---------------------------------------------------------------- invitations


@dataclass(frozen=True)
class EnrolByEmailResult:
    outcome: str  # "enrolled", "already" or "invited"
    enrollment: Enrollment | None = None
    invitation: EnrolmentInvitation | None = None


@transaction.atomic
def enrollment_by_email(
    *,
    coordinator,
    programme: ProgrammePage,
    email: str,
    first_name: str = "",
    last_name: str = "",
) -> EnrolByEmailResult:
    """A coordinator enrols someone by email address: at once, or by invitation.

    People with no role at another organisation are enrolled at once. Anyone else, and any
    address without an account, is sent an invitation (a new one replaces a pending one),
    and nothing else changes until they accept. The names, if the coordinator gave them,
    greet the person in the invitation.
    """
    if not has_role(coordinator, Role.COORDINATOR, organisation=programme.organisation):
        raise PermissionDenied("Only the program's coordinators can enroll other people.")
    if not programme.live:
        raise ValidationError("This program is not open: it has not been published.")
    email = email.strip().lower()
    user = get_user_model().objects.filter(email__iexact=email).first()
    if user is not None:
        existing = Enrollment.objects.filter(trainee=user, programme=programme).first()
        if existing:
            return EnrolByEmailResult("already", enrollment=existing)
        if may_enrol_directly(user=user, organisation=programme.organisation):
            enrollment = enrollment_create(
                trainee=user, programme=programme, enrolled_by=coordinator
            )
            return EnrolByEmailResult("enrolled", enrollment=enrollment)
    EnrolmentInvitation.objects.filter(
        programme=programme, email=email, status=EnrolmentInvitation.Status.PENDING
    ).update(status=EnrolmentInvitation.Status.DECLINED, responded_at=timezone.now())
    invitation = EnrolmentInvitation.objects.create(
        programme=programme,
        email=email,
        first_name=first_name.strip()[:150],
        last_name=last_name.strip()[:150],
        invited_by=coordinator,
    )
    _invitation_send(invitation=invitation, has_account=user is not None)
    logger.info(
        "Enrollment invitation %s sent: program %s, by coordinator %s, to %s",
        invitation.pk,
        programme.pk,
        coordinator.pk,
        "an existing account" if user is not None else "an address without an account",
    )
    return EnrolByEmailResult("invited", invitation=invitation)


def _invitation_send(*, invitation: EnrolmentInvitation, has_account: bool) -> None:
    email_send_template(
        to=[invitation.email],
        template="courses/enrolment_invitation",
        context={
            "invitation": invitation,
            "programme": invitation.programme,
            "organisation": invitation.programme.organisation,
            "has_account": has_account,
            "signup_url": absolute_link(reverse("account_signup")),
        },
        link_path=reverse("courses:invitation", args=[invitation.pk]),
    )


def _user_addresses(user) -> set[str]:
    """The addresses the user has shown they own: the account's and verified ones."""
    verified = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    return {user.email.lower(), *(address.lower() for address in verified)}


def invitation_for(*, user, invitation_id: int) -> EnrolmentInvitation:
    """An invitation addressed to ``user``; DoesNotExist for anyone else's, as for none."""
    invitation = (
        EnrolmentInvitation.objects.select_related("programme__organisation")
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None or invitation.email.lower() not in _user_addresses(user):
        raise EnrolmentInvitation.DoesNotExist("No invitation to you has this number.")
    return invitation


def _open_invitation(*, user, invitation_id: int) -> EnrolmentInvitation:
    invitation = invitation_for(user=user, invitation_id=invitation_id)
    invitation = EnrolmentInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != EnrolmentInvitation.Status.PENDING:
        raise ValidationError(
            f"You already {invitation.get_status_display().lower()} this invitation."
        )
    if invitation.is_expired:
        raise ValidationError(
            f"This invitation expired on {invitation.expires_at:%B %-d, %Y}. Ask your "
            "coordinator to send a new one."
        )
    return invitation


@transaction.atomic
def invitation_accept(*, user, invitation_id: int) -> Enrollment:
    """The invited person accepts: only now do the membership and the enrolment exist."""
    invitation = _open_invitation(user=user, invitation_id=invitation_id)
    if not invitation.programme.live:
        raise ValidationError("This program is no longer open.")
    enrollment = _enrollment_add(trainee=user, programme=invitation.programme, cohort=None)
    invitation.status = EnrolmentInvitation.Status.ACCEPTED
    invitation.responded_at = timezone.now()
    invitation.save(update_fields=["status", "responded_at"])
    logger.info(
        "Enrollment invitation %s accepted by user %s: enrollment %s",
        invitation.pk,
        user.pk,
        enrollment.pk,
    )
    return enrollment


@transaction.atomic
def invitation_decline(*, user, invitation_id: int) -> EnrolmentInvitation:
    invitation = _open_invitation(user=user, invitation_id=invitation_id)
    invitation.status = EnrolmentInvitation.Status.DECLINED
    invitation.responded_at = timezone.now()
    invitation.save(update_fields=["status", "responded_at"])
    logger.info("Enrollment invitation %s declined by user %s", invitation.pk, user.pk)
    return invitation


def _lesson_place(lesson: LessonPage) -> tuple[ModulePage, ProgrammePage]:
    steplen = LessonPage.steplen
    module = ModulePage.objects.get(path=lesson.path[:-steplen])
    programme = ProgrammePage.objects.get(path=lesson.path[: -2 * steplen])
    return module, programme


class LessonNotReadable(ValidationError):
    """The trainee may not work on this lesson: not enrolled, module locked, not published."""


class LessonEvidenceMissing(ValidationError):
    """The trainee asked to mark a lesson done before the evidence for it is there."""

    def __init__(self, message: str, *, evidence: LessonEvidence):
        super().__init__(message)
        self.evidence = evidence


class ReflectionInvalid(ValidationError):
    """A reflection that cannot be saved as written (empty, too long, no such prompt)."""

    def __init__(self, message: str, *, block_id: str):
        super().__init__(message)
        self.block_id = block_id


class ReflectionConcerns(ValidationError):
    """A reflection seems to identify someone and the trainee has not chosen to keep it."""

    def __init__(self, *, block_id: str, found: list[Concern]):
        super().__init__("Your reflection may identify someone. Nothing was saved.")
        self.block_id = block_id
        self.concerns = found


def _readable_enrollment(*, trainee, lesson: LessonPage, lock: bool = True) -> Enrollment:
    """The trainee's enrollment, if they may read ``lesson``; a clear error otherwise.

    ``lock``: take the enrolment's row lock (inside the caller's transaction)."""
    if not lesson.live:
        raise LessonNotReadable("This lesson is not published.")
    module, programme = _lesson_place(lesson)
    if not (module.live and programme.live):
        raise LessonNotReadable("This lesson is not published.")
    enrollments = Enrollment.objects.select_for_update() if lock else Enrollment.objects
    enrollment = enrollments.filter(trainee=trainee, programme=programme).first()
    access = lesson_access(
        lesson=lesson, user=trainee, programme=programme, module=module, enrollment=enrollment
    )
    if access.reason == "not_enrolled":
        raise LessonNotReadable(f"Enroll in “{programme.title}” to work through its lessons.")
    if access.reason == "locked":
        assert access.locked_by is not None  # a locked module names its blocker
        raise LessonNotReadable(
            f"This module unlocks when you complete “{access.locked_by.title}”."
        )
    assert enrollment is not None  # not "not_enrolled"
    return enrollment


@transaction.atomic
def lesson_complete(
    *,
    trainee,
    lesson: LessonPage,
    reflections: dict[str, str] | None = None,
    keep: Collection[str] = (),
) -> LessonCompletion:
    """Record that ``trainee`` finished ``lesson`` as currently published. Idempotent.

    ``reflections`` (block id -> text) are what the trainee had typed when they marked the
    lesson done: they are saved with it, or, if one cannot be (see ``reflection_save``),
    neither is the completion.

    A lesson not yet done is credited only on evidence (``engagement``): until then
    ``LessonEvidenceMissing`` says what is still needed, and nothing is written.
    """
    enrollment = _readable_enrollment(trainee=trainee, lesson=lesson)
    done = LessonCompletion.objects.filter(enrollment=enrollment, lesson=lesson).first()
    if done is None:
        evidence = lesson_evidence(enrollment=enrollment, lesson=lesson)
        if not evidence.complete:
            raise LessonEvidenceMissing(evidence.message, evidence=evidence)
    for block_id, text in (reflections or {}).items():
        _reflection_write(
            trainee=trainee,
            lesson=lesson,
            enrollment=enrollment,
            block_id=block_id,
            text=text,
            keep=keep,
        )
    now = timezone.now()
    if done is not None:
        return done
    completion, created = LessonCompletion.objects.get_or_create(
        enrollment=enrollment,
        lesson=lesson,
        defaults={"revision_id": lesson.live_revision_id, "completed_at": now},
    )
    enrollment.last_activity_at = now
    enrollment.save(update_fields=["last_activity_at"])
    if created:
        enrollment_refresh_completion(enrollment=enrollment)
    return completion


@dataclass(frozen=True)
class BeatResult:
    """What the lesson page hears back from a heartbeat."""

    done: bool  # the lesson was already credited: the page stops beating
    credited_seconds: int = 0
    evidence: LessonEvidence | None = None


def lesson_engagement_beat(
    *,
    trainee,
    lesson: LessonPage,
    active_seconds: int | None = None,
    opened: Collection[str] = (),
    answers: dict[str, int] | None = None,
    now=None,
) -> BeatResult:
    """Record the lesson page's report: active time, sections opened, practice answers.

    ``active_seconds`` is what the page counted since its previous beat (visible tab,
    recent input). The server credits no more than the wall-clock time since the previous
    beat, nor more than one heartbeat interval, so replaying or flooding beats earns
    nothing the clock did not allow; the first beat of a visit only starts the clock.
    ``opened``: ids of content warnings whose section the trainee opened; ``answers``:
    practice question id -> the option chosen, the first answer to each being the one kept.
    Ids the lesson does not have are ignored. A lesson already credited writes nothing.
    """
    enrollment = _readable_enrollment(trainee=trainee, lesson=lesson, lock=False)
    if LessonCompletion.objects.filter(enrollment=enrollment, lesson=lesson).exists():
        return BeatResult(done=True)
    gated = set(lesson.gated_section_ids())
    checks = lesson.knowledge_check_answers()
    now = now or timezone.now()
    credited = 0
    with transaction.atomic():  # short: one row, locked, read and written
        engagement, _ = LessonEngagement.objects.select_for_update().get_or_create(
            enrollment=enrollment, lesson=lesson, defaults={"created_at": now}
        )
        fields = []
        if active_seconds is not None:
            if engagement.last_beat_at is not None and now > engagement.last_beat_at:
                elapsed = int((now - engagement.last_beat_at).total_seconds())
                credited = max(0, min(active_seconds, elapsed, heartbeat_seconds()))
            engagement.active_seconds += credited
            engagement.last_beat_at = max(now, engagement.created_at)
            fields += ["active_seconds", "last_beat_at"]
        new_opened = (set(opened) & gated) - set(engagement.opened_sections)
        if new_opened:
            engagement.opened_sections = sorted({*engagement.opened_sections, *new_opened})
            fields.append("opened_sections")
        first_answers = {
            block_id: option in checks[block_id]
            for block_id, option in (answers or {}).items()
            if block_id in checks and block_id not in engagement.check_answers
        }
        if first_answers:
            engagement.check_answers = {**engagement.check_answers, **first_answers}
            fields.append("check_answers")
        if fields:
            engagement.save(update_fields=fields)
    return BeatResult(
        done=False,
        credited_seconds=credited,
        evidence=evidence_from(lesson=lesson, engagement=engagement),
    )


def enrollment_refresh_completion(*, enrollment: Enrollment) -> bool:
    """Mark the training complete once every required module is, and announce that the
    enrolment progressed. Returns True if the training is complete.

    Called wherever a requirement can become met: a lesson finished, a quiz passed,
    practice hours approved.
    """
    if enrollment.completed_at is None:
        modules = module_progress_list(programme=enrollment.programme, enrollment=enrollment)
        if modules and all(m.is_complete for m in modules if m.module.is_required):
            enrollment.completed_at = timezone.now()
            enrollment.save(update_fields=["completed_at"])
    # The last requirement met may be training, a quiz or approved practice hours: every
    # path comes through here, and listeners (issuing the credential) decide what follows.
    enrollment_progress_announce(enrollment=enrollment)
    return enrollment.completed_at is not None


def enrollment_progress_announce(*, enrollment: Enrollment) -> None:
    """Send ``signals.enrollment_progressed`` for ``enrollment`` once the caller commits.

    After the commit, so that every path (lesson, quiz, hours, ethics) behaves the same: the
    listener sees the committed rows, runs outside the caller's locks (issuance takes its
    own), and a rollback announces nothing. Outside a transaction it is sent at once.
    """
    enrollment_id = enrollment.pk
    transaction.on_commit(
        lambda: enrollment_progressed.send(sender=Enrollment, enrollment_id=enrollment_id)
    )


@transaction.atomic
def reflection_save(
    *, trainee, lesson: LessonPage, block_id: str, text: str, keep: Collection[str] = ()
) -> Reflection:
    """Save the trainee's private answer to a reflection prompt of ``lesson``.

    The text gets the confidentiality check (``text_checks``) as a warning: if something in
    it looks identifying, nothing is saved and ``ReflectionConcerns`` says what, unless the
    trainee chose to keep those words (``keep``: the phrases, as the warning showed them).
    """
    enrollment = _readable_enrollment(trainee=trainee, lesson=lesson)
    return _reflection_write(
        trainee=trainee,
        lesson=lesson,
        enrollment=enrollment,
        block_id=block_id,
        text=text,
        keep=keep,
    )


def _reflection_write(
    *, trainee, lesson: LessonPage, enrollment: Enrollment, block_id: str, text: str, keep
) -> Reflection:
    text = text.strip()
    if block_id not in lesson.reflection_block_ids():
        raise ReflectionInvalid("This lesson has no such reflection prompt.", block_id=block_id)
    if not text:
        raise ReflectionInvalid("Write your reflection before saving it.", block_id=block_id)
    if len(text) > REFLECTION_MAX_LENGTH:
        raise ReflectionInvalid(
            f"Reflections can be up to {REFLECTION_MAX_LENGTH} characters; yours has {len(text)}.",
            block_id=block_id,
        )
    kept = {phrase_key(phrase) for phrase in keep}
    found = [concern for concern in concerns(text) if concern.key not in kept]
    if found:
        raise ReflectionConcerns(block_id=block_id, found=found)
    enrollment.last_activity_at = timezone.now()
    enrollment.save(update_fields=["last_activity_at"])
    reflection, _ = Reflection.objects.update_or_create(
        trainee=trainee, lesson=lesson, block_id=block_id, defaults={"text": text}
    )
    return reflection


# Providers' spaces in the CMS

# What each author role may do on its provider's page and everything under it. Coordinators
# approve (publish); course editors write and submit to the provider's review workflow.
PROVIDER_PAGE_PERMISSIONS: dict[str, tuple[str, ...]] = {
    Role.COORDINATOR: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
    Role.EDITOR: ("add_page", "change_page"),
}
REVIEW_WORKFLOW = "Program review"


def _free_child_slug(parent, slug: str) -> str:
    taken = set(parent.get_children().values_list("slug", flat=True))
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    return candidate


@transaction.atomic
def provider_space_ensure(*, organisation: Organisation) -> ProviderPage | None:
    """A training provider's page under the programme index, with its rights; idempotent.

    Makes what is missing: the provider's coordinator and course-editor groups, its page
    (titled after the provider), the groups' page permissions on that page only, and a
    "Programme review" workflow on it whose approvers are the provider's coordinators, and
    never the page's own submitter (``ProgrammeReviewTask``).
    Returns None for clinics, and where the site has no programme index yet.
    """
    if organisation.kind != OrganisationKind.TRAINING_PROVIDER:
        return None
    groups = provider_groups_ensure(organisation=organisation)
    index = ProgrammeIndexPage.objects.first()
    if index is None:
        return None
    page = ProviderPage.objects.filter(organisation=organisation).first()
    if page is None:
        page = index.add_child(
            instance=ProviderPage(
                title=organisation.name,
                slug=_free_child_slug(index, organisation.slug),
                organisation=organisation,
                live=True,
            )
        )
    elif page.title != organisation.name:
        page.title = page.draft_title = organisation.name
        page.save(update_fields=["title", "draft_title"])
    permissions = {
        p.codename: p
        for p in Permission.objects.filter(
            content_type__app_label="wagtailcore",
            codename__in={c for codes in PROVIDER_PAGE_PERMISSIONS.values() for c in codes},
        )
    }
    for role, codenames in PROVIDER_PAGE_PERMISSIONS.items():
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=groups[role], page=page, permission=permissions[codename]
            )
    if not WorkflowPage.objects.filter(page=page).exists():
        task = ProgrammeReviewTask.objects.filter(groups=groups[Role.COORDINATOR]).first()
        if task is None:
            task = ProgrammeReviewTask.objects.create(
                name=f"Coordinator approval: {organisation.name}"[:255]
            )
            task.groups.set([groups[Role.COORDINATOR]])
        workflow = Workflow.objects.create(name=f"{REVIEW_WORKFLOW}: {organisation.name}"[:255])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        WorkflowPage.objects.create(workflow=workflow, page=page)
    return page


def review_requested_notify(*, task_state, submitter=None) -> int:
    """Email each reviewer of the task a page now waits at; not its submitter. Returns how many.

    The reviewers are the members of the task's groups (for a provider's "Programme
    review", its coordinators), active, with an address, who have not switched off
    "submitted" notifications in their Wagtail account. One email each: reviewers do not
    see each other's addresses.
    """
    task = task_state.task.specific
    page = task_state.workflow_state.content_object
    reviewers = (
        get_user_model()
        .objects.filter(groups__in=task.groups.all(), is_active=True)
        .exclude(email="")
        .exclude(wagtail_userprofile__submitted_notifications=False)
        .distinct()
        .order_by("pk")
    )
    if submitter is not None:
        reviewers = reviewers.exclude(pk=submitter.pk)
    provider = (
        ProviderPage.objects.ancestor_of(page).select_related("organisation").first()
        if isinstance(page, Page)
        else None
    )
    link_path = (
        reverse("wagtailadmin_pages:edit", args=[page.pk])
        if isinstance(page, Page)
        else reverse("wagtailadmin_home")
    )
    context = {
        "page_title": page.get_admin_display_title() if isinstance(page, Page) else str(page),
        "submitter_name": (submitter.get_full_name() or submitter.email) if submitter else "",
        "provider_name": provider.organisation.name if provider else "",
        "task_name": task.name,
    }
    sent = 0
    for reviewer in reviewers:
        email_send_template(
            to=[reviewer.email],
            template="courses/review_requested",
            context={**context, "reviewer": reviewer},
            link_path=link_path,
        )
        sent += 1
    return sent
