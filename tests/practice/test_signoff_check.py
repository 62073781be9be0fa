"""The public check of the verification codes printed on practice-hours reports."""

import logging
import re
import subprocess

import pytest
from django.test import Client

from practice.selectors import normalised_code
from practice.services import entry_decide
from tests.builders import SAFE_REFLECTION

pytestmark = pytest.mark.django_db


def main_text(response) -> str:
    """The page's main content, without what differs per request (the CSP nonce)."""
    html = response.content.decode()
    main = html[html.index('<main id="main"') : html.index("</main>")]
    return re.sub(r'nonce="[^"]*"', "", main)


@pytest.fixture
def approved(assigned_supervisor, log_entry):
    entry = log_entry(minutes=90, days_ago=3)
    decision = entry_decide(
        supervisor=assigned_supervisor,
        entry_id=entry.pk,
        approve=True,
        comment="Warm, boundaried session; client felt heard.",
    )
    return entry, decision


def test_a_valid_code_shows_the_sign_off_and_nothing_private(
    approved, trainee, assigned_supervisor, caplog
):
    entry, decision = approved
    caplog.set_level(logging.DEBUG)

    response = Client().get(f"/practice/check/{decision.verification_code}/")

    assert response.status_code == 200
    text = " ".join(main_text(response).split())
    assert 'data-status="approved"' in text
    assert "1.5" in text  # hours
    assert f"{entry.date:%B} {entry.date.day}, {entry.date.year}" in text
    decided = decision.decided_at
    assert f"{decided:%B} {decided.day}, {decided.year}" in text
    assert f"{decision.supervisor_name}, {decision.supervisor_role}" in text
    # The trainee as first name and last initial: enough to match the report in hand.
    assert f"{trainee.first_name} {trainee.last_name[0]}." in text
    for private in (
        SAFE_REFLECTION,
        decision.comment,
        trainee.last_name,
        trainee.email,
        assigned_supervisor.email,
        entry.category.name,
        entry.domain.name,
        entry.get_setting_display(),
        decision.verification_code,  # never echoed: a code is a capability
    ):
        assert private not in text
    assert "no-cache" in response["Cache-Control"]
    # Nothing about the code or the people in the logs.
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert decision.verification_code not in logged
    assert decision.supervisor_name not in logged


def test_the_form_accepts_the_code_as_people_type_it(approved):
    _, decision = approved
    typed = decision.verification_code.lower().replace("-", " ")

    response = Client().get("/practice/check/", {"code": typed})

    assert response.status_code == 200
    assert 'data-status="approved"' in response.content.decode()
    assert normalised_code(typed) == decision.verification_code


def test_unknown_malformed_and_returned_codes_get_one_answer(
    approved, assigned_supervisor, log_entry
):
    returned = entry_decide(
        supervisor=assigned_supervisor,
        entry_id=log_entry(days_ago=5).pk,
        approve=False,
        comment="Please say what the session covered.",
    )
    client = Client()
    answers = [
        client.get("/practice/check/", {"code": code})
        for code in (
            "ABCD-EFGH-JK23",  # well-formed, unknown
            "not a code <script>",  # malformed
            "0000-1111-OOOO",  # characters the codes never use
            "A" * 500,  # far too long
            returned.verification_code,  # a real code, but of a returned entry
        )
    ]

    assert {response.status_code for response in answers} == {404}
    assert len({main_text(response) for response in answers}) == 1
    assert 'data-status="not-found"' in main_text(answers[0])
    assert "<script>" not in answers[1].content.decode()


def test_a_code_whose_entry_was_corrected_says_it_no_longer_counts(
    approved, assigned_supervisor, log_entry
):
    entry, decision = approved
    correction = log_entry(minutes=60, days_ago=3, corrects=entry)
    entry_decide(supervisor=assigned_supervisor, entry_id=correction.pk, approve=True)

    response = Client().get(f"/practice/check/{decision.verification_code}/")

    assert response.status_code == 200
    assert 'data-status="replaced"' in response.content.decode()
    assert "no longer count" in response.content.decode()


def test_checks_are_rate_limited_per_address_with_retry_after(settings, approved):
    settings.VERIFICATION_PUBLIC_RATE_LIMIT = "3/m"
    _, decision = approved
    client = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(3):
        assert client.get("/practice/check/", {"code": "ABCD-EFGH-JK23"}).status_code == 404

    refused = client.get(f"/practice/check/{decision.verification_code}/")

    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert 'data-status="approved"' not in refused.content.decode()
    # Another address has its own allowance; the empty form costs nothing.
    assert Client(REMOTE_ADDR="198.51.100.4").get("/practice/check/").status_code == 200
    other = Client(REMOTE_ADDR="198.51.100.4").get(f"/practice/check/{decision.verification_code}/")
    assert other.status_code == 200


def test_the_report_tells_where_to_check_the_codes(client, trainee, approved, practice_enrollment):
    client.force_login(trainee)
    response = client.get(f"/practice/{practice_enrollment.pk}/report.pdf")

    text = subprocess.run(
        ["pdftotext", "-raw", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    assert "/practice/check/" in " ".join(text.split())
