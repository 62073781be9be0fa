"""Open Badges 3.0: every credential is also an OpenBadgeCredential, signed as a VC-JWT.

The credential follows the W3C Verifiable Credentials Data Model 2.0 and 1EdTech's Open
Badges 3.0 (the JSON schema in 1EdTech's repository validates it). It is secured with the
JSON Web Token proof format of Open Badges 3.0 §8.2: a compact JWS whose payload is the
credential itself plus the registered claims ``iss`` (issuer.id), ``sub``
(credentialSubject.id), ``jti`` (id), ``nbf`` (validFrom) and ``exp`` (validUntil); the
header carries ``alg`` RS256 and a ``kid`` URL that dereferences to exactly one JWK,
``/.well-known/keys/<thumbprint>.json`` (certificates/signing.py keeps the keys).

Who is who:

- The issuer of a credential is the training provider that ran the programme, with a
  stable profile URL of its own (``/credentials/issuers/<id>.json``).
- Peerpath itself (``/credentials/issuer.json``) holds the signing key and issues the
  status lists, as Bitstring Status List v1.0 allows.
- The holder is ``urn:uuid:<subject_id>``, a random id of their own (the same in all
  their credentials), with a salted hash of their email (an OB3 IdentityObject) and their
  name as on the certificate: never the email itself.

The documents are built on request from the database and the current key, so a download
always carries the current key and URLs; RS256 (RSASSA-PKCS1-v1_5) signatures are
deterministic, so the same credential signed with the same key gives the same JWT.
"""

import datetime as dt
import hashlib
import uuid
from decimal import Decimal, InvalidOperation
from urllib.parse import quote

from django.conf import settings
from django.db.models import F
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from joserfc import jws, jwt
from joserfc.errors import BadSignatureError, JoseError
from joserfc.jwk import KeySet, RSAKey

from . import signing
from .models import Credential, CredentialCycle, CredentialSignature, EthicsAffirmation, SigningKey

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
# Defines the credentialSchema type "1EdTechJsonSchemaValidator2019", which the OB context
# does not: without it a JSON-LD processor in safe mode (a Data Integrity verifier) refuses.
OB_EXTENSIONS_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"
ALGORITHM = signing.ALGORITHM.value
# 1EdTech's JSON schema for an AchievementCredential, named in every credential.
CREDENTIAL_SCHEMA = {
    "id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"
    "ob_v3p0_achievementcredential_schema.json",
    "type": "1EdTechJsonSchemaValidator2019",
}
BADGE_IMAGE = "certificates/peerpath-badge.svg"
JWT_MEDIA_TYPE = "application/vc+jwt"
# A credential can carry only one credentialStatus object under 1EdTech's OB 3.0 schema,
# so one list says both suspended and revoked (Bitstring Status List v1.0 §2.1): purpose
# "message", two bits per credential, and the table of what each value means.
STATUS_PURPOSE = "message"
STATUS_SIZE = 2
STATUS_VALUES: dict[str, int] = {
    Credential.Status.ACTIVE: 0x0,
    Credential.Status.SUSPENDED: 0x1,
    Credential.Status.REVOKED: 0x2,
}
# 2**statusSize entries, as the spec requires; 0x3 is never written.
STATUS_MESSAGES = [
    {"status": "0x0", "message": "valid"},
    {"status": "0x1", "message": "suspended"},
    {"status": "0x2", "message": "revoked"},
    {"status": "0x3", "message": "unassigned: not valid"},
]
# One-bit lists that files downloaded before the message list existed still name.
LEGACY_STATUS_PURPOSES = {"revocation": Credential.Status.REVOKED}
# Every list served at /credentials/status/<purpose>.jwt.
STATUS_PURPOSES = (STATUS_PURPOSE, *LEGACY_STATUS_PURPOSES)

# Fixed forever: the urn:uuid ids of credentials and achievements are derived from it.
_ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:peerpath:open-badges-3.0")


# URLs -----------------------------------------------------------------------------------


def absolute_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def platform_issuer_url() -> str:
    return absolute_url(reverse("certificates:issuer"))


