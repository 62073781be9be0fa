from decimal import Decimal

import pytest
from allauth.mfa.models import Authenticator
from django.core.cache import cache

from courses.models import (
    CompetencyDomain,
    LessonPage,
    ModulePage,
    ProgrammeIndexPage,
    ProgrammePage,
)
from courses.services import enrollment_create
from organisations.roles import Role
from organisations.services import membership_grant

from .builders import lesson_body, publish, rebuild_migration_data
from .factories import ClinicFactory, OrganisationFactory, UserFactory


@pytest.fixture
def site_structure(transactional_db):
    """What the data migrations create, rebuilt where an earlier transactional test flushed it.

    Returns the programme index page. See ``tests.builders.rebuild_migration_data``.
    """
    return rebuild_migration_data()


@pytest.fixture(autouse=True)
def _migration_data_for_transactional_tests(request):
    """Transactional tests start from a flushed database: give them the migrations' data."""
    marker = request.node.get_closest_marker("django_db")
    transactional = (marker is not None and marker.kwargs.get("transaction")) or any(
        name in request.fixturenames for name in ("transactional_db", "live_server")
    )
    if transactional:
        request.getfixturevalue("site_structure")


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


@pytest.fixture
def build_programme(db, provider):
    """build_programme(modules=6, lessons=5, **programme_fields) -> a published programme."""

    def build(*, modules: int = 2, lessons: int = 2, slug: str = "cpsw", **fields):
        domain = CompetencyDomain.objects.get(slug="ethical-responsibility")
        programme = publish(
            ProgrammeIndexPage.objects.get(),
            ProgrammePage(
                title=fields.pop("title", "Certified Peer Support Worker"),
                slug=slug,
                organisation=fields.pop("organisation", provider),
                summary="Training for peer support workers.",
                **fields,
            ),
        )
        for m in range(1, modules + 1):
            module = publish(
                programme,
                ModulePage(
                    title=f"Module {m}",
                    slug=f"module-{m}",
                    domain=domain,
                    summary=f"Module {m} summary.",
                    training_hours=Decimal("5"),
                ),
            )
            for n in range(1, lessons + 1):
                publish(
                    module,
                    LessonPage(
                        title=f"Lesson {m}.{n}",
                        slug=f"lesson-{n}",
                        summary=f"Lesson {m}.{n} summary.",
                        body=lesson_body(reflection=(n == 1)),
                    ),
                )
        return programme

    return build


@pytest.fixture
def programme(build_programme):
    return build_programme()


@pytest.fixture
def enrolled(programme, trainee):
    return enrollment_create(trainee=trainee, programme=programme)
