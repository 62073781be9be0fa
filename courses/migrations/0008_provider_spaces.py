"""Give each training provider its own space in the CMS, and move its programmes there.

Until now one "Training coordinators" group (and "Course editors") held edit and publish
rights on the whole programme index, so any coordinator could change any provider's
programmes. From here on:

- each training provider has a ``ProviderPage`` under the programme index, and its
  programmes (with their modules, lessons and quizzes) move under it;
- each provider has a coordinators group and a course-editors group
  (``organisations.RoleGroup``) holding page permissions on its page only, and members
  matching its memberships; a "Programme review: <provider>" workflow on its page names
  its coordinators as approvers;
- the role-wide groups keep their model permissions (admin access, snippets) but lose
  their page permissions on the index, and the index's review task its approvers;
- requirement profiles get the provider of the programmes that use them (or, on a site
  with one provider, that provider); a profile used by several providers stays shared;
- competency domains are shared by every provider: coordinators no longer change them.

Written against the historical models (paths rewritten by hand, as treebeard would), so
it runs the same on any later schema. Course editors cannot be placed on a site with
several providers (nothing says which provider they write for): they keep the role-wide
group, without page rights, until given an editor membership.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

STEPLEN = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
COORDINATORS = "Training coordinators"
EDITORS = "Course editors"
PAGE_PERMISSIONS = {
    "coordinator": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    "editor": ["add_page", "change_page"],
}
ROLE_LABELS = {"coordinator": "Training coordinators", "editor": "Course editors"}


def _step(number: int) -> str:
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits.rjust(STEPLEN, "0")


def _number(step: str) -> int:
    return int(step, len(ALPHABET))


def _next_child_path(Page, parent) -> str:
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return parent.path + _step(_number(last[-STEPLEN:]) + 1 if last else 1)


def _role_group(apps, organisation, role):
    Group = apps.get_model("auth.Group")
    RoleGroup = apps.get_model("organisations.RoleGroup")
    existing = RoleGroup.objects.filter(organisation=organisation, role=role).first()
    if existing:
        return Group.objects.get(pk=existing.group_id)
    label = f"{ROLE_LABELS[role]} of"
    name = f"{label} {organisation.name}"
    if len(name) > 150 or Group.objects.filter(name=name).exists():
        name = f"{label} organisation {organisation.pk}"
    group = Group.objects.create(name=name)
    RoleGroup.objects.create(organisation=organisation, role=role, group=group)
    return group


def _move_subtree(Page, page, new_parent, new_path):
    """Move ``page`` and its descendants under ``new_parent`` at ``new_path``."""
    old_path, old_url = page.path, page.url_path
    new_url = f"{new_parent.url_path}{page.slug}/"
    depth_change = new_parent.depth + 1 - page.depth
    for node in Page.objects.filter(path__startswith=old_path).order_by("-depth"):
        node.path = new_path + node.path[len(old_path) :]
        node.depth += depth_change
        if node.url_path.startswith(old_url):
            node.url_path = new_url + node.url_path[len(old_url) :]
        Page.objects.filter(pk=node.pk).update(
            path=node.path, depth=node.depth, url_path=node.url_path
        )


def build(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    Organisation = apps.get_model("organisations.Organisation")
    Membership = apps.get_model("organisations.Membership")
    ProgrammeIndexPage = apps.get_model("courses.ProgrammeIndexPage")
    ProviderPage = apps.get_model("courses.ProviderPage")
    ProgrammePage = apps.get_model("courses.ProgrammePage")
    RequirementProfile = apps.get_model("courses.RequirementProfile")

    index = ProgrammeIndexPage.objects.first()
    if index is None:
        return
    index = Page.objects.get(pk=index.pk)
    provider_type, _ = ContentType.objects.get_or_create(app_label="courses", model="providerpage")
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    page_permissions = {
        p.codename: p
        for p in Permission.objects.filter(content_type__app_label="wagtailcore")
    }
    role_wide = {
        "coordinator": Group.objects.get_or_create(name=COORDINATORS)[0],
        "editor": Group.objects.get_or_create(name=EDITORS)[0],
    }

    providers = list(
        Organisation.objects.filter(kind="provider")
        | Organisation.objects.filter(pk__in=ProgrammePage.objects.values("organisation_id"))
    )
    for organisation in providers:
        groups = {role: _role_group(apps, organisation, role) for role in PAGE_PERMISSIONS}
        provider_page = ProviderPage.objects.filter(organisation=organisation).first()
        if provider_page is None:
            taken = set(
                Page.objects.filter(path__startswith=index.path, depth=index.depth + 1)
                .values_list("slug", flat=True)
            )
            slug, n = organisation.slug, 1
            while slug in taken:
                n += 1
                slug = f"{organisation.slug}-{n}"
            provider_page = ProviderPage.objects.create(
                title=organisation.name,
                draft_title=organisation.name,
                slug=slug,
                content_type=provider_type,
                path=_next_child_path(Page, index),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                locale_id=index.locale_id,
                live=True,
                organisation=organisation,
            )
        for role, codenames in PAGE_PERMISSIONS.items():
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=groups[role], page_id=provider_page.pk, permission=page_permissions[codename]
                )
        if not WorkflowPage.objects.filter(page_id=provider_page.pk).exists():
            task = GroupApprovalTask.objects.create(
                name=f"Coordinator approval: {organisation.name}"[:255],
                content_type=task_type,
                active=True,
            )
            task.groups.set([groups["coordinator"]])
            workflow = Workflow.objects.create(
                name=f"Programme review: {organisation.name}"[:255], active=True
            )
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
            WorkflowPage.objects.create(workflow=workflow, page_id=provider_page.pk)

        # The provider's programmes, from directly under the index to under its page.
        provider_node = Page.objects.get(pk=provider_page.pk)
        for programme in ProgrammePage.objects.filter(
            organisation=organisation, depth=index.depth + 1, path__startswith=index.path
        ).order_by("path"):
            node = Page.objects.get(pk=programme.pk)
            _move_subtree(Page, node, provider_node, _next_child_path(Page, provider_node))
            Page.objects.filter(pk=provider_node.pk).update(numchild=provider_node.numchild + 1)
            provider_node.numchild += 1

        for membership in Membership.objects.filter(
            organisation=organisation, role__in=list(PAGE_PERMISSIONS)
        ):
            membership.user.groups.add(groups[membership.role], role_wide[membership.role])

    Page.objects.filter(pk=index.pk).update(
        numchild=Page.objects.filter(path__startswith=index.path, depth=index.depth + 1).count()
    )

    # On a one-provider site, course editors evidently write for that provider.
    provider_ids = [o.pk for o in providers if o.kind == "provider"]
    if len(provider_ids) == 1:
        organisation = Organisation.objects.get(pk=provider_ids[0])
        editors_group = _role_group(apps, organisation, "editor")
        for user in role_wide["editor"].user_set.all():
            Membership.objects.get_or_create(user=user, organisation=organisation, role="editor")
            user.groups.add(editors_group)

    # The role-wide groups keep model permissions only: no rights on the whole index.
    GroupPagePermission.objects.filter(
        group__in=role_wide.values(), page_id=index.pk
    ).delete()
    for task in GroupApprovalTask.objects.filter(
        workflow_tasks__workflow__workflow_pages__page_id=index.pk
    ):
        task.groups.remove(role_wide["coordinator"])

    for profile in RequirementProfile.objects.filter(organisation__isnull=True):
        users = set(
            ProgrammePage.objects.filter(requirement_profile=profile).values_list(
                "organisation_id", flat=True
            )
        )
        if len(users) == 1:
            profile.organisation_id = users.pop()
        elif not users and len(provider_ids) == 1:
            profile.organisation_id = provider_ids[0]
        else:
            continue
        profile.save(update_fields=["organisation"])

    # Competency domains are one taxonomy for every provider: shared, read-only.
    role_wide["coordinator"].permissions.remove(
        *Permission.objects.filter(
            content_type__app_label="courses",
            codename__in=["add_competencydomain", "change_competencydomain"],
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0007_providerpage_requirementprofile_organisation"),
        ("organisations", "0002_rolegroup_editor_role"),
        ("assessments", "0002_coordinator_permissions"),
        ("practice", "0003_categories_and_permissions"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(build, migrations.RunPython.noop)]
