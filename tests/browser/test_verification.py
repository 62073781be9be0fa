"""Checking credentials in a real browser: the QR code's page, revocation, CSV checks, the API.

A stranger opens the page a certificate's QR code encodes and sees VALID with only what
they need; the issuer's coordinator revokes the credential and the same page says REVOKED
on reload (a VALID answer may be cached for at most a minute, a REVOKED one never). A
clinic verifier checks a CSV of workers, downloads the results and finds the matches on
the roster; a file with the wrong header is refused with a message saying what to fix.
The verifier creates an API key, their software uses it, and once revoked it stops working.

The live server needs real commits, so the database is transactional (see
``site_structure`` in tests/conftest.py). Credentials are made with ``issue_credential``
(tests/conftest.py): earning one is tests/browser/test_certificate.py's subject.

Coordinators must pass two-factor authentication in the session to change a credential,
so the coordinator signs in through allauth's form with their authenticator's code
(``log_in``, tests/browser/conftest.py), as the supervisor in tests/browser/test_practice.py
does.
"""

import csv
import datetime
import io
import os
import re
from pathlib import Path

import openpyxl
import pytest
from django.utils import timezone
from django.utils.formats import date_format
from playwright.sync_api import Page, expect

from certificates.models import Credential
from certificates.openbadges import verification_url
from verification.csvcheck import PEERPATH_COLUMNS
from verification.models import ApiKey, BulkCheck, RosterEntry

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

# The results CSV's columns as the rows below name them: the clinic's two, then Peerpath's.
RESULT_HEADER = ["credential_number", "last_name", *(key for key in PEERPATH_COLUMNS.values())]

WRONG_HEADER_MESSAGE = (
    "The first row must name the columns credential_number and last_name "
    "(found: number, surname). Download the template to see the layout."
)


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def long_date(date: datetime.date) -> str:
    """A date as the verification page shows it ("F j, Y")."""
    return date_format(date, "F j, Y")


def cache_control(response) -> dict[str, str]:
    """A response's Cache-Control directives: {"max-age": "30", "public": ""}."""
    directives = {}
    for part in response.headers.get("cache-control", "").split(","):
        name, _, value = part.strip().partition("=")
        if name:
            directives[name.lower()] = value
    return directives


def facts(page: Page) -> dict[str, str]:
    """The verification page's facts, term → description."""
    listing = page.locator("dl.verify-facts")
    terms = listing.locator("dt").all_inner_texts()
    descriptions = listing.locator("dd").all_inner_texts()
    assert len(terms) == len(descriptions)
    return {term.strip(): text.strip() for term, text in zip(terms, descriptions, strict=True)}


def open_clinic_page(page: Page, clinic, link: str) -> None:
    """From anywhere: the nav's Roster link, then the clinic's own link to ``link``."""
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Roster").click()
    expect(page).to_have_url(re.compile(rf"/clinics/{clinic.pk}/roster/$"))
    if link != "Roster":
        page.get_by_role("main").get_by_role("link", name=link, exact=True).click()


def write_csv(path, rows: list[list[str]]):
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


# --------------------------------------------------------------------------------------------
# 1. Scanning the QR code
# --------------------------------------------------------------------------------------------


def test_the_qr_codes_page_shows_a_valid_credential_without_the_holders_email(
    new_tab, live_server, settings, issue_credential, provider, programme
):
    # The QR code on the certificate encodes this URL; the site's base URL is the server's.
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    credential = issue_credential(first_name="Ada", last_name="Okafor")
    url = verification_url(credential.number)
    assert url == f"{live_server.url}/verify/{credential.number}/"

    before = timezone.now().replace(microsecond=0)
    stranger = new_tab()
    response = stranger.goto(url)
    assert response.status == 200

    status = stranger.locator(".verify-status")
    expect(status).to_have_text("VALID")
    expect(status).to_have_attribute("data-status", "VALID")
    expect(stranger.locator(".verify-explanation")).to_have_text(
        "This credential is real and current."
    )
    shown = facts(stranger)
    checked = shown.pop("Checked")
    assert shown == {
        "Holder": "Ada Okafor",
        "Program": programme.title,
        "Issued by": provider.name,
        "Credential number": credential.number,
        "Issued": long_date(credential.issued_on),
        "Valid until": long_date(credential.expires_on),
    }
    # The time it was checked: now, in a machine-readable form and as text.
    checked_at = datetime.datetime.fromisoformat(
        stranger.locator("dl.verify-facts time").get_attribute("datetime")
    )
    assert before <= checked_at <= timezone.now()
    assert checked.startswith(long_date(timezone.localdate(checked_at)))

    # Only what a verifier needs: never the holder's email address.
    html = stranger.content()
    assert credential.holder.email not in html
    assert credential.holder.email.split("@")[0] not in html


