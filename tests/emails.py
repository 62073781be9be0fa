"""What every domain email test checks, whichever app sends the email.

One subject line with the site's name in front once, a plain-text body that ends with the
absolute link to the page the email is about, and no variable the template used that its
context lacked (``strict_templates`` makes such a variable visible instead of blank).
"""

import copy

from django.conf import settings

from notifications.models import Email

MISSING = "!MISSING:%s!"


def strict_templates(settings_fixture) -> None:
    """Render a marker where a template reads a variable its context does not have."""
    templates = copy.deepcopy(settings_fixture.TEMPLATES)
    templates[0].setdefault("OPTIONS", {})["string_if_invalid"] = MISSING
    settings_fixture.TEMPLATES = templates


def assert_well_formed(email: Email, *, link_path: str) -> None:
    prefix = f"[{settings.WAGTAIL_SITE_NAME}] "
    assert email.subject.startswith(prefix)
    assert email.subject.count(prefix.strip()) == 1
    assert "\n" not in email.subject and email.subject == email.subject.strip()
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + link_path
    assert link.startswith(("http://", "https://"))
    assert email.body_text.rstrip().endswith("\n" + link)
    for text in (email.subject, email.body_text, email.body_html):
        assert "!MISSING:" not in text
        assert "{{" not in text and "{%" not in text
