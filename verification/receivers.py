"""Verification listens to certificates: a credential's kept answer follows every change.

Connected in ``VerificationConfig.ready()``. Certificates sends ``credential_changed`` after
the change commits; the answer kept in Redis for the API's hot path is written through here,
so a revocation shows on the very next request on every web process.
"""

from django.dispatch import receiver

from certificates.api import credential_changed

from .services import answer_refresh


@receiver(credential_changed, dispatch_uid="verification_answer_refresh")
def _answer_refresh(sender, *, credential_id: int, number: str, **kwargs) -> None:
    answer_refresh(credential_id=credential_id, number=number)
