"""The status reaches every surface at once: the public page a verifier has open, the
holder's page, and the paper.

A verifier's browser shows VALID; the issuer's coordinator revokes the credential; the same
browser reloads and sees REVOKED at once (a VALID answer is for shared caches only, never
the browser's own), with the date of the change and no "valid until". The holder's page
says when it was revoked and offers no credential file; the certificate PDF they download
says REVOKED with the date across the page.

The live server needs real commits, so the database is transactional; the render the
revocation queues runs inline once it commits, as on a machine without a broker.
"""

import shutil
import subprocess

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from playwright.sync_api import expect

from certificates.models import Credential
from certificates.services import certificate_render, credential_change_status

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def facts(page) -> dict[str, str]:
    listing = page.locator("dl.verify-facts")
    terms = listing.locator("dt").all_inner_texts()
    descriptions = listing.locator("dd").all_inner_texts()
    return {t.strip(): d.strip() for t, d in zip(terms, descriptions, strict=True)}


def test_a_verifier_reloads_and_sees_revoked_at_once_and_the_paper_says_so(
    new_tab, log_in, issue_credential, coordinator, with_totp, tmp_path
):
    credential = issue_credential(first_name="Ada", last_name="Okafor")
    certificate_render(credential_id=credential.pk)
    number = credential.number

    verifier = new_tab()
    response = verifier.goto(f"/verify/{number}/")
    expect(verifier.locator(".verify-status")).to_have_text("VALID")
    cache_control = {part.strip() for part in response.headers["cache-control"].split(",")}
    assert {"public", "max-age=0", "s-maxage=30"} <= cache_control, cache_control
    assert facts(verifier)["Valid until"] == date_format(credential.expires_on, "F j, Y")

    with_totp(coordinator)
    credential_change_status(
        actor=coordinator,
        credential_id=credential.pk,
        action="revoke",
        reason="Registration withdrawn.",
        confirm_number=number,
    )
    credential.refresh_from_db()
    changed_on = date_format(timezone.localtime(credential.status_changed_at), "F j, Y")

    # The same browser, the same tab: a reload asks the server again.
    response = verifier.reload()
    assert response.status == 200
    expect(verifier.locator(".verify-status")).to_have_text("REVOKED")
    shown = facts(verifier)
    assert shown["Revoked on"] == changed_on
    assert "Valid until" not in shown
    expect(verifier.locator(".verify-change")).to_contain_text(f"Revoked on {changed_on}")

    # The holder's page: the date of the change, no "valid until", no credential file.
    holder = log_in(new_tab(), credential.holder)
    holder.goto("/credentials/")
    status_line = holder.locator("[data-credential-status]")
    expect(status_line).to_contain_text(f"Revoked on {changed_on}")
    expect(status_line).not_to_contain_text("valid until")
    expect(holder.get_by_role("link", name="Open Badges 3.0 credential")).to_have_count(0)
    response = holder.goto(f"/credentials/{number}/credential.jwt")
    assert response.status == 410
    expect(holder.get_by_role("alert")).to_contain_text(f"was revoked on {changed_on}")

    # The paper: rendered again after the commit, REVOKED with the date across the page.
    holder.goto("/credentials/")
    with holder.expect_download() as download_info:
        holder.get_by_role("link", name="Download the certificate (PDF)").click()
    path = tmp_path / "certificate.pdf"
    download_info.value.save_as(path)
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) reads the certificate's text"
    text = " ".join(
        subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
        .stdout.decode()
        .split()
    )
    assert f"REVOKED on {changed_on} — this certificate is no longer valid" in text
    assert Credential.objects.get(pk=credential.pk).pdf_ready
