"""Queueing email and background work through the outbox, and delivering email.

A request that needs work done after it writes a ``TaskCall`` (and, for mail, an
``Email``) in its own transaction, then hands the call to Celery once it commits. Handing
over may fail (the broker is down) and a worker may die mid-task: neither loses the work,
because ``outbox_sweep`` dispatches again whatever is not done when it falls due. Nothing
here imports another Peerpath app: tasks are named by Celery's registry.

Domain emails are templates, not strings in Python: ``email_send_template`` renders
``templates/<app>/email/<name>_subject.txt`` and ``_message.txt`` (and ``_message.html``
where one exists), as allauth does its own, and queues the result here. Each recipient
with an account also gets an in-app ``Notification`` of it (the bell in the header).
"""

import datetime
import inspect
import logging
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from celery import current_app
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models.functions import Lower
from django.template import Context, TemplateDoesNotExist
from django.template.loader import get_template
from django.utils import timezone

from .models import Email, Notification, TaskCall

logger = logging.getLogger(__name__)

# A call not done this long after it was dispatched is dispatched again. Long enough for a
# busy queue to reach it; short enough that a broker outage costs minutes, not hours.
RETRY_AFTER = datetime.timedelta(minutes=5)
# Later tries wait longer (5, 10, 20, 40, 80 minutes, then two hours), so a mail server
# that is down for a day is not hammered every five minutes.
RETRY_AFTER_MAX = datetime.timedelta(hours=2)


def retry_delay(*, attempts: int) -> datetime.timedelta:
    """How long after its ``attempts``-th dispatch a call is due again."""
    return min(RETRY_AFTER * 2 ** max(attempts - 1, 0), RETRY_AFTER_MAX)


def task_enqueue(*, task: Any, kwargs: dict[str, Any]) -> TaskCall:
    """Record a call of ``task`` in the current transaction; dispatch it once that commits.

    ``task`` is a Celery task built on ``notifications.outbox.OutboxTask`` (so it marks the
    call done); ``kwargs`` must be JSON: ids, not rows. If the transaction rolls back the
    call never existed; if the dispatch fails the sweep sends it later.
    """
    from .outbox import OutboxTask

    if not isinstance(task, OutboxTask):
        raise TypeError(f"{task.name} must be built on OutboxTask to be queued in the outbox.")
    inspect.signature(task.run).bind(**kwargs)  # a wrong argument fails here, not in a worker
    now = timezone.now()
    call = TaskCall.objects.create(
        task=task.name, kwargs=kwargs, attempts=1, due_at=now + retry_delay(attempts=1)
    )
    transaction.on_commit(lambda: task_dispatch(call=call))
    return call


def task_dispatch(*, call: TaskCall) -> bool:
    """Hand one call to Celery. Never raises: the row keeps the work, the sweep retries.

    Returns True if the call was handed over (or, inline, ran without error). The log line
    names the task and the call id, never the arguments or the error's text, which may
    carry an address.
    """
    kwargs = {**call.kwargs, "outbox_id": call.pk}
    try:
        task = current_app.tasks[call.task]
        if current_app.conf.task_always_eager:
            # Inline (no broker): run it here, once. Through apply() Celery would run the
            # task's retries back to back inside the request; the sweep is the retry.
            task(**kwargs)
        else:
            task.apply_async(kwargs=kwargs)
    except Exception as error:
        logger.warning(
            "Outbox: %s (call %s) not done yet, the sweep will retry: %s",
            call.task,
            call.pk,
            type(error).__name__,
        )
        task_call_failed(call_id=call.pk, error=error)
        return False
    return True


def task_call_done(*, call_id: int) -> None:
    TaskCall.objects.filter(pk=call_id, done_at__isnull=True).update(
        done_at=timezone.now(), last_error=""
    )


def task_call_failed(*, call_id: int, error: BaseException) -> None:
    """Keep the latest error on a call still pending, for the admin and the sweep's report."""
    TaskCall.objects.filter(pk=call_id, done_at__isnull=True).update(last_error=repr(error)[:2000])


