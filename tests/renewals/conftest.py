import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from certificates.models import EthicsCode
from certificates.services import credential_create
from courses.models import RequirementProfile
from courses.services import enrollment_create
from organisations.roles import Role
from renewals.models import RuleSet

# A small valid PDF and PNG, as a holder's certificate of attendance.
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def png_bytes() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def renewal_programme(build_programme):
    """A programme whose credentials renew under a seeded board's rules (IC&RC by default)."""

    def build(*, board: str = "icrc-peer-recovery", slug: str = "renewing"):
        profile = RequirementProfile.objects.create(name=f"Profile {slug}")
        RuleSet.objects.get(key=board).profiles.add(profile)
        EthicsCode.objects.create(profile=profile, version=1, text="I keep confidences.")
        return build_programme(slug=slug, requirement_profile=profile, modules=1, lessons=1)

    return build


@pytest.fixture
def make_credential(renewal_programme, make_member):
    """make_credential(expires_in_days=120, board=...) -> an active credential of 2 years."""

    def make(
        *,
        expires_in_days: int = 120,
        board: str = "icrc-peer-recovery",
        holder=None,
        slug: str | None = None,
    ):
        programme = renewal_programme(board=board, slug=slug or f"p-{board}")
        holder = holder or make_member(Role.TRAINEE, first_name="Ada", last_name="Okafor")
        expires_on = timezone.localdate() + datetime.timedelta(days=expires_in_days)
        return credential_create(
            holder=holder,
            enrollment=enrollment_create(trainee=holder, programme=programme),
            programme=programme,
            issuer=programme.organisation,
            issued_on=expires_on - datetime.timedelta(days=730),
            expires_on=expires_on,
            achievement={
                "holder_name": holder.get_full_name(),
                "programme": programme.title,
                "issuer": programme.organisation.name,
            },
        )

    return make


@pytest.fixture
def credential(make_credential):
    return make_credential()


def days_ago(n: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=n)


def activity_data(**overrides):
    data = {
        "title": "Ethics in peer work",
        "provider": "State peer network",
        "started_on": days_ago(30),
        "completed_on": days_ago(30),
        "hours": Decimal("6"),
        "format": "live",
        "kind": "course",
        "units": "",
        "categories": ["ethics"],
    }
    data.update(overrides)
    return data