def organisation_profile_url(organisation) -> str:
    return absolute_url(reverse("certificates:organisation_profile", args=[organisation.pk]))


def jwks_url() -> str:
    return absolute_url(reverse("certificates:jwks"))


def key_url(kid: str) -> str:
    """Where the key ``kid`` is served on its own: what a JWT header's ``kid`` says."""
    return absolute_url(reverse("certificates:signing_key", args=[kid]))


def status_list_url(purpose: str) -> str:
    return absolute_url(reverse("certificates:status_list", args=[purpose]))


# The public page for a credential is a contract printed on paper: every certificate's QR
# code and every signed badge carries it, so it can never move. Certificates owns it, and
# verification builds its route from it (verification/urls.py), rather than this app
# naming a route of the app above it.
VERIFY_ROUTE = "verify/"


def verification_path(number: str) -> str:
    """``/verify/<number>/``, the path verification serves for ``number``."""
    return f"/{VERIFY_ROUTE}{quote(number, safe='')}/"


def verification_url(number: str) -> str:
    """The public page for a credential: where its QR code points, and the API links."""
    return absolute_url(verification_path(number))


def credential_urn(credential: Credential, *, cycle: int = 1) -> str:
    """The credential file's id: the first cycle keeps the id it always had; each renewal
    (same number, next cycle) is its own credential with its own id."""
    name = f"credential:{credential.number}" + (f":cycle:{cycle}" if cycle > 1 else "")
    return f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, name)}"


def _page_url(page) -> str | None:
    parts = page.get_url_parts() if page is not None else None
    if not parts or parts[2] is None:
        return None
    return absolute_url(parts[2])


# Keys and signing -----------------------------------------------------------------------


def key_id() -> str:
    """The current key's id: the URL of its own JWK, under the site's current address."""
    return key_url(signing.current().kid)


def published_jwk(key: SigningKey) -> dict:
    """One public key as verifiers fetch it. Never contains the private part ``d``."""
    return {**key.public_jwk, "kid": key_url(key.kid), "alg": key.algorithm, "use": "sig"}


def jwks() -> dict:
    """Every key that ever signed, current first: retired keys verify older files."""
    keys = list(SigningKey.objects.order_by(F("retired_at").desc(nulls_first=True), "-pk"))
    if not keys and not signing.is_production():
        keys = [signing.current()]  # development's first key is made on first use
    return {"keys": [published_jwk(key) for key in keys]}


def _sign(claims: dict) -> tuple[str, SigningKey]:
    key = signing.current()
    header = {"alg": ALGORITHM, "kid": key_url(key.kid), "typ": "JWT"}
    token = jwt.encode(header, claims, signing.private_key(key), algorithms=[ALGORITHM])
    signing.record_use(key)
    return token, key


def sign(claims: dict) -> str:
    """A compact JWS of ``claims``, signed RS256 by the current key, as OB 3.0 §8.2 asks."""
    return _sign(claims)[0]


def numeric_date(moment: dt.datetime) -> int:
    return int(moment.timestamp())


def iso_datetime(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# Profiles -------------------------------------------------------------------------------


def platform_profile() -> dict:
    """Peerpath: holds the signing key and issues the status lists."""
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": platform_issuer_url(),
        "type": ["Profile"],
        "name": settings.WAGTAIL_SITE_NAME,
        "url": absolute_url("/"),
        "description": (
            "Signs the Open Badges credentials that training providers issue through "
            f"{settings.WAGTAIL_SITE_NAME} and publishes their status lists."
        ),
    }


def organisation_profile(organisation, *, with_context: bool = True) -> dict:
    """A training provider as an issuer Profile."""
    profile = {
        "id": organisation_profile_url(organisation),
        "type": ["Profile"],
        "name": organisation.name,
    }
    return {"@context": [VC_CONTEXT, OB_CONTEXT], **profile} if with_context else profile


# The credential -------------------------------------------------------------------------


def _hours(value) -> str:
    try:
        return f"{Decimal(str(value)).normalize():f}"
    except (InvalidOperation, ValueError):
        return str(value)


