import pytest

from certificates.models import EthicsCode
from certificates.services import credential_issue_if_eligible, ethics_affirm
from core import keys
from practice.services import entry_decide
from tests.builders import lesson_done, lessons_of


@pytest.fixture
def ethics_code(profile):
    return EthicsCode.objects.create(
        profile=profile, version=1, text="I keep confidences.\n\nI work within my role."
    )


@pytest.fixture
def nearly_done(
    trainee, practice_enrollment, practice_programme, assigned_supervisor, log_entry, ethics_code
):
    """Everything but the ethics code: lessons done, 10 practice hours approved."""
    for lesson in lessons_of(practice_programme):
        lesson_done(trainee=trainee, lesson=lesson)
    for days_ago, minutes, category in (
        (1, 360, "one-to-one"),
        (2, 120, "group-facilitation"),
        (3, 60, "supervision-received"),
        (4, 60, "one-to-one"),
    ):
        entry = log_entry(days_ago=days_ago, minutes=minutes, category=category)
        entry_decide(supervisor=assigned_supervisor, entry_id=entry.pk, approve=True)
    practice_enrollment.refresh_from_db()
    return practice_enrollment


@pytest.fixture
def credential(trainee, nearly_done):
    """Issued, not yet rendered (inside a test, on-commit work does not run)."""
    ethics_affirm(trainee=trainee, enrollment=nearly_done, signed_name=trainee.get_full_name())
    return credential_issue_if_eligible(enrollment=nearly_done)


@pytest.fixture(scope="session")
def session_signing_key():
    """A throwaway key for the whole run: tests never touch a real or dev key file."""
    return keys.private_key_pem()


@pytest.fixture(autouse=True)
def _signing_key(settings, session_signing_key):
    settings.CREDENTIAL_SIGNING_KEY = session_signing_key
    settings.CREDENTIAL_SIGNING_KEY_FILE = ""


@pytest.fixture(scope="session")
def session_signing_keys_dir(tmp_path_factory):
    """RSA signing keys for the whole run: the first test that signs makes one in here."""
    return tmp_path_factory.mktemp("signing-keys")


@pytest.fixture(autouse=True)
def _signing_keys_dir(settings, session_signing_keys_dir):
    settings.SIGNING_KEYS_DIR = str(session_signing_keys_dir)
