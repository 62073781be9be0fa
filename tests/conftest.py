import pytest
from allauth.mfa.models import Authenticator
from django.core.cache import cache

from organisations.roles import Role
from organisations.services import membership_grant

from .factories import ClinicFactory, OrganisationFactory, UserFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits live in the cache; one test's attempts must not count against the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def provider(db):
    return OrganisationFactory()


@pytest.fixture
def clinic(db):
    return ClinicFactory()


@pytest.fixture
def make_member(db, provider, clinic):
    """make_member(Role.SUPERVISOR) -> a user holding that role in the right organisation."""

    def make(role: str, *, organisation=None, **user_fields):
        user = UserFactory(**user_fields)
        if organisation is None:
            organisation = clinic if role == Role.VERIFIER else provider
        membership_grant(user=user, organisation=organisation, role=role)
        return user

    return make


@pytest.fixture
def trainee(make_member):
    return make_member(Role.TRAINEE)


@pytest.fixture
def supervisor(make_member):
    return make_member(Role.SUPERVISOR)


@pytest.fixture
def coordinator(make_member):
    return make_member(Role.COORDINATOR)


@pytest.fixture
def verifier(make_member):
    return make_member(Role.VERIFIER)


@pytest.fixture
def with_totp():
    """Give a user an authenticator app, as allauth's TOTP setup would."""

    def add(user):
        return Authenticator.objects.create(
            user=user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
        )

    return add