# --------------------------------------------------------------------------------------------
# 2. Revocation shows within a minute
# --------------------------------------------------------------------------------------------


def test_a_revoked_credential_shows_revoked_on_reload(
    new_tab, log_in, issue_credential, coordinator, with_totp
):
    credential = issue_credential(first_name="Ada", last_name="Okafor")
    number = credential.number

    # A stranger's check: VALID, which a proxy may keep for no more than a minute.
    stranger = new_tab()
    response = stranger.goto(f"/verify/{number}/")
    assert response.status == 200
    expect(stranger.locator(".verify-status")).to_have_text("VALID")
    directives = cache_control(response)
    assert "public" in directives, response.headers
    assert 0 < int(directives["s-maxage"]) <= 60, response.headers
    assert directives["max-age"] == "0", response.headers  # shared caches only

    # The issuing provider's coordinator (with two-factor authentication) revokes it.
    with_totp(coordinator)
    desk = new_tab()
    log_in(desk, coordinator)
    desk.goto("/dashboard/")
    desk.get_by_role("navigation", name="Main").get_by_role("link", name="Credentials").click()
    expect(desk).to_have_url(re.compile(r"/credentials/manage/$"))
    row = desk.locator(f'tr[data-credential="{number}"]')
    expect(row.get_by_role("cell").nth(3)).to_contain_text("Active")
    # Revoke is not a button beside Suspend: it is a link to its own confirmation page.
    expect(row.get_by_role("button", name="Revoke")).to_have_count(0)
    row.get_by_role("link", name=f"Revoke {number}…").click()
    expect(desk).to_have_url(re.compile(rf"/credentials/{number}/revoke/$"))
    expect(desk.get_by_role("heading", level=1)).to_have_text(f"Revoke credential {number}?")
    expect(desk.locator(".danger-zone")).to_contain_text("This cannot be undone.")
    reason = "Registration withdrawn by the board."
    public_reason = "Revoked by the certification board"
    desk.get_by_label("Reason for revoking").fill(reason)
    desk.get_by_label("Public reason (optional)").fill(public_reason)
    desk.get_by_label("Internal note (optional)").fill("Board letter 2026-114")
    confirm = desk.get_by_label("Type the credential number to confirm")
    revoke = desk.get_by_role("button", name="Revoke this credential permanently")

    # A slip in the number: a clear error, and nothing changed.
    confirm.fill(number[:-1])
    revoke.click()
    expect(desk.get_by_role("alert").first).to_contain_text(
        f"Type the credential number {number} exactly to confirm. Nothing was changed."
    )
    credential.refresh_from_db()
    assert credential.status == Credential.Status.ACTIVE

    desk.get_by_label("Type the credential number to confirm").fill(number)
    desk.get_by_role("button", name="Revoke this credential permanently").click()
    expect(desk).to_have_url(re.compile(r"/credentials/manage/$"))
    expect(desk.get_by_role("status")).to_contain_text(f"{number} is revoked.")
    expect(row.get_by_role("cell").nth(3)).to_contain_text("Revoked")
    expect(row.get_by_role("link", name=f"Revoke {number}…")).to_have_count(0)
    credential.refresh_from_db()
    assert credential.status == Credential.Status.REVOKED

    # The stranger reloads: REVOKED, and that answer is never cached.
    response = stranger.reload()
    assert response.status == 200
    expect(stranger.locator(".verify-status")).to_have_text("REVOKED")
    expect(stranger.locator(".verify-status")).to_have_attribute("data-status", "REVOKED")
    expect(stranger.locator(".verify-explanation")).to_have_text(
        "This credential has been revoked. It is no longer valid."
    )
    directives = cache_control(response)
    assert "public" not in directives, response.headers
    assert {"no-store", "no-cache", "private"} <= directives.keys(), response.headers
    assert directives["max-age"] == "0", response.headers
    # The date and the public reason are for verifiers; the holder's reason and the
    # coordinators' note are not.
    changed_on = long_date(timezone.localdate(credential.status_changed_at))
    expect(stranger.locator(".verify-change")).to_have_text(
        f"Revoked on {changed_on}. Reason given by the issuer: {public_reason}"
    )
    assert reason not in stranger.content()
    assert "Board letter" not in stranger.content()


