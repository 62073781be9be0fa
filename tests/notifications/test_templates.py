"""email_send_template: templates on disk become one queued email, or fail at once."""

import datetime
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings as django_settings

from notifications.models import Email, TaskCall
from notifications.services import EmailTemplateMissing, email_send_template
from tests.emails import assert_well_formed, strict_templates

pytestmark = pytest.mark.django_db


@pytest.fixture
def email_templates(settings, tmp_path):
    """write("demo/hello", subject=..., message=..., html=...): templates in a fresh dir."""
    settings.TEMPLATES = [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "DIRS": [tmp_path],
            "OPTIONS": {},
        }
    ]

    def write(stem: str, *, subject: str, message: str, html: str | None = None) -> None:
        app, name = stem.split("/")
        folder = tmp_path / app / "email"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}_subject.txt").write_text(subject)
        (folder / f"{name}_message.txt").write_text(message)
        if html is not None:
            (folder / f"{name}_message.html").write_text(html)

    return write


def test_the_subject_is_one_line_with_the_site_name_in_front_once(email_templates, settings):
    settings.WAGTAIL_SITE_NAME = "Testpath"
    email_templates("demo/hello", subject="\n  Hello\n  {{ who }}  \n\n", message="Hi.")
    email_templates("demo/already", subject="[Testpath] Already prefixed\n", message="Hi.")

    hello = email_send_template(to=["a@example.org"], template="demo/hello", context={"who": "Ada"})
    already = email_send_template(to=["a@example.org"], template="demo/already", context={})

    assert hello.subject == "[Testpath] Hello Ada"
    assert already.subject == "[Testpath] Already prefixed"


def test_text_is_not_escaped_and_html_is(email_templates):
    email_templates(
        "demo/escape",
        subject="About {{ name }}",
        message="Welcome to {{ name }}.\n{{ link }}\n",
        html="<p>Welcome to {{ name }}.</p>",
    )
    email = email_send_template(
        to=["a@example.org"], template="demo/escape", context={"name": "Peers & <Allies>"}
    )
    assert email.subject.endswith("About Peers & <Allies>")
    assert "Welcome to Peers & <Allies>." in email.body_text
    assert email.body_html == "<p>Welcome to Peers &amp; &lt;Allies&gt;.</p>"


def test_the_html_part_is_optional(email_templates):
    email_templates("demo/plain", subject="Plain", message="Only text.")
    email = email_send_template(to=["a@example.org"], template="demo/plain", context={})
    assert (email.body_text, email.body_html) == ("Only text.\n", "")


