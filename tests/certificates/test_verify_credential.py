"""`manage.py verify_credential`: offline verification of a downloaded Open Badges VC-JWT.

The JWTs are downloaded as a holder would; the status list and the JWKS come from the
public URLs, served here by Django's test client in place of the network.
"""

import base64
import datetime as dt
import gzip
import json
from io import StringIO
from urllib.parse import urlsplit

import jwt
import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone
from joserfc import jwt as jose_jwt
from joserfc.jwk import OctKey, OKPKey, RSAKey

from certificates import openbadges, signing
from certificates.management.commands import verify_credential
from certificates.models import Credential
from certificates.services import credential_change_status

pytestmark = pytest.mark.django_db


@pytest.fixture
def served(monkeypatch):
    """The command's fetches answered by this site through the test client; URLs recorded."""
    fetched = []

    def fetch(url: str) -> bytes:
        fetched.append(url)
        response = Client().get(urlsplit(url).path)
        assert response.status_code == 200, url
        return response.content

    monkeypatch.setattr(verify_credential, "fetch", fetch)
    return fetched


def download_jwt(credential: Credential) -> str:
    client = Client()
    client.force_login(credential.holder)
    response = client.get(f"/credentials/{credential.number}/credential.jwt")
    assert response.status_code == 200
    return response.content.decode()


def save(tmp_path, token: str, name: str = "credential.jwt") -> str:
    path = tmp_path / name
    path.write_text(token)
    return str(path)


