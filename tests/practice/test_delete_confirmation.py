"""Deleting a draft log entry cannot be undone, so the list's link opens a page that says
what goes; only that page's button (confirm=yes) deletes."""

import pytest
from django.urls import reverse

from practice.models import LogEntry

pytestmark = pytest.mark.django_db


def test_deleting_a_draft_asks_first_and_says_what_goes(client, trainee, log_entry):
    entry = log_entry(submit=False, minutes=90)
    client.force_login(trainee)
    url = reverse("practice:entry_action", kwargs={"entry_id": entry.pk, "action": "delete"})

    log = client.get(reverse("practice:log", args=[entry.enrollment_id])).content.decode()
    assert f'href="{url}"' in log  # a link to the confirmation, not a one-click form
    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Delete this draft?" in html
    assert "1.5 hours" in html and "This cannot be undone." in html
    assert 'name="confirm" value="yes"' in html

    client.post(url)  # a bare POST (say, an old form) only shows the page again
    assert LogEntry.objects.filter(pk=entry.pk).exists()

    response = client.post(url, {"confirm": "yes"})

    assert response.status_code == 302
    assert not LogEntry.objects.filter(pk=entry.pk).exists()


def test_submitting_is_still_post_only(client, trainee, log_entry):
    entry = log_entry(submit=False)
    client.force_login(trainee)
    url = reverse("practice:entry_action", kwargs={"entry_id": entry.pk, "action": "submit"})

    assert client.get(url).status_code == 405
    entry.refresh_from_db()
    assert entry.status == LogEntry.Status.DRAFT


def test_someone_elses_draft_is_404(client, make_member, log_entry):
    entry = log_entry(submit=False)
    client.force_login(make_member("trainee"))
    url = reverse("practice:entry_action", kwargs={"entry_id": entry.pk, "action": "delete"})

    assert client.get(url).status_code == 404
    assert client.post(url, {"confirm": "yes"}).status_code == 404
    assert LogEntry.objects.filter(pk=entry.pk).exists()
