import csv
import datetime
import io
import re

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from certificates.models import Credential
from certificates.services import credential_create
from courses.models import Reflection
from courses.services import reflection_save
from organisations.roles import Role
from organisations.services import membership_grant
from practice.models import LogEntry
from tests.builders import lessons_of
from verification.models import ApiKey, BulkCheck, RosterEntry, VerificationEvent
from verification.results import NO_MATCH_MESSAGE, NO_NUMBER_MESSAGE
from verification.services import (
    Channel,
    api_key_authenticate,
    bulk_check_run,
    credential_verify,
)

from .conftest import mistype

pytestmark = pytest.mark.django_db

REFLECTION = "The night my brother relapsed I sat with him until the ambulance came."
PRACTICE_NOTE = "Walked with a member who disclosed a recent overdose; agreed a safety plan."


def page(number: str) -> str:
    return reverse("verification:verify", args=[number])


def html_of(response) -> str:
    return response.content.decode()


def without_csrf(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def never_cached(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        "no-store" in cache_control
        and "no-cache" in cache_control
        and "public" not in (cache_control)
    )


# ---------------------------------------------------------------- the public page


@pytest.fixture
def private_holder_credential(trainee, practice_programme, practice_enrollment, log_entry):
    """A credential whose holder has written a reflection and a practice log note."""
    lesson = lessons_of(practice_programme)[0]
    reflection_save(trainee=trainee, lesson=lesson, block_id="reflect-1", text=REFLECTION)
    log_entry(reflection=PRACTICE_NOTE)
    today = timezone.localdate()
    return credential_create(
        holder=trainee,
        enrollment=practice_enrollment,
        programme=practice_programme,
        issuer=practice_programme.organisation,
        issued_on=today - datetime.timedelta(days=30),
        expires_on=today + datetime.timedelta(days=700),
        achievement={
            "holder_name": trainee.get_full_name(),
            "programme": practice_programme.title,
            "issuer": practice_programme.organisation.name,
        },
    )


def test_the_public_page_says_valid_with_the_facts_and_nothing_private(
    client, private_holder_credential, trainee
):
    credential = private_holder_credential
    # The private texts exist, so their absence from the page means something.
    assert Reflection.objects.filter(trainee=trainee, text=REFLECTION).exists()
    assert LogEntry.objects.filter(enrollment__trainee=trainee, reflection=PRACTICE_NOTE).exists()

    response = client.get(page(credential.number))

    html = html_of(response)
    assert response.status_code == 200
    assert 'data-status="VALID"' in html
    assert "This credential is real and current." in html
    assert trainee.get_full_name() in html
    assert credential.achievement["programme"] in html
    assert credential.issuer.name in html
    assert credential.number in html
    assert f"{credential.issued_on:%B %-d, %Y}" in html
    assert f"{credential.expires_on:%B %-d, %Y}" in html
    assert "<time datetime=" in html
    assert trainee.email not in html
    assert REFLECTION not in html
    assert PRACTICE_NOTE not in html


def test_a_suspension_reason_is_not_shown_to_the_public(client, credential, change_status):
    change_status(credential, "suspend", reason="Complaint from a member about a boundary")

    html = html_of(client.get(page(credential.number)))

    assert 'data-status="SUSPENDED"' in html
    assert "until the issuer reinstates it" in html
    assert "Complaint from a member" not in html
    assert credential.holder.email not in html


@pytest.mark.parametrize(
    ("action", "status", "words"),
    [("suspend", "SUSPENDED", "suspended"), ("revoke", "REVOKED", "has been revoked")],
)
def test_suspended_and_revoked_pages(client, credential, change_status, action, status, words):
    change_status(credential, action)

    response = client.get(page(credential.number))

    assert response.status_code == 200
    assert f'data-status="{status}"' in html_of(response)
    assert words in html_of(response)
    assert "Ada Okafor" in html_of(response)


def test_a_revoked_page_shows_the_date_and_never_a_valid_until(client, credential, change_status):
    change_status(credential, "revoke")
    credential.refresh_from_db()
    changed_on = f"{timezone.localtime(credential.status_changed_at):%B %-d, %Y}"

    html = " ".join(html_of(client.get(page(credential.number))).split())

    assert f"<dt>Revoked on</dt><dd>{changed_on}</dd>" in html
    assert "Valid until" not in html
    assert f"{credential.expires_on:%B %-d, %Y}" not in html


def test_a_suspended_page_shows_the_date_and_the_expiry_only_if_reinstated(
    client, credential, change_status
):
    change_status(credential, "suspend")
    credential.refresh_from_db()
    changed_on = f"{timezone.localtime(credential.status_changed_at):%B %-d, %Y}"

    html = " ".join(html_of(client.get(page(credential.number))).split())

    assert f"<dt>Suspended on</dt><dd>{changed_on}</dd>" in html
    assert "Valid until" not in html
    assert (
        f"<dt>Would run until, if reinstated</dt><dd>{credential.expires_on:%B %-d, %Y}</dd>"
    ) in html


def test_an_expired_page(client, issue_credential):
    credential = issue_credential(expires_in_days=-1)

    response = client.get(page(credential.number))

    assert response.status_code == 200
    assert 'data-status="EXPIRED"' in html_of(response)
    assert "needs to renew it" in html_of(response)


def test_a_mistyped_number_says_check_the_characters(client, credential):
    response = client.get(page(mistype(credential.number)))

    assert response.status_code == 404
    assert NO_NUMBER_MESSAGE in html_of(response)
    assert "Ada Okafor" not in html_of(response)
    assert "data-status" not in html_of(response)


def test_an_unknown_number_gets_the_same_answer_as_a_mistyped_one(
    client, credential, unknown_number
):
    unknown = client.get(page(unknown_number))
    mistyped = client.get(page(mistype(credential.number)))

    assert unknown.status_code == mistyped.status_code == 404
    assert html_of(unknown).replace(unknown_number, "N") == html_of(mistyped).replace(
        mistype(credential.number), "N"
    )


def test_a_number_typed_loosely_still_opens_the_credential(client, credential):
    response = client.get(page(credential.number.replace("-", "").lower()))

    assert response.status_code == 200
    assert 'data-status="VALID"' in html_of(response)


def test_a_public_check_is_recorded_as_the_public(
    client, credential, unknown_number, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.get(page(credential.number))
        client.get(page(unknown_number))

    event = VerificationEvent.objects.get()
    assert (event.credential, event.organisation, event.channel) == (credential, None, "page")


# ---------------------------------------------------------------- cache headers


def test_an_anonymous_valid_answer_may_be_cached_briefly_by_a_proxy(client, credential):
    response = client.get(page(credential.number))

    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    cache_control = response["Cache-Control"]
    assert "public" in directives
    # Shared caches (a CDN, a proxy) for 30 s; the browser asks again on every reload.
    assert {"s-maxage=30", "max-age=0"} <= directives
    assert "private" not in cache_control and "no-store" not in cache_control
    assert not response.cookies  # nothing personal for a proxy to hand to others
    assert "Set-Cookie" not in response
    # A signed-in visitor's request (with a session cookie) is not answered from that copy.
    assert "Cookie" in response["Vary"]


def test_the_cache_time_follows_the_setting(client, credential, settings):
    settings.VERIFICATION_CACHE_SECONDS = 5

    assert "s-maxage=5" in client.get(page(credential.number))["Cache-Control"]


@pytest.mark.parametrize("action", ["suspend", "revoke"])
def test_suspended_and_revoked_answers_are_never_cached(client, credential, change_status, action):
    change_status(credential, action)

    assert never_cached(client.get(page(credential.number)))


def test_expired_and_unknown_answers_are_never_cached(client, issue_credential, unknown_number):
    expired = issue_credential(expires_in_days=-1)

    assert never_cached(client.get(page(expired.number)))
    assert never_cached(client.get(page(unknown_number)))


def test_a_signed_in_users_page_is_never_cached(client, credential, verifier):
    client.force_login(verifier)

    response = client.get(page(credential.number))

    assert 'data-status="VALID"' in html_of(response)
    assert never_cached(response)


def test_the_lookup_form_is_never_cached(client, credential):
    assert never_cached(client.get(reverse("verification:lookup")))
    assert never_cached(
        client.post(
            reverse("verification:lookup"), {"number": credential.number, "last_name": "Okafor"}
        )
    )


# ---------------------------------------------------------------- rate limits


def test_public_lookups_are_rate_limited_per_address(
    client, credential, settings, frozen_ratelimit_clock, django_capture_on_commit_callbacks
):
    settings.VERIFICATION_PUBLIC_RATE_LIMIT = "3/m"
    url = page(credential.number)

    with django_capture_on_commit_callbacks(execute=True):
        allowed = [client.get(url).status_code for _ in range(3)]
        refused = client.get(url)

    assert allowed == [200, 200, 200]
    assert refused.status_code == 429
    assert refused["Retry-After"] == "50"  # the frozen clock is 10 s into its minute
    assert "Wait 50 seconds" in html_of(refused)
    assert "Ada Okafor" not in html_of(refused)
    assert never_cached(refused)
    assert VerificationEvent.objects.count() == 3  # the refused check is not recorded
    # Another address has its own allowance.
    assert client.get(url, REMOTE_ADDR="203.0.113.9").status_code == 200


def test_the_lookup_form_shares_the_limit(client, credential, settings, frozen_ratelimit_clock):
    settings.VERIFICATION_PUBLIC_RATE_LIMIT = "2/m"
    data = {"number": credential.number, "last_name": "Okafor"}

    client.get(page(credential.number))
    assert client.post(reverse("verification:lookup"), data).status_code == 200
    refused = client.post(reverse("verification:lookup"), data)

    assert refused.status_code == 429
    assert refused["Retry-After"] == "50"
    assert "Ada Okafor" not in html_of(refused)


# ---------------------------------------------------------------- lookup by number and name


def test_the_lookup_form(client):
    response = client.get(reverse("verification:lookup"))

    assert response.status_code == 200
    assert 'name="number"' in html_of(response) and 'name="last_name"' in html_of(response)


def test_lookup_with_the_right_name_shows_the_credential(client, credential):
    response = client.post(
        reverse("verification:lookup"), {"number": credential.number, "last_name": "OKAFOR"}
    )

    assert response.status_code == 200
    assert 'data-status="VALID"' in html_of(response)
    assert "Ada Okafor" in html_of(response)
    assert credential.holder.email not in html_of(response)


def test_a_wrong_name_and_an_unknown_number_look_exactly_alike(client, credential, unknown_number):
    typed = {"number": credential.number, "last_name": "Mensah"}
    wrong_name = client.post(reverse("verification:lookup"), typed)
    # The same typing, once the number belongs to nobody.
    Credential.objects.filter(pk=credential.pk).update(number=unknown_number)
    no_such_number = client.post(reverse("verification:lookup"), typed)

    assert wrong_name.status_code == no_such_number.status_code == 404
    assert NO_MATCH_MESSAGE in html_of(wrong_name)
    assert "Ada Okafor" not in html_of(wrong_name)
    assert without_csrf(html_of(wrong_name)) == without_csrf(html_of(no_such_number))
    # Expires is the time of the response (never cached), to the second.
    assert {k: v for k, v in wrong_name.items() if k not in {"Set-Cookie", "Expires"}} == {
        k: v for k, v in no_such_number.items() if k not in {"Set-Cookie", "Expires"}
    }


def test_a_wrong_name_and_another_unknown_number_differ_only_in_what_was_typed(
    client, credential, unknown_number
):
    wrong_name = client.post(
        reverse("verification:lookup"), {"number": credential.number, "last_name": "Mensah"}
    )
    unknown = client.post(
        reverse("verification:lookup"), {"number": unknown_number, "last_name": "Mensah"}
    )

    assert wrong_name.status_code == unknown.status_code == 404
    assert without_csrf(html_of(wrong_name)).replace(credential.number, "N") == without_csrf(
        html_of(unknown)
    ).replace(unknown_number, "N")


def test_a_mistyped_number_in_the_lookup_is_caught_by_its_check_character(client, credential):
    response = client.post(
        reverse("verification:lookup"),
        {"number": mistype(credential.number), "last_name": "Okafor"},
    )

    assert response.status_code == 400
    assert NO_NUMBER_MESSAGE in html_of(response)
    assert NO_MATCH_MESSAGE not in html_of(response)
    assert not VerificationEvent.objects.exists()


def test_a_lookup_with_a_field_missing_asks_for_it(client):
    response = client.post(reverse("verification:lookup"), {"number": "PP-1234"})

    assert response.status_code == 400
    assert "This field is required." in html_of(response)
    assert NO_MATCH_MESSAGE not in html_of(response)


# ---------------------------------------------------------------- the holder's checks


def test_the_holder_sees_who_checked(
    client, credential, clinic, roster_entry, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        credential_verify(number=credential.number, channel=Channel.PAGE)
        credential_verify(number=credential.number, channel=Channel.API, organisation_id=clinic.pk)
    client.force_login(credential.holder)

    response = client.get(reverse("verification:holder_checks", args=[credential.number]))

    html = html_of(response)
    assert response.status_code == 200
    assert html.count("data-check") == 2
    assert "A member of the public" in html
    assert clinic.name in html
    assert "Verification page" in html and "API" in html
    assert "Clinics that keep you on their roster" in html


def test_a_holder_without_checks_is_told_so(client, credential):
    client.force_login(credential.holder)

    html = html_of(client.get(reverse("verification:holder_checks", args=[credential.number])))

    assert "Nobody has checked this credential yet." in html
    assert "Clinics that keep you on their roster" not in html


def test_nobody_else_sees_a_holders_checks(client, credential, issue_credential, verifier):
    url = reverse("verification:holder_checks", args=[credential.number])
    someone_else = issue_credential(last_name="Mensah").holder

    assert client.get(url).status_code == 302  # to the login page
    client.force_login(someone_else)
    assert client.get(url).status_code == 404
    client.force_login(verifier)
    assert client.get(url).status_code == 404
    client.force_login(credential.holder)
    assert client.get(url).status_code == 200


# ---------------------------------------------------------------- clinic pages: who may see them


def clinic_urls(clinic, entry, check, key) -> list[tuple[str, str]]:
    return [
        ("get", reverse("verification:roster", args=[clinic.pk])),
        ("get", reverse("verification:roster_csv", args=[clinic.pk])),
        ("post", reverse("verification:roster_remove", args=[clinic.pk, entry.pk])),
        ("get", reverse("verification:bulk_check", args=[clinic.pk])),
        ("get", reverse("verification:bulk_check_detail", args=[clinic.pk, check.pk])),
        ("get", reverse("verification:bulk_check_csv", args=[clinic.pk, check.pk])),
        ("get", reverse("verification:api_keys", args=[clinic.pk])),
        ("post", reverse("verification:api_key_revoke", args=[clinic.pk, key.pk])),
    ]


@pytest.fixture
def bulk_check(clinic, verifier, credential):
    return bulk_check_run(
        organisation=clinic,
        upload=SimpleUploadedFile(
            "staff.csv", f"credential_number,last_name\n{credential.number},Okafor\n".encode()
        ),
        created_by=verifier,
        add_to_roster=False,
    )


def test_another_clinics_verifier_gets_404_everywhere(
    client, clinic, roster_entry, bulk_check, api_key, api_secret, other_verifier
):
    client.force_login(other_verifier)

    for method, url in clinic_urls(clinic, roster_entry, bulk_check, api_key):
        assert getattr(client, method)(url).status_code == 404, url

    assert RosterEntry.objects.filter(pk=roster_entry.pk).exists()
    assert api_key_authenticate(secret=api_secret) == api_key


def test_another_clinics_objects_are_404_under_ones_own_clinic(
    client, roster_entry, bulk_check, api_key, api_secret, other_clinic, other_verifier
):
    client.force_login(other_verifier)
    mine = other_clinic.pk
    urls = [
        ("post", reverse("verification:roster_remove", args=[mine, roster_entry.pk])),
        ("get", reverse("verification:bulk_check_detail", args=[mine, bulk_check.pk])),
        ("get", reverse("verification:bulk_check_csv", args=[mine, bulk_check.pk])),
        ("post", reverse("verification:api_key_revoke", args=[mine, api_key.pk])),
    ]

    for method, url in urls:
        assert getattr(client, method)(url).status_code == 404, url

    assert RosterEntry.objects.filter(pk=roster_entry.pk).exists()
    assert api_key_authenticate(secret=api_secret) == api_key


def test_another_clinics_pages_do_not_show_our_roster_checks_or_keys(
    client, roster_entry, bulk_check, api_key, credential, other_clinic, other_verifier
):
    client.force_login(other_verifier)

    roster = html_of(client.get(reverse("verification:roster", args=[other_clinic.pk])))
    checks = html_of(client.get(reverse("verification:bulk_check", args=[other_clinic.pk])))
    keys = html_of(client.get(reverse("verification:api_keys", args=[other_clinic.pk])))

    assert credential.number not in roster and "Nobody on the roster" in roster
    assert "staff.csv" not in checks
    assert "data-key=" not in keys and "No keys yet." in keys


def test_trainees_coordinators_and_the_anonymous_cannot_reach_clinic_pages(
    client, clinic, roster_entry, bulk_check, api_key, trainee, coordinator
):
    urls = clinic_urls(clinic, roster_entry, bulk_check, api_key)
    urls.append(("get", reverse("verification:clinic_home")))

    for method, url in urls:
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url
    for user in (trainee, coordinator):
        client.force_login(user)
        for method, url in urls:
            assert getattr(client, method)(url).status_code == 403, (user, url)

    assert RosterEntry.objects.filter(pk=roster_entry.pk).exists()
    assert ApiKey.objects.usable().filter(pk=api_key.pk).exists()


def test_clinic_home_opens_the_verifiers_roster(client, clinic, verifier):
    client.force_login(verifier)

    response = client.get(reverse("verification:clinic_home"))

    assert response.status_code == 302
    assert response["Location"] == reverse("verification:roster", args=[clinic.pk])


# ---------------------------------------------------------------- the roster


def test_adding_to_the_roster(client, clinic, verifier, credential):
    client.force_login(verifier)
    url = reverse("verification:roster", args=[clinic.pk])

    response = client.post(url, {"add-number": credential.number, "add-last_name": "okafor"})

    assert response.status_code == 302 and response["Location"] == url
    entry = RosterEntry.objects.get()
    assert (entry.organisation, entry.credential, entry.added_by) == (clinic, credential, verifier)
    html = html_of(client.get(url))
    assert f'data-number="{credential.number}" data-status="VALID"' in html
    assert f"{credential.number} added to the roster." in html


def test_adding_with_a_wrong_name_or_twice_is_refused(client, clinic, verifier, credential):
    client.force_login(verifier)
    url = reverse("verification:roster", args=[clinic.pk])

    wrong = client.post(url, {"add-number": credential.number, "add-last_name": "Mensah"})
    client.post(url, {"add-number": credential.number, "add-last_name": "Okafor"})
    twice = client.post(url, {"add-number": credential.number, "add-last_name": "Okafor"})

    assert wrong.status_code == 400
    assert NO_MATCH_MESSAGE in html_of(wrong)
    assert twice.status_code == 400
    assert "is already on your roster" in html_of(twice)
    assert RosterEntry.objects.count() == 1


def test_removing_from_the_roster(client, clinic, verifier, roster_entry, credential):
    client.force_login(verifier)
    url = reverse("verification:roster_remove", args=[clinic.pk, roster_entry.pk])

    # One click in the list opens a page saying what happens; only its button removes.
    confirm_page = client.get(url)
    assert confirm_page.status_code == 200
    assert "Remove Ada Okafor from the roster?" in html_of(confirm_page)
    assert "You stop getting alerts" in html_of(confirm_page)
    unconfirmed = client.post(url)
    assert unconfirmed.status_code == 200
    assert RosterEntry.objects.filter(pk=roster_entry.pk).exists()

    response = client.post(url, {"confirm": "yes"}, follow=True)

    assert not RosterEntry.objects.exists()
    assert f"{credential.number} removed from the roster." in html_of(response)
    assert Credential.objects.filter(pk=credential.pk).exists()


@pytest.fixture
def roster_of_three(clinic, verifier, issue_credential, change_status):
    """Brown (expires in 200 days), Adams (suspended, 400 days), Clarke (expires in 20 days)."""
    brown = issue_credential(last_name="Brown", expires_in_days=200)
    adams = issue_credential(last_name="Adams", expires_in_days=400)
    clarke = issue_credential(last_name="Clarke", expires_in_days=20)
    change_status(adams, "suspend")
    for credential in (brown, adams, clarke):
        RosterEntry.objects.create(organisation=clinic, credential=credential, added_by=verifier)
    return {"brown": brown, "adams": adams, "clarke": clarke}


def listed(response, roster) -> list[str]:
    by_number = {credential.number: name for name, credential in roster.items()}
    return [by_number[n] for n in re.findall(r'<tr data-number="([^"]+)"', html_of(response))]


@pytest.mark.parametrize(
    ("sort", "order"),
    [
        ("name", ["adams", "brown", "clarke"]),
        ("-name", ["clarke", "brown", "adams"]),
        ("expires", ["clarke", "brown", "adams"]),
        ("-expires", ["adams", "brown", "clarke"]),
        ("nonsense", ["adams", "brown", "clarke"]),
    ],
)
def test_the_roster_sorts(client, clinic, verifier, roster_of_three, sort, order):
    client.force_login(verifier)

    response = client.get(reverse("verification:roster", args=[clinic.pk]), {"sort": sort})

    assert response.status_code == 200
    assert listed(response, roster_of_three) == order


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ({"status": "SUSPENDED"}, ["adams"]),
        ({"status": "VALID"}, ["clarke", "brown"]),  # needs attention (expiring) first
        ({"status": "expiring"}, ["clarke"]),
        ({"status": "REVOKED"}, []),
        ({"q": "clar"}, ["clarke"]),
        ({"q": "Ada"}, ["adams", "clarke", "brown"]),  # first names match too
        ({"q": "nobody"}, []),
    ],
)
def test_the_roster_filters(client, clinic, verifier, roster_of_three, query, shown):
    client.force_login(verifier)

    response = client.get(reverse("verification:roster", args=[clinic.pk]), query)

    assert listed(response, roster_of_three) == shown
    if not shown:
        assert "matches these filters" in html_of(response)


def test_the_roster_filters_by_number(client, clinic, verifier, roster_of_three):
    client.force_login(verifier)
    number = roster_of_three["brown"].number

    response = client.get(reverse("verification:roster", args=[clinic.pk]), {"q": number[3:9]})

    assert listed(response, roster_of_three) == ["brown"]


def test_the_roster_shows_expired_and_revoked_worker_status(
    client, clinic, verifier, issue_credential, change_status
):
    expired = issue_credential(last_name="Old", expires_in_days=-2)
    revoked = issue_credential(last_name="Gone")
    change_status(revoked, "revoke")
    for credential in (expired, revoked):
        RosterEntry.objects.create(organisation=clinic, credential=credential)
    client.force_login(verifier)

    html = html_of(client.get(reverse("verification:roster", args=[clinic.pk])))

    assert f'data-number="{expired.number}" data-status="EXPIRED"' in html
    assert f'data-number="{revoked.number}" data-status="REVOKED"' in html
    assert expired.holder.email not in html


def test_the_roster_csv_export(client, clinic, verifier, roster_of_three):
    client.force_login(verifier)

    response = client.get(reverse("verification:roster_csv", args=[clinic.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        f'attachment; filename="roster-{clinic.slug}-'
    )
    rows = list(csv.reader(io.StringIO(html_of(response))))
    assert rows[0] == [
        "credential_number",
        "holder_name",
        "status",
        "programme",
        "issuer",
        "issued_on",
        "expires_on",
        "status_changed_on",
        "public_reason",
        "added_on",
        "employee_id",
        "site",
        "notes",
        "checked_at",
    ]
    adams = roster_of_three["adams"]
    assert rows[1][:-1] == [
        adams.number,
        "Ada Adams",
        "SUSPENDED",
        "Certified Peer Support Worker",
        adams.issuer.name,
        adams.issued_on.isoformat(),
        adams.expires_on.isoformat(),
        timezone.localdate().isoformat(),
        "",
        timezone.localdate().isoformat(),
        "",
        "",
        "",
    ]
    assert rows[1][-1].startswith(timezone.localdate().isoformat())  # checked_at
    # Needs attention first: suspended Adams, then Clarke (expiring within 60 days), Brown.
    assert [row[1] for row in rows[1:]] == ["Ada Adams", "Ada Clarke", "Ada Brown"]


def test_the_roster_csv_gives_the_date_added_in_local_time(
    client, clinic, verifier, credential, settings
):
    settings.TIME_ZONE = "Pacific/Auckland"
    evening_utc = datetime.datetime(2025, 3, 3, 20, 0, tzinfo=datetime.UTC)  # 4 March there
    RosterEntry.objects.create(organisation=clinic, credential=credential, added_at=evening_utc)
    client.force_login(verifier)

    response = client.get(reverse("verification:roster_csv", args=[clinic.pk]))

    (header, row) = list(csv.reader(io.StringIO(html_of(response))))
    assert row[header.index("added_on")] == "2025-03-04"


def test_the_roster_csv_keeps_the_filters(client, clinic, verifier, roster_of_three):
    client.force_login(verifier)

    response = client.get(
        reverse("verification:roster_csv", args=[clinic.pk]), {"status": "SUSPENDED"}
    )

    rows = list(csv.reader(io.StringIO(html_of(response))))
    assert [row[0] for row in rows[1:]] == [roster_of_three["adams"].number]


def test_the_roster_csv_neutralises_a_formula_in_a_holders_name(
    client, clinic, verifier, issue_credential
):
    credential = issue_credential(first_name="=cmd|' /C calc'!A0", last_name="Evil")
    RosterEntry.objects.create(organisation=clinic, credential=credential)
    client.force_login(verifier)

    response = client.get(reverse("verification:roster_csv", args=[clinic.pk]))

    (_, row) = list(csv.reader(io.StringIO(html_of(response))))
    assert row[1] == "'=cmd|' /C calc'!A0 Evil"
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row)


def test_roster_page_queries_do_not_grow_with_the_roster(
    client, clinic, verifier, issue_credential, django_assert_max_num_queries
):
    credentials = [issue_credential(last_name=f"Worker{i:02}") for i in range(50)]
    for credential in credentials[:5]:
        RosterEntry.objects.create(organisation=clinic, credential=credential)
    client.force_login(verifier)
    url = reverse("verification:roster", args=[clinic.pk])
    client.get(url)  # warm the session and content types

    with CaptureQueriesContext(connection) as five:
        small = client.get(url)
    for credential in credentials[5:]:
        RosterEntry.objects.create(organisation=clinic, credential=credential)
    with django_assert_max_num_queries(len(five.captured_queries)):
        large = client.get(url)

    assert html_of(small).count("<tr data-number=") == 5
    assert html_of(large).count("<tr data-number=") == 50


# ---------------------------------------------------------------- CSV checks


def test_checking_a_csv_file_and_downloading_the_results(
    client, clinic, verifier, credential, unknown_number
):
    client.force_login(verifier)
    content = (
        "ID;credential_number;last_name\r\n"
        f"7;{credential.number};Okafor\r\n8;{unknown_number};Núñez\r\n"
    )

    response = client.post(
        reverse("verification:bulk_check", args=[clinic.pk]),
        {
            "file": SimpleUploadedFile(
                "staff.csv", content.encode("cp1252"), content_type="text/csv"
            )
        },
    )

    checked = BulkCheck.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "verification:bulk_check_detail", args=[clinic.pk, checked.pk]
    )
    detail = html_of(client.get(response["Location"]))
    assert '<li data-count="VALID">VALID: 1</li>' in detail
    assert '<li data-count="NO SUCH CREDENTIAL">NO SUCH CREDENTIAL: 1</li>' in detail
    assert "Read as Windows-1252 text, semicolon-separated." in detail
    assert "Ada Okafor" in detail and "Núñez" in detail
    assert not RosterEntry.objects.exists()

    download = client.get(reverse("verification:bulk_check_csv", args=[clinic.pk, checked.pk]))
    assert download["Content-Type"] == "text/csv; charset=utf-8"
    assert download.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(download.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:5] == [
        "ID",
        "credential_number",
        "last_name",
        "peerpath_line",
        "peerpath_result",
    ]
    assert rows[1][:8] == [
        "7",
        credential.number,
        "Okafor",
        "2",
        "VALID",
        "This credential is real and current.",
        "Ada Okafor",
        "Certified Peer Support Worker",
    ]
    assert rows[2][:5] == ["8", unknown_number, "Núñez", "3", "NO SUCH CREDENTIAL"]
    assert rows[2][6:11] == ["", "", "", "", ""]
    assert len(rows) == 3
    # The recent checks are listed on the upload page.
    assert "staff.csv" in html_of(client.get(reverse("verification:bulk_check", args=[clinic.pk])))


def test_the_results_download_as_a_workbook(client, clinic, verifier, bulk_check, credential):
    client.force_login(verifier)

    download = client.get(reverse("verification:bulk_check_xlsx", args=[clinic.pk, bulk_check.pk]))

    assert download.status_code == 200
    assert download["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert re.fullmatch(
        r'attachment; filename="checked-\d{4}-\d{2}-\d{2}-\d{4}\.xlsx"',
        download["Content-Disposition"],
    )
    rows = list(openpyxl.load_workbook(io.BytesIO(download.content)).active.values)
    assert rows[0][:4] == ("credential_number", "last_name", "peerpath_line", "peerpath_result")
    assert rows[1][:4] == (credential.number, "Okafor", 2, "VALID")


def test_another_clinic_cannot_download_our_results_as_a_workbook(
    client, clinic, bulk_check, other_clinic, other_verifier
):
    client.force_login(other_verifier)

    for organisation in (clinic, other_clinic):
        url = reverse("verification:bulk_check_xlsx", args=[organisation.pk, bulk_check.pk])
        assert client.get(url).status_code == 404, url


def test_a_csv_check_can_fill_the_roster(client, clinic, verifier, credential):
    client.force_login(verifier)
    content = f"credential_number,last_name\r\n{credential.number},Okafor\r\n"

    client.post(
        reverse("verification:bulk_check", args=[clinic.pk]),
        {"file": SimpleUploadedFile("staff.csv", content.encode()), "add_to_roster": "on"},
    )

    assert RosterEntry.objects.get().credential == credential


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        ("number,surname\r\n{n},Okafor\r\n", "staff.csv", "The first row must name the columns"),
        (
            "credential_number,last_name\r\n{n},Okafor\r\nPP-1,=cmd|' /C calc'!A0\r\n",
            "staff.csv",
            "Lines 3 hold a spreadsheet formula",
        ),
        ("%PDF-1.7 {n}", "staff.pdf", "“staff.pdf” is not a spreadsheet Peerpath can read."),
        ("PK\x03\x04 {n}", "staff.xlsx", "could not be opened as an Excel workbook (.xlsx)"),
        ("", "staff.csv", "The submitted file is empty."),
        ("\r\n", "staff.csv", "The file is empty."),
    ],
    ids=["wrong header", "formula", "not a spreadsheet", "corrupt workbook", "empty", "blank"],
)
def test_a_bad_csv_file_is_refused_on_the_page_and_changes_nothing(
    client,
    clinic,
    verifier,
    credential,
    content,
    name,
    message,
    django_capture_on_commit_callbacks,
):
    client.force_login(verifier)
    data = content.format(n=credential.number).encode()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(
            reverse("verification:bulk_check", args=[clinic.pk]),
            {"file": SimpleUploadedFile(name, data), "add_to_roster": "on"},
        )

    assert response.status_code == 400
    assert message in html_of(response)
    assert callbacks == []
    assert not BulkCheck.objects.exists()
    assert not RosterEntry.objects.exists()
    assert not VerificationEvent.objects.exists()


