import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError

from courses.models import Cohort, Enrollment, ProgrammePage
from courses.services import enrollment_create
from organisations.roles import Role, has_role
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db
Mode = ProgrammePage.EnrolmentMode


def test_open_enrolment_makes_the_user_a_trainee_of_the_provider(programme):
    user = UserFactory()

    enrollment = enrollment_create(trainee=user, programme=programme)

    assert enrollment.programme == programme
    assert has_role(user, Role.TRAINEE, organisation=programme.organisation)


def test_enrolling_twice_keeps_one_enrollment(programme, trainee):
    first = enrollment_create(trainee=trainee, programme=programme)
    second = enrollment_create(trainee=trainee, programme=programme)

    assert first.pk == second.pk
    with pytest.raises(IntegrityError):
        Enrollment.objects.create(trainee=trainee, programme=programme)


def test_code_enrolment_joins_the_cohort(build_programme):
    programme = build_programme(enrolment_mode=Mode.CODE)
    cohort = Cohort.objects.create(programme=programme, name="Autumn")
    user = UserFactory()

    enrollment = enrollment_create(
        trainee=user, programme=programme, invitation_code=f"  {cohort.invitation_code.lower()} "
    )

    assert enrollment.cohort == cohort


@pytest.mark.parametrize(
    ("code", "message"),
    [("", "Enter the invitation code"), ("WRONG123", "does not match this program")],
)
def test_a_missing_or_wrong_code_is_refused(build_programme, code, message):
    programme = build_programme(enrolment_mode=Mode.CODE)
    Cohort.objects.create(programme=programme, name="Autumn")
    user = UserFactory()

    with pytest.raises(ValidationError, match=message):
        enrollment_create(trainee=user, programme=programme, invitation_code=code)
    assert not Enrollment.objects.exists()
    assert not has_role(user, Role.TRAINEE)


def test_a_code_from_another_programme_is_refused(build_programme):
    programme = build_programme(enrolment_mode=Mode.CODE)
    other = build_programme(slug="other", enrolment_mode=Mode.CODE)
    foreign = Cohort.objects.create(programme=other, name="Other cohort")

    with pytest.raises(ValidationError, match="does not match"):
        enrollment_create(
            trainee=UserFactory(), programme=programme, invitation_code=foreign.invitation_code
        )


def test_closed_programmes_refuse_self_enrolment_but_coordinators_enrol(
    build_programme, coordinator
):
    programme = build_programme(enrolment_mode=Mode.CLOSED)
    user = UserFactory()

    with pytest.raises(ValidationError, match="Ask them to enroll you"):
        enrollment_create(trainee=user, programme=programme)
    enrollment = enrollment_create(trainee=user, programme=programme, enrolled_by=coordinator)

    assert enrollment.trainee == user


def test_a_coordinator_of_another_provider_cannot_enrol(build_programme, make_member):
    programme = build_programme(enrolment_mode=Mode.CLOSED)
    outsider = make_member(Role.COORDINATOR, organisation=OrganisationFactory())

    with pytest.raises(PermissionDenied):
        enrollment_create(trainee=UserFactory(), programme=programme, enrolled_by=outsider)
    assert not Enrollment.objects.exists()


def test_unpublished_programmes_cannot_be_joined(programme):
    programme.unpublish()
    programme.refresh_from_db()

    with pytest.raises(ValidationError, match="not been published"):
        enrollment_create(trainee=UserFactory(), programme=programme)


def test_the_enrol_button_enrols_and_returns_to_the_programme(client, programme):
    user = UserFactory()
    client.force_login(user)

    response = client.post(f"/courses/programmes/{programme.pk}/enrol/")

    assert response["Location"] == "/programmes/peer-training/cpsw/"
    assert Enrollment.objects.filter(trainee=user, programme=programme).exists()


def test_a_wrong_code_by_post_shows_the_message_and_enrols_nobody(client, build_programme):
    programme = build_programme(enrolment_mode=Mode.CODE)
    client.force_login(UserFactory())

    response = client.post(
        f"/courses/programmes/{programme.pk}/enrol/", {"invitation_code": "NOPE"}, follow=True
    )

    assert "does not match this program" in response.content.decode()
    assert not Enrollment.objects.exists()
