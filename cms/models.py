from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

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
    max_count = 1

    class Meta:
        verbose_name = "home page"