def test_the_link_is_absolute_and_the_site_name_is_in_the_context(email_templates, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://peerpath.example.org/"
    email_templates("demo/link", subject="Link", message="{{ site_name }}: {{ link }}")

    email = email_send_template(
        to=["a@example.org"], template="demo/link", context={}, link_path="/practice/3/#entry-9"
    )
    home = email_send_template(to=["a@example.org"], template="demo/link", context={})

    assert email.body_text == "Peerpath: https://peerpath.example.org/practice/3/#entry-9\n"
    assert home.body_text == "Peerpath: https://peerpath.example.org/\n"


def test_a_link_must_be_a_path_on_the_site(email_templates):
    email_templates("demo/link", subject="Link", message="{{ link }}")
    with pytest.raises(ValueError, match="starting with '/'"):
        email_send_template(
            to=["a@example.org"],
            template="demo/link",
            context={},
            link_path="https://elsewhere.example/",
        )
    assert not Email.objects.exists()


@pytest.mark.parametrize("name", ["hello", "demo/", "/hello", "demo/email/hello"])
def test_a_template_is_named_app_slash_name(email_templates, name):
    with pytest.raises(ValueError, match="<app>/<name>"):
        email_send_template(to=["a@example.org"], template=name, context={})


def test_a_missing_template_fails_when_queued_and_queues_nothing(email_templates):
    email_templates("demo/half", subject="Only a subject", message="x")
    (Path(django_settings.TEMPLATES[0]["DIRS"][0]) / "demo/email/half_message.txt").unlink()

    with pytest.raises(EmailTemplateMissing, match=r"demo/email/half_message\.txt"):
        email_send_template(to=["a@example.org"], template="demo/half", context={})
    with pytest.raises(EmailTemplateMissing, match=r"demo/email/nothing_subject\.txt"):
        email_send_template(to=["a@example.org"], template="demo/nothing", context={})

    assert not Email.objects.exists()
    assert not TaskCall.objects.exists()  # nothing for a worker to fail on later


# ---------------------------------------------------------------- the project's emails

TEMPLATES_DIR = Path(django_settings.BASE_DIR) / "templates"
today = datetime.date(2026, 3, 5)
holder = SimpleNamespace(first_name="Ada")
credential = SimpleNamespace(
    number="PP-7KQ4-M2XD-9",
    expires_on=today,
    issuer=SimpleNamespace(name="Harbor Peer Academy"),
)
programme = SimpleNamespace(title="Certified Peer Support Worker")
entry = SimpleNamespace(
    date=today, hours=Decimal("1.5"), category=SimpleNamespace(name="One-to-one support")
)
decision = SimpleNamespace(supervisor_name="Sam Rivera", comment="Which domain?")

# One example context per email: a new template without one fails the coverage test below.
EXAMPLES = {
    "accounts/mfa_reset": {
        "user": holder,
        "reset": SimpleNamespace(at=datetime.datetime(2026, 3, 5, 14, 30, tzinfo=datetime.UTC)),
    },
    "assessments/attempt_requested": {
        "coordinator": holder,
        "trainee_name": "Rosa Delgado",
        "quiz": SimpleNamespace(title="Boundaries quiz"),
        "programme": programme,
        "attempts_used": 3,
    },
    "assessments/quiz_override": {
        "trainee": holder,
        "quiz": SimpleNamespace(title="Boundaries quiz"),
        "programme": programme,
        "override": SimpleNamespace(
            kind="extra_attempts",
            extra_attempts=1,
            by_name="Sam Rivera",
            reason="Lost connection during attempt 3",
            at=datetime.datetime(2026, 3, 5, 14, 30, tzinfo=datetime.UTC),
        ),
        "attempts_left": 1,
        "opens_at": "March 5, 2026, 3:30 PM",
    },
    "certificates/credential_issued": {
        "holder": holder,
        "credential": credential,
        "programme": programme,
    },
    "certificates/credential_status_changed": {
        "holder": holder,
        "credential": credential,
        "action": "suspend",
        "done": "suspended",
        "reason": "Complaint under review",
    },
    "certificates/expiry_reminder": {"holder": holder, "credential": credential, "days": 30},
    "courses/enrolment_invitation": {
        "invitation": SimpleNamespace(email="ada@example.org", expires_at=today),
        "programme": programme,
        "organisation": credential.issuer,
        "has_account": False,
        "signup_url": "http://127.0.0.1:8000/accounts/signup/",
    },
    "courses/review_requested": {
        "reviewer": holder,
        "page_title": "Lesson 1.1",
        "provider_name": "Harbor Peer Academy",
        "submitter_name": "Elena Ruiz",
        "task_name": "Program review",
    },
    "courses/stall_reminder": {
        "trainee": SimpleNamespace(first_name="Ada", email="ada@example.org"),
        "programme": programme,
        "last_activity_at": datetime.datetime(2026, 2, 1, 10, 0, tzinfo=datetime.UTC),
    },
    "practice/entry_approved": {
        "trainee": holder,
        "entry": entry,
        "decision": decision,
        "hours": "1.5",
    },
    "practice/entries_approved": {
        "trainee": holder,
        "supervisor_name": "Sam Rivera",
        "count": 2,
        "hours": "2.5",
        "items": [
            {"date": today, "hours": "1.5", "category": "One-to-one support"},
            {"date": today, "hours": "1", "category": "Group facilitation"},
        ],
    },
    "practice/entry_returned": {"trainee": holder, "entry": entry, "decision": decision},
    "practice/supervisor_digest": {"supervisor": holder, "count": 2},
    "practice/supervisor_needed": {
        "coordinator": holder,
        "trainee": SimpleNamespace(email="rosa@example.org"),
        "trainee_name": "Rosa Delgado",
        "programme": programme,
        "organisation": credential.issuer,
    },
    "verification/verifier_invitation": {
        "organisation": SimpleNamespace(name="Eastside Clinic"),
        "invited_by": SimpleNamespace(get_full_name=lambda: "Sam Rivera"),
        "site_name": "Peerpath",
        "invitation": SimpleNamespace(email="ada@example.org", expires_at=today),
        "signup_url": "http://127.0.0.1:8000/accounts/signup/",
    },
    "renewals/renewal_submitted": {
        "credential": credential,
        "holder_name": "Ada Okafor",
        "application": None,
    },
    "renewals/renewal_returned": {
        "holder": holder,
        "credential": credential,
        "reason": "The ethics certificate is unreadable: upload a clearer scan.",
    },
    "renewals/renewal_approved": {
        "holder": holder,
        "credential": credential,
        "valid_until": "March 14, 2029",
        "reinstated": False,
    },
    "renewals/renewal_reminder": {
        "holder": holder,
        "credential": credential,
        "days": 60,
        "expires_on": "March 14, 2027",
        "sentences": [
            "You need 2 more hours of ethics and 4 hours in total by March 14, 2027.",
            "Your ethics hours so far: 4 of 6.",
        ],
    },
    "verification/roster_alert": {
        "count": 1,
        "items": [
            {
                "name": "Ada Okafor",
                "number": credential.number,
                "status": "",
                "expires_on": today,
                "days_left": 30,
            },
            {
                "name": "Ben Adams",
                "number": credential.number,
                "status": "",
                "renewal_at_risk": True,
                "expires_on": today,
                "days_left": 45,
            },
        ],
    },
}


def email_stems() -> set[str]:
    return {
        f"{path.parent.parent.name}/{path.name.removesuffix('_subject.txt')}"
        for path in TEMPLATES_DIR.glob("*/email/*_subject.txt")
    }


def test_every_email_template_has_an_example_here():
    assert email_stems() == set(EXAMPLES)


@pytest.mark.parametrize("stem", sorted(EXAMPLES))
def test_every_email_template_renders_one_subject_line_and_ends_with_its_link(settings, stem):
    strict_templates(settings)
    app, name = stem.split("/")
    subject_source = (TEMPLATES_DIR / app / "email" / f"{name}_subject.txt").read_text()
    assert "[" not in subject_source  # the helper adds the site's name, once

    email = email_send_template(
        to=["a@example.org"], template=stem, context=EXAMPLES[stem], link_path="/somewhere/"
    )

    assert_well_formed(email, link_path="/somewhere/")
    assert "5 March" not in email.body_text  # dates are written the US way: March 5, 2026
