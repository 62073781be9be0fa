from django.conf import settings
from django.db import models


class Email(models.Model):
    """An outgoing email, stored before it is handed to Celery.

    Keeping the row means a message is never lost when the broker or the mail server is
    down: the task takes only the id, can be retried, and does nothing once the row says
    the message went out. A failed attempt leaves it queued with the error; it is marked
    failed only after ``MAX_SEND_ATTEMPTS``.
    """

    # Each try is one SMTP conversation; the outbox sweep spaces them out (see TaskCall).
    MAX_SEND_ATTEMPTS = 10

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    to = models.JSONField(help_text="List of recipient addresses.")
    subject = models.CharField(max_length=300)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"{self.subject} → {', '.join(self.to)} ({self.status})"


class TaskCall(models.Model):
    """A Celery task call a request asked for, written in the request's own transaction.

    The broker is not part of the database transaction: a commit can succeed while the
    publish after it fails (broker down), and a worker can die holding the message. So
    the row, not the message, is the record of the work: the message only prompts a worker
    to do it. The task marks the row done (``notifications.outbox.OutboxTask``); the sweep
    (``notifications.services.outbox_sweep``) sends the prompt again for every row still not
    done when it falls due, spacing the tries out and giving up after ``MAX_ATTEMPTS``.

    Tasks reached through here must be idempotent: a slow worker and the sweep may both
    run the same call.
    """

    MAX_ATTEMPTS = 30  # dispatches; with the sweep's spacing, about two and a half days

    task = models.CharField(max_length=200, help_text="The registered Celery task name.")
    kwargs = models.JSONField(default=dict, help_text="Keyword arguments: ids, not rows.")
    created_at = models.DateTimeField(auto_now_add=True)
    due_at = models.DateTimeField(
        help_text="When the sweep dispatches the call again if it is not done by then."
    )
    attempts = models.PositiveSmallIntegerField(default=0, help_text="Dispatches so far.")
    done_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            # The sweep reads only pending calls: a partial index stays small as done ones pile up.
            models.Index(
                fields=["due_at"],
                condition=models.Q(done_at__isnull=True),
                name="notifications_taskcall_due",
            )
        ]

    def __str__(self) -> str:
        return f"{self.task}({self.kwargs}) ({self.status})"

    @property
    def status(self) -> str:
        if self.done_at is not None:
            return "done"
        if self.attempts >= self.MAX_ATTEMPTS:
            return "given up"
        return "pending"


class Notification(models.Model):
    """An in-app notice of something an email told a user: the subject and the page it is about.

    Written beside every templated email sent to a person with an account
    (``services.email_send_template``), so the bell in the header counts the same events
    the emails carry; the body stays in the email. Deleted with the user.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    subject = models.CharField(max_length=300)
    link_path = models.CharField(
        max_length=500, help_text="The site path of the page the notice is about."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The bell counts a user's unread notices on every page a signed-in user opens.
            models.Index(
                fields=["user"],
                condition=models.Q(read_at__isnull=True),
                name="notifications_unread",
            ),
            models.Index(fields=["user", "-created_at"], name="notifications_user_recent"),
        ]
        constraints = [
            # Only site paths: a notice never sends anyone to another site.
            models.CheckConstraint(
                condition=models.Q(link_path__startswith="/")
                & ~models.Q(link_path__startswith="//"),
                name="notifications_link_is_a_site_path",
            )
        ]

    def __str__(self) -> str:
        return f"Notification {self.pk} for user {self.user_id}"
