"""Make a new RSA key for signing Open Badges credentials and status lists current."""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from certificates import openbadges, signing
from certificates.models import SigningKey


class Command(BaseCommand):
    help = (
        "Create a new RSA signing key (RS256), write its private half to SIGNING_KEYS_DIR "
        "as <kid>.pem (owner-only) and make it current. Every earlier key is retired but "
        "stays published, in the JWKS and at its own URL, so credentials it signed still "
        "verify; its PEM file is left in place and is no longer used to sign."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--bits",
            type=int,
            default=None,
            help=f"RSA modulus size (default: SIGNING_KEY_BITS; at least {signing.MIN_BITS}).",
        )

    def handle(self, *args, bits: int | None = None, **options):
        previous = SigningKey.objects.current().first()
        try:
            key = signing.key_rotate(bits=bits)
        except (ValueError, ImproperlyConfigured) as error:
            raise CommandError(str(error)) from error
        except OSError as error:
            raise CommandError(
                f"Cannot write the new private key to SIGNING_KEYS_DIR: {error}."
            ) from error
        self.stdout.write(f"New signing key {key.kid} is current: {openbadges.key_url(key.kid)}")
        self.stdout.write(f"Private key: {signing.pem_path(key.kid)} (back it up; keep it secret)")
        if previous is not None:
            self.stdout.write(
                f"Retired {previous.kid}: still published, so what it signed still verifies."
            )
