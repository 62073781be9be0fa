"""Shared fixtures for the verification app: credentials, clinics, roster entries, API keys."""

import types

import pytest

from certificates.models import Credential
from certificates.numbers import ALPHABET, format_number
from certificates.services import credential_change_status
from core import ratelimit
from organisations.roles import Role
from tests.factories import ClinicFactory
from verification.models import RosterEntry
from verification.services import api_key_create, roster_add


def mistype(number: str) -> str:
    """The number with its check character changed: what a slip of the finger gives."""
    last = number[-1]
    return number[:-1] + next(c for c in ALPHABET if c != last)


def free_number() -> str:
    """A well-formed number (valid check character) that no credential has."""
    for payload in ("ZZZZZZZZ", "YYYYYYYY", "XXXXXXXX"):
        number = format_number(payload)
        if not Credential.objects.filter(number=number).exists():
            return number
    raise AssertionError("every spare number is taken")


@pytest.fixture
def credential(issue_credential):
    """Ada Okafor's valid credential, expiring in a year."""
    return issue_credential(first_name="Ada", last_name="Okafor")


@pytest.fixture
def unknown_number(db):
    return free_number()


@pytest.fixture
def mfa_coordinator(coordinator, with_totp):
    """A coordinator of the issuing provider with TOTP: allowed to change credentials."""
    with_totp(coordinator)
    return coordinator


@pytest.fixture
def change_status(mfa_coordinator):
    """change_status(credential, "suspend" | "reinstate" | "revoke") through the real service."""

    def change(
        credential: Credential, action: str, reason: str = "Under review", public_reason: str = ""
    ) -> Credential:
        changed = credential_change_status(
            actor=mfa_coordinator,
            credential_id=credential.pk,
            action=action,
            reason=reason,
            public_reason=public_reason,
            confirm_number=credential.number,
        )
        credential.refresh_from_db()
        return changed

    return change


@pytest.fixture
def roster_entry(clinic, verifier, credential) -> RosterEntry:
    return roster_add(
        organisation=clinic, number=credential.number, last_name="Okafor", added_by=verifier
    )


@pytest.fixture
def api_key_and_secret(clinic, verifier):
    return api_key_create(organisation=clinic, name="HR system", created_by=verifier)


@pytest.fixture
def api_key(api_key_and_secret):
    return api_key_and_secret[0]


@pytest.fixture
def api_secret(api_key_and_secret):
    return api_key_and_secret[1]


@pytest.fixture
def other_clinic(db):
    return ClinicFactory(name="Harbour Clinic")


@pytest.fixture
def other_verifier(make_member, other_clinic):
    return make_member(Role.VERIFIER, organisation=other_clinic)


FROZEN_NOW = 1_800_000_010.0  # 10 s into a minute (and into an hour's 10th second)


@pytest.fixture
def frozen_ratelimit_clock(monkeypatch):
    """Rate-limit windows at a fixed instant, so a window never ends halfway through a test."""
    monkeypatch.setattr(ratelimit, "time", types.SimpleNamespace(time=lambda: FROZEN_NOW))
    return FROZEN_NOW
