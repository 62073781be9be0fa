"""Providers' "Programme review" tasks become two-person reviews.

The group approval task on each provider page's workflow gets the ``ProgrammeReviewTask``
row that makes it one (same id, so workflows and their history stay as they are), and a
page waiting at it records its requester as the submitter, who then cannot approve it.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def upgrade(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Task = apps.get_model("wagtailcore.Task")
    TaskState = apps.get_model("wagtailcore.TaskState")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    ProviderPage = apps.get_model("courses.ProviderPage")
    ProgrammeReviewTask = apps.get_model("courses.ProgrammeReviewTask")
    ProgrammeReviewTaskState = apps.get_model("courses.ProgrammeReviewTaskState")

    task_type, _ = ContentType.objects.get_or_create(
        app_label="courses", model="programmereviewtask"
    )
    state_type, _ = ContentType.objects.get_or_create(
        app_label="courses", model="programmereviewtaskstate"
    )
    provider_pages = ProviderPage.objects.values("pk")
    workflow_ids = WorkflowPage.objects.filter(page_id__in=provider_pages).values("workflow_id")
    tasks = GroupApprovalTask.objects.filter(workflow_tasks__workflow_id__in=workflow_ids).exclude(
        pk__in=ProgrammeReviewTask.objects.values("pk")
    )
    for task_id in list(tasks.values_list("pk", flat=True).distinct()):
        # Only the child table's row: the task and group approval rows stay as they are.
        ProgrammeReviewTask(groupapprovaltask_ptr_id=task_id).save_base(raw=True)
        Task.objects.filter(pk=task_id).update(content_type=task_type)
        waiting = TaskState.objects.filter(task_id=task_id, status="in_progress").exclude(
            pk__in=ProgrammeReviewTaskState.objects.values("pk")
        )
        for state_id, requested_by in waiting.values_list("pk", "workflow_state__requested_by"):
            ProgrammeReviewTaskState(
                taskstate_ptr_id=state_id, submitted_by_id=requested_by
            ).save_base(raw=True)
            TaskState.objects.filter(pk=state_id).update(content_type=state_type)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0008_provider_spaces"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ProgrammeReviewTask",
            fields=[
                (
                    "groupapprovaltask_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to="wagtailcore.groupapprovaltask",
                    ),
                ),
            ],
            options={
                "verbose_name": "programme review (two-person)",
                "verbose_name_plural": "programme reviews (two-person)",
            },
            bases=("wagtailcore.groupapprovaltask",),
        ),
        migrations.CreateModel(
            name="ProgrammeReviewTaskState",
            fields=[
                (
                    "taskstate_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to="wagtailcore.taskstate",
                    ),
                ),
                (
                    "submitted_by",
                    models.ForeignKey(
                        blank=True,
                        help_text="Who submitted or resubmitted the page for this review; they cannot approve it.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "programme review task state",
            },
            bases=("wagtailcore.taskstate",),
        ),
        migrations.RunPython(upgrade, migrations.RunPython.noop),
    ]
