"""A visitor's whole account journey, in a real browser against a live server.

Signup mail goes through the Email outbox and the Celery task, which runs inline once
the signup transaction commits; the live server needs real commits, so these tests use
a transactional database.
"""

import re
import time

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import Page, expect

from notifications.models import Email
from organisations.roles import Role
from organisations.services import membership_grant
from tests.factories import PASSWORD, OrganisationFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

User = get_user_model()

NEW_PASSWORD = "a-long-unusual-passphrase"
CONFIRM_LINK = re.compile(r"https?://[^\s/]+(/accounts/confirm-email/[^/\s]+/)")


def field(label: str) -> re.Pattern:
    """A form field's label, exactly, with or without Django's trailing colon."""
    return re.compile(rf"^\s*{re.escape(label)}:?\s*$")


def nav(page: Page):
    return page.get_by_role("navigation", name="Main")


def fill_signup(page: Page, *, email: str) -> None:
    page.goto("/accounts/signup/")
    page.get_by_label(field("First name")).fill("Rosa")
    page.get_by_label(field("Last name")).fill("Delgado")
    page.get_by_label(field("Email")).fill(email)
    page.get_by_label(field("Password")).fill(NEW_PASSWORD)
    page.get_by_label(field("Password (again)")).fill(NEW_PASSWORD)
    page.get_by_role("button", name="Sign Up").click()


def wait_for_mail(count: int, timeout: float = 10.0) -> list:
    """The message is sent before the response, but allow for a slow machine."""
    deadline = time.monotonic() + timeout
    while len(mail.outbox) < count and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(mail.outbox) >= count, f"expected {count} message(s), got {len(mail.outbox)}"
    return mail.outbox


def test_signup_verify_login_role_navigation_and_logout(tab: Page, live_server, home_page):
    page = tab

    # Sign up, and land on the page that says to check your email.
    fill_signup(page, email="rosa@example.org")
    expect(page).to_have_url(re.compile(r"/accounts/confirm-email/$"))
    expect(page.get_by_role("heading", name="Verify Your Email Address")).to_be_visible()
    user = User.objects.get(email="rosa@example.org")
    assert (user.first_name, user.last_name) == ("Rosa", "Delgado")

    # The verification mail went out through the outbox, with a link to this server.
    (message,) = wait_for_mail(1)
    assert message.to == ["rosa@example.org"]
    assert Email.objects.get().status == Email.Status.SENT
    match = CONFIRM_LINK.search(message.body)
    assert match, message.body
    assert match.group(0).startswith(live_server.url)

    # Until the address is confirmed, logging in only repeats the request to verify.
    page.goto("/accounts/login/")
    page.get_by_label(field("Email")).fill("rosa@example.org")
    page.get_by_label(field("Password")).fill(NEW_PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", name="Verify Your Email Address")).to_be_visible()
    expect(nav(page).get_by_role("link", name="Log in")).to_be_visible()

    # Follow the link and confirm.
    page.goto(match.group(1))
    expect(page.get_by_role("heading", name="Confirm Email Address")).to_be_visible()
    page.get_by_role("button", name="Confirm").click()

    # Confirming does not log in (ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION is off): it leads
    # to the login page, where logging in now reaches the dashboard, with no role links.
    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    expect(page.get_by_role("status")).to_contain_text("You have confirmed rosa@example.org")
    assert user.emailaddress_set.get().verified
    page.get_by_label(field("Email")).fill("rosa@example.org")
    page.get_by_label(field("Password")).fill(NEW_PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page).to_have_url(re.compile(r"/dashboard/$"))
    expect(page.get_by_role("heading", name="Welcome, Rosa")).to_be_visible()
    expect(nav(page).get_by_role("link", name="Dashboard")).to_be_visible()
    expect(nav(page).get_by_role("button", name="Log out")).to_be_visible()
    expect(nav(page).get_by_role("link", name="Log in")).to_have_count(0)
    expect(nav(page).locator("[data-role-link]")).to_have_count(0)

    # Made a trainee, the navigation offers the trainee's link and no other role's.
    membership_grant(user=user, organisation=OrganisationFactory(), role=Role.TRAINEE)
    page.reload()
    trainee_link = nav(page).locator('[data-role-link="trainee"]')
    expect(trainee_link).to_be_visible()
    expect(trainee_link).to_have_text("My training")
    for other in (Role.SUPERVISOR, Role.COORDINATOR, Role.VERIFIER):
        expect(nav(page).locator(f'[data-role-link="{other}"]')).to_have_count(0)
    expect(nav(page).locator("[data-role-link]")).to_have_count(1)

    # Log out through the nav's button: a POST, so allauth signs out at once, without
    # its confirmation page, and sends the visitor to the home page.
    nav(page).get_by_role("button", name="Log out").click()
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.get_by_role("heading", name=home_page.title, exact=True)).to_be_visible()
    expect(nav(page).get_by_role("link", name="Log in")).to_be_visible()
    expect(nav(page).get_by_role("button", name="Log out")).to_have_count(0)
    expect(nav(page).locator("[data-role-link]")).to_have_count(0)

    # And the dashboard now asks to log in.
    page.goto("/dashboard/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/dashboard/$"))


def test_signup_with_a_taken_email_creates_no_second_account(tab: Page):
    page = tab
    UserFactory(
        email="rosa@example.org", first_name="Rosa", last_name="Original", password=PASSWORD
    )

    fill_signup(page, email="ROSA@example.org")

    # ACCOUNT_PREVENT_ENUMERATION: the page looks just like a successful signup, so it
    # does not reveal that the address has an account; the owner is told by email.
    expect(page.get_by_role("heading", name="Verify Your Email Address")).to_be_visible()
    expect(page.locator(".errors, .errorlist")).to_have_count(0)
    assert User.objects.filter(email__iexact="rosa@example.org").count() == 1
    assert User.objects.get().last_name == "Original"
    (message,) = wait_for_mail(1)
    assert message.to == ["rosa@example.org"]
    assert "Already Exists" in message.subject
    assert "already exists" in message.body
    assert not CONFIRM_LINK.search(message.body)
