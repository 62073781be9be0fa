import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.utils import timezone

from certificates.models import Credential
from certificates.services import credential_create
from courses.models import (
    CompetencyDomain,
    Enrollment,
    LessonPage,
    ModulePage,
    ProgrammePage,
    ProviderPage,
    RequirementProfile,
)
from courses.services import enrollment_create
from organisations.roles import Role
from organisations.services import membership_grant
from practice.models import PracticeCategory, PracticeHourMinimum, SupervisorAssignment
from practice.services import current_assignment, entry_create, entry_submit, supervisor_assign

from .builders import (
    SAFE_REFLECTION,
    add_live,
    add_totp,
    lesson_body,
    rebuild_migration_data,
    sign_in_with_mfa,
)
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
def _media_in_tmp(settings, tmp_path):
    """Files tests store (certificates, documents) go to a directory deleted afterwards."""
    settings.MEDIA_ROOT = tmp_path / "media"


def _forget_cached_keys() -> None:
    """Empty the cache; on a shared Redis, only the keys under this process's prefixes.

    Each pytest-xdist worker has its own prefixes (cms/settings/test.py): flushing the whole
    database would wipe another worker's rate-limit counts in the middle of its test.
    """
    backend = caches["default"]
    if not isinstance(backend, RedisCache):
        backend.clear()
        return
    client = backend._cache.get_client(write=True)
    for pattern in (f"{backend.key_prefix}:*", f"{settings.VERIFICATION_REDIS_PREFIX}*"):
        keys = list(client.scan_iter(match=pattern, count=1000))
        if keys:
            client.delete(*keys)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits live in the cache; one test's attempts must not count against the next."""
    _forget_cached_keys()
    yield
    _forget_cached_keys()


# The provider's page, and so the first part of its programmes' addresses.
PROVIDER_SLUG = "peer-training"


@pytest.fixture
def provider(db):
    return OrganisationFactory(name="Peer Training Collaborative", slug=PROVIDER_SLUG)


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
    return add_totp


@pytest.fixture
def mfa_login():
    """mfa_login(client, user) -> user, signed in as allauth leaves someone who passed MFA.

    See ``tests.builders.sign_in_with_mfa``.
    """
    return sign_in_with_mfa


@pytest.fixture
def build_programme(db, provider):
    """build_programme(modules=6, lessons=5, **programme_fields) -> a published programme."""

    def build(*, modules: int = 2, lessons: int = 2, slug: str = "cpsw", **fields):
        domain = CompetencyDomain.objects.get(slug="ethical-responsibility")
        organisation = fields.pop("organisation", provider)
        programme = add_live(
            ProviderPage.objects.get(organisation=organisation),
            ProgrammePage(
                title=fields.pop("title", "Certified Peer Support Worker"),
                slug=slug,
                summary="Training for peer support workers.",
                **fields,
            ),
        )
        for m in range(1, modules + 1):
            module = add_live(
                programme,
                ModulePage(
                    title=f"Module {m}",
                    slug=f"module-{m}",
                    domain=domain,
                    summary=f"Module {m} summary.",
                    declared_hours=Decimal("5"),
                ),
            )
            for n in range(1, lessons + 1):
                add_live(
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


# Supervised practice


@pytest.fixture
def profile(db):
    profile = RequirementProfile.objects.create(
        name="Practice profile", practice_hours_total=Decimal("10")
    )
    for order, (slug, hours) in enumerate(
        [("one-to-one", "6"), ("group-facilitation", "2"), ("supervision-received", "1")]
    ):
        PracticeHourMinimum.objects.create(
            profile=profile,
            category=PracticeCategory.objects.get(slug=slug),
            hours=Decimal(hours),
            sort_order=order,
        )
    return profile


@pytest.fixture
def practice_programme(build_programme, profile):
    return build_programme(slug="practice", requirement_profile=profile)


@pytest.fixture
def practice_enrollment(practice_programme, trainee):
    enrollment = enrollment_create(trainee=trainee, programme=practice_programme)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        started_at=timezone.now() - datetime.timedelta(days=60)
    )
    enrollment.refresh_from_db()
    return enrollment


@pytest.fixture
def assigned_supervisor(supervisor, trainee, coordinator, provider, practice_enrollment, with_totp):
    with_totp(supervisor)
    supervisor_assign(
        coordinator=coordinator, organisation=provider, trainee=trainee, supervisor=supervisor
    )
    return supervisor


