"""What the credential's life writes to the logs: every step, and nothing about the people.

One run through it, as the people involved would live it: a trainee finishes the lessons,
logs practice with a reflection, has an entry returned with a comment and the rest
approved, is refused a credential until the code of ethics is signed, then is issued one;
a coordinator suspends it with a reason; a clinic calls the API with a wrong key and a
visitor checks too often; a coordinator invites someone by email. All of it at DEBUG.
"""

import logging

import pytest

from certificates.services import (
    credential_change_status,
    credential_issue_if_eligible,
    ethics_affirm,
)
from courses.services import enrollment_by_email
from organisations.roles import Role
from practice.services import entry_decide, entry_submit
from tests.builders import lesson_done, lessons_of

pytestmark = pytest.mark.django_db

REFLECTION = "We rehearsed the quietmoss check-in plan for evenings."
COMMENT = "Say which lanternfall domain this belongs to."
REASON = "Held back pending the Marrowgate complaint."
INVITEE = "invitee.zinnia@example.org"
BAD_KEY = "ppk_notARealKeyButLongEnoughToBeOneXYZ0123456789"


@pytest.fixture
def trainee(make_member):
    return make_member(
        Role.TRAINEE,
        first_name="Zephyrine",
        last_name="Quillfeather",
        email="zephyrine.quillfeather@example.org",
    )


@pytest.fixture
def supervisor(make_member):
    return make_member(
        Role.SUPERVISOR,
        first_name="Bartholomew",
        last_name="Ashgrove",
        email="b.ashgrove@example.org",
    )


@pytest.fixture
def coordinator(make_member):
    return make_member(
        Role.COORDINATOR,
        first_name="Philippa",
        last_name="Thornwick",
        email="p.thornwick@example.org",
    )


def test_the_workflows_log_each_event_and_nothing_about_the_people(
    caplog,
    client,
    settings,
    django_capture_on_commit_callbacks,
    trainee,
    supervisor,
    coordinator,
    with_totp,
    practice_programme,
    practice_enrollment,
    assigned_supervisor,
    log_entry,
    ethics_code,
):
    caplog.set_level(logging.DEBUG)
    settings.VERIFICATION_PUBLIC_RATE_LIMIT = "1/m"
    with_totp(coordinator)

    for lesson in lessons_of(practice_programme):
        lesson_done(trainee=trainee, lesson=lesson)
    returned = log_entry(days_ago=5, minutes=60, reflection=REFLECTION)
    entry_decide(supervisor=supervisor, entry_id=returned.pk, approve=False, comment=COMMENT)
    entry_submit(trainee=trainee, entry_id=returned.pk)
    entries = [returned] + [
        log_entry(days_ago=days_ago, minutes=minutes, category=category, reflection=REFLECTION)
        for days_ago, minutes, category in (
            (1, 360, "one-to-one"),
            (2, 120, "group-facilitation"),
            (3, 60, "supervision-received"),
        )
    ]
    for entry in entries:
        entry_decide(supervisor=supervisor, entry_id=entry.pk, approve=True)
    practice_enrollment.refresh_from_db()
    assert credential_issue_if_eligible(enrollment=practice_enrollment) is None  # ethics unsigned

    with django_capture_on_commit_callbacks(execute=True):
        ethics_affirm(
            trainee=trainee, enrollment=practice_enrollment, signed_name=trainee.get_full_name()
        )
    credential = practice_enrollment.credentials.get()
    with django_capture_on_commit_callbacks(execute=True):
        credential_change_status(
            actor=coordinator, credential_id=credential.pk, action="suspend", reason=REASON
        )

    api = client.get(
        f"/api/v1/credentials/{credential.number}", headers={"Authorization": f"Bearer {BAD_KEY}"}
    )
    assert api.status_code == 401
    assert client.get(f"/verify/{credential.number}/").status_code == 200
    assert client.get(f"/verify/{credential.number}/").status_code == 429
    with django_capture_on_commit_callbacks(execute=True):
        invited = enrollment_by_email(
            coordinator=coordinator, programme=practice_programme, email=INVITEE
        )

    # Nothing about the people, anywhere in a record (message, arguments, extras, traceback).
    private = [REFLECTION, COMMENT, REASON, INVITEE, BAD_KEY, BAD_KEY[:12]]
    for person in (trainee, supervisor, coordinator):
        private += [person.email, person.first_name, person.last_name, person.get_full_name()]
    for record in caplog.records:
        text = " ".join(
            [record.getMessage(), repr(record.args), record.exc_text or "", repr(vars(record))]
        )
        leaked = [value for value in private if value.casefold() in text.casefold()]
        assert not leaked, f"{record.name}: {record.getMessage()!r} carries {leaked}"

    messages = [record.getMessage() for record in caplog.records]

    def logged(fragment: str) -> bool:
        return any(fragment in message for message in messages)

    assert logged(f"Practice entry {returned.pk} returned by supervisor {supervisor.pk} (decision ")
    assert logged(f"Practice entry {entries[1].pk} approved by supervisor {supervisor.pk}")
    assert logged(
        f"Credential not issued: enrollment {practice_enrollment.pk} "
        f"(programme {practice_programme.pk}, trainee {trainee.pk}) still needs: Affirm the "
    )
    assert logged(
        f"Credential {credential.number} issued: program {practice_programme.pk}, "
        f"holder {trainee.pk}"
    )
    assert logged(f"Credential {credential.number} suspended by user {coordinator.pk}")
    assert logged("Verification API: key refused (ppk_notA…), from 127.0.0.1")
    assert logged("Rate limit: verify refused for 127.0.0.1 (over 1/m)")
    assert logged(
        f"Enrollment invitation {invited.invitation.pk} sent: program {practice_programme.pk}, "
        f"by coordinator {coordinator.pk}, to an address without an account"
    )
    assert logged("Email certificates/credential_issued queued")
    assert logged("Email certificates/credential_status_changed queued")
