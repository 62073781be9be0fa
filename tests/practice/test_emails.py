"""The trainee hears of each decision, the supervisor of what waits; each email links there."""

import pytest

from notifications.models import Email
from practice.services import entry_decide, supervisor_digests_send
from tests.emails import assert_well_formed, strict_templates

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _strict(settings):
    strict_templates(settings)


def test_an_approval_links_to_the_entry_in_the_practice_log(
    assigned_supervisor, log_entry, trainee, practice_enrollment
):
    entry = log_entry(minutes=90)
    entry_decide(supervisor=assigned_supervisor, entry_id=entry.pk, approve=True)

    email = Email.objects.get(subject="[Peerpath] Practice hours approved")
    assert email.to == [trainee.email]
    assert_well_formed(email, link_path=f"/practice/{practice_enrollment.pk}/#entry-{entry.pk}")
    assert (
        f"{assigned_supervisor.get_full_name()} approved your 1.5 hours of one-to-one"
        in email.body_text
    )


def test_a_return_quotes_the_comment_and_links_to_the_edit_page(assigned_supervisor, log_entry):
    entry = log_entry(minutes=60)
    entry_decide(
        supervisor=assigned_supervisor, entry_id=entry.pk, approve=False, comment="Which <domain>?"
    )

    email = Email.objects.get(subject="[Peerpath] Practice entry returned")
    assert_well_formed(email, link_path=f"/practice/entries/{entry.pk}/edit/")
    assert "\n\nWhich <domain>?\n\n" in email.body_text


def test_the_digest_counts_in_plain_english_and_links_to_the_sign_off_queue(
    assigned_supervisor, log_entry
):
    log_entry(days_ago=1)
    assert supervisor_digests_send() == 1

    email = Email.objects.get(to=[assigned_supervisor.email])
    assert email.subject == "[Peerpath] 1 practice entry waits for your sign-off"
    assert_well_formed(email, link_path="/practice/supervision/")
    assert "1 practice-log entry from a trainee you supervise is waiting" in email.body_text
