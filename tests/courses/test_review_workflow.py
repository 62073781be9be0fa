"""Two-person review: whoever submits a page to "Programme review" cannot approve it.

Another reviewer of the same provider approves it; a reviewer of another provider does not
even see it; and the review request is emailed to the provider's reviewers, not to the
submitter, the site's superusers or other providers' coordinators.
"""

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from courses.models import LessonPage, ModulePage, ProgrammeReviewTask, ProviderPage
from courses.models.review import SELF_APPROVAL_REFUSED
from organisations.roles import Role
from tests.emails import assert_well_formed
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(make_member, provider):
    other = OrganisationFactory(name="Yarrow Recovery Training", slug="yarrow")
    return {
        "editor": make_member(Role.EDITOR, email="eli.editor@example.org"),
        "coordinator": make_member(Role.COORDINATOR, email="cora.coordinator@example.org"),
        "second": make_member(Role.COORDINATOR, email="sam.second@example.org"),
        "outsider": make_member(
            Role.COORDINATOR, organisation=other, email="yusuf.yarrow@example.org"
        ),
        "superuser": UserFactory(email="root@example.org", is_staff=True, is_superuser=True),
    }


@pytest.fixture
def lesson(programme):
    module = ModulePage.objects.child_of(programme).first()
    return LessonPage.objects.child_of(module).first()


def submit(page, user, *, title="Revised lesson"):
    page.title = title
    page.save_revision(user=user)
    page.get_workflow().start(page, user)
    return TaskState.objects.get(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    )


def approve_url(page, task_state) -> str:
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])


def test_each_providers_review_is_a_two_person_task(provider):
    task = ProviderPage.objects.get(organisation=provider).get_workflow().tasks.get().specific

    assert isinstance(task, ProgrammeReviewTask)
    assert [g.name for g in task.groups.all()] == [f"Training coordinators of {provider.name}"]


def test_the_submitter_cannot_approve_and_is_told_why(client, lesson, people, mfa_login):
    coordinator = people["coordinator"]
    task_state = submit(lesson, coordinator)
    mfa_login(client, coordinator)

    response = client.post(approve_url(lesson, task_state))

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[lesson.pk])
    assert SELF_APPROVAL_REFUSED in [str(m) for m in get_messages(response.wsgi_request)]
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS
    lesson.refresh_from_db()
    assert lesson.title != "Revised lesson"
    assert lesson.workflow_in_progress


def test_the_submitter_is_offered_no_approval_and_cannot_publish_past_review(
    client, lesson, people, mfa_login
):
    coordinator = people["coordinator"]
    submit(lesson, coordinator)
    mfa_login(client, coordinator)

    page = client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk])).content.decode()

    assert "another reviewer must approve it" in page
    assert 'name="action-publish"' not in page
    assert "data-workflow-action-name" not in page
    task = lesson.current_workflow_task
    assert task.get_actions(lesson, coordinator) == []
    assert task.locked_for_user(lesson, coordinator)
    assert not task.get_task_states_user_can_moderate(coordinator).exists()


def test_refused_in_the_model_too(lesson, people):
    """However an approval arrives (API, shell, a later Wagtail view), the task refuses it."""
    from django.core.exceptions import PermissionDenied

    coordinator = people["coordinator"]
    task_state = submit(lesson, coordinator)

    with pytest.raises(PermissionDenied, match="another reviewer"):
        task_state.task.specific.on_action(task_state, coordinator, "approve")

    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS


def test_another_reviewer_of_the_provider_approves(client, lesson, people, mfa_login):
    task_state = submit(lesson, people["coordinator"])
    mfa_login(client, people["second"])

    page = client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk])).content.decode()
    assert 'data-workflow-action-name="approve"' in page
    client.post(approve_url(lesson, task_state))

    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_APPROVED
    lesson.refresh_from_db()
    assert lesson.live and lesson.title == "Revised lesson"
    assert lesson.current_workflow_state is None


