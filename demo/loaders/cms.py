"""Demo organisations, one account per role, and the home page.

Every function here is idempotent: it looks things up by a natural key and only
writes what differs, so running ``seed_demo`` twice changes nothing.
"""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from wagtail.models import Site

from accounts.mfa import user_has_mfa
from cms.models import HomePage
from demo.content.home import HOME
from organisations.models import Organisation
from organisations.roles import OrganisationKind, Role
from organisations.services import membership_grant

DEMO_PASSWORD = "peerpath-demo"  # noqa: S105  (published on purpose; refused in production)
# Roles that need two-factor authentication to sign off, change credentials or write
# courses; staff need it for the admins too (accounts.mfa), so the demo administrator has
# it as well.
MFA_DEMO_ROLES = {Role.SUPERVISOR, Role.COORDINATOR, Role.EDITOR}
DEV_TOTP_CODE = "123456"

PROVIDER = {"slug": "peerpath-training", "name": "Peerpath Training Collaborative"}
CLINIC = {"slug": "riverside-clinic", "name": "Riverside Community Clinic"}


@dataclass(frozen=True)
class DemoAccount:
    email: str
    first_name: str
    last_name: str
    role: str | None
    organisation_slug: str | None
    is_staff: bool = False


DEMO_ACCOUNTS = [
    DemoAccount("trainee@example.org", "Tamsin", "Okafor", Role.TRAINEE, PROVIDER["slug"]),
    DemoAccount("supervisor@example.org", "Samuel", "Reyes", Role.SUPERVISOR, PROVIDER["slug"]),
    DemoAccount("coordinator@example.org", "Corinne", "Walsh", Role.COORDINATOR, PROVIDER["slug"]),
    # Writes lessons and submits them to "Programme review", which the coordinator approves.
    DemoAccount("editor@example.org", "Elena", "Ruiz", Role.EDITOR, PROVIDER["slug"]),
    DemoAccount("clinic@example.org", "Kofi", "Mensah", Role.VERIFIER, CLINIC["slug"]),
    DemoAccount("admin@example.org", "Ada", "Admin", None, None, is_staff=True),
]


def seed_organisations() -> dict[str, Organisation]:
    organisations = {}
    for spec, kind in (
        (PROVIDER, OrganisationKind.TRAINING_PROVIDER),
        (CLINIC, OrganisationKind.CLINIC),
    ):
        organisation, _ = Organisation.objects.update_or_create(
            slug=spec["slug"], defaults={"name": spec["name"], "kind": kind}
        )
        organisations[spec["slug"]] = organisation
    return organisations


def seed_accounts(organisations: dict[str, Organisation]) -> list[DemoAccount]:
    User = get_user_model()
    for account in DEMO_ACCOUNTS:
        user = User.objects.filter(email__iexact=account.email).first()
        if user is None:
            user = User.objects.create_user(
                email=account.email,
                password=DEMO_PASSWORD,
                first_name=account.first_name,
                last_name=account.last_name,
                is_staff=account.is_staff,
                is_superuser=account.is_staff,
            )
        EmailAddress.objects.update_or_create(
            user=user, email=account.email, defaults={"verified": True, "primary": True}
        )
        needs_mfa = account.role in MFA_DEMO_ROLES or account.is_staff
        if needs_mfa and not user_has_mfa(user):
            TOTP.activate(user, generate_totp_secret())
        if account.role and account.organisation_slug:
            membership_grant(
                user=user, organisation=organisations[account.organisation_slug], role=account.role
            )
    return DEMO_ACCOUNTS


def seed_home_page(*, content: dict = HOME) -> HomePage:
    """The site root's introduction, audiences and body, published if they differ."""
    home = Site.objects.get(is_default_site=True).root_page.specific
    wanted_audiences = [("audience", value) for value in content["audiences"]]
    current_audiences = [(block.block_type, dict(block.value)) for block in home.audiences]
    if (
        home.introduction != content["introduction"]
        or home.body != content["body"]
        or current_audiences != wanted_audiences
    ):
        home.introduction = content["introduction"]
        home.body = content["body"]
        home.audiences = wanted_audiences
        home.save_revision().publish()
    return home