def outbox_sweep(*, now: datetime.datetime | None = None, everything: bool = False) -> int:
    """Dispatch again every call not done by its due time. Returns how many were dispatched.

    Run every minute by Celery beat (``notifications.tasks.sweep_outbox``) and by hand with
    ``manage.py outbox_sweep`` (inline mode has no beat). ``everything`` ignores due times
    (after a mail server is fixed, say) but not calls given up. Two sweeps at once skip each
    other's rows on PostgreSQL; a call dispatched twice is harmless, tasks being idempotent.
    """
    now = now or timezone.now()
    pending = TaskCall.objects.filter(done_at__isnull=True, attempts__lt=TaskCall.MAX_ATTEMPTS)
    if not everything:
        pending = pending.filter(due_at__lte=now)
    with transaction.atomic():
        calls = list(pending.select_for_update(skip_locked=True).order_by("due_at")[:500])
        for call in calls:
            call.attempts += 1
            call.due_at = now + retry_delay(attempts=call.attempts)
        TaskCall.objects.bulk_update(calls, ["attempts", "due_at"])
    if calls:
        logger.info("Outbox sweep: dispatching %d call(s) again", len(calls))
    # After the commit, so a worker that is quick never sees the row before its new due time.
    for call in calls:
        log = logger.warning if call.attempts >= TaskCall.MAX_ATTEMPTS else logger.debug
        log(
            "Outbox sweep: %s (call %s) dispatched again, attempt %d of %d%s",
            call.task,
            call.pk,
            call.attempts,
            TaskCall.MAX_ATTEMPTS,
            " (the last: then it is given up)" if call.attempts >= TaskCall.MAX_ATTEMPTS else "",
        )
        task_dispatch(call=call)
    return len(calls)


def email_queue(*, to: list[str], subject: str, body_text: str, body_html: str = "") -> Email:
    """Store a message and deliver it through the outbox once the current transaction commits."""
    from .tasks import email_deliver

    email = Email.objects.create(
        to=list(to), subject=subject, body_text=body_text, body_html=body_html
    )
    task_enqueue(task=email_deliver, kwargs={"email_id": email.pk})
    return email


class EmailTemplateMissing(LookupError):
    """An email was asked for whose templates do not exist: a bug, raised while queueing."""


class EmailSite(NamedTuple):
    """The site as email templates name it: allauth's ``current_site.name`` and ``.domain``."""

    name: str
    domain: str


def email_site() -> EmailSite:
    """The site's name (WAGTAIL_SITE_NAME, never blank) and the host people open links on."""
    name = settings.WAGTAIL_SITE_NAME.strip() or "Peerpath"
    return EmailSite(name=name, domain=urlsplit(settings.WAGTAILADMIN_BASE_URL).netloc or name)


def email_subject_prefix() -> str:
    """``"[Peerpath] "``: the site's name, put once in front of every subject."""
    return f"[{email_site().name}] "


def absolute_link(path: str) -> str:
    """The address people open from an email: the site's base URL and a path on it."""
    if not path.startswith("/"):
        raise ValueError(f"An email links to a path on the site, starting with '/': {path!r}")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _render_text(template_name: str, context: dict[str, Any]) -> str:
    # Plain text is not HTML: a programme called "Peers & Allies" must not arrive as
    # "Peers &amp; Allies". Autoescaping is off for the whole render, so a template that
    # forgets ``{% autoescape off %}`` is still right.
    # The Django backend's template wraps the engine's in ``.template``; the stubs' protocol
    # for a backend template leaves it out.
    template = get_template(template_name).template  # type: ignore[attr-defined]
    return template.render(Context(context, autoescape=False))


def email_send_template(
    *, to: list[str], template: str, context: dict[str, Any], link_path: str | None = None
) -> Email:
    """Render the email ``template`` ("<app>/<name>") and queue it in the outbox.

    Reads ``<app>/email/<name>_subject.txt`` (one line; the site's name is put in front
    once), ``<name>_message.txt`` and, if it exists, ``<name>_message.html`` (autoescaped).
    The templates see ``context`` plus ``site_name`` and ``link``: the absolute address of
    ``link_path``, the page the email is about (the site's home page when None), with
    which every message ends.

    Everything is rendered here, in the request or task that asks for the email, so a
    missing template or a broken context fails now, with a traceback that names the
    caller, and never later in a worker that can only retry it.
    """
    app, _, name = template.partition("/")
    if not app or not name or "/" in name:
        raise ValueError(f"Name an email template as '<app>/<name>', not {template!r}.")
    stem = f"{app}/email/{name}"
    full_context = {
        **context,
        "site_name": email_site().name,
        "link": absolute_link(link_path or "/"),
    }
    try:
        subject = " ".join(_render_text(f"{stem}_subject.txt", full_context).split())
        body_text = _render_text(f"{stem}_message.txt", full_context).strip() + "\n"
    except TemplateDoesNotExist as error:
        raise EmailTemplateMissing(
            f"The email {template!r} needs templates/{stem}_subject.txt and "
            f"templates/{stem}_message.txt; {error} was not found."
        ) from error
    try:
        html = get_template(f"{stem}_message.html")
    except TemplateDoesNotExist:
        body_html = ""
    else:
        body_html = html.render(full_context)
    prefix = email_subject_prefix()
    email = email_queue(
        to=to,
        subject=prefix + subject.removeprefix(prefix),
        body_text=body_text,
        body_html=body_html,
    )
    notifications_create(addresses=to, subject=subject, link_path=link_path or "/")
    # The template and the row, never the address or the text: both are about a person.
    logger.info("Email %s queued (email %s)", template, email.pk)
    return email


