"""The certificate's QR code: the verification address as a small PNG ``data:`` URI.

A small PNG (about 0.5 kB), drawn unsmoothed (see certificate.css): WeasyPrint embeds it as
one image, where an inline SVG became hundreds of path segments to parse and draw on every
render. Three pixels per module: at one, viewers sampling the page below about 110 dpi
distort the modules and zbarimg fails; at three it decodes from 60 to 300 dpi (from 40 for
an address of up to about 60 characters, QR version 4).
"""

import base64
import io

SCALE = 3
DARK = (0x1D, 0x24, 0x33)  # the page's ink, #1d2433; the light modules are white
LIGHT = (0xFF, 0xFF, 0xFF)
# The data mask, fixed rather than chosen by segno: choosing scores all eight masks on the
# penalty rules of ISO/IEC 18004 §7.8.3, in Python, which was 3 of the 3.7 ms the code
# cost per certificate. Every reader must read all eight masks (the mask is in the format
# information, twice); the penalty choice only avoids patterns that confuse some readers.
# Measured with zbarimg before fixing it (the page rendered by pdftoppm, random credential
# numbers, three site addresses, QR versions 4 and 5): from 60 to 300 dpi every code
# decoded with mask 0 as with segno's choice (42 numbers per mask), and at 40 dpi every
# version 4 code; at 50 dpi a version 5 code is marginal with any mask, failing for some
# numbers depending on where the pixels fall (25 numbers: segno's choice 18 failures over
# three crops, mask 0 13). tests/certificates/test_certificate_qr.py decodes numbers'
# certificates at those resolutions.
MASK = 0


def verification_qr_png(url: str) -> str:
    """``url`` as a QR code (error correction M) in a PNG ``data:`` URI.

    segno encodes; Pillow (WeasyPrint's and Wagtail's own) draws and compresses the PNG. The
    pixels are segno's ``png_data_uri(scale=SCALE, border=0)`` exactly
    (tests/certificates/test_certificate_qr.py), in a third of the time: segno writes each
    scaled pixel row in Python, half a millisecond of the certificate's overhead.
    """
    # Only where certificates are drawn, not in every web process.
    import segno
    from PIL import Image

    matrix = segno.make(url, error="m", mask=MASK).matrix  # rows of 0 (light) and 1 (dark)
    size = len(matrix)
    image = Image.frombytes("P", (size, size), b"".join(bytes(row) for row in matrix))
    image.putpalette((*LIGHT, *DARK))
    image = image.resize((size * SCALE, size * SCALE), Image.Resampling.NEAREST)
    png = io.BytesIO()
    image.save(png, "PNG", bits=1)
    return f"data:image/png;base64,{base64.b64encode(png.getvalue()).decode('ascii')}"
