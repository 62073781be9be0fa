"""What ``seed_demo`` builds, seeded once for the module (tests/demo/conftest.py).

Every test that needs the whole shipped curriculum in the database is here, in one module
pinned to one pytest-xdist worker (``xdist_group``), so the demo is seeded once a run: it
takes minutes.
"""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Revision

from assessments.models import Question, QuizPool
from certificates.models import Credential
from courses.attendance.selectors import cohort_attendance
from courses.hours import declared_hours_mismatches, module_hours
from courses.models import (
    AttendanceChange,
    AttendanceRecord,
    Enrollment,
    LessonCompletion,
    LiveSession,
    ProgrammePage,
)
from demo.loaders.cms import DEMO_PASSWORD, DEV_TOTP_CODE
from demo.loaders.verification import DEMO_API_KEY
from organisations.models import Membership, Organisation
from organisations.roles import Role, roles_of
from syllabus.tree import read_curriculum
from verification.models import ApiKey, RosterEntry

from .conftest import demo_curriculum_dir

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.full_curriculum,
    pytest.mark.xdist_group("seeded-demo"),
]

DEMO_EMAILS = {
    "trainee@example.org": Role.TRAINEE,
    "supervisor@example.org": Role.SUPERVISOR,
    "coordinator@example.org": Role.COORDINATOR,
    "editor@example.org": Role.EDITOR,
    "clinic@example.org": Role.VERIFIER,
}


RENEWAL_EMAILS = [
    "renewal-due@example.org",
    "ready@example.org",
    "renewed@example.org",
    "late@example.org",
    "lapsed@example.org",
]


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            get_user_model(),
            Organisation,
            Membership,
            EmailAddress,
            Revision,
            Page,
            LessonCompletion,
            Enrollment,
            Credential,
            RosterEntry,
            ApiKey,
            Question,
            QuizPool,
        )
    }


def test_seed_demo_creates_an_account_per_role_and_prints_them(seeded_demo, settings):
    output = seeded_demo
    assert "peerpath-demo" in output
    # The API example names the address the site runs at (`make run PORT=...` sets it).
    assert f"{settings.WAGTAILADMIN_BASE_URL}/api/v1/credentials/PP-" in output
    for email, role in DEMO_EMAILS.items():
        assert email in output
        user = authenticate(email=email, password="peerpath-demo")
        assert user is not None, email
        assert role in roles_of(user)
        assert EmailAddress.objects.get(email=email).verified


def test_demo_supervisor_coordinator_and_admin_sign_in_with_the_dev_code_and_act(
    seeded_demo, client, settings
):
    """In development the published code passes the second factor their pages need."""
    settings.DEBUG = True
    settings.MFA_TOTP_INSECURE_BYPASS_CODE = DEV_TOTP_CODE

    for email, pages in {
        "supervisor@example.org": ["/practice/supervision/"],
        "coordinator@example.org": ["/credentials/manage/", "/cms/"],
        "editor@example.org": ["/cms/", "/cms/snippets/assessments/question/"],
        "admin@example.org": ["/django-admin/", "/cms/"],
    }.items():
        client.logout()
        response = client.post(
            reverse("account_login"), {"login": email, "password": DEMO_PASSWORD}
        )
        assert response["Location"] == reverse("mfa_authenticate"), email
        client.post(reverse("mfa_authenticate"), {"code": DEV_TOTP_CODE})
        for path in pages:
            assert client.get(path).status_code == 200, (email, path)


def test_seed_demo_publishes_the_curriculum_and_starts_the_demo_trainee(seeded_demo, client):
    from courses.models import LessonPage, ModulePage, ProgrammePage
    from courses.selectors import trainee_dashboard

    curriculum = read_curriculum(demo_curriculum_dir())
    programme = ProgrammePage.objects.live().get(slug=curriculum.program["slug"])
    modules = list(ModulePage.objects.live().child_of(programme).order_by("path"))
    assert [m.slug for m in modules] == [m.slug for m in curriculum.modules]
    for module, files in zip(modules, curriculum.modules, strict=True):
        lessons = LessonPage.objects.live().child_of(module).order_by("path")
        assert [lesson.slug for lesson in lessons] == [lesson.slug for lesson in files.lessons]
        assert module.declared_hours == files.hours
        assert module.domain.slug == files.domain
    (progress,) = trainee_dashboard(user=get_user_model().objects.get(email="trainee@example.org"))
    assert progress.lessons_done == 2
    assert client.get(programme.url).status_code == 200
    renewal_holders = Credential.objects.filter(holder__email__in=RENEWAL_EMAILS)
    statuses = sorted(
        c.effective_status for c in Credential.objects.exclude(pk__in=renewal_holders)
    )
    assert statuses == ["active", "expired", "revoked", "suspended"]
    assert all(c.pdf_ready for c in Credential.objects.all())


