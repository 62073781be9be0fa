"""Sharing from the holder's credential page: LinkedIn's Add to Profile link and a
copyable public link, offered only while the credential is current."""

import datetime as dt
import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.staticfiles import finders

from certificates.models import Credential
from certificates.openbadges import verification_url

pytestmark = pytest.mark.django_db


def credentials_page(client, holder) -> str:
    client.force_login(holder)
    response = client.get("/credentials/")
    assert response.status_code == 200
    return response.content.decode()


def linkedin_href(page: str) -> str:
    match = re.search(r'href="([^"]*)"[^>]*data-share-linkedin', page)
    assert match, "no Add to LinkedIn profile link"
    return html.unescape(match.group(1))


def test_the_linkedin_link_carries_the_credential_url_encoded(client, trainee, credential):
    # Characters that must be encoded: a space, "&" (a parameter separator), ":" and "+".
    credential.achievement = {
        **credential.achievement,
        "programme": "Peers & Allies: Level 2+",
        "issuer": "Riverside Recovery & Wellness",
    }
    credential.save(update_fields=["achievement"])

    href = linkedin_href(credentials_page(client, trainee))

    parts = urlsplit(href)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "www.linkedin.com", "/profile/add")
    assert " " not in href and "&&" not in href
    assert "name=Peers%20%26%20Allies%3A%20Level%202%2B" in parts.query
    params = {key: values[0] for key, values in parse_qs(parts.query, strict_parsing=True).items()}
    assert params == {
        "startTask": "CERTIFICATION_NAME",
        "name": "Peers & Allies: Level 2+",
        "organizationName": "Riverside Recovery & Wellness",
        "issueYear": str(credential.issued_on.year),
        "issueMonth": str(credential.issued_on.month),
        "expirationYear": str(credential.expires_on.year),
        "expirationMonth": str(credential.expires_on.month),
        "certUrl": verification_url(credential.number),
        "certId": credential.number,
    }


def test_the_public_link_is_a_read_only_field_with_a_copy_button_from_a_static_file(
    client, trainee, credential
):
    page = credentials_page(client, trainee)

    field = re.search(r'<input type="text"\s+id="share-[^"]+"\s+value="([^"]+)"\s+readonly', page)
    assert field and html.unescape(field.group(1)) == verification_url(credential.number)
    assert re.search(r"<button[^>]*data-copy=[^>]*hidden>Copy</button>", page)
    # The strict CSP: a script from our static files, with the request's nonce; none inline.
    scripts = re.findall(r"<script\b[^>]*>", page)
    share_script = [tag for tag in scripts if "js/share.js" in tag]
    assert len(share_script) == 1 and re.search(r'nonce="[^"]+"', share_script[0])
    assert all("src=" in tag for tag in scripts)
    assert finders.find("js/share.js")


@pytest.mark.parametrize("status", [Credential.Status.REVOKED, Credential.Status.SUSPENDED])
def test_nothing_is_offered_for_sharing_unless_the_credential_is_current(
    client, trainee, credential, status
):
    Credential.objects.filter(pk=credential.pk).update(status=status)

    page = credentials_page(client, trainee)

    assert credential.number in page  # the credential is still listed
    assert "linkedin.com" not in page
    assert "data-share" not in page
    assert "Public link to share" not in page


def test_an_expired_credential_is_not_offered_for_sharing(client, trainee, credential):
    Credential.objects.filter(pk=credential.pk).update(
        issued_on=credential.issued_on - dt.timedelta(days=3 * 365),
        expires_on=credential.issued_on - dt.timedelta(days=1),
    )

    assert "linkedin.com" not in credentials_page(client, trainee)
