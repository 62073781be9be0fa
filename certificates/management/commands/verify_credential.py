"""Verify an Open Badges 3.0 credential (.jwt) offline: signature, dates and status entry."""

import datetime as dt
import json
import sys
import urllib.error
import urllib.request
import zlib
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from certificates import openbadges, statuslist

FETCH_TIMEOUT = 10  # seconds
FETCH_LIMIT = 10 * 1024 * 1024  # bytes: a status list of a million bits is a few KB
CREDENTIAL_TYPES = {"OpenBadgeCredential", "AchievementCredential"}  # OB 3.0 allows both
STATES = {"revocation": "revoked", "suspension": "suspended"}  # what a set bit means
LABEL_WIDTH = 15
# Open Badges 3.0 §8.2.4: the registered claims a VC-JWT carries, ``sub`` included.
REQUIRED_CLAIMS = ("sub", "iss", "jti", "nbf", "exp")
MIN_BITS = 131_072  # Bitstring Status List v1.0: shorter lists are an error


def fetch(url: str) -> bytes:
    """GET an http(s) URL, with a timeout. Tests replace this with Django's test client."""
    if not url.startswith(("https://", "http://")):
        raise ValueError(f"{url} is not an http(s) URL")
    request = urllib.request.Request(  # noqa: S310 (the scheme is checked above)
        url, headers={"User-Agent": "peerpath-verify-credential", "Accept": "*/*"}
    )
    with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:  # noqa: S310
        return response.read(FETCH_LIMIT)


def _fetch(url: str, what: str) -> bytes:
    try:
        return fetch(url)
    except urllib.error.HTTPError as error:
        raise CommandError(f"Cannot fetch {what} from {url}: HTTP {error.code}.") from error
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", None) or error
        raise CommandError(f"Cannot fetch {what} from {url}: {reason}.") from error


def _moment(value, name: str) -> dt.datetime | None:
    """An ISO 8601 date-time (validFrom) or a NumericDate (nbf), as an aware datetime."""
    if value is None:
        return None
    try:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return dt.datetime.fromtimestamp(value, tz=dt.UTC)
        moment = dt.datetime.fromisoformat(str(value))
    except (TypeError, ValueError, OverflowError, OSError) as error:
        raise CommandError(f"The credential's {name} is not a date-time: {value!r}.") from error
    return moment if timezone.is_aware(moment) else moment.replace(tzinfo=dt.UTC)


def _iso(moment: dt.datetime) -> str:
    return openbadges.iso_datetime(moment)