def test_every_demo_quiz_draws_from_its_objectives_banks_so_a_retake_differs(seeded_demo):
    from assessments.models import Attempt, QuizPage
    from assessments.services import attempt_start, attempt_submit
    from courses.models import ProgrammePage
    from courses.services import enrollment_create
    from tests.assessments.conftest import wrong_answers
    from tests.factories import UserFactory

    curriculum = read_curriculum(demo_curriculum_dir())
    programme = ProgrammePage.objects.live().get(slug=curriculum.program["slug"])
    quizzes = list(QuizPage.objects.live().descendant_of(programme).order_by("path"))
    assert len(quizzes) == len(curriculum.modules)
    for quiz, module in zip(quizzes, curriculum.modules, strict=True):
        pools = list(quiz.pools.select_related("category__domain"))
        # One pool per lesson objective, each drawing one of its three or more items.
        assert sorted(p.category.name for p in pools) == sorted(
            o.id for o in module.objectives()
        ), quiz.title
        for pool in pools:
            assert 0 < pool.draw < pool.category.questions.count(), pool.category.name
            # Filed under no domain: the final exam draws only final-exam.gift's items.
            assert pool.category.domain is None
        assert not quiz.quiz_questions.exists(), quiz.title
    trainee = UserFactory()
    enrollment_create(trainee=trainee, programme=programme)
    first = attempt_start(trainee=trainee, quiz=quizzes[0])
    attempt_submit(trainee=trainee, attempt_id=first.pk, answers=wrong_answers(first))
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    Attempt.objects.filter(pk=first.pk).update(submitted_at=an_hour_ago)  # past the wait

    second = attempt_start(trainee=trainee, quiz=quizzes[0])

    asked = [{q["question_id"] for q in attempt.questions} for attempt in (first, second)]
    assert len(asked[1]) == sum(p.draw for p in quizzes[0].pools.all())
    assert asked[0] != asked[1]


def test_seed_demo_gives_the_clinic_a_roster_and_a_working_api_key(seeded_demo, client):
    clinic = Organisation.objects.get(slug="riverside-clinic")
    # The four credentials in each status, and the five renewal holders.
    assert RosterEntry.objects.filter(organisation=clinic).count() == 9
    assert DEMO_API_KEY in seeded_demo
    number = Credential.objects.get(status=Credential.Status.REVOKED).number
    response = client.get(
        f"/api/v1/credentials/{number}", headers={"Authorization": f"Bearer {DEMO_API_KEY}"}
    )
    assert response.status_code == 200
    assert response.json()["status"] == "REVOKED"


def test_seed_demo_twice_changes_nothing(seeded_demo):
    before = counts()

    with override_settings(CURRICULUM_DIR=demo_curriculum_dir()):
        call_command("seed_demo")

    assert counts() == before


def test_seed_demo_has_a_holder_in_each_renewal_situation(seeded_demo, client):
    from renewals.models import RenewalApplication
    from renewals.selectors import standing_many

    today = timezone.localdate()
    by_email = {
        c.holder.email: c
        for c in Credential.objects.filter(
            holder__email__in=[
                "renewal-due@example.org",
                "ready@example.org",
                "renewed@example.org",
                "late@example.org",
                "lapsed@example.org",
            ]
        ).select_related("holder")
    }
    standings = standing_many(credential_ids=[c.pk for c in by_email.values()], today=today)
    status = {email: standings[c.pk].evaluation.status for email, c in by_email.items()}
    assert status == {
        "renewal-due@example.org": "gap_open",
        "ready@example.org": "ready",
        "renewed@example.org": "not_yet_open",
        "late@example.org": "late",
        "lapsed@example.org": "lapsed",
    }
    renewed = by_email["renewed@example.org"]
    assert RenewalApplication.objects.get(credential=renewed).status == "approved"
    assert list(renewed.cycles.values_list("cycle", flat=True)) == [1, 2]
    assert "Renewal holders" in seeded_demo


# ---------------------------------------------------------------- the demo cohort's sessions


def test_the_demo_cohort_has_past_and_upcoming_sessions_and_one_trainee_needs_a_make_up(
    seeded_demo,
):
    sessions = LiveSession.objects.all()
    now = timezone.now()
    assert sum(s.ends_at < now for s in sessions) == 3
    assert sum(s.starts_at > now for s in sessions) == 1
    partial = AttendanceRecord.objects.filter(minutes_attended__lt=120)
    assert partial.count() >= 2
    grid = cohort_attendance(cohort=sessions.first().cohort)
    needing = {r["enrollment"].trainee.email: r["needs_make_up"] for r in grid.rows}
    assert [email for email, below in needing.items() if below] == ["jordan.lee@example.org"]
    assert [s.title for s in needing["jordan.lee@example.org"]] == [
        "Boundaries in practice: role plays"
    ]


def test_seeding_again_adds_no_session_or_attendance(seeded_demo):
    before = (
        LiveSession.objects.count(),
        AttendanceRecord.objects.count(),
        AttendanceChange.objects.count(),
    )
    call_command("seed_demo")
    after = (
        LiveSession.objects.count(),
        AttendanceRecord.objects.count(),
        AttendanceChange.objects.count(),
    )
    assert after == before


# ---------------------------------------------------------------- hours


def test_the_demo_programs_declared_and_computed_hours_agree(seeded_demo):
    curriculum = read_curriculum(demo_curriculum_dir())
    programme = ProgrammePage.objects.live().get(slug=curriculum.program["slug"])

    assert declared_hours_mismatches(programme=programme) == []
    assert sum(module_hours(programme=programme).values()) == 46
