"""Sharing a credential: LinkedIn's Add to Profile link and the public page's address.

LinkedIn documents an "Add to Profile" URL for certifications that opens the member's
profile with the form filled in: ``https://www.linkedin.com/profile/add`` with
``startTask=CERTIFICATION_NAME``, ``name``, ``organizationName`` (or ``organizationId``
for a company page, which Peerpath does not know), ``issueYear``/``issueMonth``,
``expirationYear``/``expirationMonth`` (months 1 to 12), ``certUrl`` and ``certId``.
Nothing is sent to LinkedIn until the holder opens the link and saves the form.
"""

from urllib.parse import quote, urlencode

from .models import Credential
from .openbadges import verification_url

LINKEDIN_ADD_TO_PROFILE = "https://www.linkedin.com/profile/add"


def shareable(credential: Credential) -> bool:
    """Only a current credential is offered for sharing: a revoked, suspended or expired
    one would be advertised as something it no longer is."""
    return credential.effective_status == Credential.Status.ACTIVE


def linkedin_add_url(credential: Credential) -> str:
    """LinkedIn's Add to Profile link for ``credential``, every value URL-encoded."""
    snapshot = credential.achievement or {}
    params = {
        "startTask": "CERTIFICATION_NAME",
        "name": snapshot.get("programme") or credential.programme.title,
        "organizationName": snapshot.get("issuer") or credential.issuer.name,
        "issueYear": credential.issued_on.year,
        "issueMonth": credential.issued_on.month,
        "expirationYear": credential.expires_on.year,
        "expirationMonth": credential.expires_on.month,
        "certUrl": verification_url(credential.number),
        "certId": credential.number,
    }
    # quote, not quote_plus: "%20" reads the same everywhere, "+" only in query strings.
    return f"{LINKEDIN_ADD_TO_PROFILE}?{urlencode(params, quote_via=quote)}"