# --------------------------------------------------------------------------------------------
# 3. Checking a CSV of workers
# --------------------------------------------------------------------------------------------


def test_a_verifier_checks_a_csv_downloads_the_results_and_finds_the_matches_on_the_roster(
    tab, log_in, tmp_path, clinic, verifier, issue_credential, provider, programme
):
    valid = issue_credential(first_name="Ada", last_name="Okafor")
    typed_loosely = issue_credential(first_name="Siobhán", last_name="O'Néill")
    revoked = issue_credential(
        first_name="Bea", last_name="Nwosu", status=Credential.Status.REVOKED
    )
    misnamed = issue_credential(first_name="Chidi", last_name="Eze")
    upload = write_csv(
        tmp_path / "staff.csv",
        [
            ["credential_number", "last_name"],
            [valid.number, "Okafor"],
            # Lower case, no hyphens, no accent or apostrophe: still the same worker.
            [typed_loosely.number.replace("-", "").lower(), "oneill"],
            [revoked.number, "Nwosu"],
            [misnamed.number, "Ezeh"],
        ],
    )

    # The verifier signs in and opens the (empty) roster, then the CSV check.
    log_in(tab, verifier)
    open_clinic_page(tab, clinic, "Roster")
    expect(tab.get_by_role("heading", name="Peer workers on your roster")).to_be_visible()
    expect(tab.locator("tr[data-number]")).to_have_count(0)
    open_clinic_page(tab, clinic, "Check a CSV")
    expect(tab).to_have_url(re.compile(rf"/clinics/{clinic.pk}/checks/$"))

    # A file with the wrong header is refused whole, saying what the header must be.
    wrong = write_csv(tmp_path / "wrong.csv", [["number", "surname"], [valid.number, "Okafor"]])
    tab.get_by_label("CSV or Excel file").set_input_files(wrong)
    tab.get_by_label("Add every credential that matches to our roster").check()
    tab.get_by_role("button", name="Check the file").click()
    expect(tab.locator(".field-error [role=alert]")).to_have_text(WRONG_HEADER_MESSAGE)
    expect(tab).to_have_url(re.compile(rf"/clinics/{clinic.pk}/checks/$"))
    assert not BulkCheck.objects.exists()
    assert not RosterEntry.objects.exists()
    # The template the message points to is on the page: just the header row.
    with tab.expect_download() as downloading:
        tab.get_by_role("link", name="Download the template").click()
    template = downloading.value
    assert template.suggested_filename.endswith(".csv")
    with open(template.path(), newline="", encoding="utf-8") as handle:
        assert list(csv.reader(handle)) == [["credential_number", "last_name"]]

    # The right file, with "add to roster" ticked.
    tab.get_by_label("CSV or Excel file").set_input_files(upload)
    tab.get_by_label("Add every credential that matches to our roster").check()
    tab.get_by_role("button", name="Check the file").click()
    expect(tab).to_have_url(re.compile(rf"/clinics/{clinic.pk}/checks/\d+/$"))
    expect(tab.get_by_role("heading", name="Results for staff.csv")).to_be_visible()
    expect(tab.locator("[data-count]")).to_have_text(
        ["VALID: 2", "REVOKED: 1", "NAME DOES NOT MATCH: 1"]
    )
    expect(tab.locator("tbody tr[data-result]")).to_have_count(4)
    expect(tab.locator("tbody tr[data-result]").nth(3)).to_have_attribute(
        "data-result", "NAME DOES NOT MATCH"
    )

    # The results download as CSV: every row, with what was typed and what was found.
    with tab.expect_download() as downloading:
        tab.get_by_role("link", name="Download the results (CSV)").click()
    download = downloading.value
    assert re.fullmatch(r"checked-\d{4}-\d{2}-\d{2}-\d{4}\.csv", download.suggested_filename)
    with open(download.path(), newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        assert next(reader) == ["credential_number", "last_name", *PEERPATH_COLUMNS]
        rows = [
            {
                key: value
                for key, value in zip(RESULT_HEADER, row, strict=True)
                if key not in ("detail",)
            }
            for row in reader
        ]
    checked_at = {row.pop("checked_at") for row in rows}
    assert len(checked_at) == 1
    assert timezone.now() - datetime.datetime.fromisoformat(checked_at.pop()) < (
        datetime.timedelta(minutes=1)
    )

    def found(line, credential, typed_number, typed_name, result, holder):
        return {
            "row": str(line),
            "credential_number": typed_number,
            "last_name": typed_name,
            "result": result,
            "holder_name": holder,
            "programme": programme.title,
            "issuer": provider.name,
            "issued_on": credential.issued_on.isoformat(),
            "expires_on": credential.expires_on.isoformat(),
        }

    assert rows == [
        found(2, valid, valid.number, "Okafor", "VALID", "Ada Okafor"),
        found(
            3,
            typed_loosely,
            typed_loosely.number.replace("-", "").lower(),
            "oneill",
            "VALID",
            "Siobhán O'Néill",
        ),
        found(4, revoked, revoked.number, "Nwosu", "REVOKED", "Bea Nwosu"),
        {
            "row": "5",
            "credential_number": misnamed.number,
            "last_name": "Ezeh",
            "result": "NAME DOES NOT MATCH",
            "holder_name": "",
            "programme": "",
            "issuer": "",
            "issued_on": "",
            "expires_on": "",
        },
    ]

    # The roster now lists the three matched workers with their statuses; not the misnamed.
    open_clinic_page(tab, clinic, "Roster")
    roster = tab.locator("table.roster tbody tr[data-number]")
    expect(roster).to_have_count(3)
    for credential, holder, status in [
        (valid, "Ada Okafor", "VALID"),
        (typed_loosely, "Siobhán O'Néill", "VALID"),
        (revoked, "Bea Nwosu", "REVOKED"),
    ]:
        row = tab.locator(f'tr[data-number="{credential.number}"]')
        expect(row).to_have_attribute("data-status", status)
        expect(row.get_by_role("cell").nth(0)).to_have_text(holder)
        expect(row.get_by_role("cell").nth(2)).to_have_text(status)
    expect(tab.locator(f'tr[data-number="{misnamed.number}"]')).to_have_count(0)
    assert BulkCheck.objects.get().organisation == clinic
    assert RosterEntry.objects.filter(organisation=clinic).count() == 3


# --------------------------------------------------------------------------------------------
# 4. An API key, created, used and revoked
# --------------------------------------------------------------------------------------------


def test_an_api_key_works_until_the_verifier_revokes_it(
    new_tab, log_in, clinic, verifier, issue_credential
):
    credential = issue_credential(first_name="Ada", last_name="Okafor")

    # The verifier creates a key; its secret is shown once.
    page = log_in(new_tab(), verifier)
    open_clinic_page(page, clinic, "API keys")
    expect(page).to_have_url(re.compile(rf"/clinics/{clinic.pk}/api-keys/$"))
    expect(page.get_by_role("cell", name="No keys yet.")).to_be_visible()
    page.get_by_label("Name").fill("HR system")
    page.get_by_role("button", name="Create key").click()
    secret = page.locator("[data-secret]").inner_text().strip()
    assert secret.startswith(ApiKey.PREFIX)
    row = page.locator('tr[data-key="HR system"]')
    expect(row.get_by_role("cell").nth(1)).to_have_text(f"{secret[: len(ApiKey.PREFIX) + 4]}…")
    expect(row.get_by_role("cell").nth(3)).to_have_text("Never")

    # The clinic's software (no browser session) calls the API with it.
    software = new_tab().request
    bearer = {"Authorization": f"Bearer {secret}"}
    answer = software.get(f"/api/v1/credentials/{credential.number}", headers=bearer)
    assert answer.status == 200, answer.text()
    assert answer.headers["content-type"].startswith("application/json")
    body = answer.json()
    assert body["number"] == credential.number
    assert body["status"] == "VALID"
    assert body["holder_name"] == "Ada Okafor"
    assert body["expires_on"] == credential.expires_on.isoformat()
    assert body["verification_url"].endswith(f"/verify/{credential.number}/")
    assert credential.holder.email not in answer.text()

    # Back on the page the secret is gone for good; the key shows it has been used.
    page.goto(f"/clinics/{clinic.pk}/api-keys/")
    expect(page.locator("[data-secret]")).to_have_count(0)
    assert secret not in page.content()
    expect(row.get_by_role("cell").nth(3)).not_to_have_text("Never")

    # Revoked in the browser, after a page saying what that does, the key stops at once.
    row.get_by_role("link", name="Revoke…").click()
    expect(page.locator(".danger-zone")).to_contain_text("stops working at once")
    page.get_by_role("button", name="Revoke the key").click()
    expect(page.get_by_role("status")).to_contain_text(
        "The key “HR system” is revoked: it stops working now."
    )
    expect(row.get_by_role("cell").nth(4)).to_contain_text("Revoked")
    expect(row.get_by_role("link", name="Revoke…")).to_have_count(0)

    answer = software.get(f"/api/v1/credentials/{credential.number}", headers=bearer)
    assert answer.status == 401, answer.text()
    assert answer.headers["content-type"].startswith("application/json")
    assert answer.headers["www-authenticate"] == "Bearer"
    assert answer.json() == {"detail": "This API key is not valid or has been revoked."}


# --------------------------------------------------------------------------------------------
# 5. The roster on a phone
# --------------------------------------------------------------------------------------------


def test_the_roster_points_at_risk_and_fits_a_phone(
    new_tab, log_in, clinic, verifier, issue_credential, coordinator, with_totp
):
    from certificates.services import credential_change_status

    with_totp(coordinator)
    fine = issue_credential(first_name="Ada", last_name="Okafor")
    gone = issue_credential(first_name="Bea", last_name="Nwosu")
    credential_change_status(
        actor=coordinator,
        credential_id=gone.pk,
        action="revoke",
        reason="Withdrawn",
        public_reason="Revoked by the certification board",
        confirm_number=gone.number,
    )
    for credential in (fine, gone):
        RosterEntry.objects.create(organisation=clinic, credential=credential, site="Eastside")

    page = log_in(new_tab(viewport={"width": 390, "height": 844}), verifier)
    page.goto(f"/clinics/{clinic.pk}/roster/")

    expect(page.locator(".attention")).to_contain_text("1 peer worker needs your attention")
    expect(page.locator(".attention")).to_contain_text("1 revoked")
    rows = page.locator("table.roster tbody tr")
    expect(rows.first).to_have_attribute("data-status", "REVOKED")  # attention first
    expect(rows.first).to_contain_text("Reason: Revoked by the certification board")
    # Nothing wider than the phone, and no credential number broken across lines.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    line_boxes = page.locator("table.roster .number").evaluate_all(
        "els => els.map(el => el.getClientRects().length)"
    )
    assert line_boxes == [1, 1]


