"""Each training provider's space in the CMS: its page, rights, workflow and programmes."""

import pytest
from wagtail.actions.copy_page import CopyPageAction
from wagtail.actions.move_page import MovePageAction
from wagtail.models import GroupPagePermission, Page, Workflow

from courses.models import ProgrammeIndexPage, ProgrammePage, ProviderPage
from courses.services import provider_space_ensure
from tests.builders import _run_data_migration
from tests.factories import ClinicFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_a_new_provider_gets_its_page_rights_and_workflow_once(provider):
    page = ProviderPage.objects.get(organisation=provider)
    counts = (GroupPagePermission.objects.count(), Workflow.objects.count(), Page.objects.count())

    assert provider_space_ensure(organisation=provider) == page
    assert (
        GroupPagePermission.objects.count(),
        Workflow.objects.count(),
        Page.objects.count(),
    ) == counts
    assert page.get_parent().specific_class is ProgrammeIndexPage
    assert set(
        GroupPagePermission.objects.filter(page=page).values_list("group__name", flat=True)
    ) == {f"Training coordinators of {provider.name}", f"Course editors of {provider.name}"}


def test_clinics_get_no_page():
    clinic = ClinicFactory()

    assert provider_space_ensure(organisation=clinic) is None
    assert not ProviderPage.objects.filter(organisation=clinic).exists()


def test_renaming_a_provider_renames_its_page_not_its_address(provider):
    provider.name = "Peer Training Collaborative of Ohio"
    provider.save()

    page = ProviderPage.objects.get(organisation=provider)
    assert page.title == "Peer Training Collaborative of Ohio"
    assert page.slug == "peer-training"


def test_a_programme_moved_or_copied_to_another_provider_becomes_theirs(
    programme, provider, django_user_model
):
    other = OrganisationFactory()
    other_page = ProviderPage.objects.get(organisation=other)
    admin = django_user_model.objects.create_superuser(email="root@example.org", password="x")

    copy = CopyPageAction(
        programme, to=other_page, update_attrs={"slug": "copied"}, user=admin
    ).execute()
    MovePageAction(programme, other_page, pos="last-child", user=admin).execute()

    assert ProgrammePage.objects.get(pk=copy.pk).organisation == other
    assert ProgrammePage.objects.get(pk=programme.pk).organisation == other
    assert ProgrammePage.objects.get(pk=programme.pk).url_path.endswith(f"/{other.slug}/cpsw/")


def test_a_programmes_old_address_redirects_to_its_new_one(client, programme):
    response = client.get("/programmes/cpsw/module-1/lesson-1/")

    assert response.status_code == 301
    assert response["Location"] == "/programmes/peer-training/cpsw/module-1/lesson-1/"
    assert client.get("/programmes/no-such-programme/").status_code == 404


def test_the_index_lists_every_providers_published_programmes(client, build_programme):
    build_programme()
    build_programme(organisation=OrganisationFactory(name="Harbour"), slug="harbour-course")

    html = client.get("/programmes/").content.decode()

    assert html.count("Certified Peer Support Worker") == 2
    assert "Run by Harbour" in html


def test_a_providers_page_lists_its_own_programmes_or_says_it_has_none(client, build_programme):
    build_programme()
    empty = OrganisationFactory(name="Harbour")

    ours = client.get(ProviderPage.objects.get(organisation__slug="peer-training").url)
    theirs = client.get(ProviderPage.objects.get(organisation=empty).url)

    assert "Certified Peer Support Worker" in ours.content.decode()
    assert "Run by" not in ours.content.decode()  # one provider's page names no provider
    assert "Harbour has not published a program yet." in theirs.content.decode()


def test_the_migration_moves_programmes_under_their_providers_page(provider):
    """Programmes made the old way, straight under the index, end up under their provider."""
    index = ProgrammeIndexPage.objects.get()
    old = index.add_child(
        instance=ProgrammePage(
            title="Old", slug="old", organisation=provider, summary="s", live=True
        )
    )
    ProgrammePage.objects.filter(pk=old.pk).update(organisation=provider)
    old.add_child(instance=Page(title="Child", slug="child"))

    _run_data_migration("courses.migrations.0008_provider_spaces", "build")

    moved = ProgrammePage.objects.get(pk=old.pk)
    assert moved.get_parent().pk == ProviderPage.objects.get(organisation=provider).pk
    assert moved.url_path == "/home/programmes/peer-training/old/"
    assert moved.get_children().get().url_path == "/home/programmes/peer-training/old/child/"
    assert Page.find_problems() == ([], [], [], [], [])
