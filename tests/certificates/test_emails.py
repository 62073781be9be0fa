"""The holder's emails about their credential: issued, status changed, expiring."""

import datetime

import pytest

from certificates.reminders import expiry_reminders_send
from certificates.services import credential_change_status
from notifications.models import Email
from tests.emails import assert_well_formed, strict_templates

pytestmark = pytest.mark.django_db

CREDENTIALS_PAGE = "/credentials/"


@pytest.fixture(autouse=True)
def _strict(settings):
    strict_templates(settings)


def us_date(day: datetime.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def test_the_issued_email_names_the_credential_and_links_to_the_credentials_page(
    credential, trainee
):
    email = Email.objects.get(subject="[Peerpath] Your credential has been issued")
    assert email.to == [trainee.email]
    assert_well_formed(email, link_path=CREDENTIALS_PAGE)
    assert f"Congratulations, {trainee.first_name}!" in email.body_text
    assert credential.number in email.body_text
    assert credential.programme.title in email.body_text
    assert f"valid until {us_date(credential.expires_on)}" in email.body_text


@pytest.mark.parametrize(
    ("actions", "done"), [(["suspend"], "suspended"), (["suspend", "reinstate"], "reinstated")]
)
def test_a_status_change_tells_the_holder_who_why_and_where(
    credential, coordinator, with_totp, actions, done
):
    with_totp(coordinator)
    for action in actions:
        credential_change_status(
            actor=coordinator,
            credential_id=credential.pk,
            action=action,
            reason="Board & review",
            confirm_number=credential.number,
        )

    email = Email.objects.get(subject=f"[Peerpath] Your credential {credential.number} was {done}")
    assert_well_formed(email, link_path=CREDENTIALS_PAGE)
    assert f"{credential.issuer.name} has {done} your credential" in email.body_text
    assert "Board & review" in email.body_text  # plain text: no &amp;
    assert ("It is active again." in email.body_text) == (done == "reinstated")


def test_the_reminder_says_when_and_links_to_the_credentials_page(credential):
    today = credential.expires_on - datetime.timedelta(days=30)
    assert expiry_reminders_send(today=today) == 1

    email = Email.objects.get(subject="[Peerpath] Your credential expires in 30 days")
    assert_well_formed(email, link_path=CREDENTIALS_PAGE)
    assert f"expires on {us_date(credential.expires_on)}, 30 days from now" in email.body_text
