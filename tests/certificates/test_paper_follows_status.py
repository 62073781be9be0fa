"""A suspended or revoked credential's paper says so: the PDF is rendered again with the
status and its date across the page, and a revoked credential's file is no longer served."""

import shutil
import subprocess

import pytest
from django.utils import timezone
from django.utils.dateformat import format as date_format

from certificates.models import Credential
from certificates.openbadges import verification_url
from certificates.services import certificate_render, credential_change_status, printed_url
from certificates.tasks import render_certificate
from notifications.models import TaskCall

pytestmark = pytest.mark.django_db


@pytest.fixture
def rendered(credential):
    certificate_render(credential_id=credential.pk)
    credential.refresh_from_db()
    assert credential.pdf_ready
    return credential


@pytest.fixture
def change(coordinator, with_totp, django_capture_on_commit_callbacks):
    """change(credential, action): as a coordinator would, running what follows the commit
    (the render through the outbox, inline as in development)."""
    with_totp(coordinator)

    def change(credential: Credential, action: str) -> Credential:
        with django_capture_on_commit_callbacks(execute=True):
            credential_change_status(
                actor=coordinator,
                credential_id=credential.pk,
                action=action,
                reason="Told to the holder",
                confirm_number=credential.number,
            )
        credential.refresh_from_db()
        return credential

    return change


def pdf_text(credential: Credential, tmp_path) -> str:
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext (poppler-utils) is needed to read the certificate's text")
    path = tmp_path / "certificate.pdf"
    with credential.pdf.open("rb") as pdf:
        path.write_bytes(pdf.read())
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return " ".join(out.stdout.decode().split())


def changed_on(credential: Credential) -> str:
    assert credential.status_changed_at is not None
    return date_format(timezone.localtime(credential.status_changed_at), "F j, Y")


def test_a_revoked_credentials_pdf_says_revoked_with_the_date(rendered, change, tmp_path):
    assert "REVOKED" not in pdf_text(rendered, tmp_path)

    credential = change(rendered, "revoke")

    assert credential.pdf_ready  # rendered again, after the commit
    text = pdf_text(credential, tmp_path)
    assert f"REVOKED on {changed_on(credential)} — this certificate is no longer valid" in text
    assert credential.number in text


def test_a_suspended_credentials_pdf_says_where_to_check(rendered, change, tmp_path):
    credential = change(rendered, "suspend")

    text = pdf_text(credential, tmp_path)
    assert (
        f"SUSPENDED on {changed_on(credential)} — check the current status at "
        f"{printed_url(verification_url(credential.number))}"  # on one line, as printed below
    ) in text


def test_reinstatement_renders_the_clean_certificate_again(rendered, change, tmp_path):
    change(rendered, "suspend")
    credential = change(rendered, "reinstate")

    assert credential.pdf_ready
    text = pdf_text(credential, tmp_path)
    assert "SUSPENDED" not in text and "REVOKED" not in text
    assert credential.number in text


def test_every_status_change_queues_a_forced_render_through_the_outbox(
    rendered, coordinator, with_totp
):
    issued = TaskCall.objects.filter(task=render_certificate.name).latest("pk")
    with_totp(coordinator)
    for action in ("suspend", "reinstate", "revoke"):
        credential_change_status(
            actor=coordinator,
            credential_id=rendered.pk,
            action=action,
            reason="x",
            confirm_number=rendered.number,
        )

    calls = TaskCall.objects.filter(task=render_certificate.name, pk__gt=issued.pk).order_by("pk")
    assert [call.kwargs for call in calls] == [{"credential_id": rendered.pk, "force": True}] * 3


def test_until_it_is_rendered_again_the_old_pdf_is_not_served(
    client, rendered, coordinator, with_totp
):
    """Inside the test the render never runs (on-commit work does not): the download waits
    rather than hand out the clean certificate of a revoked credential."""
    with_totp(coordinator)
    credential_change_status(
        actor=coordinator,
        credential_id=rendered.pk,
        action="revoke",
        reason="x",
        confirm_number=rendered.number,
    )
    client.force_login(rendered.holder)

    response = client.get(f"/credentials/{rendered.number}/certificate.pdf")

    assert response.status_code == 202
    assert "being rendered again to show its current status" in response.content.decode()


def test_a_render_that_raced_a_status_change_is_not_marked_ready(
    rendered, coordinator, with_totp, monkeypatch
):
    """The status changed while a render ran: its PDF shows the old status, so it is kept
    unready until the render the change queued runs."""
    from certificates import services

    real_pdf = services.certificate_pdf
    with_totp(coordinator)

    def pdf_then_revoke(credential, *, verify_url):
        pdf = real_pdf(credential, verify_url=verify_url)
        credential_change_status(
            actor=coordinator,
            credential_id=credential.pk,
            action="revoke",
            reason="x",
            confirm_number=credential.number,
        )
        return pdf

    monkeypatch.setattr(services, "certificate_pdf", pdf_then_revoke)

    assert certificate_render(credential_id=rendered.pk, force=True) is True
    rendered.refresh_from_db()
    assert not rendered.pdf_ready


@pytest.mark.parametrize("file", ["credential.jwt", "credential.jsonld"])
def test_a_revoked_credentials_file_is_refused_with_the_date(client, rendered, change, file):
    credential = change(rendered, "revoke")
    client.force_login(credential.holder)

    response = client.get(f"/credentials/{credential.number}/{file}")

    assert response.status_code == 410
    html = response.content.decode()
    assert "was revoked on" in html and changed_on(credential) in html
    assert response["Content-Type"].startswith("text/html")
    assert "attachment" not in response.get("Content-Disposition", "")


def test_a_suspended_credentials_file_is_still_served(client, rendered, change):
    credential = change(rendered, "suspend")
    client.force_login(credential.holder)

    response = client.get(f"/credentials/{credential.number}/credential.jwt")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vc+jwt"


def test_the_holders_page_shows_the_change_and_no_valid_until_once_revoked(
    client, rendered, change
):
    client.force_login(rendered.holder)
    assert "valid until" in client.get("/credentials/").content.decode()

    credential = change(rendered, "revoke")
    html = " ".join(client.get("/credentials/").content.decode().split())

    assert f"Revoked on {changed_on(credential)}" in html
    assert "valid until" not in html.lower()
    assert "credential.jwt" not in html  # the file is no longer offered


def test_the_holders_page_shows_when_it_was_suspended_and_reinstated(client, rendered, change):
    client.force_login(rendered.holder)

    credential = change(rendered, "suspend")
    html = " ".join(client.get("/credentials/").content.decode().split())
    assert f"Suspended on {changed_on(credential)}" in html

    credential = change(rendered, "reinstate")
    html = " ".join(client.get("/credentials/").content.decode().split())
    assert f"reinstated on {changed_on(credential)}" in html
