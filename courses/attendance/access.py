"""Who may do what with a live session. Every check of this package goes through here."""

from django.db.models import Q, QuerySet
from django.http import Http404

from organisations.models import Membership
from organisations.roles import Role

from ..models import Cohort, LiveSession, ProgrammePage

# Members of the provider who may facilitate its sessions (and so schedule them).
FACILITATOR_ROLES = (Role.COORDINATOR, Role.SUPERVISOR)


def coordinated_organisation_ids(user) -> QuerySet:
    return Membership.objects.filter(user=user, role=Role.COORDINATOR).values("organisation")


def is_programme_coordinator(user, programme: ProgrammePage) -> bool:
    return Membership.objects.filter(
        user=user, organisation_id=programme.organisation_id, role=Role.COORDINATOR
    ).exists()


def schedulable_cohorts(user) -> QuerySet:
    """Cohorts ``user`` may schedule sessions for: those of providers they coordinate or
    facilitate for (supervisors of the provider), and any where they facilitate a session."""
    if not getattr(user, "is_authenticated", False):
        return Cohort.objects.none()
    providers = Membership.objects.filter(user=user, role__in=FACILITATOR_ROLES).values(
        "organisation"
    )
    return (
        Cohort.objects.filter(
            Q(programme__organisation__in=providers) | Q(live_sessions__facilitators=user)
        )
        .select_related("programme")
        .distinct()
    )


def facilitator_candidates(cohort: Cohort):
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(
            memberships__organisation_id=cohort.programme.organisation_id,
            memberships__role__in=FACILITATOR_ROLES,
            is_active=True,
        )
        .distinct()
        .order_by("last_name", "first_name", "email")
    )


def editable_sessions(user) -> QuerySet:
    """Sessions ``user`` may take attendance at and edit: theirs as a facilitator, and every
    session of programmes whose provider they coordinate."""
    if not getattr(user, "is_authenticated", False):
        return LiveSession.objects.none()
    return LiveSession.objects.filter(
        Q(facilitators=user)
        | Q(cohort__programme__organisation__in=coordinated_organisation_ids(user))
    ).distinct()


def may_edit_session(user, session: LiveSession) -> bool:
    return editable_sessions(user).filter(pk=session.pk).exists()


def editable_session_or_404(user, session_id: int) -> LiveSession:
    """The session, if ``user`` may edit it; a 404 otherwise, so ids reveal nothing."""
    session = (
        editable_sessions(user)
        .filter(pk=session_id)
        .select_related("cohort__programme__organisation")
        .first()
    )
    if session is None:
        raise Http404("No session you facilitate or coordinate has this id.")
    return session