def notifications_create(*, addresses: list[str], subject: str, link_path: str) -> int:
    """An unread in-app notice for each active account among ``addresses``; returns how many.

    Addresses match accounts whatever their case. A path that is not on this site (as no
    caller gives) becomes the home page, so a notice can only lead within Peerpath.
    """
    if not link_path.startswith("/") or link_path.startswith("//"):
        link_path = "/"
    wanted = {address.lower() for address in addresses}
    user_ids = (
        get_user_model()
        .objects.annotate(address=Lower("email"))
        .filter(address__in=wanted, is_active=True)
        .values_list("pk", flat=True)
    )
    notices = Notification.objects.bulk_create(
        Notification(user_id=user_id, subject=subject[:300], link_path=link_path[:500])
        for user_id in user_ids
    )
    return len(notices)


def notifications_mark_read(*, user, notification_ids: list[int] | None = None) -> int:
    """Mark ``user``'s unread notices read (only those ids, if given); returns how many."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=notification_ids)
    return unread.update(read_at=timezone.now())


def email_deliver_now(*, email_id: int) -> bool:
    """Send a stored message unless it has already gone out. Returns True if sent now.

    The row is locked while sending, so two workers handed the same id send it once. A
    failure is recorded on the row, which stays queued for the next try (failed once
    ``Email.MAX_SEND_ATTEMPTS`` are spent), and re-raised for Celery to retry.
    """
    failure: Exception | None = None
    with transaction.atomic():
        email = Email.objects.select_for_update().get(pk=email_id)
        if email.status != Email.Status.QUEUED:
            return False
        email.attempts += 1
        message = EmailMultiAlternatives(
            subject=email.subject,
            body=email.body_text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=email.to,
        )
        if email.body_html:
            message.attach_alternative(email.body_html, "text/html")
        try:
            message.send()
        except Exception as exc:
            failure = exc
            if email.attempts >= Email.MAX_SEND_ATTEMPTS:
                email.status = Email.Status.FAILED
            email.last_error = repr(exc)[:2000]
        else:
            email.status = Email.Status.SENT
            email.sent_at = timezone.now()
            email.last_error = ""
        email.save(update_fields=["status", "attempts", "last_error", "sent_at"])
    if failure is not None:
        raise failure
    return True


def email_resend(*, email: Email) -> Email:
    """Support's "send again": through the outbox, like any other message.

    A message not sent yet (queued, or failed after its tries) is queued again as it is,
    after the current transaction commits; one already sent is copied into a new message,
    so the record of the first stays as it was. Returns the message that will go out.
    """
    if email.status == Email.Status.SENT:
        copy = email_queue(
            to=email.to, subject=email.subject, body_text=email.body_text, body_html=email.body_html
        )
        logger.info("Email %s queued again as email %s", email.pk, copy.pk)
        return copy
    from .tasks import email_deliver

    Email.objects.filter(pk=email.pk).exclude(status=Email.Status.SENT).update(
        status=Email.Status.QUEUED
    )
    email.refresh_from_db(fields=["status"])
    task_enqueue(task=email_deliver, kwargs={"email_id": email.pk})
    logger.info("Email %s queued again (after %d attempt(s))", email.pk, email.attempts)
    return email


def task_call_retry(*, call: TaskCall, now: datetime.datetime | None = None) -> bool:
    """Support's "retry now": dispatch a call not done yet, once the transaction commits.

    Gives it a fresh round of the sweep's tries (a call given up is taken up again).
    Returns False, changing nothing, for a call already done.
    """
    now = now or timezone.now()
    updated = TaskCall.objects.filter(pk=call.pk, done_at__isnull=True).update(
        attempts=1, due_at=now + retry_delay(attempts=1)
    )
    if not updated:
        return False
    call.refresh_from_db()
    transaction.on_commit(lambda: task_dispatch(call=call))
    logger.info("Outbox: %s (call %s) retried by hand", call.task, call.pk)
    return True
