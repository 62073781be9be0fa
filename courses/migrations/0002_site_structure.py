"""Site structure every Peerpath needs, demo or not.

- the four IC&RC competency domains (coordinators can add more);
- the programme index under the home page;
- two groups: course editors write and submit for moderation, training coordinators
  approve and publish; a "Programme review" workflow on the programme index.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

DOMAINS = [
    ("Advocacy", "advocacy", "Speaking up with and for people in recovery, and for change in services."),
    ("Mentoring and education", "mentoring-and-education", "Sharing experience and skills with purpose."),
    ("Recovery and wellness support", "recovery-and-wellness-support", "Supporting each person's own path to recovery."),
    ("Ethical responsibility", "ethical-responsibility", "Boundaries, confidentiality, ethics and self-care."),
]
COORDINATORS = "Training coordinators"
EDITORS = "Course editors"


def build(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    CompetencyDomain = apps.get_model("courses.CompetencyDomain")
    for name, slug, description in DOMAINS:
        CompetencyDomain.objects.get_or_create(slug=slug, defaults={"name": name, "description": description})

    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("cms.HomePage")
    ProgrammeIndexPage = apps.get_model("courses.ProgrammeIndexPage")
    home = HomePage.objects.get(depth=2, slug="home")
    index_type, _ = ContentType.objects.get_or_create(app_label="courses", model="programmeindexpage")
    index = ProgrammeIndexPage.objects.create(
        title="Programmes",
        draft_title="Programmes",
        slug="programmes",
        content_type=index_type,
        path=home.path + "0001",
        depth=3,
        numchild=0,
        url_path=home.url_path + "programmes/",
        locale=Locale.objects.get(pk=home.locale_id),
        live=True,
        introduction="Programmes that lead to a peer support credential.",
    )
    Page.objects.filter(pk=home.pk).update(numchild=home.numchild + 1)

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore.Collection")

    def perm(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    admin_access = perm("wagtailadmin", "access_admin")
    coordinators, _ = Group.objects.get_or_create(name=COORDINATORS)
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    root_collection = Collection.objects.get(depth=1)
    for group, page_perms in (
        (coordinators, ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]),
        (editors, ["add_page", "change_page"]),
    ):
        group.permissions.add(admin_access)
        for codename in page_perms:
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=index.pk, permission=perm("wagtailcore", codename)
            )
        for app_label, codename in (
            ("wagtaildocs", "add_document"),
            ("wagtaildocs", "choose_document"),
            ("wagtailimages", "add_image"),
            ("wagtailimages", "choose_image"),
        ):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=perm(app_label, codename)
            )
    for codename in (
        "add_cohort", "change_cohort", "view_cohort",
        "add_requirementprofile", "change_requirementprofile", "view_requirementprofile",
        "add_competencydomain", "change_competencydomain", "view_competencydomain",
    ):
        coordinators.permissions.add(perm("courses", codename))

    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.create(name="Coordinator approval", content_type=task_type, active=True)
    task.groups.set([coordinators])
    workflow = Workflow.objects.create(name="Programme review", active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page_id=index.pk)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("cms", "0002_create_homepage"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(build, migrations.RunPython.noop)]