def test_too_many_rows_are_refused_on_the_page(client, clinic, verifier, credential, settings):
    settings.VERIFICATION_CSV_MAX_ROWS = 2
    client.force_login(verifier)
    content = "credential_number,last_name\r\n" + f"{credential.number},Okafor\r\n" * 3

    response = client.post(
        reverse("verification:bulk_check", args=[clinic.pk]),
        {"file": SimpleUploadedFile("staff.csv", content.encode()), "add_to_roster": "on"},
    )

    assert response.status_code == 400
    assert "more than 2 rows" in html_of(response)
    assert not BulkCheck.objects.exists() and not RosterEntry.objects.exists()


# ---------------------------------------------------------------- API keys


def test_creating_a_key_shows_its_secret_once(client, clinic, verifier):
    client.force_login(verifier)
    url = reverse("verification:api_keys", args=[clinic.pk])

    response = client.post(url, {"name": "HR system"})

    secret = re.search(r"<code data-secret>([^<]+)</code>", html_of(response)).group(1)
    api_key = ApiKey.objects.get()
    assert response.status_code == 200
    assert never_cached(response)
    assert (api_key.organisation, api_key.name, api_key.created_by) == (
        clinic,
        "HR system",
        verifier,
    )
    assert api_key_authenticate(secret=secret) == api_key
    again = html_of(client.get(url))
    assert secret not in again
    assert 'data-key="HR system"' in again and api_key.hint in again


