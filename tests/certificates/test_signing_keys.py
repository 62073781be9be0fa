"""RS256 signing keys: rotation, every key kept published, ids that survive a move, and
production refusing to start without a key or with a public address nobody can reach.

Verification uses PyJWT with the one JWK a ``kid`` dereferences to, as a verifier would.
"""

import os
import stat
import subprocess
import sys
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

import jwt
import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.test import Client

from certificates import checks, openbadges, signing, statuslist
from certificates.models import CredentialSignature, SigningKey
from core.checks import check_public_address, public_address_problem

pytestmark = pytest.mark.django_db

CLAIMS = ["sub", "iss", "jti", "nbf", "exp"]


@pytest.fixture
def keys_dir(settings, tmp_path):
    """A directory of its own: rotations here leave the session's keys alone."""
    directory = tmp_path / "keys"
    directory.mkdir(mode=0o700)
    settings.SIGNING_KEYS_DIR = str(directory)
    return directory


def download_jwt(credential) -> str:
    client = Client()
    client.force_login(credential.holder)
    response = client.get(f"/credentials/{credential.number}/credential.jwt")
    assert response.status_code == 200
    return response.content.decode()


def verify_with_kid(token: str) -> dict:
    """PyJWT with the one JWK that the kid's thumbprint names at the site's address."""
    kid = jwt.get_unverified_header(token)["kid"]
    response = Client().get(f"/.well-known/keys/{kid.rsplit('/', 1)[-1]}")
    assert response.status_code == 200, kid
    return jwt.decode(
        token, jwt.PyJWK(response.json()), algorithms=["RS256"], options={"require": CLAIMS}
    )


def rotate() -> str:
    out = StringIO()
    call_command("rotate_signing_key", stdout=out)
    return out.getvalue()


def verify_command(path: Path) -> str:
    out = StringIO()
    call_command("verify_credential", str(path), stdout=out, stderr=StringIO())
    return out.getvalue()


def test_after_a_rotation_old_files_verify_and_new_ones_use_the_new_key(
    credential, keys_dir, tmp_path
):
    old_token = download_jwt(credential)
    old_kid = jwt.get_unverified_header(old_token)["kid"]

    out = rotate()

    new_key = SigningKey.objects.current().get()
    assert f"New signing key {new_key.kid} is current" in out
    assert "Retired" in out and "still published" in out
    new_token = download_jwt(credential)
    new_kid = jwt.get_unverified_header(new_token)["kid"]
    assert new_kid != old_kid and new_kid == openbadges.key_url(new_key.kid)
    # Both verify, each with its own key; the old one is still served and in the JWKS.
    assert verify_with_kid(old_token)["jti"] == verify_with_kid(new_token)["jti"]
    served = [key["kid"] for key in Client().get("/.well-known/jwks.json").json()["keys"]]
    assert served == [new_kid, old_kid]  # current first
    old_file = tmp_path / "old.jwt"
    old_file.write_text(old_token)
    assert verify_command(old_file).startswith(f"Signature OK:  RS256, key {old_kid}")
    # Which key signed what is recorded, for as long as the credential runs.
    signed_by = set(
        CredentialSignature.objects.filter(credential=credential).values_list("key__kid", flat=True)
    )
    assert signed_by == {old_kid.rsplit("/", 1)[1].removesuffix(".json"), new_key.kid}
    # The status list is signed by the new key.
    list_token = Client().get("/credentials/status/revocation.jwt").content.decode()
    assert jwt.get_unverified_header(list_token)["kid"] == new_kid


def test_a_retired_key_stays_published_without_its_private_half(credential, keys_dir, tmp_path):
    old_token = download_jwt(credential)
    old = SigningKey.objects.current().get()
    rotate()

    signing.pem_path(old.kid).unlink()

    old.refresh_from_db()
    assert old.retired_at is not None
    assert verify_with_kid(old_token)["credentialSubject"]["licenseNumber"] == credential.number
    assert verify_with_kid(download_jwt(credential))  # the current key still signs


