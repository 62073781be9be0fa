"""A trainee corrects the name printed on their certificates; issuing uses it."""

import pytest
from django.urls import reverse

from certificates.services import credential_issue_if_eligible, ethics_affirm

pytestmark = pytest.mark.django_db

URL = "/accounts/certificate-name/"


def test_the_page_shows_the_name_certificates_will_print(client, trainee):
    client.force_login(trainee)

    response = client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'value="{trainee.get_full_name()}"' in html
    assert reverse("certificate_name") == URL
    dashboard = client.get(reverse("dashboard")).content.decode()
    assert f'href="{URL}"' in dashboard


def test_a_corrected_name_is_printed_on_the_next_certificate(client, trainee, nearly_done):
    client.force_login(trainee)

    response = client.post(URL, {"certificate_name": "  Ana   María  O\u2019Neill-Šimić "})

    assert response.status_code == 302
    trainee.refresh_from_db()
    assert trainee.certificate_name == "Ana María O\u2019Neill-Šimić"
    page = client.get(URL).content.decode()
    assert "Your certificates will show the name \u201cAna María O\u2019Neill-Šimić\u201d." in page
    ethics_affirm(trainee=trainee, enrollment=nearly_done, signed_name=trainee.get_full_name())
    credential = credential_issue_if_eligible(enrollment=nearly_done)
    assert credential.achievement["holder_name"] == "Ana María O\u2019Neill-Šimić"


def test_without_a_correction_the_account_name_is_printed(trainee, nearly_done):
    ethics_affirm(trainee=trainee, enrollment=nearly_done, signed_name=trainee.get_full_name())
    credential = credential_issue_if_eligible(enrollment=nearly_done)

    assert trainee.certificate_name == ""
    assert credential.achievement["holder_name"] == trainee.get_full_name()


def test_the_account_name_typed_again_is_kept_as_following_the_account(client, trainee):
    trainee.certificate_name = "Someone Else"
    trainee.save()
    client.force_login(trainee)

    client.post(URL, {"certificate_name": trainee.get_full_name()})

    trainee.refresh_from_db()
    assert trainee.certificate_name == ""
    assert trainee.name_for_certificate() == trainee.get_full_name()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "This field is required."),
        ("   ", "This field is required."),
        ("R2-D2 Smith", "Use letters only"),
        ("Ana <b>Bold</b>", "Use letters only"),
        ("Ana \U0001f600 Smith", "Use letters only"),
        ("ana@example.org", "Use letters only"),
        ("Ana -- Smith", "Use letters only"),
        ("A", "Enter your full name as it should be printed."),
        ("A" * 151, "at most 150 characters"),
    ],
)
def test_a_bad_name_is_refused_with_a_message_and_changes_nothing(client, trainee, typed, message):
    client.force_login(trainee)

    response = client.post(URL, {"certificate_name": typed})

    assert response.status_code == 400
    assert message in response.content.decode()
    trainee.refresh_from_db()
    assert trainee.certificate_name == ""


def test_the_page_needs_a_signed_in_user(client):
    response = client.post(URL, {"certificate_name": "Ana Smith"})

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
