"""Enrolling people from a CSV file: everything checked first, then all or nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses.bulk_enrolment import bulk_enrolment_read
from courses.models import Enrollment, EnrolmentInvitation
from notifications.models import Email
from organisations.roles import Role
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def _url(programme):
    return f"/courses/coordinate/{programme.pk}/enrol-csv/"


def _upload(client, programme, data: bytes):
    return client.post(_url(programme), {"file": SimpleUploadedFile("people.csv", data)})


def test_reads_utf8_with_bom_semicolons_and_windows_1252():
    with_bom = "\ufeffEmail;First name;Last name\r\nrosa@example.org;Rosa;Núñez\r\n".encode()
    read = bulk_enrolment_read(data=with_bom)
    assert read.errors == []
    assert read.rows[0].email == "rosa@example.org"
    assert read.rows[0].last_name == "Núñez"

    windows = "email,first name,last name\r\nrosa@example.org,Rosa,Núñez\r\n".encode("cp1252")
    read = bulk_enrolment_read(data=windows)
    assert read.encoding == "Windows-1252"
    assert read.rows[0].last_name == "Núñez"


def test_every_bad_row_is_named():
    data = (
        b"email,first name,last name\nnot-an-address,A,B\nok@example.org,C,D\nOK@example.org,E,F\n"
    )

    read = bulk_enrolment_read(data=data)

    assert read.rows == []
    assert read.errors == [
        "Row 2: “not-an-address” is not an email address.",
        "Row 4: ok@example.org is already on row 3.",
    ]


def test_a_file_without_the_columns_is_refused():
    read = bulk_enrolment_read(data=b"name,mail\nA,a@example.org\n")
    assert "missing: email, first name, last name" in read.errors[0]
    assert "Excel workbook" in bulk_enrolment_read(data=b"PK\x03\x04rest").errors[0]


def test_coordinator_previews_then_enrols_and_invites(client, programme, coordinator, mfa_login):
    existing = UserFactory(email="known@example.org")
    mfa_login(client, coordinator)
    data = b"email,first name,last name\nknown@example.org,Kim,Known\nnew@example.org,Nia,New\n"

    preview = _upload(client, programme, data)

    assert preview.status_code == 200
    assert not Enrollment.objects.filter(programme=programme).exists()
    token = preview.context["token"]
    response = client.post(_url(programme), {"confirm": token})

    assert response.status_code == 302
    assert Enrollment.objects.filter(programme=programme, trainee=existing).exists()
    invitation = EnrolmentInvitation.objects.get(programme=programme)
    assert (invitation.email, invitation.first_name, invitation.last_name) == (
        "new@example.org",
        "Nia",
        "New",
    )
    (sent,) = [email for email in Email.objects.all() if "new@example.org" in email.to]
    assert sent.body_text.startswith("Hello Nia,")
    listed = client.get(reverse("courses:cohort_progress", args=[programme.pk])).content.decode()
    assert "Nia New" in listed


def test_a_bad_file_changes_nothing(client, programme, coordinator, mfa_login):
    mfa_login(client, coordinator)

    response = _upload(
        client, programme, b"email,first name,last name\nok@example.org,A,B\nbad,C,D\n"
    )

    assert response.status_code == 400
    assert "Row 3" in response.content.decode()
    assert not EnrolmentInvitation.objects.exists()
    assert not Enrollment.objects.exists()


def test_a_tampered_confirmation_changes_nothing(client, programme, coordinator, mfa_login):
    mfa_login(client, coordinator)

    response = client.post(_url(programme), {"confirm": "forged:token"})

    assert response.status_code == 400
    assert not EnrolmentInvitation.objects.exists()


def test_other_providers_coordinators_get_404(client, programme, make_member, mfa_login):
    outsider = make_member(Role.COORDINATOR, organisation=OrganisationFactory())
    mfa_login(client, outsider)

    assert client.get(_url(programme)).status_code == 404
    assert (
        _upload(client, programme, b"email,first name,last name\na@example.org,A,B\n").status_code
        == 404
    )
