from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from courses.blocks import ContentStreamBlock

from .blocks import AudienceBlock


class HomePage(Page):
    """The site root: tells a visitor what Peerpath is and where each kind of user starts."""

    introduction = models.TextField(
        max_length=500, help_text="One or two sentences shown under the title."
    )
    body = RichTextField(blank=True, features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])
    audiences = StreamField([("audience", AudienceBlock())], blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("audiences"),
        FieldPanel("body"),
    ]

    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.ProgrammeIndexPage", "cms.StandardPage"]
    max_count = 1

    class Meta:
        verbose_name = "home page"


class StandardPage(Page):
    """A plain page for site information: about, privacy, accessibility statement."""

    introduction = models.TextField(max_length=500, blank=True)
    body = StreamField(ContentStreamBlock())

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]

    search_fields = [*Page.search_fields, index.SearchField("body")]

    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = "standard page"