# 3b. What Excel writes: a Windows-1252 semicolon CSV and a workbook
# --------------------------------------------------------------------------------------------


def _screenshot(page: Page, name: str) -> None:
    """Kept when PEERPATH_SCREENSHOTS names a folder, to look at the layout by eye."""
    folder = os.environ.get("PEERPATH_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_a_clinic_checks_what_excel_saves_and_the_results_keep_its_columns_and_accents(
    new_tab, log_in, tmp_path, clinic, verifier, issue_credential, width
):
    nunez = issue_credential(first_name="José", last_name="Núñez")
    other = issue_credential(first_name="Ada", last_name="Okafor")
    tab = new_tab(viewport={"width": width, "height": 900})
    # European Excel's "CSV": Windows-1252, semicolons, the clinic's own columns around ours.
    semicolons = tmp_path / "personal.csv"
    semicolons.write_bytes(
        (
            "Nº empleado;Sede;credential_number;last_name\r\n"
            f"E-1;Málaga;{nunez.number};Núñez\r\n"
            f"E-2;Córdoba;{other.number};Okafor\r\n"
            f"E-3;Sevilla;{nunez.number};Núñez\r\n"
            "E-4;León;PP-12;Peña\r\n"
        ).encode("cp1252")
    )
    book = openpyxl.Workbook()
    book.active.append(["Site", "last_name", "credential_number", "Started"])
    book.active.append(["Zürich", "Núñez", nunez.number, datetime.date(2025, 3, 1)])
    book.active.append(["Oslo", "Okafur", other.number, None])
    workbook_path = tmp_path / "staff.xlsx"
    book.save(workbook_path)

    log_in(tab, verifier)
    open_clinic_page(tab, clinic, "Check a CSV")
    _screenshot(tab, f"upload-{width}")
    tab.get_by_label("CSV or Excel file").set_input_files(semicolons)
    tab.get_by_role("button", name="Check the file").click()
    expect(tab.get_by_role("heading", name="Results for personal.csv")).to_be_visible()
    expect(tab.locator("[data-read-as]")).to_have_text(
        "Read as Windows-1252 text, semicolon-separated."
    )
    expect(tab.locator("[data-count]")).to_have_text(
        ["VALID: 2", "MALFORMED NUMBER: 1", "DUPLICATE ROW: 1"]
    )
    expect(tab.locator("tbody tr").nth(0)).to_contain_text("Núñez")
    expect(tab.locator("tbody tr").nth(2)).to_have_attribute("data-result", "DUPLICATE ROW")
    # On a phone the table scrolls inside its own region; the page itself does not.
    assert tab.evaluate("document.documentElement.scrollWidth") <= width
    _screenshot(tab, f"results-{width}")

    with tab.expect_download() as downloading:
        tab.get_by_role("link", name="Download the results (CSV)").click()
    data = Path(downloading.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert "Núñez".encode() in data and "Málaga".encode() in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0][:5] == ["Nº empleado", "Sede", "credential_number", "last_name", "peerpath_line"]
    assert [[*row[:4], row[5]] for row in rows[1:]] == [
        ["E-1", "Málaga", nunez.number, "Núñez", "VALID"],
        ["E-2", "Córdoba", other.number, "Okafor", "VALID"],
        ["E-3", "Sevilla", nunez.number, "Núñez", "DUPLICATE ROW"],
        ["E-4", "León", "PP-12", "Peña", "MALFORMED NUMBER"],
    ]
    assert rows[1][7] == "José Núñez"

    # The workbook: read from its first sheet, results downloaded as a workbook too.
    open_clinic_page(tab, clinic, "Check a CSV")
    tab.get_by_label("CSV or Excel file").set_input_files(workbook_path)
    tab.get_by_role("button", name="Check the file").click()
    expect(tab.get_by_role("heading", name="Results for staff.xlsx")).to_be_visible()
    expect(tab.locator("[data-read-as]")).to_have_text("Read as Excel workbook (.xlsx).")
    expect(tab.locator("[data-count]")).to_have_text(["VALID: 1", "NAME DOES NOT MATCH: 1"])
    with tab.expect_download() as downloading:
        tab.get_by_role("link", name="Download as Excel (.xlsx)").click()
    assert downloading.value.suggested_filename.endswith(".xlsx")
    results = openpyxl.load_workbook(io.BytesIO(Path(downloading.value.path()).read_bytes()))
    values = list(results.active.values)
    assert values[0][:5] == ("Site", "last_name", "credential_number", "Started", "peerpath_line")
    assert values[1][:6] == ("Zürich", "Núñez", nunez.number, "2025-03-01", 2, "VALID")
    assert values[2][:6] == ("Oslo", "Okafur", other.number, None, 3, "NAME DOES NOT MATCH")
    assert BulkCheck.objects.filter(organisation=clinic).count() == 2
