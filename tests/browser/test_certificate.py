"""The demo programme from its first lesson to a certificate anyone can check, in a browser.

The programme is the one ``seed_demo`` builds: the shipped curriculum (curriculum/, loaded
by syllabus.loader), every module with its lessons and a quiz. The trainee's supervised
practice hours are approved, and their presence at the cohort's live skills practice
recorded on the register, through the services beforehand: signing hours off and taking
the register are a supervisor's and a facilitator's job. Everything else happens in the
browser: the trainee reads every lesson of every module in order, opening each section
behind a content warning (static/js/lesson.js reports it) and marking the lesson done (the
share of each lesson's estimate to spend on it is set to nothing here, so no test waits
out real minutes; tests/browser/test_lesson_evidence.py waits for time), passes each
module's quiz with the answers the question bank marks correct, affirms the code of ethics
(after a mistyped name is refused), downloads the certificate PDF and the Open Badges
credential, and the QR code printed on the certificate leads a stranger's browser to a
page that says VALID.

The live server needs real commits, so the database is transactional (see
``site_structure`` in tests/conftest.py). Celery runs tasks inline in tests, and the
credential is issued on commit of the affirmation, so the PDF is rendered during that
request.
"""

import itertools
import math
import re
import shutil
import subprocess
from datetime import timedelta
from urllib.parse import urlparse

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from assessments.models import Attempt, QuizPage
from certificates.models import Credential, EthicsAffirmation
from certificates.services import credential_eligibility
from core.keys import private_key_pem
from courses.attendance.services import RegisterEntry, register_save, session_schedule
from courses.hours import training_hours
from courses.models import AttendanceRecord, Cohort, Enrollment, LessonCompletion, ModulePage
from demo.loaders.courses import seed_programme
from demo.loaders.practice import seed_practice
from organisations.roles import Role
from practice.models import PracticeCategory
from practice.selectors import practice_totals
from practice.services import entry_decide
from syllabus.tree import read_curriculum
from syllabus.yamlfile import load_file
from tests.conftest import _forget_cached_keys as forget_cached_keys
from tests.syllabus.test_real_curriculum import REAL, needs_modules

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    needs_modules,
]

HOLDER = ("Amara", "Lindqvist")
ETHICS_CODE = load_file(REAL / "program.yaml")["ethics_code"]
ETHICS_TITLE = ETHICS_CODE["title"]
# Affirming issues the credential and renders its PDF (WeasyPrint) within that request.
ISSUE_TIMEOUT_MS = 60_000
TOOLS = ("pdftotext", "pdftoppm", "zbarimg")
# The longest practice-log entry the set-up makes: well under the 24 hours a day allowed.
ENTRY_MINUTES = 12 * 60


@pytest.fixture
def trainee(make_member):
    """A fixed name, so the typed signature and the PDF's text are predictable."""
    return make_member(Role.TRAINEE, first_name=HOLDER[0], last_name=HOLDER[1])


@pytest.fixture
def practice_programme(provider):
    """The demo programme with its quizzes, as ``seed_demo`` builds it.

    Overrides tests/conftest.py's fixture, so that its ``practice_enrollment``,
    ``assigned_supervisor`` and ``log_entry`` work on the demo programme.
    """
    return seed_programme(organisation=provider)


@pytest.fixture(autouse=True)
def _signing_key(settings):
    """A throwaway key for the Open Badges JWT: never the git-ignored dev key file."""
    settings.CREDENTIAL_SIGNING_KEY = private_key_pem()
    settings.CREDENTIAL_SIGNING_KEY_FILE = ""


def run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=30).stdout


def approve_practice_hours(*, enrollment, log_entry, supervisor) -> None:
    """Log and approve whatever practice the requirement profile still asks for.

    Each category's shortfall, then any left of the total in the first category; in
    entries of at most ``ENTRY_MINUTES``, one a day going back from yesterday.
    """
    totals = practice_totals(enrollment=enrollment)
    short = {c.name: c.minimum - c.approved for c in totals.categories if not c.met}
    rest = totals.required_total - totals.approved - sum(short.values())
    if rest > 0:
        first = totals.categories[0].name
        short[first] = short.get(first, 0) + rest
    days_ago = itertools.count(1)
    for name, hours in short.items():
        slug = PracticeCategory.objects.get(name=name).slug
        minutes = math.ceil(hours * 4) * 15  # in quarter hours, rounded up
        while minutes > 0:
            chunk = min(minutes, ENTRY_MINUTES)
            entry = log_entry(days_ago=next(days_ago), minutes=chunk, category=slug)
            entry_decide(supervisor=supervisor, entry_id=entry.pk, approve=True)
            minutes -= chunk
    assert practice_totals(enrollment=enrollment).all_met


