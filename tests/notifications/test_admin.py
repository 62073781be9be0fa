"""The outbox in the Django admin: read-only, with "send again" and "retry" actions
that go through the outbox's services."""

import pytest
from django.core import mail
from django.utils import timezone

from notifications.models import Email, TaskCall
from notifications.services import email_queue
from tests.admin_checks import assert_read_only, changelist_queries

pytestmark = pytest.mark.django_db

EMAILS = "/django-admin/notifications/email/"
CALLS = "/django-admin/notifications/taskcall/"


def _failed_email(**fields) -> Email:
    return Email.objects.create(
        to=["ada@example.org"],
        subject="Your credential",
        body_text="Hello",
        status=Email.Status.FAILED,
        attempts=Email.MAX_SEND_ATTEMPTS,
        last_error="SMTPServerDisconnected()",
        **fields,
    )


def test_emails_and_calls_are_read_only_and_bodies_are_not_shown(support_client):
    email = _failed_email()
    email.body_text = "Reset your password: https://example.org/secret-link"
    email.save()
    call = TaskCall.objects.create(task="notifications.tasks.email_deliver", due_at=timezone.now())

    page = support_client.get(f"{EMAILS}{email.pk}/change/").content.decode()

    assert "secret-link" not in page and "SMTPServerDisconnected" in page
    assert_read_only(support_client, EMAILS, email, post={"status": "sent"})
    assert_read_only(support_client, CALLS, call, post={"done_at": "2020-01-01"})


def test_support_finds_an_email_by_recipient(support_client):
    _failed_email()
    Email.objects.create(to=["bo@example.org"], subject="Other", body_text="x")

    page = support_client.get(EMAILS, {"q": "ADA@example"}).content.decode()

    assert "Your credential" in page and "Other" not in page


def test_sending_a_failed_email_again_delivers_it_through_the_outbox(
    support_client, django_capture_on_commit_callbacks
):
    email = _failed_email()

    with django_capture_on_commit_callbacks(execute=True):
        response = support_client.post(
            EMAILS, {"action": "resend", "_selected_action": [email.pk]}, follow=True
        )

    assert "Queued 1 email(s)" in response.content.decode()
    email.refresh_from_db()
    assert email.status == Email.Status.SENT
    assert [m.to for m in mail.outbox] == [["ada@example.org"]]
    assert TaskCall.objects.get().done_at is not None


def test_sending_a_sent_email_again_sends_a_copy_and_keeps_the_first(
    support_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = email_queue(to=["ada@example.org"], subject="Welcome", body_text="Hello")
    first.refresh_from_db()
    assert first.status == Email.Status.SENT

    with django_capture_on_commit_callbacks(execute=True):
        support_client.post(EMAILS, {"action": "resend", "_selected_action": [first.pk]})

    copy = Email.objects.exclude(pk=first.pk).get()
    assert (copy.to, copy.subject, copy.body_text, copy.status) == (
        first.to,
        "Welcome",
        "Hello",
        Email.Status.SENT,
    )
    assert len(mail.outbox) == 2
    first.refresh_from_db()
    assert first.attempts == 1


def test_retrying_a_call_given_up_dispatches_it_and_leaves_done_ones_alone(
    support_client, django_capture_on_commit_callbacks
):
    email = Email.objects.create(to=["ada@example.org"], subject="Stuck", body_text="x")
    stuck = TaskCall.objects.create(
        task="notifications.tasks.email_deliver",
        kwargs={"email_id": email.pk},
        attempts=TaskCall.MAX_ATTEMPTS,
        due_at=timezone.now(),
    )
    done_at = timezone.now()
    done = TaskCall.objects.create(
        task="notifications.tasks.email_deliver",
        kwargs={"email_id": email.pk},
        due_at=done_at,
        done_at=done_at,
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = support_client.post(
            CALLS, {"action": "retry", "_selected_action": [stuck.pk, done.pk]}, follow=True
        )

    assert "Dispatched 1 call(s) again; 1 already done" in response.content.decode()
    stuck.refresh_from_db()
    done.refresh_from_db()
    assert stuck.done_at is not None and stuck.attempts == 1
    assert done.done_at == done_at
    email.refresh_from_db()
    assert email.status == Email.Status.SENT


def test_the_actions_need_the_change_permission(client, mfa_login, django_user_model):
    from django.contrib.auth.models import Permission

    viewer = django_user_model.objects.create_user(
        email="viewer@example.org", first_name="V", last_name="W", is_staff=True
    )
    viewer.user_permissions.set(Permission.objects.filter(codename="view_email"))
    mfa_login(client, viewer)
    email = _failed_email()

    page = client.get(EMAILS).content.decode()
    client.post(EMAILS, {"action": "resend", "_selected_action": [email.pk]})

    assert 'value="resend"' not in page
    email.refresh_from_db()
    assert email.status == Email.Status.FAILED and not TaskCall.objects.exists()


def test_the_lists_take_the_same_queries_for_many_rows(
    support_client, django_assert_max_num_queries
):
    _failed_email()
    TaskCall.objects.create(task="t", due_at=timezone.now())
    few = {path: changelist_queries(support_client, path) for path in (EMAILS, CALLS)}
    for _ in range(6):
        _failed_email()
        TaskCall.objects.create(task="t", due_at=timezone.now())

    for path, count in few.items():
        with django_assert_max_num_queries(count):
            support_client.get(path)
