"""Stored certificates are reached only through the view that checks who is asking."""

import importlib

import pytest
from django.core.files.base import ContentFile
from django.urls import clear_url_caches
from django.utils import timezone

from cms import urls as cms_urls
from organisations.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def debug_urls(settings):
    """The URLconf as development (DEBUG=True) builds it, put back afterwards."""
    settings.DEBUG = True
    importlib.reload(cms_urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(cms_urls)
    clear_url_caches()


@pytest.fixture
def stored_pdf(issue_credential):
    credential = issue_credential()
    credential.pdf.save(credential.pdf_storage_key, ContentFile(b"%PDF-1.7 certificate"))
    credential.pdf_rendered_at = timezone.now()
    credential.save(update_fields=["pdf", "pdf_rendered_at"])
    return credential


def test_in_development_media_urls_serve_no_certificate(
    client, debug_urls, stored_pdf, make_member
):
    # What reproduced it: /media/certificates/<number>.pdf served any PDF under DEBUG.
    stranger = make_member(Role.TRAINEE)
    client.force_login(stranger)
    assert client.get(stored_pdf.pdf.url).status_code == 404
    client.logout()
    assert client.get(f"/media/certificates/{stored_pdf.number}.pdf").status_code == 404


def test_the_holder_still_downloads_it_through_the_checked_view(client, debug_urls, stored_pdf):
    client.force_login(stored_pdf.holder)
    response = client.get(f"/credentials/{stored_pdf.number}/certificate.pdf")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 certificate"