def test_private_keys_are_owner_only_files_named_by_their_thumbprint(keys_dir):
    rotate()
    rotate()

    keys = list(SigningKey.objects.all())
    assert len(keys) == 2 and sum(key.retired_at is None for key in keys) == 1
    for key in keys:
        path = keys_dir / f"{key.kid}.pem"
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert signing.private_key(key).thumbprint() == key.kid
        assert "d" not in key.public_jwk and set(key.public_jwk) == {"kty", "n", "e"}
    assert sorted(p.name for p in keys_dir.iterdir()) == sorted(f"{k.kid}.pem" for k in keys)


def test_a_short_key_is_refused(keys_dir):
    with pytest.raises(CommandError, match="at least 2048"):
        call_command("rotate_signing_key", "--bits", "1024", stdout=StringIO())

    assert not SigningKey.objects.exists()
    assert list(keys_dir.iterdir()) == []


def test_a_pem_that_is_not_its_keys_is_refused(keys_dir):
    key = signing.current()
    other = keys_dir / "other.pem"
    other.write_bytes(signing.RSAKey.generate_key(2048, private=True).as_pem(private=True))
    os.replace(other, signing.pem_path(key.kid))

    with pytest.raises(ImproperlyConfigured, match="holds another key"):
        signing.private_key(key)


def test_the_kid_follows_from_the_key_not_the_address(credential, settings, tmp_path):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    token = download_jwt(credential)
    key = SigningKey.objects.current().get()

    settings.WAGTAILADMIN_BASE_URL = "https://peerpath.example.org"

    assert SigningKey.objects.current().get().kid == key.kid
    moved_kid = jwt.get_unverified_header(download_jwt(credential))["kid"]
    assert moved_kid == f"https://peerpath.example.org/.well-known/keys/{key.kid}.json"
    assert openbadges.jwks()["keys"][0]["kid"] == moved_kid
    # The file downloaded at the old address still verifies, by PyJWT and the command.
    assert verify_with_kid(token)["jti"].startswith("urn:uuid:")
    path = tmp_path / "before-the-move.jwt"
    path.write_text(token)
    assert verify_command(path).startswith("Signature OK:  RS256, key http://127.0.0.1:8000/")


def test_a_status_list_records_its_key(credential):
    statuslist.status_list_jwt("revocation")

    key = SigningKey.objects.current().get()
    assert key.last_signed_at is not None


def test_production_signs_only_with_a_key_made_for_it(settings, keys_dir):
    existing = signing.RSAKey.generate_key(2048, private=True)
    (keys_dir / f"{existing.thumbprint()}.pem").write_bytes(existing.as_pem(private=True))
    (keys_dir / "notes.pem").write_text("not a key")
    settings.PEERPATH_ENV = "production"
    with pytest.raises(ImproperlyConfigured, match="rotate_signing_key"):
        signing.current()
    assert not SigningKey.objects.exists()

    # Development adopts the key already in the directory rather than making one.
    settings.PEERPATH_ENV = "dev"
    adopted = signing.current()
    assert adopted.kid == existing.thumbprint()
    assert len(list(keys_dir.iterdir())) == 2
    settings.PEERPATH_ENV = "production"
    assert signing.current() == adopted
    assert jwt.get_unverified_header(openbadges.sign({"iss": "x"}))["kid"].endswith(
        f"/{existing.thumbprint()}.json"
    )


def test_production_refuses_a_missing_private_key(settings, keys_dir):
    key = signing.current()
    settings.PEERPATH_ENV = "production"
    signing.pem_path(key.kid).unlink()

    with pytest.raises(ImproperlyConfigured, match=f"private half of signing key {key.kid}"):
        openbadges.sign({"iss": "x"})
    assert [e.id for e in checks.check_current_signing_key(databases=["default"])] == [
        "certificates.E005"
    ]


# Production checks ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "",
        "http://peerpath.example.org",
        "https://localhost",
        "https://localhost:8443",
        "https://app.localhost",
        "https://127.0.0.1",
        "https://127.0.0.2:8000",
        "https://[::1]",
        "https://0.0.0.0",
        "https://",
        "https://peerpath.example.org:port",
    ],
)
def test_production_refuses_a_public_address_nobody_can_reach(settings, url):
    settings.PEERPATH_ENV = "production"
    settings.WAGTAILADMIN_BASE_URL = url

    (error,) = check_public_address()

    assert error.id == "core.E010"
    assert "WAGTAILADMIN_BASE_URL" in error.msg and "https://" in error.hint


