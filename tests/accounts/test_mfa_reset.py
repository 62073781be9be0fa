"""Resetting someone's two-factor: one audited way (``manage.py reset_mfa``), not the admin.

allauth's admin let a superuser delete anyone's authenticator, unrecorded; now its admin
only shows them, and the command deletes them, records who, whom and why, and tells the
person by email.
"""

import logging

import pytest
from allauth.mfa.models import Authenticator
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts.models import MfaReset
from notifications.models import Email
from tests.emails import assert_well_formed, strict_templates
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

REASON = "Lost phone; identity checked on a video call against their ID"


@pytest.fixture
def member(with_totp):
    user = UserFactory(email="Sam.Reyes@example.org", first_name="Sam")
    with_totp(user)
    Authenticator.objects.create(
        user=user, type=Authenticator.Type.RECOVERY_CODES, data={"seed": "x"}
    )
    return user


def _reset(email="sam.reyes@example.org", **options):
    options.setdefault("reason", REASON)
    options.setdefault("by", "support@example.org")
    return call_command("reset_mfa", email, **options)


def test_the_reset_removes_the_authenticators_records_it_and_tells_the_person(
    member, support_staff, settings, caplog
):
    strict_templates(settings)
    other = UserFactory()
    Authenticator.objects.create(user=other, type=Authenticator.Type.TOTP, data={"secret": "A"})

    with caplog.at_level(logging.INFO, logger="accounts"):
        _reset()

    assert not Authenticator.objects.filter(user=member).exists()
    assert Authenticator.objects.filter(user=other).count() == 1
    reset = MfaReset.objects.get()
    assert (reset.user, reset.reset_by, reset.reset_by_email) == (
        member,
        support_staff,
        "support@example.org",
    )
    assert (reset.reason, reset.authenticators_removed) == (REASON, 2)
    email = Email.objects.get()
    assert email.to == [member.email]
    assert "two-factor authentication was reset" in email.subject
    assert "Hello Sam," in email.body_text
    assert_well_formed(email, link_path=reverse("mfa_index"))
    # The log names user ids only.
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert f"user {member.pk} by user {support_staff.pk}" in logged
    assert "example.org" not in logged and "phone" not in logged


def test_after_a_reset_staff_must_set_up_two_factor_again(client, member, support_staff):
    member.is_staff = True
    member.save()
    _reset()
    client.force_login(member)

    assert client.get("/django-admin/")["Location"] == reverse("mfa_activate_totp")


@pytest.mark.parametrize(
    ("email", "options", "error"),
    [
        ("nobody@example.org", {}, "No account uses the email address nobody@example.org"),
        ("sam.reyes@example.org", {"reason": "   "}, "Give a reason"),
        ("sam.reyes@example.org", {"reason": "x" * 501}, "500 characters"),
        ("sam.reyes@example.org", {"by": "who@example.org"}, "No account uses the staff email"),
        ("sam.reyes@example.org", {"by": "plain@example.org"}, "is not active staff"),
        ("support@example.org", {}, "Nobody resets their own"),
        ("bare@example.org", {}, "has no two-factor authentication"),
    ],
    ids=["unknown", "blank-reason", "long-reason", "unknown-staff", "not-staff", "self", "none"],
)
def test_a_refused_reset_says_why_and_changes_nothing(member, support_staff, email, options, error):
    UserFactory(email="plain@example.org")
    UserFactory(email="bare@example.org")
    before = set(Authenticator.objects.values_list("pk", flat=True))

    with pytest.raises(CommandError, match=error):
        _reset(email, **options)

    assert set(Authenticator.objects.values_list("pk", flat=True)) == before
    assert not MfaReset.objects.exists()
    assert not Email.objects.exists()


def test_the_reason_and_the_staff_member_are_required(member, support_staff):
    with pytest.raises(CommandError, match="--reason"):
        call_command("reset_mfa", member.email, by=support_staff.email)
    with pytest.raises(CommandError, match="--by"):
        call_command("reset_mfa", member.email, reason=REASON)

    assert Authenticator.objects.filter(user=member).count() == 2
    assert not MfaReset.objects.exists()


# The admin shows authenticators and resets; it changes neither.


def test_the_authenticator_admin_shows_no_secret_and_deletes_nothing(support_client, member):
    totp = Authenticator.objects.get(user=member, type=Authenticator.Type.TOTP)
    base = "/django-admin/mfa/authenticator/"

    changelist = support_client.get(base)
    page = support_client.get(f"{base}{totp.pk}/change/")

    assert changelist.status_code == 200
    assert "delete_selected" not in changelist.content.decode()
    assert page.status_code == 200
    assert "JBSWY3DPEHPK3PXP" not in page.content.decode()
    assert support_client.get(f"{base}{totp.pk}/delete/").status_code == 403
    assert support_client.post(f"{base}{totp.pk}/delete/", {"post": "yes"}).status_code == 403
    support_client.post(base, {"action": "delete_selected", "_selected_action": [totp.pk]})
    support_client.post(f"{base}{totp.pk}/change/", {"type": "recovery_codes"})
    assert support_client.get(f"{base}add/").status_code == 403
    totp.refresh_from_db()
    assert totp.type == Authenticator.Type.TOTP
    assert Authenticator.objects.filter(user=member).count() == 2


def test_the_audit_records_are_read_only_in_the_admin(support_client, member, support_staff):
    _reset()
    reset = MfaReset.objects.get()
    base = "/django-admin/accounts/mfareset/"

    assert REASON in support_client.get(f"{base}{reset.pk}/change/").content.decode()
    assert support_client.get(f"{base}add/").status_code == 403
    assert support_client.post(f"{base}{reset.pk}/delete/", {"post": "yes"}).status_code == 403
    support_client.post(f"{base}{reset.pk}/change/", {"reason": "edited"})
    reset.refresh_from_db()
    assert reset.reason == REASON