class Command(BaseCommand):
    help = (
        "Verify an Open Badges 3.0 credential downloaded from /credentials/<number>/"
        "credential.jwt: the RS256 signature against the key its kid names (found in this "
        "installation's published keys unless --jwks is given), its claims, type and "
        "validity dates. Suspension and revocation are checked online against the "
        "credential's status list, with --check-status."
    )
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("file", help="The credential's .jwt file, or - to read stdin.")
        parser.add_argument(
            "--jwks",
            metavar="PATH_OR_URL",
            help="A JWKS or a single JWK, as a file or an http(s) URL serving it, to verify "
            "against (default: this installation's /.well-known/jwks.json, which holds "
            "every key it ever signed with).",
        )
        parser.add_argument(
            "--check-status",
            action="store_true",
            help="Fetch the status list the credential names, verify it with the same "
            "JWKS and report whether the credential is valid, suspended or revoked.",
        )

    def handle(self, *args, file: str, jwks: str | None = None, **options):
        token = self._read_token(file, options.get("stdin") or sys.stdin)
        key_set = self._key_set(jwks)
        try:
            header, claims = openbadges.verify_jwt(
                token=token, key_set=key_set, required_claims=REQUIRED_CLAIMS
            )
        except ValueError as error:
            raise CommandError(f"{file}: {error}") from error

        types = claims.get("type")
        types = [types] if isinstance(types, str) else types
        types = [str(t) for t in types] if isinstance(types, list) else []
        if "VerifiableCredential" not in types:
            raise CommandError(f"{file}: the payload is not a VerifiableCredential.")
        if not CREDENTIAL_TYPES & set(types):
            raise CommandError(f"{file}: the payload is not an OpenBadgeCredential.")
        subject = claims.get("credentialSubject")
        subject = subject if isinstance(subject, dict) else {}
        issuer = claims.get("issuer")
        issuer = issuer if isinstance(issuer, dict) else {"id": issuer}
        if claims["sub"] != subject.get("id"):
            raise CommandError(
                f"{file}: the JWT's sub {claims['sub']!r} is not the credentialSubject.id."
            )
        achievement = subject.get("achievement")
        achievement = achievement if isinstance(achievement, dict) else {}

        lines = [
            ("Signature OK", f"{header['alg']}, key {header['kid']}"),
            ("Credential", f"{' '.join(types)} {claims.get('id', '')}".strip()),
            ("Issuer", _named(issuer.get("name"), issuer.get("id"))),
            ("Holder", _holder(subject)),
            ("Achievement", _named(achievement.get("name"))),
        ]
        if subject.get("licenseNumber"):
            lines.append(("Number", str(subject["licenseNumber"])))
        lines += self._dates(claims)
        lines += self._status(claims, key_set, check=options.get("check_status", False))
        for label, value in lines:
            self.stdout.write(f"{label + ':':<{LABEL_WIDTH}}{value}")

    # Inputs -----------------------------------------------------------------------------

    def _read_token(self, file: str, stdin) -> str:
        try:
            if file == "-":
                text = stdin.read()
                text = text.decode("ascii") if isinstance(text, bytes) else text
            else:
                text = Path(file).read_bytes().decode("ascii")
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror or error}.") from error
        except UnicodeDecodeError as error:
            raise CommandError(f"{file}: not a JWT (it is not ASCII text).") from error
        if not text.strip():
            raise CommandError(f"{file}: empty, not a JWT.")
        return text.strip()

    def _key_set(self, source: str | None) -> dict:
        if source is None:
            try:
                key_set = openbadges.jwks()
            except ImproperlyConfigured:
                key_set = {"keys": []}
            if not key_set["keys"]:
                raise CommandError(
                    "This installation has no signing key, so no published key to check "
                    "against: give --jwks https://<site>/.well-known/jwks.json."
                )
            return key_set
        if source.startswith(("https://", "http://")):
            data = _fetch(source, "the JWKS")
        else:
            try:
                data = Path(source).read_bytes()
            except OSError as error:
                raise CommandError(
                    f"Cannot read the JWKS {source}: {error.strerror or error}."
                ) from error
        try:
            key_set = json.loads(data)
        except (ValueError, UnicodeDecodeError) as error:
            raise CommandError(f"The JWKS {source} is not JSON.") from error
        if isinstance(key_set, dict) and "kty" in key_set and "keys" not in key_set:
            return {"keys": [key_set]}  # one key, as a kid URL serves it
        if not isinstance(key_set, dict) or not isinstance(key_set.get("keys"), list):
            raise CommandError(
                f"The JWKS {source} is not a JSON object with a 'keys' list, nor a JWK."
            )
        return key_set

    # Report -----------------------------------------------------------------------------

    def _dates(self, claims: dict) -> list[tuple[str, str]]:
        """validFrom/validUntil, falling back on nbf/exp; the stricter of each pair counts."""
        now = timezone.now()
        starts = [m for name in ("validFrom", "nbf") if (m := _moment(claims.get(name), name))]
        ends = [m for name in ("validUntil", "exp") if (m := _moment(claims.get(name), name))]
        start, end = (max(starts) if starts else None), (min(ends) if ends else None)
        lines = [
            ("Valid from", _iso(start) if start else "not stated"),
            ("Valid until", _iso(end) if end else "no expiry"),
        ]
        if end and now > end:
            verdict = f"EXPIRED on {_iso(end)}"
        elif start and now < start:
            verdict = f"NOT YET VALID: valid from {_iso(start)}"
        else:
            verdict = "within dates"
        return [*lines, ("Dates", f"{verdict} (checked {_iso(now)})")]

    def _status(self, claims: dict, key_set: dict, *, check: bool) -> list[tuple[str, str]]:
        entry = claims.get("credentialStatus")
        if not isinstance(entry, dict) or not entry.get("statusListCredential"):
            return [("Status", "the credential names no status list: it cannot be revoked")]
        url = str(entry["statusListCredential"])
        purpose = str(entry.get("statusPurpose") or "")
        index = entry.get("statusListIndex")
        lines = [("Status", f"{purpose or 'status'} list {url}, index {index}")]
        if not check:
            note = (
                "not checked here: suspension and revocation are checked online against "
                "that list (run with --check-status)"
            )
            return [*lines, (_label(purpose), note)]
        try:
            # int(None) raises the TypeError handled below.
            position = int(index)  # type: ignore[arg-type]
        except (TypeError, ValueError) as error:
            raise CommandError(f"The statusListIndex {index!r} is not a number.") from error
        verdict = self._bit(url, purpose, position, key_set, entry)
        return [*lines, (_label(purpose), verdict)]

    def _bit(self, url: str, purpose: str, index: int, key_set: dict, entry: dict) -> str:
        """Fetch and verify the status list, then read the credential's bit."""
        try:
            token = _fetch(url, "the status list").decode("ascii")
            _, claims = openbadges.verify_jwt(token=token, key_set=key_set)
        except (ValueError, UnicodeDecodeError) as error:
            raise CommandError(f"The status list at {url} does not verify: {error}") from error
        subject = claims.get("credentialSubject")
        subject = subject if isinstance(subject, dict) else {}
        types = claims.get("type") or []
        types = [types] if isinstance(types, str) else types
        if "BitstringStatusListCredential" not in types or claims.get("id") != url:
            raise CommandError(f"{url} is not the BitstringStatusListCredential it should be.")
        if subject.get("statusPurpose") != purpose:
            raise CommandError(
                f"The status list at {url} is for {subject.get('statusPurpose')!r}, "
                f"not {purpose!r}."
            )
        try:
            bitstring = statuslist.decode_bitstring(str(subject.get("encodedList") or ""))
        except (ValueError, OSError, EOFError, zlib.error) as error:
            raise CommandError(f"The status list at {url} has no readable encodedList.") from error
        size = _status_size(entry.get("statusSize", subject.get("statusSize", 1)), url)
        if len(bitstring) * 8 < MIN_BITS or not 0 <= index < len(bitstring) * 8 // size:
            raise CommandError(
                f"The status list at {url} has {len(bitstring) * 8} bits: index {index} "
                "is outside it, or the list is shorter than the 131,072 bits required."
            )
        listed = f"list valid from {claims.get('validFrom', 'an unstated time')}"
        value = statuslist.status_value(bitstring, index, status_size=size)
        if size > 1:
            # The signed credential's own table names the values; the list's is the fallback.
            message = _message(entry, value) or _message(subject, value)
            if message is None:
                raise CommandError(f"The status list at {url} names no message for {value:#x}.")
            return f"{message.upper()} (entry {index} is {value:#x}; {listed})"
        state = STATES.get(purpose, f"set for {purpose}")
        if value:
            return f"{state.upper()} (bit {index} is 1; {listed})"
        return f"not {state} (bit {index} is 0; {listed})"


