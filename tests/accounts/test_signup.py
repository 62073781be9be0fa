import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from notifications.models import Email
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

User = get_user_model()


def signup_data(**overrides):
    data = {
        "first_name": "Rosa",
        "last_name": "Delgado",
        "email": "rosa@example.org",
        "password1": "a-long-unusual-passphrase",
        "password2": "a-long-unusual-passphrase",
    }
    data.update(overrides)
    return data


def test_signup_creates_user_with_names_and_sends_verification_through_outbox(client):
    response = client.post(reverse("account_signup"), signup_data())

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="rosa@example.org")
    assert (user.first_name, user.last_name) == ("Rosa", "Delgado")
    assert not EmailAddress.objects.get(user=user).verified
    stored = Email.objects.get()
    assert stored.to == ["rosa@example.org"]
    assert stored.status == Email.Status.SENT
    assert len(mail.outbox) == 1
    assert re.search(r"/accounts/confirm-email/[^/\s]+/", mail.outbox[0].body)


def test_unverified_user_cannot_log_in_until_confirmed(client):
    client.post(reverse("account_signup"), signup_data())
    client.logout()

    response = client.post(
        reverse("account_login"),
        {"login": "rosa@example.org", "password": "a-long-unusual-passphrase"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session

    confirm_path = re.search(r"(/accounts/confirm-email/[^/\s]+/)", mail.outbox[-1].body).group(1)
    client.post(confirm_path)
    assert EmailAddress.objects.get(email="rosa@example.org").verified

    response = client.post(
        reverse("account_login"),
        {"login": "rosa@example.org", "password": "a-long-unusual-passphrase"},
    )
    assert response["Location"] == reverse("dashboard")
    assert client.session["_auth_user_id"] == str(User.objects.get(email="rosa@example.org").pk)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"email": "not-an-email"}, "email", "valid email"),
        ({"password1": "short", "password2": "short"}, "password1", "too short"),
        ({"password1": "password123", "password2": "password123"}, "password1", "too common"),
        ({"password2": "something-else-entirely"}, "password2", "same password"),
        ({"last_name": ""}, "last_name", "required"),
    ],
)
def test_bad_signup_shows_a_clear_message_and_creates_nothing(client, overrides, field, message):
    response = client.post(reverse("account_signup"), signup_data(**overrides))

    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors[field])
    assert message in errors
    assert not User.objects.exists()
    assert not Email.objects.exists()


def test_signup_with_a_taken_email_creates_no_second_account(client):
    UserFactory(email="rosa@example.org")

    client.post(reverse("account_signup"), signup_data(email="ROSA@example.org"))

    assert User.objects.filter(email__iexact="rosa@example.org").count() == 1


def test_login_is_by_email():
    user = UserFactory(email="lee@example.org")
    assert user.get_username() == "lee@example.org"
    assert not hasattr(user, "username") or user.username is None


def test_the_account_emails_name_the_site(client, settings):
    client.post(reverse("account_signup"), signup_data())

    body = Email.objects.get().body_text
    assert "Hello from Peerpath!" in body
    assert "Thank you for using Peerpath!" in body
    assert "Hello from !" not in body
    assert settings.WAGTAILADMIN_BASE_URL.split("://")[1] in body


def test_a_blank_site_name_setting_never_reaches_an_email(client, settings):
    settings.WAGTAIL_SITE_NAME = "  "
    client.post(reverse("account_signup"), signup_data())

    assert "Hello from Peerpath!" in Email.objects.get().body_text