def squash(text: str) -> str:
    return " ".join(text.split())


def right_answers(quiz: QuizPage) -> dict[str, list[str]]:
    """Question text -> the texts of the options the question bank marks correct.

    Texts are whitespace-normalised, as the browser renders them.
    """
    questions = quiz.question_pool().prefetch_related("options")
    answers = {squash(q.text): [o.text for o in q.options.all() if o.is_correct] for q in questions}
    assert len(answers) == len(questions), "two questions of one quiz share a text"
    return answers


def my_training(page: Page) -> Page:
    page.get_by_role("navigation", name="Main").get_by_role("link", name="My training").click()
    expect(page.get_by_role("heading", name="My training", level=1)).to_be_visible()
    return page


def read_lesson(page: Page, title: str, position: int, count: int) -> None:
    """Read the open lesson: open every section behind a content warning, then mark it done,
    which leads to the next lesson, or after the last one to the module's quiz."""
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
    expect(page.get_by_text(re.compile(rf"^Lesson {position} of {count} ·"))).to_be_visible()
    expect(page.locator("article.lesson-body")).not_to_be_empty()
    # The page's reports are limited to 40 a minute per trainee (courses.views), and this
    # walk reads far faster than anyone could: each lesson starts with a fresh count, as a
    # reader's would after the minutes a lesson takes.
    forget_cached_keys()
    gates = page.locator("details[data-gate]")
    for n in range(gates.count()):
        with page.expect_response(
            lambda r: (
                "/engagement/" in r.url
                and "opened" in (r.request.post_data or "")
                and r.status == 200
            )
        ):
            gates.nth(n).locator("> summary").click()
    label = "Mark as done and continue" if position < count else "Mark as done and go to the quiz"
    page.get_by_role("button", name=label).click()
    expect(page.locator("ul.messages")).to_have_text(f"“{title}” marked as done.")


def attends_every_live_session(programme, enrollment, *, facilitator) -> None:
    """The live skills practice the curriculum plans (each module's live minutes, in its
    domain), held for the trainee's cohort last month, with the trainee present at each
    on the facilitator's register: the live part of the 46 hours, recorded as it is done."""
    cohort = enrollment.cohort or Cohort.objects.create(programme=programme, name="Walk cohort")
    Enrollment.objects.filter(pk=enrollment.pk).update(cohort=cohort)
    start = timezone.now() - timedelta(days=30)
    for module in ModulePage.objects.child_of(programme).live().order_by("path"):
        if not module.live_minutes:
            continue
        session = session_schedule(
            actor=facilitator,
            cohort=cohort,
            title=f"Skills practice: {module.title}",
            starts_at=start,
            ends_at=start + timedelta(minutes=module.live_minutes),
            place="Training room 2",
            facilitators=[facilitator],
            domain_minutes={module.domain: module.live_minutes},
        )
        register_save(
            actor=facilitator,
            session=session,
            entries=[RegisterEntry(enrollment.pk, AttendanceRecord.Status.PRESENT, None, "")],
        )
        start += timedelta(days=1)


def take_quiz(page: Page, quiz: QuizPage) -> None:
    """Start the open quiz page's first attempt, tick the right answers and pass."""
    expect(page.get_by_role("heading", name=quiz.title, level=1)).to_be_visible()
    page.get_by_role("button", name="Start the quiz").click()
    expect(page.get_by_role("heading", name=f"{quiz.title}: attempt 1")).to_be_visible()
    answers = right_answers(quiz)
    # The quiz draws some of its pool's questions for each attempt: as many as were shown.
    shown = Attempt.objects.get(quiz=quiz, status=Attempt.Status.OPEN).questions
    questions = page.get_by_role("group", name=re.compile(r"^Question \d+"))
    expect(questions).to_have_count(len(shown))
    assert len(shown) < len(answers), "the demo quiz draws from a larger pool"
    for question in questions.all():
        text = squash(question.locator(".question-text").inner_text())
        for option in answers[text]:
            question.get_by_label(option, exact=True).check()
    page.get_by_role("button", name="Submit answers").click()
    expect(page.locator("[data-result]")).to_have_text("Passed: 100%")


