"""The demo cohort's live sessions: three past ones with attendance taken (one trainee late
enough to fall below the attendance policy and need a make-up, another who left a little
early but still counts) and one coming up. Idempotent: sessions are found by title, and
attendance already taken is left alone."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from courses.attendance import services
from courses.attendance.services import RegisterEntry
from courses.models import AttendancePolicy, Cohort, LiveSession, ProgrammePage
from courses.services import enrollment_create
from organisations.roles import Role
from organisations.services import membership_grant

# Classmates of the demo trainee, so the register has more than one row.
CLASSMATES = [
    ("jordan.lee@example.org", "Jordan", "Lee"),
    ("priya.shah@example.org", "Priya", "Shah"),
]
# title, days from today (negative: past), hour it starts, in person (place) or virtual,
# and what each trainee's register entry says: (status, minutes or None, note).
SESSIONS: list[tuple[str, int, str, str, dict[str, tuple[str, int | None, str]]]] = [
    (
        "Orientation: the peer role and its values",
        -21,
        "Room 2, Harbor Community Center, 14 Quay Street",
        "",
        {
            "trainee@example.org": ("present", None, ""),
            "jordan.lee@example.org": ("present", None, ""),
            "priya.shah@example.org": ("present", None, ""),
        },
    ),
    (
        "Boundaries in practice: role plays",
        -14,
        "",
        "https://meet.example.org/peerpath-boundaries",
        {
            "trainee@example.org": ("present", None, ""),
            "jordan.lee@example.org": ("late", 75, "Joined 45 minutes late: connection trouble"),
            "priya.shah@example.org": ("left_early", 110, "Left 10 minutes early"),
        },
    ),
    (
        "Sharing your story safely",
        -7,
        "Room 2, Harbor Community Center, 14 Quay Street",
        "",
        {
            "trainee@example.org": ("left_early", 108, "Left 12 minutes early"),
            "jordan.lee@example.org": ("present", None, ""),
            "priya.shah@example.org": ("present", None, ""),
        },
    ),
    ("Group dynamics and co-facilitation", 7, "", "https://meet.example.org/peerpath-groups", {}),
]
LENGTH_MINUTES = 120


@transaction.atomic
def seed_live_sessions(
    *, programme: ProgrammePage, trainee_email: str, facilitator_email: str, password: str
) -> Cohort:
    cohort = programme.cohorts.order_by("pk").first()
    assert cohort is not None, "seed_programme makes the demo cohort"
    AttendancePolicy.objects.get_or_create(
        programme=programme,
        defaults={"required_percent": 90, "partial_credit": False, "make_ups_allowed": True},
    )
    User = get_user_model()
    enrollments = {}
    for email, first_name, last_name in [(trainee_email, "", ""), *CLASSMATES]:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email=email, password=password, first_name=first_name, last_name=last_name
            )
            from allauth.account.models import EmailAddress

            EmailAddress.objects.get_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
        membership_grant(user=user, organisation=programme.organisation, role=Role.TRAINEE)
        enrollment = enrollment_create(trainee=user, programme=programme)
        if enrollment.cohort_id is None:
            enrollment.cohort = cohort
            enrollment.save(update_fields=["cohort"])
        enrollments[email] = enrollment
    facilitator = User.objects.get(email=facilitator_email)
    domains = [module.domain for module in programme.modules()[:2]]
    today = timezone.localtime().replace(hour=18, minute=0, second=0, microsecond=0)
    for title, days, place, link, register in SESSIONS:
        session = LiveSession.objects.filter(cohort=cohort, title=title).first()
        if session is None:
            starts_at = today + datetime.timedelta(days=days)
            session = services.session_schedule(
                actor=facilitator,
                cohort=cohort,
                title=title,
                starts_at=starts_at,
                ends_at=starts_at + datetime.timedelta(minutes=LENGTH_MINUTES),
                place=place,
                meeting_link=link,
                facilitators=[facilitator],
                domain_minutes={domains[0]: 90, domains[-1]: 30}
                if len(domains) > 1
                else {domains[0]: LENGTH_MINUTES},
            )
        if register and not session.attendance.exists():
            services.register_save(
                actor=facilitator,
                session=session,
                entries=[
                    RegisterEntry(enrollments[email].pk, status, minutes, note)
                    for email, (status, minutes, note) in register.items()
                ],
            )
    return cohort