@pytest.mark.parametrize(
    "url", ["https://peerpath.example.org", "https://peerpath.example.org/", "https://203.0.113.7"]
)
def test_an_https_address_of_a_real_host_passes(settings, url):
    settings.PEERPATH_ENV = "production"
    settings.WAGTAILADMIN_BASE_URL = url

    assert public_address_problem(url) == ""
    assert check_public_address() == []


def test_outside_production_any_address_does(settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8101"

    assert check_public_address() == []
    assert checks.check_signing_keys_dir() == []


def test_production_refuses_to_start_without_a_keys_directory(settings, tmp_path):
    settings.PEERPATH_ENV = "production"

    settings.SIGNING_KEYS_DIR = ""
    assert [e.id for e in checks.check_signing_keys_dir()] == ["certificates.E001"]
    settings.SIGNING_KEYS_DIR = str(tmp_path / "missing")
    assert [e.id for e in checks.check_signing_keys_dir()] == ["certificates.E002"]
    tmp_path.chmod(0o755)
    settings.SIGNING_KEYS_DIR = str(tmp_path)
    assert [e.id for e in checks.check_signing_keys_dir()] == ["certificates.W003"]
    tmp_path.chmod(0o700)
    assert checks.check_signing_keys_dir() == []


def test_production_refuses_to_start_without_a_current_key(settings, keys_dir):
    settings.PEERPATH_ENV = "production"

    assert [e.id for e in checks.check_current_signing_key(databases=["default"])] == [
        "certificates.E004"
    ]
    assert checks.check_current_signing_key(databases=None) == []  # not a database check run
    rotate()
    assert checks.check_current_signing_key(databases=["default"]) == []


def test_check_deploy_passes_as_ci_runs_it(tmp_path):
    """The Makefile's `check --deploy` line: production settings, a dummy secret, an
    https address and an empty keys directory pass; an http address does not."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "WAGTAILADMIN_", "SIGNING_"))
    }
    environment |= {
        "SECRET_KEY": "ci-only-dummy-secret-key-for-check-deploy-" + "0123456789abcdef" * 3,
        "SIGNING_KEYS_DIR": str(tmp_path),
        "WAGTAILADMIN_BASE_URL": "https://peerpath.example.org",
    }
    command = [
        sys.executable,
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        "--settings=cms.settings.production",
    ]
    passed = subprocess.run(
        command, cwd=django_settings.BASE_DIR, env=environment, capture_output=True, text=True
    )
    assert passed.returncode == 0, passed.stderr

    environment["WAGTAILADMIN_BASE_URL"] = "http://127.0.0.1:8000"
    refused = subprocess.run(
        command, cwd=django_settings.BASE_DIR, env=environment, capture_output=True, text=True
    )
    assert refused.returncode == 1
    assert "core.E010" in refused.stderr and "is not an https:// address" in refused.stderr


def test_make_run_serves_and_publishes_the_same_port():
    """`make run PORT=8101`: QR codes, badges and the printed API example say 8101."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"WAGTAILADMIN_BASE_URL", "HOST", "PORT"}
    }
    dry_run = subprocess.run(
        ["make", "--dry-run", "--always-make", "run", "PORT=8101"],
        cwd=django_settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
    )

    lines = dry_run.stdout.splitlines()
    assert any(
        "WAGTAILADMIN_BASE_URL=http://127.0.0.1:8101" in line and "seed_demo" in line
        for line in lines
    )
    assert any(
        "WAGTAILADMIN_BASE_URL=http://127.0.0.1:8101" in line and "runserver 127.0.0.1:8101" in line
        for line in lines
    )


def test_the_kid_url_serves_exactly_one_key(credential):
    token = download_jwt(credential)
    kid = jwt.get_unverified_header(token)["kid"]

    response = Client().get(urlsplit(kid).path)

    assert response.status_code == 200
    assert "keys" not in response.json() and response.json()["kid"] == kid


def test_production_without_keys_publishes_an_empty_set_and_says_so(settings, keys_dir, tmp_path):
    settings.PEERPATH_ENV = "production"

    response = Client().get("/.well-known/jwks.json")

    assert response.status_code == 200 and response.json() == {"keys": []}
    token = tmp_path / "credential.jwt"
    token.write_text("a.b.c")
    with pytest.raises(CommandError, match=r"no signing key.*--jwks"):
        verify_command(token)
