"""The supervisor queue and the trainee totals run the same queries for 3 or 60 trainees."""

import datetime
import threading

import pytest
from django.db import connection, connections
from django.utils import timezone

from courses.models import CompetencyDomain
from courses.services import enrollment_create
from organisations.roles import Role
from practice.models import Decision, LogEntry, PracticeCategory
from practice.services import entry_decide, supervisor_assign


def bulk_entries(enrollment, count, status=LogEntry.Status.SUBMITTED):
    category = PracticeCategory.objects.get(slug="one-to-one")
    domain = CompetencyDomain.objects.first()
    today = timezone.localdate()
    LogEntry.objects.bulk_create(
        LogEntry(
            enrollment=enrollment,
            date=today - datetime.timedelta(days=i % 50),
            minutes=30,
            category=category,
            domain=domain,
            setting="phone",
            reflection="Listened and planned next steps together.",
            status=status,
            submission_round=1,
        )
        for i in range(count)
    )


@pytest.mark.django_db
@pytest.mark.parametrize("trainees", [3, 60])
def test_queue_and_totals_queries_stay_flat(
    client,
    trainees,
    practice_programme,
    make_member,
    coordinator,
    provider,
    with_totp,
    django_assert_max_num_queries,
    mfa_login,
):
    supervisor = make_member(Role.SUPERVISOR)
    with_totp(supervisor)
    enrollments = []
    for _ in range(trainees):
        trainee = make_member(Role.TRAINEE)
        enrollments.append(enrollment_create(trainee=trainee, programme=practice_programme))
        supervisor_assign(
            coordinator=coordinator, organisation=provider, trainee=trainee, supervisor=supervisor
        )
        bulk_entries(enrollments[-1], 10)
    mfa_login(client, supervisor)
    client.get("/practice/supervision/")

    with django_assert_max_num_queries(12):
        response = client.get("/practice/supervision/")
    assert response.content.decode().count('data-entry="') == min(50, 10 * trainees)

    client.force_login(enrollments[0].trainee)
    client.get(f"/practice/{enrollments[0].pk}/")
    with django_assert_max_num_queries(16):
        response = client.get(f"/practice/{enrollments[0].pk}/")
    assert response.status_code == 200


@pytest.mark.django_db(transaction=True)
def test_two_supervisors_deciding_at_once_leave_one_decision(
    practice_programme, make_member, coordinator, provider, with_totp
):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises writers, so there is no race to test")
    trainee = make_member(Role.TRAINEE)
    enrollment = enrollment_create(trainee=trainee, programme=practice_programme)
    bulk_entries(enrollment, 1)
    entry = LogEntry.objects.get()
    first, second = make_member(Role.SUPERVISOR), make_member(Role.SUPERVISOR)
    for supervisor in (first, second):
        with_totp(supervisor)
    supervisor_assign(
        coordinator=coordinator, organisation=provider, trainee=trainee, supervisor=first
    )

    # Both pass the assignment check at the moment they look: the second is assigned while the
    # first is deciding, the race a reassignment can create.
    barrier = threading.Barrier(2)
    outcomes = []

    def decide(supervisor, approve):
        try:
            barrier.wait()
            entry_decide(supervisor=supervisor, entry_id=entry.pk, approve=approve, comment="Redo")
            outcomes.append("ok")
        except Exception as error:
            outcomes.append(type(error).__name__)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=decide, args=(first, True)),
        threading.Thread(target=decide, args=(first, False)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert Decision.objects.filter(entry=entry).count() == 1
    assert outcomes.count("ok") == 1
    entry.refresh_from_db()
    assert entry.status in (LogEntry.Status.APPROVED, LogEntry.Status.RETURNED)


@pytest.mark.django_db(transaction=True)
def test_approvals_for_two_trainees_of_one_organisation_do_not_wait_for_each_other(
    practice_programme, make_member, coordinator, provider, with_totp, monkeypatch
):
    """A sign-off locks its entry and the trainee's assignment, never the organisation.

    The first approval is held open after its locks are taken (as a slow credential check
    would hold it); the second, for another trainee of the same organisation, must finish
    meanwhile. With a FOR UPDATE over the whole join it waited on the organisation row.
    """
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite locks the whole database, not rows")
    import time

    from practice import services

    supervisor = make_member(Role.SUPERVISOR)
    with_totp(supervisor)
    entries = []
    for _ in range(2):
        trainee = make_member(Role.TRAINEE)
        enrollment = enrollment_create(trainee=trainee, programme=practice_programme)
        bulk_entries(enrollment, 1)
        entries.append(LogEntry.objects.get(enrollment=enrollment))
        supervisor_assign(
            coordinator=coordinator, organisation=provider, trainee=trainee, supervisor=supervisor
        )
    first_holds_its_locks, second_done = threading.Event(), threading.Event()
    real_record = services.audit_record

    def record(**kwargs):
        if kwargs["entry_id"] == entries[0].pk:
            first_holds_its_locks.set()
            second_done.wait(timeout=10)
        return real_record(**kwargs)

    monkeypatch.setattr(services, "audit_record", record)
    outcomes = {}

    def first():
        try:
            entry_decide(supervisor=supervisor, entry_id=entries[0].pk, approve=True)
            outcomes["first"] = "ok"
        except Exception as error:
            outcomes["first"] = repr(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=first)
    thread.start()
    assert first_holds_its_locks.wait(timeout=10)
    started = time.monotonic()
    try:
        from django.db import transaction

        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL lock_timeout = '3s'")
            entry_decide(supervisor=supervisor, entry_id=entries[1].pk, approve=True)
        outcomes["second"] = "ok"
    except Exception as error:
        outcomes["second"] = repr(error)
    waited = time.monotonic() - started
    second_done.set()
    thread.join(timeout=30)

    assert outcomes == {"first": "ok", "second": "ok"}
    assert waited < 2, f"the second approval waited {waited:.2f} s for the first"
    assert Decision.objects.filter(outcome=Decision.Outcome.APPROVED).count() == 2
