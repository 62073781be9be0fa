"""The credential signing key: loaded in ``core.keys``, re-exported for certificates' code.

The loader lives in ``core`` (which imports no app) because the practice audit trail signs
its checkpoints with the same key, and practice sits below certificates.
"""

from core.keys import _load, _parse, private_key_pem, signing_key, write_new_key

__all__ = ["_load", "_parse", "private_key_pem", "signing_key", "write_new_key"]
