import pytest
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase

from cms.models import HomePage


class TestHomePageTree(WagtailPageTestCase):
    def test_home_page_sits_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_there_is_one_home_page_and_it_is_the_site_root(self):
        site = Site.objects.get(is_default_site=True)
        self.assertIsInstance(site.root_page.specific, HomePage)
        self.assertEqual(HomePage.max_count, 1)


@pytest.mark.django_db
def test_home_page_explains_peerpath_and_links_each_audience(client):
    from demo.content.home import HOME
    from demo.loaders.cms import seed_home_page

    seed_home_page()

    html = client.get("/").content.decode()

    assert HOME["introduction"] in html
    for audience in HOME["audiences"]:
        assert audience["heading"] in html
        assert f'href="{audience["link_url"]}"' in html
    assert 'class="skip-link" href="#main"' in html
    assert 'id="main"' in html
