"""Demo renewals: a holder in each renewal situation, on the board rules seeded as data.

- renewal-due@example.org: IC&RC, window open, hours still missing (gap open);
- ready@example.org: IC&RC, every hour logged, ready to apply;
- renewed@example.org: IC&RC, renewed by the coordinator (same number, next cycle);
- late@example.org: California Medi-Cal, expired last month, in the late window;
- lapsed@example.org: IC&RC, expired two months ago with nothing logged (lapsed).

Idempotent: a holder who exists is left as they are.
"""

import datetime
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.utils import timezone

from certificates.models import Credential, CredentialEvent, EthicsCode
from certificates.services import certificate_render, credential_create
from courses.models import ProgrammePage, ProviderPage, RequirementProfile
from courses.services import enrollment_create
from renewals import services
from renewals.loader import load_rule_sets
from renewals.models import CEActivity, RuleSet

MEDI_CAL = {
    "title": "Medi-Cal Peer Support Specialist",
    "slug": "medi-cal-peer-support-specialist",
    "summary": "Continuing education and renewal for California's Medi-Cal peer support "
    "specialists (demo: renewal only).",
    "profile": "Medi-Cal Peer Support Specialist",
}

# email, first, last, programme ("icrc" or "medi-cal"), months since issue, activities
HOLDERS = [
    (
        "renewal-due@example.org",
        "Dana",
        "Reyes",
        "icrc",
        21,
        [
            ("Ethics and boundaries refresher", "ethics", "4"),
            ("Motivational interviewing", "", "8"),
        ],
    ),
    (
        "ready@example.org",
        "Rafael",
        "Ortiz",
        "icrc",
        22,
        [
            ("Ethics in peer work", "ethics", "6"),
            ("Trauma-informed support", "", "8"),
            ("Crisis de-escalation", "", "6"),
        ],
    ),
    (
        "renewed@example.org",
        "Nadia",
        "Kim",
        "icrc",
        23,
        [("Ethics for peer workers", "ethics", "6"), ("Recovery planning", "", "14")],
    ),
    ("late@example.org", "Lena", "Brooks", "medi-cal", 25, []),
    ("lapsed@example.org", "Leo", "Grant", "icrc", 26, []),
]


def _medi_cal_programme(*, icrc: ProgrammePage) -> ProgrammePage:
    """A small second programme whose credentials renew under California's Medi-Cal rules."""
    existing = ProgrammePage.objects.filter(slug=MEDI_CAL["slug"]).first()
    if existing is not None:
        return existing
    profile, created = RequirementProfile.objects.get_or_create(
        name=MEDI_CAL["profile"], defaults={"organisation": icrc.organisation}
    )
    if created:
        EthicsCode.objects.create(
            profile=profile,
            version=1,
            text="I respect the people I support.\n\nI keep what they tell me confidential.",
        )
    RuleSet.objects.get(key="california-medi-cal-pss").profiles.add(profile)
    provider_page = ProviderPage.objects.get(organisation=icrc.organisation)
    page = ProgrammePage(
        title=MEDI_CAL["title"],
        slug=MEDI_CAL["slug"],
        organisation=icrc.organisation,
        requirement_profile=profile,
        summary=MEDI_CAL["summary"],
        enrolment_mode=ProgrammePage.EnrolmentMode.CLOSED,
    )
    provider_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def seed_renewals(*, programme: ProgrammePage, password: str, coordinator_email: str) -> list:
    """The five renewal holders; returns their credentials."""
    from allauth.account.models import EmailAddress

    load_rule_sets()
    profile = programme.requirement_profile
    assert profile is not None
    RuleSet.objects.get(key="icrc-peer-recovery").profiles.add(profile)
    medi_cal = _medi_cal_programme(icrc=programme)
    User = get_user_model()
    coordinator = User.objects.get(email=coordinator_email)
    today = timezone.localdate()
    credentials: list[Credential] = []
    for email, first, last, which, months_ago, activities in HOLDERS:
        holder = User.objects.filter(email=email).first()
        if holder is not None:
            credentials.extend(Credential.objects.filter(holder=holder))
            continue
        holder = User.objects.create_user(
            email=email, password=password, first_name=first, last_name=last
        )
        EmailAddress.objects.create(user=holder, email=email, verified=True, primary=True)
        page = programme if which == "icrc" else medi_cal
        issued = today - relativedelta(months=months_ago)
        credential = credential_create(
            holder=holder,
            enrollment=enrollment_create(trainee=holder, programme=page, enrolled_by=coordinator),
            programme=page,
            issuer=page.organisation,
            issued_on=issued,
            expires_on=issued + relativedelta(months=24) - datetime.timedelta(days=1),
            achievement={
                "holder_name": holder.get_full_name(),
                "programme": page.title,
                "issuer": page.organisation.name,
                "signing_coordinator": "Corinne Walsh",
            },
        )
        CredentialEvent.objects.create(credential=credential, action="issued")
        for n, (title, category, hours) in enumerate(activities):
            day = issued + relativedelta(months=6 + 4 * n)
            CEActivity.objects.create(
                holder=holder,
                credential=credential,
                title=title,
                provider="Pacific Peer Network",
                started_on=day,
                completed_on=day,
                hours=Decimal(hours),
                format=CEActivity.Format.ONLINE,
                categories=[category] if category else [],
            )
        if email.startswith("renewed@"):
            application = services.renewal_apply(
                holder=holder,
                credential_id=credential.pk,
                attestations={},
                signed_name=holder.get_full_name(),
                today=today,
            )
            services.renewal_approve(actor=coordinator, application_id=application.pk, today=today)
            credential.refresh_from_db()
        if not credential.pdf_ready:
            certificate_render(credential_id=credential.pk)
        credentials.append(credential)
    return credentials
