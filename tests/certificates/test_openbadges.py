"""Open Badges 3.0: signed VC-JWTs, the public key and status lists, checked from outside.

Verification uses PyJWT, not the library that signs, and only what a verifier can fetch
without signing in: the key the JWT's ``kid`` dereferences to, the JWKS and the status list.
"""

import base64
import datetime as dt
import gzip
import hashlib
import json
import stat
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from certificates import openbadges, statuslist
from certificates.models import Credential, CredentialCycle
from certificates.services import (
    credential_change_status,
    credential_issue_if_eligible,
    cycle_create,
    ethics_affirm,
)
from core import keys
from organisations.roles import Role
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

SCHEMA = (
    Path(__file__).resolve().parents[3]
    / "shared/fixtures/ob_v3p0_achievementcredential.schema.json"
)


# Open Badges 3.0 §8.2.4.1: the registered claims of a credential's VC-JWT.
CREDENTIAL_CLAIMS = ["sub", "iss", "jti", "nbf", "exp"]


def published_jwk(token: str) -> dict:
    """What a verifier gets, signed out, by dereferencing the JWT header's ``kid``."""
    kid = jwt.get_unverified_header(token)["kid"]
    response = Client().get(urlsplit(kid).path)
    assert response.status_code == 200
    return response.json()


def download_jwt(credential: Credential) -> str:
    client = Client()
    client.force_login(credential.holder)
    response = client.get(f"/credentials/{credential.number}/credential.jwt")
    assert response.status_code == 200
    return response.content.decode()


def verify(token: str, require: list[str] = CREDENTIAL_CLAIMS) -> dict:
    key = jwt.PyJWK(published_jwk(token))
    return jwt.decode(token, key, algorithms=["RS256"], options={"require": require})


def fetch_status_list(purpose: str = "message") -> tuple[dict, bytes]:
    response = Client().get(f"/credentials/status/{purpose}.jwt")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=60"
    payload = verify(response.content.decode(), require=["iss", "jti", "nbf"])
    encoded = payload["credentialSubject"]["encodedList"]
    assert encoded.startswith("u")  # multibase base64url
    data = encoded[1:]
    bitstring = gzip.decompress(base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)))
    return payload, bitstring


