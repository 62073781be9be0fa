"""MFA per session: a privileged role acts only once this session passed the second factor.

The security test's supervisor approved a practice entry, and its coordinator reached
/credentials/manage/ and /cms/ and suspended a credential, with the password alone: the
old check asked whether the account *had* an authenticator. These replay those requests
with a password-only session (``client.force_login``), then with a session that passed
MFA, through allauth's login, its MFA reauthentication or TOTP setup.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.fallback import FallbackStorage
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils.http import urlencode

from accounts.mfa import mfa_required, session_passed_mfa
from certificates.models import Credential
from practice.models import LogEntry
from tests.builders import totp_code
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

REAUTHENTICATE = reverse("mfa_reauthenticate")
ACTIVATE = reverse("mfa_activate_totp")


def _decide(client, entry):
    return client.post(f"/practice/supervision/entries/{entry.pk}/decide/", {"decision": "approve"})


def _suspend(client, credential):
    return client.post(
        f"/credentials/{credential.number}/status/",
        {"action": "suspend", "reason": "Complaint under review"},
    )


@pytest.fixture
def mfa_coordinator(coordinator, with_totp):
    with_totp(coordinator)
    return coordinator


# A password-only session cannot act.


def test_a_supervisor_with_a_password_only_session_cannot_approve(
    client, assigned_supervisor, log_entry
):
    entry = log_entry()
    client.force_login(assigned_supervisor)

    response = _decide(client, entry)

    assert response.status_code == 302
    assert response["Location"].startswith(f"{REAUTHENTICATE}?next=")
    assert LogEntry.objects.get(pk=entry.pk).status == LogEntry.Status.SUBMITTED


def test_a_coordinator_with_a_password_only_session_cannot_manage_credentials_or_the_cms(
    client, mfa_coordinator, issue_credential
):
    credential = issue_credential()
    client.force_login(mfa_coordinator)

    for path in ("/credentials/manage/", "/cms/", "/cms/pages/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == f"{REAUTHENTICATE}?{urlencode({'next': path})}", path
    response = _suspend(client, credential)

    assert response["Location"].startswith(REAUTHENTICATE)
    credential.refresh_from_db()
    assert credential.status == Credential.Status.ACTIVE


def test_without_an_authenticator_they_are_sent_to_set_one_up(client, coordinator):
    client.force_login(coordinator)

    for path in ("/credentials/manage/", "/cms/", f"/practice/assignments/{0}/"):
        assert client.get(path)["Location"] == ACTIVATE, path


def test_staff_need_mfa_in_the_session_for_both_admins(client, with_totp):
    staff = UserFactory(is_staff=True, is_superuser=True)
    with_totp(staff)
    client.force_login(staff)

    for path in ("/django-admin/", "/django-admin/accounts/user/", "/cms/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == f"{REAUTHENTICATE}?{urlencode({'next': path})}", path


def test_the_admins_login_and_logout_stay_reachable_without_mfa(client, with_totp):
    staff = UserFactory(is_staff=True, is_superuser=True)
    with_totp(staff)
    client.force_login(staff)

    assert not client.get("/cms/login/")["Location"].startswith(REAUTHENTICATE)
    assert client.get(REAUTHENTICATE).status_code == 200
    response = client.post("/django-admin/logout/")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_a_trainee_in_the_cms_is_refused_not_asked_for_mfa(client, trainee):
    client.force_login(trainee)

    response = client.get("/cms/")

    # The 403 page (cms/admin_access.py), not a redirect to MFA or round to the login.
    assert response.status_code == 403


# A session that passed MFA can.


def test_after_mfa_the_supervisor_approves_and_the_coordinator_manages(
    client, assigned_supervisor, log_entry, mfa_coordinator, issue_credential, mfa_login
):
    entry = log_entry()
    mfa_login(client, assigned_supervisor)
    _decide(client, entry)
    assert LogEntry.objects.get(pk=entry.pk).status == LogEntry.Status.APPROVED

    credential = issue_credential()
    mfa_login(client, mfa_coordinator)
    assert client.get("/credentials/manage/").status_code == 200
    assert client.get("/cms/").status_code == 200
    _suspend(client, credential)
    credential.refresh_from_db()
    assert credential.status == Credential.Status.SUSPENDED


def test_reauthenticating_with_a_code_comes_back_and_finishes_the_approval(
    client, assigned_supervisor, log_entry
):
    entry = log_entry()
    client.force_login(assigned_supervisor)
    location = _decide(client, entry)["Location"]

    response = client.post(location, {"code": totp_code(assigned_supervisor)})

    # allauth replays the stashed POST: the entry is approved and the queue shown.
    assert response.status_code == 302
    assert response["Location"] == reverse("practice:queue")
    assert LogEntry.objects.get(pk=entry.pk).status == LogEntry.Status.APPROVED
    assert client.get("/practice/supervision/").status_code == 200


def test_a_wrong_code_does_not_count(client, assigned_supervisor, log_entry):
    entry = log_entry()
    client.force_login(assigned_supervisor)
    location = _decide(client, entry)["Location"]

    response = client.post(location, {"code": "000000"})

    assert response.status_code == 200  # the form again, with its error
    assert LogEntry.objects.get(pk=entry.pk).status == LogEntry.Status.SUBMITTED
    assert client.get("/practice/supervision/")["Location"].startswith(REAUTHENTICATE)


def test_signing_in_through_allauth_with_the_code_lets_the_coordinator_act(client, mfa_coordinator):
    response = client.post(
        reverse("account_login"), {"login": mfa_coordinator.email, "password": PASSWORD}
    )
    assert response["Location"] == reverse("mfa_authenticate")
    client.post(reverse("mfa_authenticate"), {"code": totp_code(mfa_coordinator)})

    assert client.get("/credentials/manage/").status_code == 200
    assert client.get("/cms/").status_code == 200


def test_the_dev_bypass_code_still_signs_demo_supervisors_in(client, settings, assigned_supervisor):
    settings.DEBUG = True
    settings.MFA_TOTP_INSECURE_BYPASS_CODE = "123456"

    client.post(
        reverse("account_login"), {"login": assigned_supervisor.email, "password": PASSWORD}
    )
    client.post(reverse("mfa_authenticate"), {"code": "123456"})

    assert client.get("/practice/supervision/").status_code == 200


# Transactional: allauth announces the new authenticator once its transaction commits,
# which a test wrapped in one transaction would only do after the session was saved.
@pytest.mark.django_db(transaction=True)
def test_setting_up_totp_counts_as_this_sessions_second_factor(client, coordinator):
    client.force_login(coordinator)
    assert client.get("/credentials/manage/")["Location"] == ACTIVATE

    # allauth asks for the password again before adding an authenticator.
    response = client.get(ACTIVATE)
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    client.post(response["Location"], {"password": PASSWORD})
    secret = client.get(ACTIVATE).context["form"].secret
    response = client.post(ACTIVATE, {"code": totp_code(secret=secret)})
    assert response.status_code == 302

    assert client.get("/credentials/manage/").status_code == 200


# The decorator on its own.


def _request(user, session: dict | None = None):
    request = RequestFactory().post("/sign-off/")
    request.user = user
    request.session = session if session is not None else {}
    request._messages = FallbackStorage(request)
    return request


def _protected_view(request):
    return HttpResponse("signed")


def test_mfa_required_sends_visitors_to_log_in():
    response = mfa_required(_protected_view)(_request(AnonymousUser()))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_records_of_another_user_do_not_count(client, with_totp, mfa_login):
    first, second = UserFactory(), UserFactory()
    mfa_login(client, first)
    session = client.session
    with_totp(second)

    request = _request(second, session=session)

    assert not session_passed_mfa(request)
    assert mfa_required(_protected_view)(request)["Location"].startswith(REAUTHENTICATE)
