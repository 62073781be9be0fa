import re
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from certificates.models import Credential, EthicsAffirmation
from certificates.openbadges import verification_url
from certificates.services import (
    certificate_render,
    credential_eligibility,
    credential_issue_if_eligible,
    ethics_affirm,
)
from courses.hours import minutes_to_hours
from organisations.roles import Role
from practice.services import entry_decide
from tests.builders import lesson_done, lessons_of

pytestmark = pytest.mark.django_db


def test_eligibility_names_what_is_missing(practice_enrollment, ethics_code):
    eligibility = credential_eligibility(enrollment=practice_enrollment)

    text = " ".join(eligibility.missing)
    assert not eligibility.eligible
    assert "Complete every required module" in text
    assert "10 approved practice hours" in text
    assert "Affirm the Code of ethics" in text
    assert credential_issue_if_eligible(enrollment=practice_enrollment) is None
    assert not Credential.objects.exists()


def test_affirming_the_code_last_issues_the_credential_once(
    trainee, nearly_done, django_capture_on_commit_callbacks
):
    assert not Credential.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        ethics_affirm(trainee=trainee, enrollment=nearly_done, signed_name=trainee.get_full_name())

    credential = Credential.objects.get()
    assert credential.holder == trainee
    assert credential.effective_status == "active"
    assert credential.achievement["practice_hours"] == "10"
    # The hours earned: the credited lessons' minutes, not the 10 the modules declare.
    minutes = sum(lesson.estimated_minutes for lesson in lessons_of(nearly_done.programme))
    assert Decimal(credential.achievement["training_hours"]) == minutes_to_hours(minutes)
    assert (credential.expires_on.year - credential.issued_on.year) * 12 + (
        credential.expires_on.month - credential.issued_on.month
    ) == 24
    assert credential_issue_if_eligible(enrollment=nearly_done).pk == credential.pk
    assert Credential.objects.count() == 1
    credential.refresh_from_db()
    assert credential.pdf_ready  # rendered by the task, inline here


def test_approving_the_last_hours_issues_it_too(
    trainee,
    practice_enrollment,
    practice_programme,
    assigned_supervisor,
    log_entry,
    ethics_code,
    django_capture_on_commit_callbacks,
):
    for lesson in lessons_of(practice_programme):
        lesson_done(trainee=trainee, lesson=lesson)
    ethics_affirm(
        trainee=trainee, enrollment=practice_enrollment, signed_name=trainee.get_full_name()
    )
    entries = [
        log_entry(days_ago=d, minutes=m, category=c)
        for d, m, c in (
            (1, 420, "one-to-one"),
            (2, 120, "group-facilitation"),
            (3, 60, "supervision-received"),
        )
    ]
    for entry in entries[:-1]:
        entry_decide(supervisor=assigned_supervisor, entry_id=entry.pk, approve=True)
    assert not Credential.objects.exists()

    # Issuing follows the commit (courses.signals.enrollment_progressed), as on every path.
    with django_capture_on_commit_callbacks(execute=True):
        entry_decide(supervisor=assigned_supervisor, entry_id=entries[-1].pk, approve=True)

    assert Credential.objects.filter(holder=trainee).count() == 1


def test_a_wrongly_typed_name_affirms_nothing(trainee, practice_enrollment, ethics_code):
    with pytest.raises(ValidationError, match="Type your full name"):
        ethics_affirm(trainee=trainee, enrollment=practice_enrollment, signed_name="Someone Else")
    assert not EthicsAffirmation.objects.exists()


def test_the_database_allows_one_live_credential_per_holder_and_programme(
    trainee, nearly_done, credential
):
    with pytest.raises(IntegrityError), transaction.atomic():
        Credential.objects.create(
            holder=trainee,
            enrollment=nearly_done,
            programme=credential.programme,
            issuer=credential.issuer,
            issued_on=credential.issued_on,
            expires_on=credential.expires_on,
            achievement={},
        )


def test_the_certificate_pdf_holds_the_name_number_and_a_qr_to_the_verification_page(
    trainee, credential, tmp_path
):
    certificate_render(credential_id=credential.pk, force=True)
    credential.refresh_from_db()
    assert credential.pdf.name == credential.pdf_storage_key
    assert certificate_render(credential_id=credential.pk) is False  # already there: no-op
    pdf = credential.pdf.read()
    assert pdf.startswith(b"%PDF")

    if not (shutil.which("pdftotext") and shutil.which("pdftoppm") and shutil.which("zbarimg")):
        pytest.skip("poppler-utils and zbar-tools are needed to read the PDF's text and QR code")
    path = tmp_path / "certificate.pdf"
    path.write_bytes(pdf)
    text = " ".join(
        subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
        .stdout.decode()
        .split()
    )
    assert trainee.get_full_name() in text
    assert credential.number in text
    pages = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True).stdout.decode()
    assert re.search(r"Pages:\s+1\n", pages)
    assert re.search(r"Page size:\s+841.89 x 595.276 pts \(A4\)", pages)  # A4 landscape
    xmp = subprocess.run(
        ["pdfinfo", "-meta", str(path)], capture_output=True, check=True
    ).stdout.decode()
    assert "pdfaid" in xmp  # declares PDF/A conformance
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True).stdout.decode()
    assert all(" yes " in line for line in fonts.splitlines()[2:])  # every font embedded
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(path), str(tmp_path / "page")], check=True)
    image = next(tmp_path.glob("page*.png"))
    decoded = (
        subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, check=True)
        .stdout.decode()
        .strip()
    )
    assert decoded == verification_url(credential.number)


def test_only_the_holder_and_the_issuers_coordinators_download(
    client, trainee, credential, coordinator, make_member
):
    url = f"/credentials/{credential.number}/certificate.pdf"

    client.force_login(make_member(Role.TRAINEE))
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 404
    client.force_login(coordinator)
    assert client.get(url).status_code == 202  # not rendered yet in this transaction
    assert "being prepared" in client.get(url).content.decode()
    certificate_render(credential_id=credential.pk)
    client.force_login(trainee)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_the_public_page_says_valid_and_a_typo_gets_a_clear_message(client, trainee, credential):

    html = client.get(f"/verify/{credential.number}/").content.decode()
    assert 'data-status="VALID"' in html and "VALID" in html
    assert trainee.get_full_name() in html
    assert trainee.email not in html

    typo = credential.number[:-1] + ("0" if credential.number[-1] != "0" else "1")
    response = client.get(f"/verify/{typo}/")
    assert response.status_code == 404
    assert "No credential with this number — check the characters." in response.content.decode()
