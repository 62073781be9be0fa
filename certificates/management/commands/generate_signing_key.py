"""Make a new Ed25519 key for the audit checkpoints and Data Integrity proofs. Nothing is
stored for you. (The RSA keys of the VC-JWTs: `rotate_signing_key`.)"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.keys import private_key_pem, write_new_key


class Command(BaseCommand):
    help = (
        "Print a new Ed25519 private key (PKCS#8 PEM) for signing the practice audit trail "
        "and credentials' Data Integrity proofs, or write it "
        "to PATH (owner-only permissions, never overwriting). Give it to the site as "
        "CREDENTIAL_SIGNING_KEY (the text) or CREDENTIAL_SIGNING_KEY_FILE (the path), and "
        "keep it out of version control."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", type=Path, help="Write the key to this file.")

    def handle(self, *args, path: Path | None = None, **options):
        if path is None:
            self.stdout.write(private_key_pem(), ending="")
            return
        try:
            write_new_key(path)
        except FileExistsError as error:
            raise CommandError(f"{path} exists already: not overwriting a key.") from error
        except OSError as error:
            raise CommandError(f"Cannot write {path}: {error.strerror}.") from error
        self.stderr.write(
            f"Wrote a new signing key to {path}. Set CREDENTIAL_SIGNING_KEY_FILE={path}."
        )
