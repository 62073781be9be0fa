"""Two-person review: the "Programme review" task a page's own submitter cannot approve.

Each training provider's "Programme review" workflow has one ``ProgrammeReviewTask``
whose reviewers are the provider's coordinators (its ``groups``). Whoever submits (or
resubmits) a page is recorded on the task state; that person is offered no workflow
action on it, cannot edit or publish it while it waits, and an approval they send anyway
is refused. Another reviewer of the same provider approves it. Reviewers are told by
email (``courses.receivers``), the submitter never.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.html import format_html
from wagtail.locks import WorkflowLock
from wagtail.models import GroupApprovalTask, TaskState

SELF_APPROVAL_REFUSED = (
    "You submitted this page for review, so another reviewer must approve it: "
    "nobody approves their own submission."
)


class ProgrammeReviewTaskState(TaskState):
    """A page's turn at the review task, with who sent it there."""

    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Who submitted or resubmitted the page for this review; they cannot approve it.",
    )

    class Meta:
        verbose_name = "program review task state"


def submitter_id_of(task_state) -> int | None:
    """The user who sent the page to this task state; None if it was not recorded."""
    return getattr(task_state.specific if task_state else None, "submitted_by_id", None)


class SubmitterLock(WorkflowLock):
    """The workflow lock, with the reason spelled out for the page's own submitter."""

    def get_message(self, user):
        if self.task.is_submitter(self.object, user):
            return format_html("<b>{}</b>", SELF_APPROVAL_REFUSED)
        return super().get_message(user)


class ProgrammeReviewTask(GroupApprovalTask):
    """Approval by the provider's reviewers, never by the page's last submitter."""

    task_state_class = ProgrammeReviewTaskState
    lock_class = SubmitterLock

    class Meta:
        verbose_name = "program review (two-person)"
        verbose_name_plural = "program reviews (two-person)"

    @classmethod
    def get_description(cls):
        return "Members of the chosen groups approve; the person who submitted the page cannot."

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        if user is not None:
            task_state.submitted_by = user
            task_state.save(update_fields=["submitted_by"])
        return task_state

    def is_submitter(self, obj, user) -> bool:
        """Is ``user`` the one who sent ``obj`` to this task, where it now waits?"""
        if not getattr(user, "is_authenticated", False):
            return False
        task_state = getattr(obj, "current_workflow_task_state", None)
        if task_state is None or task_state.task_id != self.pk:
            return False
        return submitter_id_of(task_state) == user.pk

    def user_can_access_editor(self, obj, user):
        return super().user_can_access_editor(obj, user) and not self.is_submitter(obj, user)

    def locked_for_user(self, obj, user):
        # The submitter may not edit or publish past the review while it waits.
        return super().locked_for_user(obj, user) or self.is_submitter(obj, user)

    def user_can_lock(self, obj, user):
        return super().user_can_lock(obj, user) and not self.is_submitter(obj, user)

    def get_actions(self, obj, user):
        if self.is_submitter(obj, user):
            return []
        return super().get_actions(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and submitter_id_of(task_state) == getattr(user, "pk", None):
            raise PermissionDenied(SELF_APPROVAL_REFUSED)
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        # "Awaiting your review" lists only what the user may approve.
        return (
            super()
            .get_task_states_user_can_moderate(user, **kwargs)
            .exclude(programmereviewtaskstate__submitted_by=user)
        )
