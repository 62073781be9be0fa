"""The public verify path is certificates' contract (printed in QR codes):
verification serves it.
"""

from django.urls import resolve, reverse

from certificates.api import verification_path, verification_url


def test_verification_serves_the_path_certificates_prints():
    number = "PP-7KQ4-M2XD-9"

    assert reverse("verification:verify", args=[number]) == verification_path(number)
    assert resolve(verification_path(number)).view_name == "verification:verify"
    assert verification_url(number).endswith(f"/verify/{number}/")