def test_the_editors_submission_is_approved_by_a_coordinator(client, lesson, people, mfa_login):
    task_state = submit(lesson, people["editor"])
    mfa_login(client, people["coordinator"])

    client.post(approve_url(lesson, task_state))

    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_APPROVED
    assert LessonPage.objects.get(pk=lesson.pk).title == "Revised lesson"


def test_who_resubmits_after_changes_is_the_one_who_cannot_approve(lesson, people):
    coordinator, second = people["coordinator"], people["second"]
    task_state = submit(lesson, coordinator)
    task_state.task.specific.on_action(task_state, second, "reject", comment="Fix the title")
    workflow_state = WorkflowState.objects.get(pk=task_state.workflow_state_id)
    assert workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    lesson.save_revision(user=second)
    workflow_state.resume(user=second)

    lesson = LessonPage.objects.get(pk=lesson.pk)
    task = lesson.current_workflow_task
    assert task.get_actions(lesson, second) == []
    assert [name for name, *_ in task.get_actions(lesson, coordinator)] == [
        "reject",
        "approve",
        "approve",
    ]


def test_a_reviewer_of_another_provider_cannot_see_or_approve(client, lesson, people, mfa_login):
    task_state = submit(lesson, people["editor"])
    mfa_login(client, people["outsider"])

    assert client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk])).status_code == 404
    assert client.post(approve_url(lesson, task_state)).status_code == 404
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Revised lesson" not in dashboard

    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS


def test_the_review_request_goes_to_the_providers_reviewers(
    lesson, people, settings, django_capture_on_commit_callbacks
):
    from notifications.models import Email

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        submit(lesson, people["coordinator"])

    # The other coordinator only: not the submitter, the editor, another provider's
    # coordinator or the superuser.
    assert sorted(m.to[0] for m in mail.outbox) == ["sam.second@example.org"]
    message = mail.outbox[0]
    assert "Revised lesson" in message.subject
    assert "Peer Training Collaborative" in message.subject
    assert people["coordinator"].get_full_name() in message.body
    edit_path = reverse("wagtailadmin_pages:edit", args=[lesson.pk])
    assert_well_formed(Email.objects.get(), link_path=edit_path)


def test_an_editors_submission_reaches_every_coordinator_of_the_provider(
    lesson, people, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        submit(lesson, people["editor"])

    assert sorted(m.to[0] for m in mail.outbox) == [
        "cora.coordinator@example.org",
        "sam.second@example.org",
    ]
    assert all(len(m.to) == 1 for m in mail.outbox)


def test_the_migration_makes_existing_reviews_two_person_and_keeps_waiting_pages(
    lesson, people, provider
):
    """A site migrated from before: plain group approval tasks, a page already waiting."""
    from wagtail.models import GroupApprovalTask, Task, Workflow, WorkflowPage, WorkflowTask

    from tests.builders import _run_data_migration

    provider_page = ProviderPage.objects.get(organisation=provider)
    new_task = provider_page.get_workflow().tasks.get().specific
    WorkflowPage.objects.filter(page=provider_page).delete()
    old_task = GroupApprovalTask.objects.create(name="Coordinator approval (old)")
    old_task.groups.set(new_task.groups.all())
    workflow = Workflow.objects.create(name="Program review (old)")
    WorkflowTask.objects.create(workflow=workflow, task=old_task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=provider_page)
    coordinator = people["coordinator"]
    waiting = submit(lesson, coordinator)
    assert type(waiting.specific) is TaskState

    _run_data_migration("courses.migrations.0009_programme_review_task", "upgrade")
    _run_data_migration("courses.migrations.0009_programme_review_task", "upgrade")  # idempotent

    assert isinstance(Task.objects.get(pk=old_task.pk).specific, ProgrammeReviewTask)
    state = TaskState.objects.get(pk=waiting.pk).specific
    assert state.submitted_by == coordinator
    lesson = LessonPage.objects.get(pk=lesson.pk)
    assert lesson.current_workflow_task.get_actions(lesson, coordinator) == []
    assert lesson.current_workflow_task.get_actions(lesson, people["second"])