def bit(bitstring: bytes, index: int) -> int:
    """Index 0 is the left-most bit: the most significant bit of the first byte."""
    return (bitstring[index // 8] >> (7 - index % 8)) & 1


def entry(bitstring: bytes, index: int) -> int:
    """Two bits per entry, from bit ``2 * index``: 0 valid, 1 suspended, 2 revoked."""
    return bit(bitstring, 2 * index) << 1 | bit(bitstring, 2 * index + 1)


def take_status_position(nearly_done, holder, position: int) -> Credential:
    """Another holder's credential at ``position`` of the status lists."""
    today = timezone.localdate()
    credential = Credential.objects.create(
        holder=holder,
        enrollment=nearly_done,
        programme=nearly_done.programme,
        issuer=nearly_done.programme.organisation,
        issued_on=today,
        expires_on=today + dt.timedelta(days=1),
        achievement={},
    )
    CredentialCycle.objects.create(credential=credential, status_index=position)
    return credential


@pytest.fixture
def second_credential(trainee, nearly_done, make_member):
    """The trainee's credential, issued after another credential took status position 41."""
    take_status_position(nearly_done, make_member(Role.TRAINEE), 41)
    ethics_affirm(trainee=trainee, enrollment=nearly_done, signed_name=trainee.get_full_name())
    return credential_issue_if_eligible(enrollment=nearly_done)


def test_status_positions_are_random_and_unique(credential, second_credential):
    from certificates.services import STATUS_INDEX_SPACE

    assert 0 <= second_credential.status_index < STATUS_INDEX_SPACE
    assert second_credential.status_index != 41


def test_a_taken_status_position_is_drawn_again(trainee, nearly_done, make_member, monkeypatch):
    """Position 41 is taken: the first draw collides, the second succeeds, nothing fails."""
    import secrets

    draws = iter([41, 41, 7])
    monkeypatch.setattr(secrets.SystemRandom, "randrange", lambda self, n: next(draws))
    take_status_position(nearly_done, make_member(Role.TRAINEE), 41)
    ethics_affirm(trainee=trainee, enrollment=nearly_done, signed_name=trainee.get_full_name())

    credential = credential_issue_if_eligible(enrollment=nearly_done)

    assert credential.status_index == 7


def test_the_jwt_verifies_with_the_one_key_its_kid_names(credential, trainee):
    token = download_jwt(credential)
    jwk = published_jwk(token)

    payload = jwt.decode(
        token, jwt.PyJWK(jwk), algorithms=["RS256"], options={"require": CREDENTIAL_CLAIMS}
    )

    header = jwt.get_unverified_header(token)
    assert header == {"alg": "RS256", "kid": jwk["kid"], "typ": "JWT"}
    # One JWK, not a set: the kid URL is the key's own, named by its RFC 7638 thumbprint.
    assert set(jwk) == {"kty", "n", "e", "kid", "alg", "use"}  # public part only, no "d"
    assert (jwk["kty"], jwk["alg"], jwk["use"]) == ("RSA", "RS256", "sig")
    assert len(base64.urlsafe_b64decode(jwk["n"] + "==")) * 8 >= 2048
    thumbprint = header["kid"].removesuffix(".json").rsplit("/", 1)[1]
    members = json.dumps({"e": jwk["e"], "kty": "RSA", "n": jwk["n"]}, separators=(",", ":"))
    assert (
        thumbprint
        == base64.urlsafe_b64encode(hashlib.sha256(members.encode()).digest()).rstrip(b"=").decode()
    )
    assert header["kid"] == f"{openbadges.absolute_url('')}/.well-known/keys/{thumbprint}.json"
    # The JWKS lists the same key under the same kid.
    assert jwk in Client().get("/.well-known/jwks.json").json()["keys"]
    assert payload["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        # credentialSchema's 1EdTech type is defined here, as 1EdTech's examples do.
        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
    ]
    assert payload["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert payload["id"].startswith("urn:uuid:") and payload["jti"] == payload["id"]
    assert payload["iss"] == payload["issuer"]["id"]
    # The holder is a random urn:uuid of their own, the same in the claim and the subject.
    assert payload["sub"] == payload["credentialSubject"]["id"] == f"urn:uuid:{trainee.subject_id}"
    assert payload["credentialSchema"] == [
        {
            "id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"
            "ob_v3p0_achievementcredential_schema.json",
            "type": "1EdTechJsonSchemaValidator2019",
        }
    ]
    assert payload["issuer"]["name"] == credential.issuer.name
    assert payload["issuer"]["type"] == ["Profile"]
    valid_from = dt.datetime.fromisoformat(payload["validFrom"])
    valid_until = dt.datetime.fromisoformat(payload["validUntil"])
    assert payload["nbf"] == int(valid_from.timestamp())
    assert payload["exp"] == int(valid_until.timestamp())
    assert timezone.localtime(valid_from).date() == credential.issued_on
    assert timezone.localtime(valid_until).date() == credential.expires_on
    subject = payload["credentialSubject"]
    assert subject["licenseNumber"] == credential.number
    achievement = subject["achievement"]
    assert achievement["name"] == credential.programme.title
    assert "Module 1" in achievement["criteria"]["narrative"]
    assert {a["targetName"] for a in achievement["alignment"]} == {"Ethical responsibility"}
    assert achievement["image"]["type"] == "Image"
    assert urlsplit(achievement["image"]["id"]).path == "/static/certificates/peerpath-badge.svg"
    assert finders.find("certificates/peerpath-badge.svg")  # collectstatic publishes it
    name = {"identityType": "name", "hashed": False, "identityHash": trainee.get_full_name()}
    assert {"type": "IdentityObject", **name} in subject["identifier"]
    status = payload["credentialStatus"]
    assert status["type"] == "BitstringStatusListEntry"
    assert status["statusPurpose"] == "message"
    assert status["statusSize"] == 2
    assert status["statusMessage"] == [
        {"status": "0x0", "message": "valid"},
        {"status": "0x1", "message": "suspended"},
        {"status": "0x2", "message": "revoked"},
        {"status": "0x3", "message": "unassigned: not valid"},
    ]
    assert status["statusListIndex"] == str(credential.status_index)
    assert status["statusListCredential"].endswith("/credentials/status/message.jwt")
    # The same credential signed with the same key is the same JWT.
    assert download_jwt(credential) == token


def test_the_registered_claims_are_only_in_the_jwt(credential):
    """``jti``, ``sub`` and the rest are JWT claims, not terms of the credential's
    contexts: the credential JSON (what the Data Integrity proof signs) has none."""
    document = openbadges.credential_document(credential)

    assert not {"jti", "sub", "iss", "nbf", "exp"} & set(document)
    assert document["credentialSubject"]["id"] == f"urn:uuid:{credential.holder.subject_id}"


def test_subject_ids_are_per_holder_and_say_nothing_about_them(credential, trainee, make_member):
    other = make_member(Role.TRAINEE)

    assert trainee.subject_id != other.subject_id
    sub = verify(download_jwt(credential))["sub"]
    assert trainee.email.split("@")[0].lower() not in sub
    trainee.refresh_from_db()
    assert sub == f"urn:uuid:{trainee.subject_id}"  # stored, not drawn again


def test_a_tampered_payload_fails_verification(credential):
    token = download_jwt(credential)
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["validUntil"] = "2099-12-31T23:59:59Z"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()

    with pytest.raises(jwt.InvalidSignatureError):
        verify(f"{header}.{forged}.{signature}")

    someone_elses = rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key()
    other_key = jwt.PyJWK(json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(someone_elses)))
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(token, other_key, algorithms=["RS256"])


def test_the_payload_validates_against_1edtechs_schema(credential):
    if not SCHEMA.exists():
        pytest.skip(
            f"1EdTech's OB 3.0 schema is not at {SCHEMA} (the shared/ fixtures folder beside "
            "the repository): conformance is checked where it exists, as in CI."
        )
    import jsonschema

    schema = json.loads(SCHEMA.read_text())
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)

    payload = verify(download_jwt(credential))

    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(payload)]
    assert errors == []


