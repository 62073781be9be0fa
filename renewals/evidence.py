"""Evidence files (certificates of attendance): a PDF or an image, judged by content.

The name and the browser's declared type are ignored: the first bytes decide, and an image
must open in Pillow, a PDF must carry its header and its end-of-file marker. Anything else
is refused with a sentence saying what to upload instead.
"""

import dataclasses

from django.core.exceptions import ValidationError

from .models import EVIDENCE_MAX_BYTES

PDF = "application/pdf"
IMAGE_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp"}
WRONG_TYPE = "Upload the certificate as a PDF or a photo (PNG, JPEG or WebP); this file is neither."
TOO_BIG = "The file is over 10 MB. Upload a smaller scan or photo."
UNREADABLE = "The file could not be read: it may be damaged. Save or scan it again and retry."


@dataclasses.dataclass(frozen=True, slots=True)
class Evidence:
    content_type: str
    extension: str


def evidence_check(upload) -> Evidence:
    """What ``upload`` really is, or ``ValidationError`` saying why it is refused."""
    if upload.size is not None and upload.size > EVIDENCE_MAX_BYTES:
        raise ValidationError(TOO_BIG, code="too_big")
    upload.seek(0)
    data = upload.read(EVIDENCE_MAX_BYTES + 1)
    upload.seek(0)
    if len(data) > EVIDENCE_MAX_BYTES:
        raise ValidationError(TOO_BIG, code="too_big")
    if not data:
        raise ValidationError(UNREADABLE, code="unreadable")
    if data.startswith(b"%PDF-"):
        if b"%%EOF" not in data[-2048:]:
            raise ValidationError(UNREADABLE, code="unreadable")
        return Evidence(PDF, "pdf")
    if data.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")) or (
        data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    ):
        return _image(data)
    raise ValidationError(WRONG_TYPE, code="wrong_type")


def _image(data: bytes) -> Evidence:
    import io

    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            kind = image.format or ""
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(UNREADABLE, code="unreadable") from error
    if kind not in IMAGE_TYPES:
        raise ValidationError(WRONG_TYPE, code="wrong_type")
    return Evidence(IMAGE_TYPES[kind], "jpg" if kind == "JPEG" else kind.lower())
