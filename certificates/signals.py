"""The domain signals certificates sends: what happened to a credential, for the apps above it.

Certificates imports nothing above it. Verification keeps each credential's current answer
(status and dates) in Redis for the API's one-round-trip path; it listens here and writes
the change through, so a revocation shows on the very next request on every web process.
"""

from django.db import transaction
from django.dispatch import Signal

# Sent after the commit (a rollback announces nothing) whenever what a verifier is told of
# a credential may have changed: issued, suspended, reinstated, revoked, re-rendered,
# renewed or deleted (erasure). Sent through ``credential_changed_announce``.
#
# Arguments: ``credential_id`` (int) and ``number`` (str, canonical). ``sender`` is
# ``certificates.models.Credential``. Listeners read the committed row themselves (it may be
# gone) and must be idempotent: one change may be announced more than once.
credential_changed = Signal()


def credential_changed_announce(*, credential_id: int, number: str) -> None:
    """Announce the change once the surrounding transaction commits (at once outside one)."""
    from .models import Credential

    transaction.on_commit(
        lambda: credential_changed.send(
            sender=Credential, credential_id=credential_id, number=number
        ),
        robust=True,
    )