def email_identity(credential: Credential) -> dict:
    """The holder's email as an OB3 IdentityObject: sha256 of the email and a salt.

    The salt is secret-derived and unique to the credential, so hashes cannot be matched
    across credentials, yet the same credential gives the same JWT each time. A verifier
    who is told the email checks ``sha256(email.lower() + salt)``.
    """
    salt = salted_hmac(
        "certificates.openbadges.identity-salt", credential.number, algorithm="sha256"
    ).hexdigest()[:32]
    email = credential.holder.email.strip().lower()
    digest = hashlib.sha256((email + salt).encode()).hexdigest()
    return {
        "type": "IdentityObject",
        "identityType": "emailAddress",
        "hashed": True,
        "identityHash": f"sha256${digest}",
        "salt": salt,
    }


def _criteria_narrative(credential: Credential, snapshot: dict) -> str:
    programme = snapshot.get("programme") or credential.programme.title
    lines = [f"Every requirement of the {programme} program was met:", ""]
    modules = snapshot.get("modules") or []
    if modules:
        lines.append(f"- completed every required module (completed: {', '.join(modules)});")
    if snapshot.get("training_hours"):
        # The hours earned: credited lessons (and attended sessions), by competency domain.
        by_domain = snapshot.get("training_hours_by_domain") or {}
        detail = "; ".join(f"{name}: {_hours(hours)}" for name, hours in by_domain.items())
        lines.append(
            f"- {_hours(snapshot['training_hours'])} hours of training"
            + (f" by competency domain ({detail});" if detail else ";")
        )
    if snapshot.get("practice_hours"):
        lines.append(
            f"- {_hours(snapshot['practice_hours'])} hours of supervised practice, "
            "each entry approved by the trainee's supervisor;"
        )
    affirmation = (
        EthicsAffirmation.objects.filter(
            trainee_id=credential.holder_id,
            code__profile_id=credential.programme.requirement_profile_id,
            affirmed_at__lte=credential.created_at,
        )
        .select_related("code")
        .order_by("-code__version")
        .first()
    )
    if affirmation is not None:
        lines.append(f"- signed the {affirmation.code.title} (version {affirmation.code.version}).")
    return "\n".join(lines)


def _alignments(credential: Credential, snapshot: dict, *, programme_url: str | None) -> list[dict]:
    """One alignment per competency domain of the modules completed for the credential.
    ``programme_url``: the programme page's address (``_page_url``), or None.

    The modules are read as plain rows, their addresses built from the programme's
    (``ModulePage.address_under``): page instances, and Wagtail's address for each, were a
    tenth of a certificate's overhead over WeasyPrint (bench_certificates.py)."""
    from courses.models import ModulePage

    titles = snapshot.get("modules") or []
    if not titles:
        return []
    rows = (
        ModulePage.objects.child_of(credential.programme)
        .filter(title__in=titles)
        .order_by("path")
        .values_list(
            "slug", "live", "domain_id", "domain__name", "domain__slug", "domain__description"
        )
    )
    fallback = programme_url or absolute_url("/")
    alignments: dict[int, dict] = {}
    for slug, live, domain_id, name, code, description in rows:
        if domain_id in alignments:
            continue
        alignment = {
            "type": ["Alignment"],
            "targetName": name,
            # No page describes a domain on its own: the first module training it does.
            "targetUrl": (
                ModulePage.address_under(programme_url, slug)
                if live and programme_url
                else fallback
            ),
            "targetCode": code,
            "targetFramework": f"{settings.WAGTAIL_SITE_NAME} competency domains",
            "targetType": "ext:CompetencyDomain",
        }
        if description:
            alignment["targetDescription"] = description
        alignments[domain_id] = alignment
    return list(alignments.values())


