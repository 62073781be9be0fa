"""Renewal, end to end in Chromium (issue 15's "done when").

A holder logs an outside CE activity with a PDF certificate and sees the gap shrink, logs
the rest and applies; the issuer's coordinator returns the application once with a reason,
the holder applies again, the coordinator approves; the public page and the API show the
new validity under the same number; the clinic's roster shows the new expiry; the holder
downloads the new certificate.
"""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from certificates.models import Credential
from core.dates import long_date
from organisations.roles import Role

# The renewals tests' fixtures, for this directory too.
from tests.renewals.conftest import (  # noqa: F401
    PDF_BYTES,
    make_credential,
    renewal_programme,
)
from verification.models import RosterEntry
from verification.services import api_key_create

from .conftest import field

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log(page, *, title: str, hours: str, ethics: bool, pdf=None, preview: bool = False):
    page.get_by_label(field("Title")).fill(title)
    page.get_by_label(field("Provider")).fill("Pacific Peer Network")
    page.get_by_label(field("Completed on")).fill(
        (timezone.localdate() - datetime.timedelta(days=10)).isoformat()
    )
    page.get_by_label(field("Hours")).fill(hours)
    page.get_by_label(field("Format")).select_option("online")
    if ethics:
        page.get_by_role("checkbox", name="Ethics").check()
    if pdf is not None:
        page.get_by_label(re.compile("Certificate of attendance")).set_input_files(pdf)
    name = "Would this count?" if preview else "Save"
    page.get_by_role("button", name=name).click()


def test_log_apply_return_approve_and_the_same_number_everywhere(
    new_tab,
    log_in,
    make_credential,  # noqa: F811
    make_member,
    with_totp,
    clinic,
    verifier,
    tmp_path,
):
    credential = make_credential(expires_in_days=100)  # IC&RC: the window is open
    number, old_expiry = credential.number, credential.expires_on
    RosterEntry.objects.create(organisation=clinic, credential=credential, added_by=verifier)
    pdf = tmp_path / "attendance.pdf"
    pdf.write_bytes(PDF_BYTES)

    holder = log_in(new_tab(), credential.holder)
    holder.goto("/renewals/")
    sentences = holder.locator("[data-renewal-sentences]")
    expect(sentences).to_contain_text(
        f"You need 6 more hours of ethics and 20 hours in total by {long_date(old_expiry)}."
    )
    _log(holder, title="Ethics in peer work", hours="6", ethics=True, preview=True)
    expect(holder.locator("[data-preview]")).to_contain_text("Yes: 6 hours, 6 toward ethics.")
    holder.get_by_label(re.compile("Certificate of attendance")).set_input_files(pdf)
    holder.get_by_role("button", name="Save").click()
    expect(sentences).to_contain_text(f"You need 14 hours in total by {long_date(old_expiry)}.")
    expect(holder.get_by_role("link", name="certificate")).to_have_count(1)
    _log(holder, title="Recovery planning", hours="14", ethics=False)
    expect(sentences).to_contain_text("You have all the hours you need")

    def apply():
        holder.goto("/renewals/")
        holder.get_by_role("link", name="Apply to renew").click()
        holder.get_by_label(field("Type your full name to sign")).fill("Ada Okafor")
        holder.get_by_role("button", name="Submit my renewal").click()
        expect(holder.locator("[data-application=submitted]")).to_be_visible()

    apply()

    coordinator = make_member(Role.COORDINATOR)
    with_totp(coordinator)
    reviewer = log_in(new_tab(), coordinator)
    reviewer.goto("/renewals/queue/")
    reviewer.get_by_text("Return…").click()
    reviewer.get_by_label("What the holder needs to fix").fill(
        "The ethics certificate has no date: upload the dated one."
    )
    reviewer.get_by_role("button", name="Return").click()
    expect(reviewer.get_by_text("No renewal applications are waiting.")).to_be_visible()

    apply()
    reviewer.goto("/renewals/queue/")
    reviewer.get_by_role("button", name="Approve").click()
    credential = Credential.objects.get(pk=credential.pk)
    new_expiry = credential.expires_on
    assert credential.number == number and new_expiry > old_expiry
    expect(reviewer.get_by_text(f"renewed until {long_date(new_expiry)}")).to_be_visible()

    public = new_tab()
    public.goto(f"/verify/{number}/")
    expect(public.locator(".verify-status")).to_have_text(
        f"VALID — renewed on {long_date(timezone.localdate())}, valid until {long_date(new_expiry)}"
    )
    _, secret = api_key_create(organisation=clinic, name="HR", created_by=verifier)
    answer = public.request.get(
        f"/api/v1/credentials/{number}", headers={"Authorization": f"Bearer {secret}"}
    ).json()
    assert answer["number"] == number and answer["status"] == "VALID"
    assert answer["expires_on"] == new_expiry.isoformat()
    assert answer["renewed_on"] == timezone.localdate().isoformat()

    clinic_tab = log_in(new_tab(), verifier)
    clinic_tab.goto(f"/clinics/{clinic.pk}/roster/")
    row = clinic_tab.locator(f'tr[data-number="{number}"]')
    expect(row).to_contain_text(f"{new_expiry:%b} {new_expiry.day}, {new_expiry.year}")

    holder.goto("/credentials/")
    with holder.expect_download() as download:
        holder.get_by_role("link", name="Download the certificate (PDF)").click()
    saved = tmp_path / "certificate.pdf"
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")
