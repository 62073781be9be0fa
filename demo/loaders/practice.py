"""Demo practice log: the demo trainee's supervised hours, some signed off, some waiting."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from courses.models import CompetencyDomain, Enrollment
from practice.models import LogEntry, PracticeCategory
from practice.services import entry_create, entry_decide, entry_submit, supervisor_assign

# (days ago, hours, category, domain, setting, reflection, outcome)
ENTRIES = [
    (
        40,
        "2",
        "one-to-one",
        "recovery-and-wellness-support",
        "in_person",
        "First meeting with a new peer. We agreed what support could look like and what it "
        "could not; I explained how confidentiality works here.",
        "approve",
    ),
    (
        33,
        "1.5",
        "group-facilitation",
        "mentoring-and-education",
        "group",
        "Co-facilitated the Tuesday evening group. Practiced bringing a quieter member in "
        "without putting them on the spot.",
        "approve",
    ),
    (
        26,
        "1",
        "supervision-received",
        "ethical-responsibility",
        "video",
        "Supervision on a gift a peer offered me. Talked through why I declined and how to "
        "do it warmly next time.",
        "approve",
    ),
    (
        19,
        "3",
        "community-outreach",
        "advocacy",
        "community",
        "Stall at the community center with a colleague. Several people asked about peer "
        "groups; I gave out the group times.",
        "approve",
    ),
    (
        12,
        "2.5",
        "one-to-one",
        "recovery-and-wellness-support",
        "phone",
        "Phone support after a difficult week for the person I support. We looked at their "
        "wellness plan together.",
        "return",
    ),
    (
        6,
        "1.5",
        "advocacy",
        "advocacy",
        "in_person",
        "Went with a peer to a housing appointment at their request; they did the talking "
        "and I helped them prepare questions.",
        "submit",
    ),
    (
        2,
        "1",
        "group-facilitation",
        "mentoring-and-education",
        "group",
        "Debriefed with my co-facilitator after a tense group; agreed how we will handle "
        "cross-talk next week.",
        "draft",
    ),
]


def seed_practice(
    *,
    programme,
    trainee_email: str,
    supervisor_email: str,
    coordinator_email: str,
):
    """The trainee's supervisor and a sample practice log.

    The profile's practice minimums come with the curriculum (program.yaml).
    """
    User = get_user_model()
    trainee = User.objects.get(email=trainee_email)
    supervisor = User.objects.get(email=supervisor_email)
    coordinator = User.objects.get(email=coordinator_email)
    supervisor_assign(
        coordinator=coordinator,
        organisation=programme.organisation,
        trainee=trainee,
        supervisor=supervisor,
    )
    enrollment = Enrollment.objects.get(trainee=trainee, programme=programme)
    if LogEntry.objects.filter(enrollment=enrollment).exists():
        return
    earliest = timezone.now() - datetime.timedelta(days=60)
    if enrollment.started_at > earliest:
        Enrollment.objects.filter(pk=enrollment.pk).update(started_at=earliest)
        enrollment.refresh_from_db()
    today = timezone.localdate()
    for days_ago, hours, category, domain, setting, reflection, outcome in ENTRIES:
        entry = entry_create(
            trainee=trainee,
            enrollment=enrollment,
            date=today - datetime.timedelta(days=days_ago),
            minutes=int(Decimal(hours) * 60),
            category=PracticeCategory.objects.get(slug=category),
            domain=CompetencyDomain.objects.get(slug=domain),
            setting=setting,
            reflection=reflection,
        )
        if outcome == "draft":
            continue
        entry_submit(trainee=trainee, entry_id=entry.pk)
        if outcome in ("approve", "return"):
            entry_decide(
                supervisor=supervisor,
                entry_id=entry.pk,
                approve=outcome == "approve",
                comment=""
                if outcome == "approve"
                else "Please add which domain this was in and shorten the reflection a little.",
            )