def test_the_holders_email_is_nowhere_in_the_jwt(credential, trainee):
    token = download_jwt(credential)
    payload = verify(token)
    text = json.dumps(payload).lower()

    assert trainee.email.lower() not in text
    assert trainee.email.split("@")[0].lower() not in text
    assert trainee.email.lower() not in token.lower()
    # Only a salted hash: someone who is told the email can check it against the credential.
    (identity,) = [
        i for i in payload["credentialSubject"]["identifier"] if i["identityType"] == "emailAddress"
    ]
    assert identity["hashed"] is True and identity["salt"]
    expected = hashlib.sha256((trainee.email.lower() + identity["salt"]).encode()).hexdigest()
    assert identity["identityHash"] == f"sha256${expected}"


def test_each_status_is_its_entry_in_the_signed_status_list(
    second_credential, coordinator, with_totp
):
    index = second_credential.status_index
    status = verify(download_jwt(second_credential))["credentialStatus"]
    payload, bitstring = fetch_status_list()

    assert status["statusListCredential"] == payload["id"]
    assert payload["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert payload["credentialSubject"]["statusPurpose"] == "message"
    assert payload["credentialSubject"]["statusSize"] == 2
    assert payload["credentialSubject"]["statusMessage"] == status["statusMessage"]
    assert payload["iss"] == payload["issuer"]
    assert len(bitstring) * 8 >= 131_072
    assert entry(bitstring, index) == 0x0

    with_totp(coordinator)
    for action, value in [("suspend", 0x1), ("reinstate", 0x0)]:
        credential_change_status(
            actor=coordinator, credential_id=second_credential.pk, action=action, reason="x"
        )
        assert entry(fetch_status_list()[1], index) == value
    credential_change_status(
        actor=coordinator,
        credential_id=second_credential.pk,
        action="revoke",
        confirm_number=second_credential.number,
        reason="x",
    )

    _, bitstring = fetch_status_list()
    assert entry(bitstring, index) == 0x2
    assert entry(bitstring, index - 1) == 0x0  # the other credential is untouched
    assert sum(bin(byte).count("1") for byte in bitstring) == 1


def test_the_one_bit_revocation_list_is_still_served_for_older_files(
    credential, coordinator, with_totp
):
    with_totp(coordinator)
    credential_change_status(
        actor=coordinator, credential_id=credential.pk, action="suspend", reason="x"
    )

    payload, bitstring = fetch_status_list("revocation")
    assert payload["credentialSubject"]["statusPurpose"] == "revocation"
    assert "statusSize" not in payload["credentialSubject"]
    assert bit(bitstring, credential.status_index) == 0  # suspended is not revoked
    assert Client().get("/credentials/status/suspension.jwt").status_code == 404

    credential_change_status(
        actor=coordinator,
        credential_id=credential.pk,
        action="revoke",
        confirm_number=credential.number,
        reason="x",
    )
    assert bit(fetch_status_list("revocation")[1], credential.status_index) == 1


def test_every_cycle_of_a_credential_reads_its_status(credential, coordinator, with_totp):
    """A renewal adds a cycle at its own position; a file of either cycle sees the status."""
    first = credential.status_index
    cycle_create(credential=credential, cycle=2)
    second = credential.status_index
    assert second != first
    assert verify(download_jwt(credential))["credentialStatus"]["statusListIndex"] == str(second)

    with_totp(coordinator)
    credential_change_status(
        actor=coordinator, credential_id=credential.pk, action="suspend", reason="x"
    )

    _, bitstring = fetch_status_list()
    assert (entry(bitstring, first), entry(bitstring, second)) == (0x1, 0x1)


@pytest.mark.parametrize(
    ("file", "media_type"),
    [("credential.jwt", "application/vc+jwt"), ("credential.jsonld", "application/vc")],
)
def test_only_the_holder_and_the_issuers_coordinators_download_the_files(
    client, trainee, credential, coordinator, make_member, file, media_type
):
    url = f"/credentials/{credential.number}/{file}"

    assert client.get(url).status_code == 404  # anonymous
    client.force_login(make_member(Role.TRAINEE))
    assert client.get(url).status_code == 404
    client.force_login(make_member(Role.COORDINATOR, organisation=OrganisationFactory()))
    assert client.get(url).status_code == 404
    client.force_login(coordinator)
    assert client.get(url).status_code == 200
    client.force_login(trainee)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == media_type
    extension = file.removeprefix("credential")
    assert response["Content-Disposition"] == (
        f'attachment; filename="{credential.number}{extension}"'
    )
    assert "no-cache" in response["Cache-Control"]
    assert url in client.get("/credentials/").content.decode()


def test_the_issuer_profiles_and_keys_are_public_and_briefly_cacheable(credential):
    payload = verify(download_jwt(credential))
    client = Client()
    issuer_path = payload["issuer"]["id"].split("://", 1)[1].split("/", 1)[1]

    organisation = client.get(f"/{issuer_path}")
    platform = client.get("/credentials/issuer.json")
    jwks = client.get("/.well-known/jwks.json")
    key = client.get(urlsplit(openbadges.key_id()).path)

    assert organisation.json()["id"] == payload["issuer"]["id"]
    assert organisation.json()["name"] == credential.issuer.name
    assert platform.json()["type"] == ["Profile"]
    assert platform.json()["id"].endswith("/credentials/issuer.json")
    assert key.json() == jwks.json()["keys"][0]
    assert key["Content-Type"] == "application/jwk+json"
    for response in (organisation, platform, jwks, key):
        assert response.status_code == 200
        assert response["Cache-Control"] == "public, max-age=60"
        assert response["Access-Control-Allow-Origin"] == "*"
    assert client.get("/credentials/issuers/999999.json").status_code == 404
    assert client.get("/.well-known/keys/not-a-key.json").status_code == 404


def test_the_bitstring_is_left_to_right_and_covers_every_position():
    last = statuslist.MIN_BITS - 1
    encoded = statuslist.encode_bitstring([0, 9, last])
    bitstring = statuslist.decode_bitstring(encoded)

    assert len(bitstring) * 8 == statuslist.MIN_BITS >= 131_072
    assert bitstring[0] == 0b1000_0000 and bitstring[1] == 0b0100_0000
    assert bitstring[-1] == 0b0000_0001
    assert "=" not in encoded
    assert len(encoded) < 2_000  # a million bits, mostly zero, compress to little


def test_without_a_key_production_refuses_to_sign_and_development_makes_one(settings, tmp_path):
    settings.CREDENTIAL_SIGNING_KEY = ""
    settings.CREDENTIAL_SIGNING_KEY_DEV_FILE = tmp_path / "dev-key.pem"
    settings.PEERPATH_ENV = "production"
    with pytest.raises(ImproperlyConfigured, match="CREDENTIAL_SIGNING_KEY"):
        keys.signing_key()
    assert not (tmp_path / "dev-key.pem").exists()

    settings.PEERPATH_ENV = "dev"
    key = keys.signing_key()
    assert stat.S_IMODE((tmp_path / "dev-key.pem").stat().st_mode) == 0o600
    keys._load.cache_clear()
    assert keys.signing_key().thumbprint() == key.thumbprint()  # read back, not replaced

    settings.PEERPATH_ENV = "production"
    settings.CREDENTIAL_SIGNING_KEY_FILE = str(tmp_path / "dev-key.pem")
    assert keys.signing_key().thumbprint() == key.thumbprint()
    settings.CREDENTIAL_SIGNING_KEY_FILE = str(tmp_path / "missing.pem")
    with pytest.raises(ImproperlyConfigured, match="cannot be read"):
        keys.signing_key()


def test_generate_signing_key_prints_or_writes_a_new_key(tmp_path):
    out = StringIO()
    call_command("generate_signing_key", stdout=out)
    assert out.getvalue().startswith("-----BEGIN PRIVATE KEY-----")
    assert keys._parse(out.getvalue(), source="test").thumbprint()

    path = tmp_path / "key.pem"
    call_command("generate_signing_key", str(path), stderr=StringIO())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with pytest.raises(CommandError, match="not overwriting"):
        call_command("generate_signing_key", str(path), stderr=StringIO())


def test_each_alignment_points_at_the_first_module_training_its_domain(credential):
    """The alignments read modules as rows and build their addresses from the programme's
    (ModulePage.address_under): the address Wagtail gives the first live module of each
    domain, or the programme's page where that module is not live."""
    from courses.models import CompetencyDomain, ModulePage

    programme = credential.programme
    first, second, *_ = ModulePage.objects.child_of(programme).order_by("path")
    practice = CompetencyDomain.objects.create(
        name="Recovery support practice", slug="recovery-practice", description="In the field."
    )
    ModulePage.objects.filter(pk=second.pk).update(domain=practice)
    snapshot = {"modules": [first.title, second.title]}
    programme_url = openbadges._page_url(programme)
    assert programme_url and programme_url.endswith("/")

    alignments = openbadges._alignments(credential, snapshot, programme_url=programme_url)

    assert [(a["targetName"], a["targetUrl"]) for a in alignments] == [
        (first.domain.name, openbadges._page_url(first)),
        ("Recovery support practice", openbadges._page_url(second)),
    ]
    assert alignments[1]["targetCode"] == "recovery-practice"
    assert alignments[1]["targetDescription"] == "In the field."
    assert openbadges._page_url(second).startswith(programme_url)

    ModulePage.objects.filter(pk=second.pk).update(live=False)
    alignments = openbadges._alignments(credential, snapshot, programme_url=programme_url)
    assert alignments[1]["targetUrl"] == programme_url
    assert openbadges._alignments(credential, {"modules": []}, programme_url=None) == []