def _label(purpose: str) -> str:
    """ "Revocation" for a one-bit list; "Status now" for a list of messages."""
    return purpose.capitalize() if purpose in STATES else "Status now"


def _status_size(value, url: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value not in {1, 2, 4, 8}:
        raise CommandError(f"The statusSize {value!r} for {url} is not 1, 2, 4 or 8 bits.")
    return value


def _message(document: dict, value: int) -> str | None:
    """The message ``document``'s ``statusMessage`` table gives ``value`` (hex, "0x1")."""
    table = document.get("statusMessage")
    for row in table if isinstance(table, list) else []:
        if not isinstance(row, dict):
            continue
        try:
            if int(str(row.get("status")), 16) == value:
                return str(row.get("message") or "")
        except ValueError:
            continue
    return None


def _named(name, identifier=None) -> str:
    if name and identifier:
        return f"{name} ({identifier})"
    return str(name or identifier or "not stated")


def _holder(subject: dict) -> str:
    """The holder's name: the subject's name, or its unhashed 'name' IdentityObject."""
    if subject.get("name"):
        return str(subject["name"])
    identifiers = subject.get("identifier")
    for identity in identifiers if isinstance(identifiers, list) else []:
        if (
            isinstance(identity, dict)
            and identity.get("identityType") == "name"
            and not identity.get("hashed")
        ):
            return str(identity.get("identityHash"))
    return "not stated (only hashed identifiers)"
