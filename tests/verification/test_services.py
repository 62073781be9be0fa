import datetime
import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from certificates.models import Credential
from certificates.numbers import format_number
from verification.models import ApiKey, RosterEntry, VerificationEvent
from verification.results import NO_MATCH_MESSAGE, NO_NUMBER_MESSAGE, Verdict
from verification.services import (
    Channel,
    api_key_authenticate,
    api_key_create,
    api_key_revoke,
    credential_verify,
    credentials_verify,
    name_key,
    roster_add,
    roster_add_many,
    verifications_record,
)

from .conftest import mistype

pytestmark = pytest.mark.django_db


def verify(number, last_name=None, **kwargs):
    return credential_verify(number=number, last_name=last_name, channel=Channel.PAGE, **kwargs)


# ---------------------------------------------------------------- verdicts


def test_a_current_credential_is_valid_with_only_what_a_verifier_needs(credential):
    result = verify(credential.number)

    assert result.verdict is Verdict.VALID and result.found and result.is_valid
    assert result.number == credential.number
    assert result.holder_name == "Ada Okafor"
    assert result.programme == "Certified Peer Support Worker"
    assert result.issuer == credential.issuer.name
    assert result.issued_on == credential.issued_on
    assert result.expires_on == credential.expires_on
    assert result.explanation == "This credential is real and current."
    assert abs(result.checked_at - timezone.now()) < datetime.timedelta(seconds=5)
    assert not hasattr(result, "__dict__")  # slots: no room for anything else
    assert credential.holder.email not in repr(result)


def test_an_active_credential_past_its_date_is_expired(issue_credential):
    credential = issue_credential(expires_in_days=-1)

    result = verify(credential.number)

    assert result.verdict is Verdict.EXPIRED and result.found and not result.is_valid
    assert "expired" in result.explanation


def test_a_credential_expiring_today_is_still_valid(issue_credential):
    assert verify(issue_credential(expires_in_days=0).number).verdict is Verdict.VALID


def test_suspended_and_revoked_credentials(credential, issue_credential, change_status):
    other = issue_credential(last_name="Mensah")
    change_status(credential, "suspend")
    change_status(other, "revoke", reason="Misconduct")

    suspended, revoked = credentials_verify(
        checks=[(credential.number, None), (other.number, None)], channel=Channel.API
    )

    assert suspended.verdict is Verdict.SUSPENDED and suspended.found
    assert "suspended" in suspended.explanation
    assert revoked.verdict is Verdict.REVOKED and revoked.found
    assert "revoked" in revoked.explanation


def test_suspension_wins_over_expiry(issue_credential, change_status):
    credential = issue_credential(expires_in_days=-10)
    change_status(credential, "suspend")

    assert verify(credential.number).verdict is Verdict.SUSPENDED


def test_an_unknown_number_is_not_found_with_the_check_the_characters_message(unknown_number):
    result = verify(unknown_number)

    assert result.verdict is Verdict.NOT_FOUND and not result.found
    assert result.explanation == NO_NUMBER_MESSAGE
    assert result.number == unknown_number
    assert result.holder_name == "" and result.issued_on is None and result.credential_id is None


def test_a_mistyped_number_is_not_found_and_keeps_what_was_typed(credential):
    typo = mistype(credential.number)

    result = verify(typo)

    assert result.verdict is Verdict.NOT_FOUND
    assert result.number == typo


def test_numbers_are_read_as_people_type_them(credential):
    number = format_number("01ABCD10")
    Credential.objects.filter(pk=credential.pk).update(number=number)
    # Crockford's alphabet has no O, I or L: people typing them mean 0 and 1.
    lookalike = number.replace("0", "O").replace("1", "l")
    assert lookalike != number

    for typed in (
        number.replace("-", "").lower(),
        " ".join(number.split("-")),
        lookalike,
        lookalike.replace("l", "I"),
        f"  {number}  ",
        number.removeprefix("PP-"),
    ):
        result = verify(typed)
        assert result.verdict is Verdict.VALID, typed
        assert result.number == number


# ---------------------------------------------------------------- names