def verify(*args, **options) -> str:
    out = StringIO()
    call_command("verify_credential", *args, stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign_with(key: RSAKey, header: dict, claims: dict) -> str:
    return jose_jwt.encode(header, claims, key, algorithms=["RS256"])


def claims_of(token: str) -> dict:
    return json.loads(unb64(token.split(".")[1]))


def test_a_genuine_credential_verifies(credential, trainee, tmp_path):
    out = verify(save(tmp_path, download_jwt(credential)))

    kid = openbadges.jwks()["keys"][0]["kid"]
    assert f"Signature OK:  RS256, key {kid}" in out
    assert "OpenBadgeCredential" in out
    assert f"Issuer:        {credential.issuer.name} (" in out
    assert f"Holder:        {trainee.get_full_name()}" in out
    assert f"Achievement:   {credential.programme.title}" in out
    assert f"Number:        {credential.number}" in out
    assert f"Valid from:    {credential.issued_on.isoformat()}T00:00:00Z" in out
    assert f"Valid until:   {credential.expires_on.isoformat()}T23:59:59Z" in out
    assert "Dates:         within dates" in out
    assert "EXPIRED" not in out
    status_url = openbadges.status_list_url("message")
    assert f"message list {status_url}, index {credential.status_index}" in out
    assert (
        "suspension and revocation are checked online against that list (run with --check-status)"
    ) in out
    assert trainee.email not in out


def test_it_reads_stdin(credential):
    out = verify("-", stdin=StringIO(download_jwt(credential) + "\n"))

    assert f"Number:        {credential.number}" in out


def test_a_tampered_payload_fails(credential, tmp_path):
    header, payload, signature = download_jwt(credential).split(".")
    claims = json.loads(unb64(payload))
    claims["validUntil"] = "2099-12-31T23:59:59Z"
    forged = f"{header}.{b64(json.dumps(claims).encode())}.{signature}"

    with pytest.raises(CommandError, match="the signature does not verify"):
        verify(save(tmp_path, forged))


def test_a_credential_signed_by_another_key_fails(credential, tmp_path):
    token = download_jwt(credential)
    claims = claims_of(token)
    genuine_kid = openbadges.jwks()["keys"][0]["kid"]
    impostor = RSAKey.generate_key(2048, private=True)

    # Claiming the published key's id does not help: its key does not verify the signature.
    forged = sign_with(impostor, {"alg": "RS256", "kid": genuine_kid, "typ": "JWT"}, claims)
    with pytest.raises(CommandError, match="the signature does not verify"):
        verify(save(tmp_path, forged))

    # Under its own key id, even at this site's address, the key is not published here.
    own_kid = openbadges.key_url(impostor.thumbprint())
    forged = sign_with(impostor, {"alg": "RS256", "kid": own_kid, "typ": "JWT"}, claims)
    with pytest.raises(CommandError, match=f"unknown kid {own_kid}"):
        verify(save(tmp_path, forged))


def test_only_rs256_is_accepted(credential, tmp_path):
    token = download_jwt(credential)
    _, payload, _ = token.split(".")
    kid = openbadges.jwks()["keys"][0]["kid"]
    unsigned = f"{b64(json.dumps({'alg': 'none', 'kid': kid}).encode())}.{payload}."
    with pytest.raises(CommandError, match="alg is 'none', not 'RS256'"):
        verify(save(tmp_path, unsigned))

    # The published key as an HMAC secret: the old algorithm-confusion forgery.
    secret = OctKey.import_key(json.dumps(openbadges.jwks()["keys"][0]).encode())
    confused = jose_jwt.encode({"alg": "HS256", "kid": kid}, claims_of(token), secret)
    with pytest.raises(CommandError, match="alg is 'HS256', not 'RS256'"):
        verify(save(tmp_path, confused))

    ed25519 = OKPKey.generate_key("Ed25519")
    eddsa = jose_jwt.encode(
        {"alg": "Ed25519", "kid": kid}, claims_of(token), ed25519, algorithms=["Ed25519"]
    )
    with pytest.raises(CommandError, match="alg is 'Ed25519', not 'RS256'"):
        verify(save(tmp_path, eddsa))


@pytest.mark.parametrize("claim", ["sub", "iss", "jti", "nbf", "exp"])
def test_every_registered_claim_is_required(credential, tmp_path, claim):
    claims = claims_of(download_jwt(credential))
    del claims[claim]

    # Signed by this site's own key: only the missing claim is wrong.
    with pytest.raises(CommandError, match=f"lacks the required claim\\(s\\) {claim}"):
        verify(save(tmp_path, openbadges.sign(claims)))


def test_a_sub_that_is_not_the_subject_fails(credential, tmp_path):
    claims = claims_of(download_jwt(credential))
    claims["sub"] = "urn:uuid:00000000-0000-4000-8000-000000000000"

    with pytest.raises(CommandError, match=r"sub .* is not the credentialSubject\.id"):
        verify(save(tmp_path, openbadges.sign(claims)))


def test_a_jwks_or_jwk_file_given_with_jwks_is_used(credential, tmp_path):
    token = save(tmp_path, download_jwt(credential))
    jwks_file = save(tmp_path, json.dumps(openbadges.jwks()), "jwks.json")
    jwk_file = save(tmp_path, json.dumps(openbadges.jwks()["keys"][0]), "key.json")
    others = {"keys": [RSAKey.generate_key(2048, private=True).as_dict(private=False)]}
    other_file = save(tmp_path, json.dumps(others), "others.json")

    for key_file in (jwks_file, jwk_file):
        out = verify(token, "--jwks", key_file)
        assert f"Number:        {credential.number}" in out
        assert out.startswith("Signature OK:")
    with pytest.raises(CommandError, match="unknown kid"):
        verify(token, "--jwks", other_file)


def test_a_jwks_or_key_url_is_fetched(credential, tmp_path, served):
    token = save(tmp_path, download_jwt(credential))

    assert verify(token, "--jwks", openbadges.jwks_url()).startswith("Signature OK:")
    assert verify(token, "--jwks", openbadges.key_id()).startswith("Signature OK:")
    assert served == [openbadges.jwks_url(), openbadges.key_id()]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty, not a JWT"),
        ("this is not a credential", "not a compact JWS"),
        ("a.b.c", "not a compact JWS"),
        ('{"type": ["OpenBadgeCredential"]}', "not a compact JWS"),  # JSON, unsigned
        ("...", "not a compact JWS"),
    ],
)
def test_garbage_fails_with_a_clear_message(tmp_path, content, message):
    with pytest.raises(CommandError, match=message) as raised:
        verify(save(tmp_path, content))

    assert "\n" not in str(raised.value)


def test_binary_and_missing_files_and_bad_jwks_fail_clearly(credential, tmp_path):
    binary = tmp_path / "photo.jwt"
    binary.write_bytes(b"\xff\xd8\xff\xe0 not text")
    with pytest.raises(CommandError, match=r"not a JWT \(it is not ASCII text\)"):
        verify(str(binary))
    with pytest.raises(CommandError, match=r"Cannot read .*missing\.jwt: No such file"):
        verify(str(tmp_path / "missing.jwt"))

    token = save(tmp_path, download_jwt(credential))
    with pytest.raises(CommandError, match=r"Cannot read the JWKS .*: No such file"):
        verify(token, "--jwks", str(tmp_path / "nowhere.json"))
    with pytest.raises(CommandError, match="is not JSON"):
        verify(token, "--jwks", save(tmp_path, "nope", "bad.json"))
    with pytest.raises(CommandError, match="not a JSON object with a 'keys' list, nor a JWK"):
        verify(token, "--jwks", save(tmp_path, '{"keys": "none"}', "key.json"))
    with pytest.raises(CommandError, match="not a JWKS with usable keys"):
        verify(token, "--jwks", save(tmp_path, '{"kty": "OKP"}', "okp.json"))


