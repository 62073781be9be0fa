"""The certificate PDF carries its own proof, is tagged for screen readers, and prints its
verification address on one line. Read with poppler's tools, as a verifier's machine would."""

import re
import subprocess
import zlib
from pathlib import Path

import jwt
import pytest

from certificates.openbadges import verification_url
from certificates.services import certificate_pdf, certificate_render, printed_url
from tests.certificates.test_openbadges import verify

pytestmark = pytest.mark.django_db

LONG_ADDRESS = "https://credentials.peer-support-training.example.org"


def rendered(credential, tmp_path: Path) -> Path:
    certificate_render(credential_id=credential.pk, force=True)
    credential.refresh_from_db()
    path = tmp_path / "certificate.pdf"
    path.write_bytes(credential.pdf.read())
    return path


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, check=True).stdout.decode()


def pdf_objects(pdf: bytes) -> bytes:
    """The PDF's bytes with every compressed stream inflated: WeasyPrint keeps the catalog
    in a compressed object stream, where a search of the raw file would not see it."""
    inflated = [pdf]
    for stream in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        try:
            inflated.append(zlib.decompress(stream.group(1)))
        except zlib.error:
            continue  # not deflated (or not a whole stream): already in ``pdf``
    return b"\n".join(inflated)


def catalog(pdf: bytes) -> bytes:
    """The document catalog's dictionary, nested dictionaries included."""
    objects = pdf_objects(pdf)
    match = re.search(rb"<<\s*/Type\s*/Catalog\b", objects)
    assert match, "the PDF has no readable catalog"
    depth, at = 0, match.start()
    while True:
        if objects.startswith(b"<<", at):
            depth, at = depth + 1, at + 2
        elif objects.startswith(b">>", at):
            depth, at = depth - 1, at + 2
            if depth == 0:
                return objects[match.start() : at]
        else:
            at += 1


def test_the_pdf_embeds_the_signed_credential_and_it_verifies(credential, tmp_path):
    path = rendered(credential, tmp_path)

    listing = run("pdfdetach", "-list", str(path))
    assert f"1: {credential.number}.jwt" in listing
    extracted = tmp_path / "extracted.jwt"
    run("pdfdetach", "-save", "1", "-o", str(extracted), str(path))
    token = extracted.read_text().strip()

    # PyJWT, with only the published key set: not the library that signed.
    claims = verify(token)
    assert claims["credentialSubject"]["licenseNumber"] == credential.number
    assert claims["jti"].startswith("urn:uuid:")

    # A changed character in the embedded file fails: the file is the proof, not a copy.
    header, payload, signature = token.split(".")
    changed = "A" if payload[-2] != "A" else "B"
    tampered = f"{header}.{payload[:-2]}{changed}{payload[-1]}.{signature}"
    with pytest.raises(jwt.PyJWTError):
        verify(tampered)


def test_the_embedded_file_is_a_pdf_a_3_associated_file(credential, tmp_path):
    pdf = rendered(credential, tmp_path).read_bytes()
    objects = pdf_objects(pdf)

    xmp = run("pdfinfo", "-meta", str(tmp_path / "certificate.pdf"))
    assert 'pdfaid:part="3"' in xmp  # PDF/A-3: the part that allows embedded files
    assert re.search(rb"/AF\s*\[\s*\d+ 0 R\s*\]", catalog(pdf))  # associated, and once only
    assert re.search(rb"/AFRelationship\s*/Alternative", objects)
    assert b"/Subtype /application#2fvc+jwt" in objects  # its media type, as PDF/A-3 requires


def test_the_pdf_is_tagged_for_screen_readers(credential, tmp_path):
    path = rendered(credential, tmp_path)
    root = catalog(path.read_bytes())

    assert re.search(rb"/MarkInfo\s*<<\s*/Marked\s+true\s*>>", root)
    assert re.search(rb"/StructTreeRoot\s+\d+ 0 R", root)
    assert re.search(rb"/Lang\s*\(en\)", root)
    assert re.search(r"Tagged:\s+yes", run("pdfinfo", str(path)))
    structure = run("pdfinfo", "-struct", str(path))
    assert "H1" in structure  # the title is a heading, not just large text
    assert "Figure" in structure  # the QR code, with its alternative text:
    assert b"/Alt (QR code to the verification page)" in pdf_objects(path.read_bytes())


def test_the_printed_address_stays_on_one_line_and_opens_the_page(credential, tmp_path, client):
    url = f"{LONG_ADDRESS}/verify/{credential.number}/"
    path = tmp_path / "long.pdf"
    path.write_bytes(certificate_pdf(credential, verify_url=url))

    printed = printed_url(url)
    assert printed == f"credentials.peer-support-training.example.org/verify/{credential.number}"
    lines = [line.strip() for line in run("pdftotext", str(path), "-").splitlines()]
    assert printed in lines  # one whole line: neither the host nor the number is broken

    # Typed as printed, the address reaches the verification page (the slash is added).
    response = client.get(f"/verify/{credential.number}")
    assert response.status_code == 301
    assert response["Location"] == f"/verify/{credential.number}/"


def test_a_development_address_keeps_its_scheme():
    assert printed_url("http://127.0.0.1:8101/verify/PP-7KQ4-M2XD-9/") == (
        "http://127.0.0.1:8101/verify/PP-7KQ4-M2XD-9"
    )
    assert verification_url("PP-7KQ4-M2XD-9").endswith("/verify/PP-7KQ4-M2XD-9/")