@pytest.mark.parametrize(
    "typed",
    [
        "Núñez-O'Brien",
        "núñez-o'brien",
        "NUNEZ-OBRIEN",
        "Nunez O\u2019Brien",  # a typographic apostrophe
        "nunezobrien",
        "  Núñez  O'Brien ",
    ],
)
def test_the_last_name_matches_ignoring_case_accents_hyphens_and_apostrophes(
    issue_credential, typed
):
    credential = issue_credential(first_name="Rosa", last_name="Núñez-O'Brien")

    result = verify(credential.number, typed)

    assert result.verdict is Verdict.VALID
    assert result.holder_name == "Rosa Núñez-O'Brien"


@pytest.mark.parametrize("typed", ["Nunez", "OBrien", "Núñez-O'Briens", "Rosa", "", "  ", "-'"])
def test_a_different_last_name_does_not_match(issue_credential, typed):
    credential = issue_credential(first_name="Rosa", last_name="Núñez-O'Brien")

    assert verify(credential.number, typed).verdict is Verdict.NOT_FOUND


def test_name_key():
    assert name_key("Ó Súilleabháin") == "osuilleabhain"
    assert name_key("Smith-Jones") == name_key("smith jones") == "smithjones"
    assert name_key("Straße") == name_key("STRASSE")
    assert name_key("-' ") == ""


