"""Builders for page trees and site data used across tests."""

import importlib

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from django.test import RequestFactory

from courses.models import LessonPage

SAFE_REFLECTION = "Met a group member for a walk; we talked about routines that help on hard days."


def lesson_body(*, reflection: bool = False, warning: bool = False) -> list[dict]:
    body = [
        {"type": "heading", "value": {"text": "Why it matters", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Boundaries keep the relationship safe.</p>"},
    ]
    if reflection:
        body.append(
            {
                "type": "reflection",
                "id": "reflect-1",
                "value": {"prompt": "When did a boundary help you?", "guidance": ""},
            }
        )
    if warning:
        body += [
            {
                "type": "callout",
                "value": {
                    "kind": "content_warning",
                    "title": "Overdose",
                    "text": "<p>The next part describes an overdose.</p>",
                },
            },
            {"type": "paragraph", "value": "<p>Hidden until chosen.</p>"},
        ]
    return body


def evidence_for(*, trainee, lesson):
    """The evidence the lesson page's heartbeat leaves when a trainee works through
    ``lesson``: every warning's section opened and the active time its estimate asks."""
    from courses.engagement import required_seconds
    from courses.models import Enrollment, LessonEngagement

    enrollment = Enrollment.objects.get(trainee=trainee, programme__in=lesson.get_ancestors())
    LessonEngagement.objects.update_or_create(
        enrollment=enrollment,
        lesson=lesson,
        defaults={
            "active_seconds": required_seconds(lesson),
            "opened_sections": lesson.gated_section_ids(),
        },
    )


def lesson_done(*, trainee, lesson, **kwargs):
    """Complete ``lesson`` as a trainee who worked through it does: with the evidence."""
    from courses.services import lesson_complete

    evidence_for(trainee=trainee, lesson=lesson)
    return lesson_complete(trainee=trainee, lesson=lesson, **kwargs)


def publish(parent, page):
    """Add ``page`` under ``parent`` and publish it through a revision, as an editor does."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_live(parent, page):
    """Add ``page`` under ``parent`` already live, without a revision or reference index.

    Several times quicker than ``publish``: for fixtures whose pages are the stage, not the
    subject. A test of authoring, review or the reference index uses ``publish``.
    """
    from django.utils import timezone
    from wagtail.signal_handlers import disable_reference_index_auto_update

    now = timezone.now()
    page.live = True
    page.first_published_at = page.last_published_at = now
    with disable_reference_index_auto_update():
        parent.add_child(instance=page)
    return page


def lessons_of(programme):
    return list(LessonPage.objects.live().descendant_of(programme).order_by("path"))


def live_programme(
    *, organisation, modules: int, lessons: int, body=None, hours="1", slug="big", **fields
):
    """A live programme of ``modules`` x ``lessons`` without revisions: quick to build large.

    Used by query-count tests and benchmarks; tests of authoring use ``publish`` instead.
    """
    from decimal import Decimal

    from courses.models import CompetencyDomain, ModulePage, ProgrammePage, ProviderPage

    domain = CompetencyDomain.objects.first()
    programme = ProviderPage.objects.get(organisation=organisation).add_child(
        instance=ProgrammePage(
            title=fields.pop("title", "Big program"),
            slug=slug,
            summary="s",
            live=True,
            **fields,
        )
    )
    for m in range(modules):
        module = programme.add_child(
            instance=ModulePage(
                title=f"Module {m}",
                slug=f"m{m}",
                domain=domain,
                summary="s",
                declared_hours=Decimal(hours),
                live=True,
            )
        )
        for n in range(lessons):
            module.add_child(
                instance=LessonPage(
                    title=f"Lesson {m}.{n}", slug=f"l{n}", summary="s", body=body or [], live=True
                )
            )
    return programme


def _run_data_migration(module: str, function: str) -> None:
    """Call a data migration's function against the real app registry.

    The functions only use ``apps.get_model`` and ``create_permissions``, which work as well
    on ``django.apps.apps``; but they set each app config's ``models_module`` to None once
    done (right for a migration's throw-away registry, wrong for the real one, where a later
    ``create_permissions`` would then skip those apps). Put the real values back.
    """
    from django.apps import apps

    saved = {config.label: config.models_module for config in apps.get_app_configs()}
    try:
        getattr(importlib.import_module(module), function)(apps, None)
    finally:
        for config in apps.get_app_configs():
            config.models_module = saved[config.label]


def rebuild_migration_data():
    """Everything the data migrations make, rebuilt where a transactional test flushed it.

    A transactional test ends by flushing every table, and with them the rows that data
    migrations created; only content types and permissions come back (post_migrate). So
    later transactional tests find no home page, site, programme index, competency
    domains, groups, page permissions or workflow. (Django's ``serialized_rollback``
    cannot put them back here: the flush re-creates content types with new ids, which
    then clash with the serialized ones.) Rebuild what is missing, idempotently:

    - Wagtail's own initial data: the locale, the root page and the root collection;
    - cms 0002: the home page and the default site;
    - courses 0002 (its own function): domains, the programme index, the two groups with
      their page and collection permissions, the "Programme review" workflow;
    - assessments 0002 (its own function): the groups' question bank permissions;
    - practice 0003 (its own function): the practice categories and their permissions;
    - courses 0006 and practice 0004 (their own functions): the index's rights taken from
      the role-wide groups, shared domains and categories made read-only, and a page,
      groups and workflow for any provider that exists;
    - courses 0009 (its own function): those workflows' tasks made two-person reviews;
    - renewals 0001 and 0002 (``renewals.loader``): the seeded boards' renewal rule sets.

    Returns the programme index page.
    """
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Collection, Locale, Page, Site

    from cms.models import HomePage
    from courses.models import ProgrammeIndexPage
    from practice.models import PracticeCategory
    from renewals.loader import load_rule_sets

    if not Locale.objects.exists():
        Locale.objects.create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = HomePage.objects.filter(depth=2, slug="home").first()
    if home is None:
        # As cms 0002 makes it; through treebeard, so the root's child count stays right.
        introduction = importlib.import_module("cms.migrations.0002_create_homepage").INTRODUCTION
        home = root.add_child(
            instance=HomePage(title="Peerpath", slug="home", introduction=introduction)
        )
    if not Site.objects.filter(is_default_site=True).exists():
        # As cms 0002 makes it and 0004 names it.
        Site.objects.create(
            hostname="localhost", root_page=home, is_default_site=True, site_name="Peerpath"
        )
    if not ProgrammeIndexPage.objects.exists():
        _run_data_migration("courses.migrations.0002_site_structure", "build")
    _run_data_migration("assessments.migrations.0002_coordinator_permissions", "grant")
    if not PracticeCategory.objects.exists():
        _run_data_migration("practice.migrations.0003_categories_and_permissions", "build")
    _run_data_migration("courses.migrations.0008_provider_spaces", "build")
    _run_data_migration("courses.migrations.0009_programme_review_task", "upgrade")
    _run_data_migration("practice.migrations.0007_categories_shared", "share")
    load_rule_sets()
    return ProgrammeIndexPage.objects.get()


def published_quiz(module, *, category, questions, title="Module quiz", **fields):
    """A published quiz of single-choice questions, in order, options unshuffled.

    ``questions``: (text, right option, [wrong options]); the right option comes last.
    """
    from assessments.models import Option, Question, QuizPage, QuizQuestion

    fields = {"pass_mark": 75, "max_attempts": 3, "wait_minutes": 0, **fields}
    quiz = QuizPage(
        title=title, slug="quiz", shuffle_questions=False, shuffle_options=False, **fields
    )
    for order, (text, right, wrong) in enumerate(questions):
        question = Question.objects.create(
            category=category, kind=Question.Kind.SINGLE, text=text, explanation="Because."
        )
        for sort_order, option in enumerate([*wrong, right]):
            Option.objects.create(
                question=question,
                text=option,
                is_correct=option == right,
                feedback=f"Feedback for {option}",
                sort_order=sort_order,
            )
        quiz.quiz_questions.add(QuizQuestion(question=question, sort_order=order))
    return publish(module, quiz)


def totp_code(user=None, *, secret: str | None = None) -> str:
    """The code an authenticator app shows now: for the user's TOTP (as ``with_totp``
    makes it), or for a secret being set up."""
    import time

    from allauth.mfa import app_settings
    from allauth.mfa.adapter import get_adapter
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    if secret is None:
        authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
        secret = get_adapter().decrypt(authenticator.data["secret"])
    return format_hotp_value(hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD))


def add_totp(user):
    """Give a user an authenticator app, as allauth's TOTP setup would."""
    return Authenticator.objects.create(
        user=user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )


def sign_in_with_mfa(client, user):
    """Sign ``user`` in as allauth leaves someone who passed MFA; returns the user.

    ``client.force_login`` alone makes a password-only session, which supervisors,
    coordinators, editors and staff cannot act in (accounts.mfa). This also writes
    allauth's records of a password and a TOTP step into the session, with the user's
    authenticator (added as ``add_totp`` does if they have none).
    """
    authenticator = Authenticator.objects.filter(
        user=user, type=Authenticator.Type.TOTP
    ).first() or add_totp(user)
    client.force_login(user)
    request = RequestFactory().get("/")
    request.session = client.session
    record_authentication(request, user, "password", email=user.email)
    record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
    request.session.save()
    return user