@pytest.fixture
def log_entry(trainee, practice_enrollment):
    """log_entry(days_ago=1, minutes=60, category="one-to-one", submit=True, **fields)

    Submitting needs a current supervisor. A test that has not assigned one (through
    ``assigned_supervisor`` or ``supervisor_assign``) gets a stand-in, assigned directly,
    who holds no role: its entries wait for sign-off as before, and nobody can decide them.
    """

    def make(*, days_ago=1, minutes=60, category="one-to-one", submit=True, **fields):
        entry = entry_create(
            trainee=trainee,
            enrollment=practice_enrollment,
            date=timezone.localdate() - datetime.timedelta(days=days_ago),
            minutes=minutes,
            category=PracticeCategory.objects.get(slug=category),
            domain=CompetencyDomain.objects.get(slug="recovery-and-wellness-support"),
            setting=fields.pop("setting", "in_person"),
            reflection=fields.pop("reflection", SAFE_REFLECTION),
            **fields,
        )
        if submit:
            organisation = practice_enrollment.programme.organisation
            if current_assignment(trainee=trainee, organisation=organisation) is None:
                SupervisorAssignment.objects.create(
                    organisation=organisation, trainee=trainee, supervisor=UserFactory()
                )
            entry = entry_submit(trainee=trainee, entry_id=entry.pk)
        return entry

    return make


# Credentials as a verifier meets them


@pytest.fixture
def issue_credential(programme, make_member):
    """issue_credential(last_name=..., status=..., expires_in_days=...) -> a Credential.

    Made directly, with the snapshot issuance takes, for tests about checking credentials
    rather than earning them.
    """

    def issue(
        *,
        last_name: str = "Okafor",
        first_name: str = "Ada",
        status: str = Credential.Status.ACTIVE,
        expires_in_days: int = 365,
    ) -> Credential:
        holder = make_member(Role.TRAINEE, first_name=first_name, last_name=last_name)
        expires_on = timezone.localdate() + datetime.timedelta(days=expires_in_days)
        return credential_create(
            holder=holder,
            enrollment=enrollment_create(trainee=holder, programme=programme),
            programme=programme,
            issuer=programme.organisation,
            status=status,
            issued_on=expires_on - datetime.timedelta(days=730),
            expires_on=expires_on,
            achievement={
                "holder_name": holder.get_full_name(),
                "programme": programme.title,
                "issuer": programme.organisation.name,
            },
        )

    return issue


# A broker outage


def closed_port() -> int:
    """A local TCP port where nothing listens (bound, then released)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def use_broker(*, url: str | None, eager: bool) -> None:
    """Point the project's Celery app at another broker, as CELERY_BROKER_URL would.

    Celery reads CELERY_BROKER_URL from the environment before its own settings, so both
    change. The app's connection and producer pools live in kombu's global registry, keyed
    by broker URL: they are reset here as Celery resets them after a fork. (Closing the
    app's pool alone left the registry handing the closed pool back to the next publish to
    the same URL: "RuntimeError: Acquire on closed pool".)
    """
    import os

    from kombu import pools

    from cms import celery_app

    if url:
        os.environ["CELERY_BROKER_URL"] = url
    else:
        os.environ.pop("CELERY_BROKER_URL", None)
    celery_app.conf.broker_url = url
    celery_app.conf.task_always_eager = eager
    pools.reset()
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def celery_restored():
    """Whatever a test does to the Celery app's broker and eager mode is undone after it."""
    from cms import celery_app

    saved = {"url": celery_app.conf.broker_url, "eager": celery_app.conf.task_always_eager}
    yield lambda: use_broker(**saved)
    use_broker(**saved)


@pytest.fixture
def broker_down(celery_restored):
    """Celery as in production (tasks published, not run inline) with the broker on a
    closed port. Yields ``broker_back()``: the broker returns and, as everywhere else in
    the suite, tasks run inline again, so a sweep after it does the work in this process.
    """
    use_broker(url=f"redis://127.0.0.1:{closed_port()}/0", eager=False)
    return celery_restored


@pytest.fixture
def sweep_later():
    """sweep_later() -> calls dispatched: the outbox sweep as beat runs it once the calls
    queued now have fallen due."""
    from notifications.services import RETRY_AFTER, outbox_sweep

    def sweep() -> int:
        return outbox_sweep(now=timezone.now() + RETRY_AFTER)

    return sweep


# The Django admin for support staff


@pytest.fixture
def support_staff(db):
    """A superuser with an authenticator app, as the demo administrator is."""
    user = UserFactory(email="support@example.org", is_staff=True, is_superuser=True)
    add_totp(user)
    return user


@pytest.fixture
def support_client(client, support_staff):
    """A client signed in as ``support_staff`` in a session that passed MFA."""
    sign_in_with_mfa(client, support_staff)
    return client