def test_a_wrong_name_gets_exactly_the_answer_an_unknown_number_gets(
    credential, unknown_number, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        wrong_name = verify(credential.number, "Mensah")
    unknown = verify(unknown_number, "Mensah")

    assert wrong_name.verdict is unknown.verdict is Verdict.NOT_FOUND
    # Every field but the number typed is the same: nothing hints that the number exists.
    assert {
        field: getattr(wrong_name, field)
        for field in wrong_name.__slots__
        if field not in ("number", "checked_at")
    } == {
        field: getattr(unknown, field)
        for field in unknown.__slots__
        if field not in ("number", "checked_at")
    }
    assert wrong_name.credential_id is None
    assert wrong_name.explanation == unknown.explanation
    # And a miss is not recorded against the holder's credential.
    assert callbacks == []


# ---------------------------------------------------------------- many at once


def test_results_come_back_in_the_order_asked_one_per_pair(
    credential, issue_credential, unknown_number
):
    expired = issue_credential(last_name="Mensah", expires_in_days=-5)
    checks = [
        (unknown_number, None),
        (expired.number, None),
        (credential.number, "okafor"),
        (credential.number, "Wrong"),
        ("nonsense", None),
        (credential.number, None),
    ]

    results = credentials_verify(checks=checks, channel=Channel.CSV)

    assert [(r.number, r.verdict) for r in results] == [
        (unknown_number, Verdict.NOT_FOUND),
        (expired.number, Verdict.EXPIRED),
        (credential.number, Verdict.VALID),
        (credential.number, Verdict.NOT_FOUND),
        ("nonsense", Verdict.NOT_FOUND),
        (credential.number, Verdict.VALID),
    ]
    assert len({r.checked_at for r in results}) == 1


def test_many_numbers_take_one_query(issue_credential, django_assert_max_num_queries):
    credentials = [issue_credential(last_name=f"Holder{i}") for i in range(30)]
    checks = [(c.number, f"holder{i}") for i, c in enumerate(credentials)]
    checks += [(c.number, None) for c in credentials]

    with django_assert_max_num_queries(1):
        results = credentials_verify(checks=checks, channel=Channel.API)

    assert [r.verdict for r in results] == [Verdict.VALID] * 60


def test_numbers_that_cannot_exist_are_not_looked_up(django_assert_num_queries):
    with django_assert_num_queries(0):
        results = credentials_verify(checks=[("x", None), ("", "Okafor")], channel=Channel.API)

    assert [r.verdict for r in results] == [Verdict.NOT_FOUND] * 2


# ---------------------------------------------------------------- recording checks


def test_checks_are_recorded_only_after_commit(
    credential, issue_credential, clinic, unknown_number, django_capture_on_commit_callbacks
):
    other = issue_credential(last_name="Mensah")

    with django_capture_on_commit_callbacks() as callbacks:
        credentials_verify(
            checks=[(credential.number, None), (unknown_number, None), (other.number, None)],
            channel=Channel.API,
            organisation_id=clinic.pk,
        )
        assert not VerificationEvent.objects.exists()

    assert len(callbacks) == 1
    assert not VerificationEvent.objects.exists()  # still nothing: not committed yet
    callbacks[0]()

    events = VerificationEvent.objects.order_by("credential_id")
    assert [(e.credential_id, e.organisation_id, e.channel) for e in events] == sorted(
        [
            (credential.pk, clinic.pk, Channel.API),
            (other.pk, clinic.pk, Channel.API),
        ]
    )


def test_a_public_check_is_recorded_without_an_organisation(
    credential, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        result = verify(credential.number)

    event = VerificationEvent.objects.get()
    assert event.credential_id == credential.pk
    assert event.organisation is None
    assert event.channel == Channel.PAGE
    assert event.at == result.checked_at


def test_recording_twice_adds_nothing(credential, clinic, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        credentials_verify(
            checks=[(credential.number, None), (credential.number, "Okafor")],
            channel=Channel.ROSTER,
            organisation_id=clinic.pk,
        )
    (record,) = callbacks

    record()
    record()  # the worker died after writing and the task ran again

    assert VerificationEvent.objects.count() == 1


def test_the_task_body_is_idempotent_and_skips_deleted_credentials(credential):
    at = timezone.now().isoformat()
    kwargs = {
        "credential_ids": [credential.pk, credential.pk, 999_999],
        "channel": Channel.CSV,
        "organisation_id": None,
        "at": at,
    }

    assert verifications_record(**kwargs) == 1
    verifications_record(**kwargs)

    assert VerificationEvent.objects.count() == 1
    assert VerificationEvent.objects.get().at == datetime.datetime.fromisoformat(at)


def test_two_checks_at_different_times_are_two_events(
    credential, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        verify(credential.number)
        verify(credential.number)

    assert VerificationEvent.objects.filter(credential=credential).count() == 2


# ---------------------------------------------------------------- roster


def test_roster_add_puts_the_holder_on_the_roster_and_records_the_check(
    clinic, verifier, credential, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        entry = roster_add(
            organisation=clinic, number=credential.number, last_name="OKAFOR", added_by=verifier
        )

    assert entry.organisation == clinic
    assert entry.credential == credential
    assert entry.added_by == verifier
    event = VerificationEvent.objects.get()
    assert (event.organisation, event.channel) == (clinic, Channel.ROSTER)


@pytest.mark.parametrize(("number", "last_name"), [("", "Okafor"), (None, "  "), (" ", "")])
def test_roster_add_needs_both_number_and_name(clinic, verifier, credential, number, last_name):
    with pytest.raises(ValidationError, match="Enter both"):
        roster_add(
            organisation=clinic,
            number=credential.number if number is None else number,
            last_name=last_name,
            added_by=verifier,
        )

    assert not RosterEntry.objects.exists()


def test_roster_add_refuses_a_wrong_name_and_an_unknown_number_alike(
    clinic, verifier, credential, unknown_number
):
    messages = []
    for number, last_name in [
        (credential.number, "Mensah"),
        (unknown_number, "Okafor"),
        (mistype(credential.number), "Okafor"),
    ]:
        with pytest.raises(ValidationError) as raised:
            roster_add(organisation=clinic, number=number, last_name=last_name, added_by=verifier)
        messages.append(raised.value.messages)

    assert messages == [[NO_MATCH_MESSAGE]] * 3
    assert not RosterEntry.objects.exists()


def test_roster_add_twice_says_who_is_already_there(clinic, verifier, roster_entry, credential):
    with pytest.raises(ValidationError) as raised:
        roster_add(
            organisation=clinic, number=credential.number, last_name="okafor", added_by=verifier
        )

    assert raised.value.messages == [f"Ada Okafor ({credential.number}) is already on your roster."]
    assert RosterEntry.objects.count() == 1


def test_the_same_worker_may_be_on_two_clinics_rosters(
    roster_entry, credential, other_clinic, other_verifier
):
    roster_add(
        organisation=other_clinic,
        number=credential.number,
        last_name="Okafor",
        added_by=other_verifier,
    )

    assert set(RosterEntry.objects.values_list("organisation_id", flat=True)) == {
        roster_entry.organisation_id,
        other_clinic.pk,
    }


def test_roster_add_many_counts_only_new_entries(
    clinic, verifier, roster_entry, credential, issue_credential
):
    other = issue_credential(last_name="Mensah")

    added = roster_add_many(
        organisation=clinic,
        credential_ids=[credential.pk, other.pk, other.pk],
        added_by=verifier,
    )

    assert added == 1
    assert set(RosterEntry.objects.values_list("credential_id", flat=True)) == {
        credential.pk,
        other.pk,
    }


# ---------------------------------------------------------------- API keys


def test_api_key_create_keeps_only_a_hash(clinic, verifier):
    api_key, secret = api_key_create(organisation=clinic, name="  HR system ", created_by=verifier)

    api_key.refresh_from_db()
    assert secret.startswith("ppk_") and len(secret) > 40
    assert api_key.name == "HR system"
    assert api_key.organisation == clinic and api_key.created_by == verifier
    assert api_key.key_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert api_key.hint == secret[:8] and api_key.hint.startswith("ppk_")
    stored = [str(value) for value in ApiKey.objects.values().get().values()]
    assert secret not in stored
    assert not api_key.is_revoked


def test_each_key_is_different(clinic, verifier):
    _, first = api_key_create(organisation=clinic, name="One", created_by=verifier)
    _, second = api_key_create(organisation=clinic, name="Two", created_by=verifier)

    assert first != second
    assert ApiKey.objects.values("key_hash").distinct().count() == 2


@pytest.mark.parametrize(
    ("name", "message"), [("   ", "Name the key"), ("x" * 101, "under 100 characters")]
)
def test_api_key_create_needs_a_sensible_name(clinic, verifier, name, message):
    with pytest.raises(ValidationError, match=message):
        api_key_create(organisation=clinic, name=name, created_by=verifier)

    assert not ApiKey.objects.exists()


def test_api_key_authenticate(api_key, api_secret):
    assert api_key_authenticate(secret=api_secret) == api_key
    assert api_key_authenticate(secret=api_secret + "x") is None
    assert api_key_authenticate(secret=api_secret[:-1]) is None
    assert api_key_authenticate(secret="") is None


def test_a_secret_without_the_prefix_is_refused_without_a_query(
    api_secret, django_assert_num_queries
):
    with django_assert_num_queries(0):
        assert api_key_authenticate(secret=api_secret.removeprefix("ppk_")) is None


def test_a_revoked_key_stops_working_and_revoking_twice_keeps_the_first_time(api_key, api_secret):
    api_key_revoke(api_key=api_key)
    first = api_key.revoked_at

    api_key_revoke(api_key=ApiKey.objects.get(pk=api_key.pk))

    assert first is not None and api_key.is_revoked
    assert ApiKey.objects.get(pk=api_key.pk).revoked_at == first
    assert api_key_authenticate(secret=api_secret) is None


def test_last_used_is_written_at_most_once_a_minute(
    api_key, api_secret, django_assert_num_queries, monkeypatch
):
    assert api_key.last_used_at is None

    with django_assert_num_queries(2):  # look up, then note the use
        api_key_authenticate(secret=api_secret)
    first_use = ApiKey.objects.get(pk=api_key.pk).last_used_at
    with django_assert_num_queries(0):  # remembered in the cache, use noted a moment ago
        assert api_key_authenticate(secret=api_secret) == api_key

    assert first_use is not None
    assert ApiKey.objects.get(pk=api_key.pk).last_used_at == first_use
    later = first_use + datetime.timedelta(minutes=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    with django_assert_num_queries(1):  # only the note of the use
        api_key_authenticate(secret=api_secret)
    assert ApiKey.objects.get(pk=api_key.pk).last_used_at == later


def test_a_cached_key_stops_working_the_moment_it_is_revoked(api_key, api_secret):
    assert api_key_authenticate(secret=api_secret) == api_key  # now in the cache

    api_key_revoke(api_key=api_key)

    assert api_key_authenticate(secret=api_secret) is None
