"""The RSA keys that sign Open Badges credentials and status lists (RS256), and rotation.

Open Badges 3.0 §8.2 makes RS256 the algorithm every verifier supports, so the VC-JWTs
are signed with RSA. (The Ed25519 key of ``core.keys`` signs the practice audit trail and
the Data Integrity proof; it is not rotated here.)

- The public half of every key, current or retired, is a ``SigningKey`` row: it stays
  published for as long as the database lives, even once its private half is deleted.
- The private half is one PEM file per key, ``<SIGNING_KEYS_DIR>/<kid>.pem``, readable by
  its owner only. Nothing secret is in the database.
- A key's id is its RFC 7638 thumbprint: it follows from the key, not from the site's
  address, so a credential downloaded before a move still names a key the site serves.

Production signs only with a key made by ``manage.py rotate_signing_key``; development
and tests adopt the newest PEM already in the directory, or make one, on first use.
"""

import datetime as dt
import os
from functools import lru_cache
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone
from joserfc.jwk import RSAKey

from core.keys import load_private_pem

from .models import SigningKey

ALGORITHM = SigningKey.Algorithm.RS256
MIN_BITS = 2048
# ``last_signed_at`` is written at most this often: not a write on every download.
USE_RECORDED_EVERY = dt.timedelta(hours=1)


def keys_dir() -> Path | None:
    value = str(getattr(settings, "SIGNING_KEYS_DIR", "") or "")
    return Path(value) if value else None


def is_production() -> bool:
    return getattr(settings, "PEERPATH_ENV", "") == "production"


def pem_path(kid: str) -> Path:
    directory = keys_dir()
    if directory is None:
        raise ImproperlyConfigured(
            "SIGNING_KEYS_DIR is not set: it names the directory of the private signing keys."
        )
    return directory / f"{kid}.pem"


# Keys -----------------------------------------------------------------------------------


def current() -> SigningKey:
    """The key that signs now. Outside production, one is adopted or made on first use."""
    key = SigningKey.objects.current().filter(algorithm=ALGORITHM).first()
    if key is not None:
        return key
    if is_production():
        raise ImproperlyConfigured(
            "No current signing key: run `python manage.py rotate_signing_key` once, with "
            "SIGNING_KEYS_DIR set, to make the first one."
        )
    return _development_key()


def private_key(key: SigningKey) -> RSAKey:
    """The private half of ``key``, from its PEM file."""
    path = pem_path(key.kid)
    try:
        modified = path.stat().st_mtime_ns
    except OSError as error:
        raise ImproperlyConfigured(
            f"The private half of signing key {key.kid} is missing: {path} cannot be read "
            f"({error.strerror}). Restore it, or run `python manage.py rotate_signing_key`."
        ) from error
    return _read_private(str(path), modified, key.kid)


@lru_cache(maxsize=16)
def _read_private(path: str, modified: int, kid: str) -> RSAKey:
    # ``modified`` is part of the cache key only, so a replaced file is read again.
    rsa = parse_pem(Path(path).read_text(), source=path)
    if rsa.thumbprint() != kid:
        raise ImproperlyConfigured(f"{path} holds another key than {kid} (its thumbprint).")
    return rsa


def parse_pem(text: str, *, source: str) -> RSAKey:
    key = load_private_pem(text, source=source)
    if not isinstance(key, RSAPrivateKey):
        raise ImproperlyConfigured(f"{source} must be an RSA key (alg RS256).")
    if key.key_size < MIN_BITS:
        raise ImproperlyConfigured(f"{source} has {key.key_size} bits: at least {MIN_BITS}.")
    return RSAKey.import_key(key)


def public_jwk(rsa: RSAKey) -> dict:
    """The public members only (kty, n, e): never ``d`` or the primes."""
    return {name: value for name, value in rsa.as_dict(private=False).items() if name != "kid"}


def record_use(key: SigningKey) -> None:
    """Note that ``key`` signed something now, at most once per USE_RECORDED_EVERY."""
    now = timezone.now()
    if key.last_signed_at is None or now - key.last_signed_at >= USE_RECORDED_EVERY:
        SigningKey.objects.filter(pk=key.pk).update(last_signed_at=now)
        key.last_signed_at = now


# Rotation -------------------------------------------------------------------------------


def key_rotate(*, bits: int | None = None) -> SigningKey:
    """A new RSA key, written to SIGNING_KEYS_DIR and made current; the old one is retired
    but stays published, and its PEM file is left where it is."""
    bits = bits or int(getattr(settings, "SIGNING_KEY_BITS", 3072))
    if bits < MIN_BITS:
        raise ValueError(f"An RSA signing key has at least {MIN_BITS} bits, not {bits}.")
    rsa = RSAKey.generate_key(bits, private=True)
    _write_pem(rsa)
    return _make_current(rsa)


def _write_pem(rsa: RSAKey) -> Path:
    path = pem_path(rsa.thumbprint())
    if not is_production():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    pem = rsa.as_pem(private=True)
    # Owner-only from the first byte, never overwriting; a partial file is never seen,
    # because it is written under another name and then linked into place.
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(pem)
        os.link(temporary, path)
    except FileExistsError:
        pass  # the same key is there already: the name is its thumbprint
    finally:
        temporary.unlink(missing_ok=True)
    return path


@transaction.atomic
def _make_current(rsa: RSAKey) -> SigningKey:
    now = timezone.now()
    SigningKey.objects.select_for_update().current().filter(algorithm=ALGORITHM).exclude(
        kid=rsa.thumbprint()
    ).update(retired_at=now)
    key, _ = SigningKey.objects.update_or_create(
        kid=rsa.thumbprint(),
        defaults={"retired_at": None},
        create_defaults={"algorithm": ALGORITHM, "public_jwk": public_jwk(rsa), "created_at": now},
    )
    return key


def _development_key() -> SigningKey:
    """Outside production: the newest private key in the directory, or a new one."""
    directory = keys_dir()
    if directory is None:
        raise ImproperlyConfigured("SIGNING_KEYS_DIR is not set.")
    candidates = sorted(directory.glob("*.pem"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for path in candidates:
        try:
            rsa = _read_private(str(path), path.stat().st_mtime_ns, path.stem)
        except (ImproperlyConfigured, OSError):
            continue  # not a key of ours: leave it alone
        return _make_current(rsa)
    return key_rotate()
