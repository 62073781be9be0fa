"""Blocks for site-wide pages."""

from wagtail import blocks


class AudienceBlock(blocks.StructBlock):
    """One kind of visitor (trainee, supervisor, clinic) and where they start."""

    heading = blocks.CharBlock(max_length=80)
    text = blocks.TextBlock(max_length=400)
    link_text = blocks.CharBlock(max_length=60)
    link_url = blocks.CharBlock(
        max_length=200, help_text="A path on this site, such as /accounts/signup/."
    )

    class Meta:
        icon = "user"
        template = "blocks/audience_block.html"
        preview_value = {
            "heading": "Trainees",
            "text": "Work through the modules at your own pace.",
            "link_text": "Create an account",
            "link_url": "/accounts/signup/",
        }
