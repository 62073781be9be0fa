"""A coordinator follows a cohort in a real browser: gradebook, learner record, CSV."""

import os
import re

import pytest
from playwright.sync_api import expect

from certificates.models import CredentialEvent
from courses.services import enrollment_create
from organisations.roles import Role
from tests.builders import lesson_done, lessons_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Set to a directory to keep screenshots of the pages at desktop and phone widths.
SCREENSHOTS = os.environ.get("PEERPATH_SCREENSHOTS", "")


def test_coordinator_opens_gradebook_and_a_learner_record_and_exports_csv(
    site_structure,
    new_tab,
    log_in,
    coordinator,
    with_totp,
    make_member,
    programme,
    issue_credential,
):
    with_totp(coordinator)
    credential = issue_credential(first_name="Rosa", last_name="Núñez")
    CredentialEvent.objects.create(credential=credential, action="issued")
    holder = credential.holder
    learner = make_member(Role.TRAINEE, first_name="Ian", last_name="Idle")
    enrollment_create(trainee=learner, programme=programme)
    lesson_done(trainee=learner, lesson=lessons_of(programme)[0])

    page = log_in(new_tab(), coordinator)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/courses/coordinate/")
    page.get_by_role("link", name=programme.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{programme.title}: gradebook")
    table = page.get_by_role("table")
    expect(table).to_contain_text("Rosa Núñez")
    expect(table).to_contain_text("Active ·")
    expect(table).to_contain_text("1/4 lessons")
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/gradebook-1280.png", full_page=True)

    page.get_by_role("link", name="Practice hours").click()
    expect(page).to_have_url(re.compile(r"sort=practice"))
    expect(page.get_by_role("columnheader", name=re.compile("Practice hours"))).to_have_attribute(
        "aria-sort", "ascending"
    )

    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Download CSV")).click()
    download = download_info.value
    assert download.suggested_filename == f"{programme.slug}-gradebook.csv"
    content = download.path().read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")
    assert "Núñez".encode() in content

    page.get_by_role("link", name=holder.get_full_name()).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Learner record: Rosa Núñez")
    expect(page.get_by_role("heading", name="Credential")).to_be_visible()
    expect(page.get_by_role("table", name=re.compile("Status history"))).to_contain_text("Issued")
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/record-1280.png", full_page=True)
        phone = page.context.browser.new_context(
            viewport={"width": 390, "height": 844},
            storage_state=page.context.storage_state(),
            base_url=page.url.split("/coordinate")[0],
        )
        mobile = phone.new_page()
        mobile.goto(page.url)
        mobile.screenshot(path=f"{SCREENSHOTS}/record-390.png", full_page=True)
        mobile.goto(f"/coordinate/{programme.pk}/gradebook/")
        mobile.screenshot(path=f"{SCREENSHOTS}/gradebook-390.png", full_page=True)
        phone.close()
