"""Enrolment by email: at once only for people with no role elsewhere; otherwise by invitation."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from courses.models import Enrollment, EnrolmentInvitation
from courses.services import enrollment_by_email, enrollment_create, invitation_accept
from notifications.models import Email
from organisations.models import Membership
from organisations.roles import Role
from tests.emails import assert_well_formed, strict_templates
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_providers_trainee(make_member):
    return make_member(
        Role.TRAINEE,
        organisation=OrganisationFactory(),
        first_name="Marisol",
        last_name="Elsewhere",
    )


def _enrol(client, programme, email):
    return client.post(
        f"/courses/coordinate/{programme.pk}/enrol/", {"email": email}, follow=True
    ).content.decode()


def _csv(client, programme) -> str:
    return client.get(f"/courses/coordinate/{programme.pk}/?format=csv").content.decode()


def test_another_providers_trainee_gets_an_invitation_and_nothing_else(
    client,
    programme,
    coordinator,
    other_providers_trainee,
    django_capture_on_commit_callbacks,
    mfa_login,
):
    person = other_providers_trainee
    mfa_login(client, coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        page = _enrol(client, programme, person.email.upper())

    assert f"We sent an invitation to {person.email}" in page
    assert not Enrollment.objects.filter(trainee=person).exists()
    assert not Membership.objects.filter(user=person, organisation=programme.organisation).exists()
    invitation = EnrolmentInvitation.objects.get()
    assert (invitation.email, invitation.status) == (person.email, "pending")
    assert mail.outbox[-1].to == [person.email]
    assert f"/courses/invitations/{invitation.pk}/" in mail.outbox[-1].body
    # The coordinator sees the address they typed, as a pending invitation, and no more.
    csv = _csv(client, programme)
    assert person.email not in csv and "Elsewhere" not in csv
    page = client.get(f"/courses/coordinate/{programme.pk}/").content.decode()
    assert "Invitations waiting for an answer" in page and person.email in page
    assert "Elsewhere" not in page and "Marisol" not in page


def test_a_clinic_verifier_is_invited_not_enrolled(programme, coordinator, verifier):
    result = enrollment_by_email(coordinator=coordinator, programme=programme, email=verifier.email)

    assert result.outcome == "invited"
    assert not Enrollment.objects.filter(trainee=verifier).exists()
    assert list(Membership.objects.filter(user=verifier).values_list("role", flat=True)) == [
        Role.VERIFIER
    ]


def test_someone_with_no_role_elsewhere_is_enrolled_at_once(programme, coordinator, supervisor):
    newcomer = UserFactory()
    for person in (newcomer, supervisor):  # the supervisor's only role is at this provider
        result = enrollment_by_email(
            coordinator=coordinator, programme=programme, email=person.email
        )
        assert result.outcome == "enrolled"
        assert result.enrollment.trainee == person
    assert not EnrolmentInvitation.objects.exists()
    again = enrollment_by_email(coordinator=coordinator, programme=programme, email=newcomer.email)
    assert again.outcome == "already"


def test_no_other_path_enrols_someone_with_a_role_elsewhere(
    programme, coordinator, other_providers_trainee
):
    with pytest.raises(PermissionDenied, match="invite them instead"):
        enrollment_create(
            trainee=other_providers_trainee, programme=programme, enrolled_by=coordinator
        )
    assert not Enrollment.objects.exists()


def test_accepting_enrols_and_only_then_shows_the_person(
    client, programme, coordinator, other_providers_trainee, mfa_login
):
    person = other_providers_trainee
    invitation = enrollment_by_email(
        coordinator=coordinator, programme=programme, email=person.email
    ).invitation
    client.force_login(person)

    page = client.get(f"/courses/invitations/{invitation.pk}/").content.decode()
    assert "Accept and enroll" in page
    response = client.post(f"/courses/invitations/{invitation.pk}/", {"answer": "accept"})

    assert response.status_code == 302
    assert Enrollment.objects.filter(trainee=person, programme=programme).exists()
    invitation.refresh_from_db()
    assert invitation.status == EnrolmentInvitation.Status.ACCEPTED
    mfa_login(client, coordinator)
    assert "Elsewhere" in _csv(client, programme)


def test_declining_changes_nothing_and_cannot_be_undone_by_accepting(
    client, programme, coordinator, other_providers_trainee
):
    person = other_providers_trainee
    invitation = enrollment_by_email(
        coordinator=coordinator, programme=programme, email=person.email
    ).invitation
    client.force_login(person)

    client.post(f"/courses/invitations/{invitation.pk}/", {"answer": "decline"})
    page = client.post(
        f"/courses/invitations/{invitation.pk}/", {"answer": "accept"}, follow=True
    ).content.decode()

    assert "You already declined this invitation." in page
    invitation.refresh_from_db()
    assert invitation.status == EnrolmentInvitation.Status.DECLINED
    assert not Enrollment.objects.filter(trainee=person).exists()
    assert not Membership.objects.filter(user=person, organisation=programme.organisation).exists()


def test_an_expired_invitation_cannot_be_accepted(programme, coordinator, other_providers_trainee):
    invitation = enrollment_by_email(
        coordinator=coordinator, programme=programme, email=other_providers_trainee.email
    ).invitation
    EnrolmentInvitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    with pytest.raises(ValidationError, match="This invitation expired on"):
        invitation_accept(user=other_providers_trainee, invitation_id=invitation.pk)
    assert not Enrollment.objects.exists()


def test_nobody_else_can_see_or_accept_an_invitation_by_its_number(
    client, programme, coordinator, other_providers_trainee, trainee
):
    invitation = enrollment_by_email(
        coordinator=coordinator, programme=programme, email=other_providers_trainee.email
    ).invitation
    client.force_login(trainee)

    assert client.get(f"/courses/invitations/{invitation.pk}/").status_code == 404
    response = client.post(f"/courses/invitations/{invitation.pk}/", {"answer": "accept"})

    assert response.status_code == 404
    assert not Enrollment.objects.filter(trainee=trainee).exists()
    invitation.refresh_from_db()
    assert invitation.status == EnrolmentInvitation.Status.PENDING
    client.logout()
    assert client.get(f"/courses/invitations/{invitation.pk}/").status_code == 302  # sign in


def test_an_unknown_address_is_invited_to_sign_up_then_accepts(
    client, programme, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        result = enrollment_by_email(
            coordinator=coordinator, programme=programme, email="New.Person@Example.org"
        )
    assert result.outcome == "invited"
    assert "/accounts/signup/" in mail.outbox[-1].body

    newcomer = UserFactory(email="new.person@example.org", verified=False)
    unverified = EmailAddress.objects.create(
        user=UserFactory(), email="new.person@example.org", verified=False
    )
    client.force_login(unverified.user)  # someone who only typed the address: not theirs
    assert client.get(f"/courses/invitations/{result.invitation.pk}/").status_code == 404

    client.force_login(newcomer)
    client.post(f"/courses/invitations/{result.invitation.pk}/", {"answer": "accept"})
    assert Enrollment.objects.filter(trainee=newcomer, programme=programme).exists()


def test_inviting_again_replaces_the_pending_invitation(
    programme, coordinator, other_providers_trainee
):
    for _ in range(2):
        enrollment_by_email(
            coordinator=coordinator, programme=programme, email=other_providers_trainee.email
        )
    statuses = sorted(EnrolmentInvitation.objects.values_list("status", flat=True))
    assert statuses == ["declined", "pending"]


def test_only_the_programmes_coordinators_can_invite(programme, make_member, trainee):
    outsider = make_member(Role.COORDINATOR, organisation=OrganisationFactory())
    with pytest.raises(PermissionDenied):
        enrollment_by_email(coordinator=outsider, programme=programme, email=trainee.email)
    assert not EnrolmentInvitation.objects.exists()


@pytest.mark.parametrize("has_account", [True, False])
def test_the_invitation_email_is_well_formed_and_ends_with_the_invitation(
    settings, programme, coordinator, other_providers_trainee, has_account
):
    strict_templates(settings)
    address = other_providers_trainee.email if has_account else "newcomer@example.org"
    enrollment_by_email(coordinator=coordinator, programme=programme, email=address)

    invitation = EnrolmentInvitation.objects.get()
    email = Email.objects.get(to=[address])
    assert (
        email.subject
        == f"[Peerpath] {programme.organisation.name} invites you to {programme.title}"
    )
    assert_well_formed(email, link_path=f"/courses/invitations/{invitation.pk}/")
    signup = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/accounts/signup/"
    assert (signup in email.body_text) == (not has_account)
    expires = invitation.expires_at
    assert f"open until {expires:%B} {expires.day}, {expires.year}" in email.body_text
