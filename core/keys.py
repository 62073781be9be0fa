"""The Ed25519 key that signs the practice audit checkpoints and Data Integrity proofs.

(The VC-JWTs of credentials and status lists are signed RS256 by the rotating RSA keys
of certificates/signing.py.)

It lives here, in ``core`` (no app imports), so that both certificates and the practice
audit trail, a lower layer, can load it without importing upwards.

Where it comes from, first found wins:

1. ``CREDENTIAL_SIGNING_KEY``: the PEM (PKCS#8) private key itself, from the environment;
2. ``CREDENTIAL_SIGNING_KEY_FILE``: a path to that PEM file;
3. outside production only, ``CREDENTIAL_SIGNING_KEY_DEV_FILE``: read, or created on first
   use, so development needs no setup. The file is git-ignored.

Under production settings the third source is refused: signing raises ImproperlyConfigured
(only when something is signed, so ``check --deploy`` passes without a key). Make a key
with ``manage.py generate_signing_key``.
"""

import os
from functools import lru_cache
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from joserfc.jwk import OKPKey


def private_key_pem(key: Ed25519PrivateKey | None = None) -> str:
    """A new (or the given) Ed25519 private key as unencrypted PKCS#8 PEM."""
    key = key or Ed25519PrivateKey.generate()
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode("ascii")


def write_new_key(path: Path) -> str:
    """Write a new private key to ``path``, readable by its owner only; refuse to overwrite."""
    pem = private_key_pem()
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(pem)
    return pem


def signing_key() -> OKPKey:
    """The configured private key, as a JWK for joserfc."""
    return _load(
        str(getattr(settings, "CREDENTIAL_SIGNING_KEY", "") or ""),
        str(getattr(settings, "CREDENTIAL_SIGNING_KEY_FILE", "") or ""),
        str(getattr(settings, "CREDENTIAL_SIGNING_KEY_DEV_FILE", "") or ""),
        getattr(settings, "PEERPATH_ENV", "") == "production",
    )


@lru_cache(maxsize=4)
def _load(pem: str, path: str, dev_path: str, production: bool) -> OKPKey:
    if pem.strip():
        return _parse(pem, source="CREDENTIAL_SIGNING_KEY")
    if path:
        try:
            text = Path(path).read_text()
        except OSError as error:
            raise ImproperlyConfigured(
                f"CREDENTIAL_SIGNING_KEY_FILE={path} cannot be read: {error.strerror}."
            ) from error
        return _parse(text, source=f"CREDENTIAL_SIGNING_KEY_FILE ({path})")
    if production or not dev_path:
        raise ImproperlyConfigured(
            "No key to sign credentials with: set CREDENTIAL_SIGNING_KEY (the PEM text) or "
            "CREDENTIAL_SIGNING_KEY_FILE (a path to it). Generate one with "
            "`python manage.py generate_signing_key`."
        )
    dev_file = Path(dev_path)
    try:
        text = write_new_key(dev_file)
    except FileExistsError:
        text = dev_file.read_text()
    return _parse(text, source=f"the development key file {dev_file}")


def load_private_pem(text: str, *, source: str) -> PrivateKeyTypes:
    """The private key in ``text`` (unencrypted PEM); ImproperlyConfigured naming ``source``
    when it is not one. The callers check which kind of key it is."""
    try:
        return serialization.load_pem_private_key(text.strip().encode(), password=None)
    except (ValueError, TypeError) as error:
        raise ImproperlyConfigured(
            f"{source} is not an unencrypted PEM private key: {error}"
        ) from error


def _parse(text: str, *, source: str) -> OKPKey:
    key = load_private_pem(text, source=source)
    if not isinstance(key, Ed25519PrivateKey):
        raise ImproperlyConfigured(f"{source} must be an Ed25519 key (alg EdDSA).")
    return OKPKey.import_key(key)