def status_entry(
    credential: Credential, purpose: str = STATUS_PURPOSE, *, index: int | None = None
) -> dict:
    """A BitstringStatusListEntry pointing at the signed cycle's entry in the status list.
    ``index``: that cycle's position, when the caller has the cycle already."""
    if index is None:
        index = credential.status_index  # the current cycle's: the one being signed
    if index is None:
        raise ValueError(f"Credential {credential.number} has no position in the status lists.")
    url = status_list_url(purpose)
    entry: dict[str, object] = {
        "id": f"{url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": purpose,
        "statusListIndex": str(index),
        "statusListCredential": url,
    }
    if purpose == STATUS_PURPOSE:
        entry |= {"statusSize": STATUS_SIZE, "statusMessage": STATUS_MESSAGES}
    return entry


def _validity(
    credential: Credential, cycle: CredentialCycle | None
) -> tuple[dt.datetime, dt.datetime]:
    """From the start of the current cycle's first day (the day of issue, or the day after
    the expiry a renewal replaced) to the end of the day of expiry, local time. ``cycle``:
    the credential's current cycle (``current_cycle()``), None if it has none."""
    first_day = (cycle.valid_from if cycle else None) or credential.issued_on
    valid_from = timezone.make_aware(dt.datetime.combine(first_day, dt.time.min))
    valid_until = timezone.make_aware(
        dt.datetime.combine(credential.expires_on, dt.time(23, 59, 59))
    )
    return valid_from, valid_until


def subject_id(credential: Credential) -> str:
    """The holder as a subject: the same random id in every credential they hold."""
    return f"urn:uuid:{credential.holder.subject_id}"


def credential_document(credential: Credential) -> dict:
    """The OpenBadgeCredential (unsigned): what the JWT payload carries."""
    return _credential_document(credential, credential.current_cycle())


def _credential_document(credential: Credential, current: CredentialCycle | None) -> dict:
    """``credential_document`` for the credential's current cycle ``current``, fetched once
    by the caller: its dates, its id and its status-list position all come from it."""
    snapshot = credential.achievement or {}
    programme = credential.programme
    title = snapshot.get("programme") or programme.title
    holder_name = snapshot.get("holder_name") or credential.holder.name_for_certificate()
    valid_from, valid_until = _validity(credential, current)
    cycle = current.cycle if current else 1
    # A renewal is its own credential; its description names the one it renews.
    renewal = (
        f" Cycle {cycle}: the renewal of {credential_urn(credential, cycle=cycle - 1)}, with "
        "the same number."
        if cycle > 1
        else ""
    )
    identifiers = [email_identity(credential)]
    if holder_name:
        identifiers.append(
            {
                "type": "IdentityObject",
                "identityType": "name",
                "hashed": False,
                "identityHash": holder_name,
            }
        )
    criteria = {"narrative": _criteria_narrative(credential, snapshot)}
    programme_url = _page_url(programme)
    if programme_url:
        criteria = {"id": programme_url, **criteria}
    achievement = {
        "id": f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, f'programme:{programme.pk}')}",
        "type": ["Achievement"],
        "achievementType": "Certification",
        "name": title,
        "description": programme.summary or title,
        "criteria": criteria,
        "creator": organisation_profile(credential.issuer, with_context=False),
        "image": {
            "id": absolute_url(static(BADGE_IMAGE)),
            "type": "Image",
            "caption": f"{settings.WAGTAIL_SITE_NAME} credential badge",
        },
    }
    alignments = _alignments(credential, snapshot, programme_url=programme_url)
    if alignments:
        achievement["alignment"] = alignments
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT, OB_EXTENSIONS_CONTEXT],
        "id": credential_urn(credential, cycle=cycle),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": title,
        "description": (
            f"{title}, issued by {credential.issuer.name}. Credential number "
            f"{credential.number}; its current status is public at "
            f"{verification_url(credential.number)}{renewal}"
        ),
        "issuer": organisation_profile(credential.issuer, with_context=False),
        "validFrom": iso_datetime(valid_from),
        "validUntil": iso_datetime(valid_until),
        "awardedDate": iso_datetime(valid_from),
        "credentialSubject": {
            "id": subject_id(credential),
            "type": ["AchievementSubject"],
            "identifier": identifiers,
            "licenseNumber": credential.number,
            "achievement": achievement,
        },
        "credentialStatus": status_entry(
            credential, index=current.status_index if current else None
        ),
        "credentialSchema": [CREDENTIAL_SCHEMA],
    }