def test_an_expired_credential_is_reported_as_expired(credential, tmp_path):
    today = timezone.localdate()
    Credential.objects.filter(pk=credential.pk).update(
        issued_on=today - dt.timedelta(days=800), expires_on=today - dt.timedelta(days=70)
    )
    credential.refresh_from_db()

    out = verify(save(tmp_path, download_jwt(credential)))

    assert out.startswith("Signature OK:")  # genuine, yet no longer current
    expired_on = f"{credential.expires_on.isoformat()}T23:59:59Z"
    assert f"Valid until:   {expired_on}" in out
    assert f"Dates:         EXPIRED on {expired_on}" in out
    assert "within dates" not in out


def served_entry(status_url: str, index: int) -> int:
    """Entry ``index`` of the list served now, read independently of statuslist.py: two
    bits from bit ``2 * index`` on, left to right."""
    served_list = jwt.decode(
        Client().get(urlsplit(status_url).path).content,
        jwt.PyJWKSet.from_dict(openbadges.jwks())[openbadges.key_id()],
        algorithms=["RS256"],
    )
    bitstring = gzip.decompress(unb64(served_list["credentialSubject"]["encodedList"][1:]))
    return (bitstring[index // 4] >> (6 - 2 * (index % 4))) & 0b11


def test_check_status_reads_valid_suspended_and_revoked_from_the_signed_list(
    credential, coordinator, with_totp, tmp_path, served
):
    path = save(tmp_path, download_jwt(credential))
    status_url = openbadges.status_list_url("message")
    index = credential.status_index

    out = verify(path, "--check-status")

    assert served == [status_url]
    assert f"Status now:    VALID (entry {index} is 0x0;" in out

    with_totp(coordinator)
    credential_change_status(
        actor=coordinator, credential_id=credential.pk, action="suspend", reason="Audit"
    )
    assert served_entry(status_url, index) == 0x1
    assert f"Status now:    SUSPENDED (entry {index} is 0x1;" in verify(path, "--check-status")

    credential_change_status(
        actor=coordinator, credential_id=credential.pk, action="reinstate", reason="Cleared"
    )
    assert served_entry(status_url, index) == 0x0
    assert f"Status now:    VALID (entry {index} is 0x0;" in verify(path, "--check-status")

    credential_change_status(
        actor=coordinator,
        credential_id=credential.pk,
        action="revoke",
        confirm_number=credential.number,
        reason="Lapsed",
    )
    assert served_entry(status_url, index) == 0x2

    out = verify(path, "--check-status")

    assert f"Status now:    REVOKED (entry {index} is 0x2;" in out
    # The JWT itself is unchanged: without the list, nothing says it is revoked.
    assert "REVOKED" not in verify(path)


def test_a_file_naming_the_revocation_list_still_reads_its_bit(
    credential, coordinator, with_totp, tmp_path, served
):
    """Files downloaded before the message list existed name the one-bit revocation list,
    which is still published."""
    claims = jwt.decode(openbadges.credential_jwt(credential), options={"verify_signature": False})
    legacy = claims | {"credentialStatus": openbadges.status_entry(credential, "revocation")}
    path = save(tmp_path, openbadges.sign(legacy))
    index = credential.status_index

    assert f"Revocation:    not revoked (bit {index} is 0;" in verify(path, "--check-status")

    with_totp(coordinator)
    credential_change_status(
        actor=coordinator,
        credential_id=credential.pk,
        action="revoke",
        confirm_number=credential.number,
        reason="Lapsed",
    )

    assert f"Revocation:    REVOKED (bit {index} is 1;" in verify(path, "--check-status")


def test_check_status_refuses_a_list_signed_by_another_key(credential, tmp_path, monkeypatch):
    path = save(tmp_path, download_jwt(credential))
    genuine_jwks = save(tmp_path, json.dumps(openbadges.jwks()), "jwks.json")
    signing.key_rotate()  # the list is now signed by a key the saved JWKS does not hold
    monkeypatch.setattr(
        verify_credential,
        "fetch",
        lambda url: Client().get(urlsplit(url).path).content,
    )

    with pytest.raises(CommandError, match=r"status list .* does not verify: unknown kid"):
        verify(path, "--jwks", genuine_jwks, "--check-status")


def test_an_unreachable_status_list_is_an_error_not_a_verdict(credential, tmp_path, monkeypatch):
    def unreachable(url):
        raise OSError("timed out")

    monkeypatch.setattr(verify_credential, "fetch", unreachable)

    with pytest.raises(CommandError, match=r"Cannot fetch the status list from .*: timed out"):
        verify(save(tmp_path, download_jwt(credential)), "--check-status")


def test_the_readme_pyjwt_example_works(credential, trainee, coordinator, with_totp, settings):
    """The PyJWT example of the README section "Verifying a credential offline", line for
    line from ``def site_key`` on, with ``fetch`` answered by the test client."""
    SITE = settings.WAGTAILADMIN_BASE_URL

    def fetch(url):
        response = Client().get(urlsplit(url).path)
        if response.status_code != 200:
            raise OSError(f"HTTP {response.status_code}")
        return response.content

    def check(token: str) -> tuple[dict, str, bool, str]:
        # -- from the README --
        def site_key(token):
            """The one key the kid names, from SITE (HTTP 404: not a key of this site)."""
            kid = jwt.get_unverified_header(token)["kid"]  # .../.well-known/keys/<thumbprint>.json
            name = kid.rsplit("/", 1)[-1]  # whatever address the file was signed under
            return jwt.PyJWK(json.loads(fetch(f"{SITE}/.well-known/keys/{name}")))

        claims = jwt.decode(
            token,
            site_key(token),
            algorithms=["RS256"],
            options={"require": ["sub", "iss", "jti", "nbf", "exp"], "verify_exp": False},
        )
        assert "OpenBadgeCredential" in claims["type"]
        assert claims["sub"] == claims["credentialSubject"]["id"]

        now = dt.datetime.now(dt.UTC)
        valid_from = dt.datetime.fromisoformat(claims["validFrom"].replace("Z", "+00:00"))
        valid_until = dt.datetime.fromisoformat(claims["validUntil"].replace("Z", "+00:00"))
        current = valid_from <= now <= valid_until

        status = claims["credentialStatus"]
        list_token = fetch(status["statusListCredential"])
        status_list = jwt.decode(list_token, site_key(list_token), algorithms=["RS256"])
        assert status_list["credentialSubject"]["statusPurpose"] == status["statusPurpose"]
        data = status_list["credentialSubject"]["encodedList"][1:]  # drop the multibase "u"
        bits = gzip.decompress(base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)))
        size = status["statusSize"]  # 2 bits per credential
        position = int(status["statusListIndex"]) * size  # index 0 starts at the leftmost bit
        value = (bits[position // 8] >> (8 - size - position % 8)) & ((1 << size) - 1)
        state = {int(m["status"], 16): m["message"] for m in status["statusMessage"]}[value]

        subject = claims["credentialSubject"]
        name = next(i["identityHash"] for i in subject["identifier"] if i["identityType"] == "name")
        # -- end --
        return claims, name, current, state

    token = download_jwt(credential)
    claims, name, current, state = check(token)
    assert claims["credentialSubject"]["licenseNumber"] == credential.number
    assert name == trainee.get_full_name()
    assert (current, state) == (True, "valid")

    with_totp(coordinator)
    credential_change_status(
        actor=coordinator, credential_id=credential.pk, action="suspend", reason="Audit"
    )
    assert check(token)[2:] == (True, "suspended")

    credential_change_status(
        actor=coordinator,
        credential_id=credential.pk,
        action="revoke",
        confirm_number=credential.number,
        reason="Lapsed",
    )
    assert check(token)[2:] == (True, "revoked")

    header, _, signature = token.split(".")
    claims["validUntil"] = "2099-12-31T23:59:59Z"
    with pytest.raises(jwt.InvalidSignatureError):
        check(f"{header}.{b64(json.dumps(claims).encode())}.{signature}")

    # After a rotation and a move to another address, the file still verifies: its kid's
    # thumbprint is looked up at the site's current address, and the old key is kept.
    signing.key_rotate()
    settings.WAGTAILADMIN_BASE_URL = "https://moved.example.org"
    assert check(token)[0]["jti"] == claims["jti"]
    # (Signed directly: the holder can no longer download the file of a revoked credential.)
    assert jwt.get_unverified_header(openbadges.credential_jwt(credential))["kid"].startswith(
        "https://moved.example.org/.well-known/keys/"
    )


def test_the_readme_pyjwt_example_sees_an_expired_credential(credential, settings):
    today = timezone.localdate()
    Credential.objects.filter(pk=credential.pk).update(
        issued_on=today - dt.timedelta(days=731), expires_on=today - dt.timedelta(days=1)
    )
    credential.refresh_from_db()
    token = download_jwt(credential)
    jwks = jwt.PyJWKSet.from_dict(openbadges.jwks())
    key = jwks[jwt.get_unverified_header(token)["kid"]]

    # Without verify_exp False, PyJWT would refuse it outright: the README keeps the claims.
    with pytest.raises(jwt.ExpiredSignatureError):
        jwt.decode(token, key, algorithms=["RS256"])
    claims = jwt.decode(
        token,
        key,
        algorithms=["RS256"],
        options={"require": ["sub", "iss", "jti", "nbf", "exp"], "verify_exp": False},
    )
    valid_until = dt.datetime.fromisoformat(claims["validUntil"].replace("Z", "+00:00"))
    assert valid_until < dt.datetime.now(dt.UTC)
