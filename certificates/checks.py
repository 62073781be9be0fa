"""Production refuses to start without somewhere to keep signing keys, and a current key.

The directory is checked on every command; the key itself needs the database, so it is a
database check: `check --database default` and `migrate` run it (certificates/signing.py).
"""

import stat

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.db import connection

from . import signing

HINT = (
    "Set SIGNING_KEYS_DIR to a directory only this site's user can read, then run "
    "`python manage.py rotate_signing_key` to make the first key."
)


def _production() -> bool:
    return getattr(settings, "PEERPATH_ENV", "") == "production"


@register(Tags.security)
def check_signing_keys_dir(app_configs=None, **kwargs) -> list[Error | Warning]:
    if not _production():
        return []
    directory = signing.keys_dir()
    if directory is None:
        return [Error("SIGNING_KEYS_DIR is not set.", hint=HINT, id="certificates.E001")]
    if not directory.is_dir():
        return [
            Error(
                f"SIGNING_KEYS_DIR={directory} is not a directory.",
                hint=HINT,
                id="certificates.E002",
            )
        ]
    if stat.S_IMODE(directory.stat().st_mode) & 0o077:
        return [
            Warning(
                f"SIGNING_KEYS_DIR={directory} can be read by other users of this machine.",
                hint=f"chmod 700 {directory}",
                id="certificates.W003",
            )
        ]
    return []


@register(Tags.database)
def check_current_signing_key(app_configs=None, databases=None, **kwargs) -> list[Error]:
    if not _production() or not databases or "default" not in databases:
        return []
    from .models import SigningKey

    if SigningKey._meta.db_table not in connection.introspection.table_names():
        return []  # the first migrate: no key can exist yet
    key = SigningKey.objects.current().first()
    if key is None:
        return [Error("There is no current signing key.", hint=HINT, id="certificates.E004")]
    if signing.keys_dir() is not None and not signing.pem_path(key.kid).is_file():
        return [
            Error(
                f"The private half of the current signing key {key.kid} is not in "
                f"SIGNING_KEYS_DIR ({signing.pem_path(key.kid)}).",
                hint="Restore the file from your backup, or run "
                "`python manage.py rotate_signing_key` to make a new key current.",
                id="certificates.E005",
            )
        ]
    return []