def test_a_key_needs_a_name(client, clinic, verifier):
    client.force_login(verifier)

    response = client.post(reverse("verification:api_keys", args=[clinic.pk]), {"name": "  "})

    assert response.status_code == 400
    assert not ApiKey.objects.exists()


def test_revoking_a_key(client, clinic, verifier, api_key, api_secret):
    client.force_login(verifier)

    url = reverse("verification:api_key_revoke", args=[clinic.pk, api_key.pk])
    confirm_page = html_of(client.get(url))
    assert "Revoke the API key" in confirm_page and "stops working at once" in confirm_page
    assert "This cannot be undone." in confirm_page
    client.post(url)  # without the confirmation: nothing happens
    assert api_key_authenticate(secret=api_secret) == api_key

    response = client.post(url, {"confirm": "yes"}, follow=True)

    assert api_key_authenticate(secret=api_secret) is None
    assert "is revoked: it stops working now" in html_of(response)
    assert "Revoked " in html_of(response)
    assert client.get(url).status_code == 302  # already revoked: back to the list


def test_a_verifier_at_two_clinics_sees_each(client, clinic, other_clinic, make_member):
    both = make_member(Role.VERIFIER)
    membership_grant(user=both, organisation=other_clinic, role=Role.VERIFIER)
    client.force_login(both)

    for organisation in (clinic, other_clinic):
        response = client.get(reverse("verification:roster", args=[organisation.pk]))
        assert response.status_code == 200
        assert organisation.name in html_of(response)


def test_behind_a_trusted_proxy_each_client_has_its_own_allowance(
    client, credential, settings, frozen_ratelimit_clock
):
    settings.VERIFICATION_PUBLIC_RATE_LIMIT = "2/m"
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]
    url = page(credential.number)

    def lookup(forwarded_for: str) -> int:
        return client.get(url, REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR=forwarded_for)

    first = [lookup("203.0.113.7").status_code for _ in range(3)]
    second = lookup("198.51.100.4").status_code
    # A client cannot buy a fresh allowance by writing its own X-Forwarded-For.
    spoofed = lookup("192.0.2.99, 203.0.113.7").status_code

    assert first == [200, 200, 429]
    assert second == 200
    assert spoofed == 429


def test_without_trusted_proxies_a_forged_header_buys_no_allowance(
    client, credential, settings, frozen_ratelimit_clock
):
    settings.VERIFICATION_PUBLIC_RATE_LIMIT = "2/m"
    settings.TRUSTED_PROXIES = []
    url = page(credential.number)

    codes = [client.get(url, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code for n in range(3)]

    assert codes == [200, 200, 429]
