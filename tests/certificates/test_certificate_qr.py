"""The certificate's QR code: a fixed data mask (certificates/qr.py says why) still decodes,
for credential numbers of every shape, from the printed page at the resolutions a phone or
a scanner sees."""

import base64
import datetime
import io
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from certificates import qr
from certificates.models import Credential
from certificates.numbers import ALPHABET, RANDOM_LENGTH, format_number
from certificates.services import certificate_html
from core.pdf import html_to_pdf, stylesheet

LONG_ADDRESS = "https://credentials.peer-support-training.example.org"  # QR version 5
# The lower right of the A4 landscape page, in points: the QR code and the page around it.
QR_AREA = (480, 280, 362, 280)


# Numbers drawn once from a fixed seed: the same codes on every run, so a failure repeats.
NUMBERS = [
    format_number("".join(random.Random(seed).choices(ALPHABET, k=RANDOM_LENGTH)))
    for seed in range(4)
]


def page(number: str, verify_url: str) -> bytes:
    """The certificate's page as printed (the embedded file aside), for ``number``."""
    credential = Credential(
        number=number,
        status=Credential.Status.ACTIVE,
        issued_on=datetime.date(2026, 11, 22),
        expires_on=datetime.date(2028, 11, 22),
        achievement={
            "holder_name": "Alex Holder",
            "programme": "Certified Peer Support Worker",
            "issuer": "Example provider",
            "training_hours": "46",
            "practice_hours": "500",
            "modules": [],
            "signing_coordinator": "Corinne Walsh",
        },
    )
    css = stylesheet(Path(settings.BASE_DIR) / "templates" / "certificates" / "certificate.css")
    html = certificate_html(credential, verify_url=verify_url)
    return html_to_pdf(html, stylesheets=[css], pdf_variant="pdf/a-3b", pdf_tags=True)


def decoded(pdf: Path, dpi: int) -> str:
    x, y, width, height = (round(points * dpi / 72) for points in QR_AREA)
    stem = pdf.with_name(f"{pdf.stem}-{dpi}")
    crop = ["-x", str(x), "-y", str(y), "-W", str(width), "-H", str(height)]
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-singlefile", *crop, str(pdf), str(stem)],
        check=True,
    )
    result = subprocess.run(
        ["zbarimg", "--quiet", "--raw", f"{stem}.png"], capture_output=True, check=False
    )
    return result.stdout.decode().strip()


@pytest.mark.parametrize(
    ("base", "dpis"),
    [
        # An address of up to about 60 characters (QR version 4) decodes from 40 dpi; a
        # longer one (version 5) from 60: at 50 it fails for some numbers with any mask.
        ("http://127.0.0.1:8000", (40, 60, 72, 110, 150, 300)),
        (LONG_ADDRESS, (60, 72, 110, 150, 300)),
    ],
)
def test_random_numbers_certificates_decode_from_the_printed_page(base, dpis, tmp_path):
    if not (shutil.which("pdftoppm") and shutil.which("zbarimg")):
        pytest.skip("poppler-utils and zbar-tools are needed to read the QR code")
    for attempt, number in enumerate(NUMBERS):
        url = f"{base}/verify/{number}/"
        pdf = tmp_path / f"{attempt}.pdf"
        pdf.write_bytes(page(number, url))
        for dpi in dpis:
            assert decoded(pdf, dpi) == url, f"{number} at {dpi} dpi"


@pytest.mark.parametrize("base", ["http://127.0.0.1:8000", LONG_ADDRESS])
def test_the_png_has_segnos_own_pixels(base):
    """qr.py draws the PNG with Pillow for speed: the image is the one segno itself writes,
    pixel for pixel, in the page's ink on white."""
    import segno
    from PIL import Image

    def pixels(data_uri: str):
        media, _, content = data_uri.partition(",")
        assert media == "data:image/png;base64"
        image = Image.open(io.BytesIO(base64.b64decode(content)))
        return image.size, image.convert("RGB").tobytes()

    for number in NUMBERS:
        url = f"{base}/verify/{number}/"
        segnos = segno.make(url, error="m", mask=qr.MASK).png_data_uri(
            scale=qr.SCALE, border=0, dark="#1d2433"
        )
        ours = pixels(qr.verification_qr_png(url))
        assert ours == pixels(segnos)
        size, rgb = ours
        assert size[0] % qr.SCALE == 0
        assert {rgb[i : i + 3] for i in range(0, len(rgb), 3)} == {
            bytes(qr.DARK),
            bytes(qr.LIGHT),
        }
