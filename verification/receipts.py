"""The printable verification receipt: the answer a clinic got, when, and a code to check it.

A receipt goes in an HR file or an audit binder; whoever reads it later can type its code
on the public receipt page (``verification:receipt_check``) and see the same answer, so a
forged or altered printout shows.
"""

from django.template.loader import render_to_string

from core.pdf import html_to_pdf

from .models import VerificationReceipt
from .results import EXPLANATIONS, Verdict


def receipt_html(receipt: VerificationReceipt, *, check_url: str) -> str:
    import segno

    link = f"{check_url}?code={receipt.code}"
    qr = segno.make(link, error="m").png_data_uri(scale=3, border=0, dark="#1d2433")
    return render_to_string(
        "verification/receipt.html",
        {
            "receipt": receipt,
            "explanation": EXPLANATIONS[Verdict(receipt.verdict)],
            "check_url": check_url,
            "check_link": link,
            "qr_png": qr,
        },
    )


def receipt_pdf(receipt: VerificationReceipt, *, check_url: str) -> bytes:
    return html_to_pdf(receipt_html(receipt, check_url=check_url))