def credential_jwt(credential: Credential) -> str:
    """The signed VC-JWT: the credential plus the registered claims, which exist only in
    the JWT (``jti`` is not a term of the credential's contexts). Records the key."""
    # The current cycle, read once: the document's dates, id and status entry, and the
    # registered claims, all name the same one.
    current = credential.current_cycle()
    document = _credential_document(credential, current)
    valid_from, valid_until = _validity(credential, current)
    claims = {
        **document,
        "iss": document["issuer"]["id"],
        "sub": document["credentialSubject"]["id"],
        "jti": document["id"],
        "nbf": numeric_date(valid_from),
        "exp": numeric_date(valid_until),
    }
    token, key = _sign(claims)
    CredentialSignature.objects.bulk_create(
        [CredentialSignature(credential=credential, key=key)], ignore_conflicts=True
    )
    return token


# Verifying ------------------------------------------------------------------------------


def kid_thumbprint(kid: str) -> str:
    """The thumbprint a ``kid`` names, whatever address it was issued under:
    ``https://<any site>/.well-known/keys/<thumbprint>.json`` gives ``<thumbprint>``."""
    name = kid.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    return name.removesuffix(".json")


def verify_jwt(
    *, token: str, key_set: dict, required_claims: tuple[str, ...] = ()
) -> tuple[dict, dict]:
    """The JOSE header and claims of a JWT that ``sign`` could have made, once verified.

    The header must name ``alg`` RS256 and a ``kid`` whose thumbprint is that of an RSA
    key in ``key_set`` (a JWKS, such as ``jwks()`` or what ``/.well-known/jwks.json``
    serves). The key is matched by the thumbprint computed from its own members, never by
    a ``kid`` string, so a file signed before the site moved still finds its key. Every
    claim in ``required_claims`` must be present. Only the signature and the presence of
    claims are checked: validity dates and status are the caller's to judge. Raises
    ValueError with a one-line reason.
    """
    try:
        header = jws.extract_compact(token.strip().encode()).headers()
    except (JoseError, UnicodeError) as error:
        reason = getattr(error, "description", "") or "unreadable"
        raise ValueError(f"not a compact JWS (a signed JWT): {reason}.") from error
    if header.get("alg") != ALGORITHM:
        raise ValueError(f"the JOSE header's alg is {header.get('alg')!r}, not {ALGORITHM!r}.")
    kid = header.get("kid")
    if not kid or not isinstance(kid, str):
        raise ValueError("the JOSE header names no key (kid).")
    try:
        # An untrusted JWKS: import_key_set checks its shape, and the errors are caught below.
        keys = KeySet.import_key_set(key_set)  # type: ignore[arg-type]
    except (JoseError, KeyError, TypeError, ValueError, AttributeError) as error:
        raise ValueError("the key set is not a JWKS with usable keys.") from error
    wanted = kid_thumbprint(kid)
    key = next((candidate for candidate in keys if candidate.thumbprint() == wanted), None)
    if key is None:
        raise ValueError(f"unknown kid {kid}: no key in the key set has it.")
    if not isinstance(key, RSAKey) or key.raw_value.key_size < signing.MIN_BITS:
        raise ValueError(f"the key {kid} is not an RSA key of {signing.MIN_BITS} bits or more.")
    try:
        verified = jwt.decode(token.strip(), key, algorithms=[ALGORITHM])
    except BadSignatureError as error:
        raise ValueError(
            "the signature does not verify: the contents were changed after signing, "
            "or another key signed them."
        ) from error
    except JoseError as error:
        reason = getattr(error, "description", "") or error.error
        raise ValueError(f"not a valid JWT: {reason}.") from error
    missing = [name for name in required_claims if verified.claims.get(name) in (None, "")]
    if missing:
        raise ValueError(f"the JWT lacks the required claim(s) {', '.join(missing)}.")
    return dict(verified.header), verified.claims