def test_work_through_the_demo_programme_and_get_a_verified_certificate(
    new_tab,
    log_in,
    live_server,
    tmp_path,
    trainee,
    coordinator,
    practice_programme,
    practice_enrollment,
    assigned_supervisor,
    log_entry,
    settings,
):
    settings.LESSON_ACTIVE_SHARE = 0  # see the module's docstring
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        reason = (
            f"certificate browser test skipped: {', '.join(missing)} not found "
            "(apt-get install poppler-utils zbar-tools)"
        )
        print(reason)
        pytest.skip(reason)

    # Set-up, through the services: the demo's practice requirement (500 hours, as
    # seed_demo sets it, with its sample log) and the supervisor's approval of enough
    # hours to meet it. Nothing of the training is done yet.
    programme, enrollment, holder_name = practice_programme, practice_enrollment, " ".join(HOLDER)
    seed_practice(
        programme=programme,
        trainee_email=trainee.email,
        supervisor_email=assigned_supervisor.email,
        coordinator_email=coordinator.email,
    )
    approve_practice_hours(
        enrollment=enrollment, log_entry=log_entry, supervisor=assigned_supervisor
    )
    attends_every_live_session(programme, enrollment, facilitator=coordinator)
    specs = [
        {
            "slug": module.slug,
            "title": module.title,
            "lessons": [{"title": lesson.title} for lesson in module.lessons],
        }
        for module in read_curriculum(REAL).modules
    ]
    modules = list(ModulePage.objects.child_of(programme).live().order_by("path"))
    assert [m.slug for m in modules] == [spec["slug"] for spec in specs]
    assert all(m.is_required for m in modules)
    quizzes = [QuizPage.objects.child_of(m).live().get() for m in modules]
    enrollment.refresh_from_db()
    still_to_do = credential_eligibility(enrollment=enrollment).missing
    assert still_to_do[0] == "Complete every required module: " + ", ".join(
        spec["title"] for spec in specs
    )
    assert still_to_do[-1] == f"Affirm the {ETHICS_TITLE} (version 1)"
    assert not [item for item in still_to_do if "practice hours" in item], still_to_do
    assert not LessonCompletion.objects.exists()
    assert not Attempt.objects.exists()

    # 1. The trainee resumes from My training: the first lesson of the first module.
    page = my_training(log_in(new_tab(), trainee))
    first_lesson = specs[0]["lessons"][0]["title"]
    page.get_by_role("link", name=f"Resume: {first_lesson}").click()
    expect(page).to_have_url(re.compile(rf"/{programme.slug}/{specs[0]['slug']}/[\w-]+/$"))

    # 2. Module by module, in order: every lesson read to its end, then the quiz passed.
    for number, (spec, quiz) in enumerate(zip(specs, quizzes, strict=True), start=1):
        titles = [lesson["title"] for lesson in spec["lessons"]]
        for position, title in enumerate(titles, start=1):
            # The last lesson's button leads straight to the module's quiz.
            read_lesson(page, title, position, len(titles))
        take_quiz(page, quiz)
        if number < len(specs):
            # The next module has opened: My training resumes at its first lesson.
            next_lesson = specs[number]["lessons"][0]["title"]
            my_training(page).get_by_role("link", name=f"Resume: {next_lesson}").click()

    # 3. The training is complete, but the credential waits for the code of ethics.
    progress = my_training(page).get_by_role("region", name=programme.title)
    expect(progress.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "100")
    expect(progress).to_contain_text("Training complete on")
    expect(progress.locator("[data-module-state]")).to_have_count(len(specs))
    expect(progress.locator('[data-module-state="complete"]')).to_have_count(len(specs))
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None
    assert LessonCompletion.objects.filter(enrollment=enrollment).count() == sum(
        len(spec["lessons"]) for spec in specs
    )
    attempts = Attempt.objects.filter(enrollment=enrollment)
    assert sorted(attempts.values_list("quiz_id", "number", "passed")) == sorted(
        (quiz.pk, 1, True) for quiz in quizzes
    )
    assert not Credential.objects.exists()

    # 4. Their credentials page lists only the code of ethics as still to do.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Credentials").click()
    expect(page).to_have_url(re.compile(r"/credentials/$"))
    expect(page.get_by_role("heading", name="Your credentials", level=1)).to_be_visible()
    panel = page.get_by_role("region", name=programme.title)
    expect(panel).to_contain_text("Still to do before your credential is issued:")
    expect(panel.get_by_role("listitem")).to_have_text([f"Affirm the {ETHICS_TITLE} (version 1)"])
    panel.get_by_role("link", name="Read and affirm the code of ethics").click()
    expect(page).to_have_url(re.compile(rf"/credentials/ethics/{enrollment.pk}/$"))
    expect(page.get_by_role("heading", name=ETHICS_TITLE, level=1)).to_be_visible()
    last_commitment = ETHICS_CODE["text"].strip().split("\n\n")[-1]
    expect(page.get_by_text(last_commitment)).to_be_visible()

    # 5. A name other than the one on the account is refused; nothing is recorded.
    signature = page.get_by_label("Type your full name to affirm that you will keep this code")
    signature.fill(f"{HOLDER[0]} {HOLDER[1][:-1]}")
    page.get_by_role("button", name="I affirm this code of ethics").click()
    expect(page.get_by_role("alert")).to_have_text(
        f"Type your full name exactly as on your account: {holder_name}."
    )
    assert not EthicsAffirmation.objects.exists()
    assert not Credential.objects.exists()

    # 6. Their full name affirms the code, which issues the credential.
    signature.fill(holder_name)
    page.get_by_role("button", name="I affirm this code of ethics").click()
    expect(page).to_have_url(re.compile(r"/credentials/$"), timeout=ISSUE_TIMEOUT_MS)
    expect(page.locator("ul.messages")).to_contain_text(
        "Thank you: your affirmation of the code of ethics is recorded."
    )
    credential = Credential.objects.get(holder=trainee)
    number = credential.number
    # The credential states the 46 hours earned (lessons and live sessions), by domain.
    assert training_hours(enrollment_id=enrollment.pk).hours == 46
    assert credential.achievement["training_hours"] == "46.00"
    panel = page.get_by_role("region", name=programme.title)
    expect(panel).to_contain_text(f"Credential {number} · Active · valid until")
    expect(panel).not_to_contain_text("Still to do")

    # 7. The PDF is already rendered (tasks run inline): it downloads, and its text holds
    #    the holder's name and the credential's number.
    pdf_link = panel.get_by_role("link", name="Download the certificate (PDF)")
    with page.expect_download() as download_info:
        pdf_link.click()
    download = download_info.value
    assert download.failure() is None
    assert download.suggested_filename == f"{number}.pdf"
    pdf = tmp_path / download.suggested_filename
    download.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    text = " ".join(run("pdftotext", "-raw", str(pdf), "-").split())
    assert holder_name in text
    assert number in text

    # 8. The QR code on page 1 holds the public verification address of this number.
    run("pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page"))
    (png,) = tmp_path.glob("page*.png")
    decoded = run("zbarimg", "--quiet", "--raw", str(png)).strip()
    assert urlparse(decoded).path == f"/verify/{number}/", decoded

    # 9. The Open Badges 3.0 credential downloads as a compact JWT.
    with page.expect_download() as download_info:
        panel.get_by_role("link", name="Open Badges 3.0 credential").click()
    download = download_info.value
    assert download.failure() is None
    assert download.suggested_filename == f"{number}.jwt"
    download.save_as(tmp_path / "credential.jwt")
    token = (tmp_path / "credential.jwt").read_text().strip()
    parts = token.split(".")
    assert len(parts) == 3 and all(parts), token[:80]

    # 10. A stranger scans the QR code: a browser with no session sees VALID and the
    #     holder's name, but not their email address.
    stranger = new_tab()
    stranger.goto(urlparse(decoded).path)
    expect(stranger.get_by_role("heading", name="Credential check")).to_be_visible()
    expect(stranger.locator("[data-status]")).to_have_text("VALID")
    expect(stranger.locator("[data-status]")).to_have_attribute("data-status", "VALID")
    expect(stranger.get_by_role("main")).to_contain_text(holder_name)
    expect(stranger.get_by_role("main")).to_contain_text(number)
    assert trainee.email not in stranger.content()
    expect(stranger.get_by_role("link", name="Log in")).to_be_visible()

    # What the database holds: one active credential for the holder, its PDF rendered.
    credentials = Credential.objects.filter(holder=trainee)
    assert credentials.count() == 1
    credential = credentials.get()
    assert credential.status == Credential.Status.ACTIVE
    assert credential.pdf_ready
    assert credential.achievement["holder_name"] == holder_name
    assert credential.achievement["programme"] == programme.title
    assert EthicsAffirmation.objects.get(trainee=trainee).signed_name == holder_name
