"""The supervisor's sign-off queue in a real browser, at 1280 px and on a 390 px phone.

Two trainees wait: the one waiting longest comes first, each with their total hours. The
supervisor returns one entry (first without a comment: the error shows on that row), ticks
one trainee's entries with "select all" and one more by hand, approves them together, and
each trainee gets one email for what was approved together. The "Decided" tab lists what
they did. On a phone nothing ends past the screen's edge; without JavaScript, "Return…"
still opens its comment box and returning works.

Entries are logged and submitted through the services: the trainee's side has its own
journey (test_practice.py).
"""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from playwright.sync_api import Page, expect

from courses.models import CompetencyDomain, Enrollment, RequirementProfile
from courses.services import enrollment_create
from notifications.models import Email
from organisations.roles import Role
from practice.models import Decision, LogEntry, PracticeCategory, PracticeHourMinimum
from practice.services import entry_create, entry_decide, entry_submit, supervisor_assign

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

EARLIER_COMMENT = "Please say which competency domain this was."
RETURN_COMMENT = "Was this one-to-one or a group? The note reads like a group."
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}

# Every element that ends past the viewport's right edge, outside a region that scrolls
# sideways on purpose (overflow-x: auto or scroll) or clips what it holds (the table head
# a stacked table hides off-screen for screen readers).
OVERFLOWING = """() => {
    const width = document.documentElement.clientWidth;
    const contained = (el) => {
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
            const x = getComputedStyle(p).overflowX;
            if (x !== "visible") return true;
        }
        return false;
    };
    return [...document.querySelectorAll("body *")]
        .filter((el) => {
            const box = el.getBoundingClientRect();
            return box.width > 0 && box.right > width + 1 && !contained(el);
        })
        .map((el) => {
            const right = Math.round(el.getBoundingClientRect().right);
            return `${el.tagName.toLowerCase()}.${el.className} ends at ${right}`;
        });
}"""


@pytest.fixture
def programme(build_programme, site_structure):
    profile = RequirementProfile.objects.create(name="Practice", practice_hours_total=Decimal(10))
    for order, slug in enumerate(["one-to-one", "group-facilitation", "supervision-received"]):
        PracticeHourMinimum.objects.create(
            profile=profile,
            category=PracticeCategory.objects.get(slug=slug),
            hours=Decimal(2),
            sort_order=order,
        )
    return build_programme(slug="practice", modules=1, lessons=1, requirement_profile=profile)


@pytest.fixture
def supervisor(make_member, with_totp):
    supervisor = make_member(Role.SUPERVISOR, first_name="Bernard", last_name="Okoye")
    with_totp(supervisor)
    return supervisor


@pytest.fixture
def supervise(programme, supervisor, make_member, provider):
    """supervise(first_name, last_name) -> the enrolment of a trainee ``supervisor`` has."""
    coordinator = make_member(Role.COORDINATOR)

    def add(first_name: str, last_name: str) -> Enrollment:
        trainee = make_member(Role.TRAINEE, first_name=first_name, last_name=last_name)
        enrollment = enrollment_create(trainee=trainee, programme=programme)
        Enrollment.objects.filter(pk=enrollment.pk).update(
            started_at=timezone.now() - datetime.timedelta(days=60)
        )
        enrollment.refresh_from_db()
        supervisor_assign(
            coordinator=coordinator, organisation=provider, trainee=trainee, supervisor=supervisor
        )
        return enrollment

    return add


def submitted(enrollment, *, days_ago: int, minutes: int, category: str, note: str) -> LogEntry:
    entry = entry_create(
        trainee=enrollment.trainee,
        enrollment=enrollment,
        date=timezone.localdate() - datetime.timedelta(days=days_ago),
        minutes=minutes,
        category=PracticeCategory.objects.get(slug=category),
        domain=CompetencyDomain.objects.get(slug="recovery-and-wellness-support"),
        setting="in_person",
        reflection=note,
    )
    return entry_submit(trainee=enrollment.trainee, entry_id=entry.pk)


def row(page: Page, entry: LogEntry):
    return page.locator(f'tr[data-entry="{entry.pk}"]')


def group(page: Page, enrollment: Enrollment):
    return page.locator(f'section[data-trainee="{enrollment.trainee_id}"]')


def checkbox(page: Page, entry: LogEntry):
    trainee = entry.enrollment.trainee.get_full_name()
    name = f"Select entry of {date_format(entry.date, 'M j, Y')} by {trainee}"
    return page.get_by_role("checkbox", name=name, exact=True)


def expect_fits(page: Page) -> None:
    assert page.evaluate(OVERFLOWING) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_a_supervisor_decides_a_mixed_queue_grouped_by_trainee(
    new_tab, log_in, supervisor, supervise, tmp_path
):
    amara = supervise("Amara", "Lindqvist")
    bea = supervise("Bea", "Quist")
    a1 = submitted(amara, days_ago=4, minutes=90, category="one-to-one", note="Walked and talked.")
    a2 = submitted(
        amara,
        days_ago=3,
        minutes=60,
        category="group-facilitation",
        note="Co-led the check-in group.",
    )
    a3 = submitted(amara, days_ago=2, minutes=45, category="one-to-one", note="Short call.")
    b1 = submitted(bea, days_ago=6, minutes=120, category="one-to-one", note="Planned a week.")
    b2 = submitted(bea, days_ago=5, minutes=60, category="supervision-received", note="Boundaries.")
    # b1 was returned once and sent again: the queue says so, with the earlier comment.
    entry_decide(supervisor=supervisor, entry_id=b1.pk, approve=False, comment=EARLIER_COMMENT)
    entry_submit(trainee=bea.trainee, entry_id=b1.pk)
    Email.objects.all().delete()

    # 1. At 1280 px: Bea (waiting since 6 days ago) first, then Amara, each with totals.
    desk = new_tab(viewport={"width": 1280, "height": 900})
    log_in(desk, supervisor)
    desk.get_by_role("link", name="Supervision").click()
    expect(desk.get_by_role("heading", name="Entries waiting for your sign-off")).to_be_visible()
    expect(desk.locator("section[data-trainee] h2")).to_have_text(["Bea Quist", "Amara Lindqvist"])
    expect(group(desk, bea).locator("[data-waiting-hours]")).to_contain_text(
        "2 entries, 3 hours waiting"
    )
    expect(group(desk, amara).locator("[data-waiting-hours]")).to_contain_text(
        "3 entries, 3.25 hours waiting"
    )
    expect(row(desk, b1).locator("[data-returned-before]")).to_contain_text(EARLIER_COMMENT)
    expect(row(desk, b2).locator("[data-returned-before]")).to_have_count(0)
    # No comment box until "Return…" is opened; Approve and Return look different.
    expect(desk.locator("textarea:visible")).to_have_count(0)
    approve = row(desk, a3).get_by_role("button", name="Approve", exact=True)
    summary = row(desk, a3).get_by_text("Return…")
    colours = [
        element.evaluate("e => getComputedStyle(e).backgroundColor + getComputedStyle(e).color")
        for element in (approve, summary)
    ]
    assert colours[0] != colours[1]
    desk.screenshot(path=tmp_path / "queue-1280.png", full_page=True)

    # 2. Returning a3 without a comment: the error is on a3's row, the box stays open.
    summary.click()
    comment = row(desk, a3).get_by_label("Comment (needed to return)")
    expect(comment).to_be_focused()
    row(desk, a3).get_by_role("button", name="Return to trainee").click()
    alert = row(desk, a3).get_by_role("alert")
    expect(alert).to_contain_text("Say what needs changing, so the trainee can fix it.")
    expect(desk.locator("ul.messages")).to_have_count(0)
    desk.screenshot(path=tmp_path / "queue-1280-return-error.png", full_page=True)
    assert LogEntry.objects.get(pk=a3.pk).status == LogEntry.Status.SUBMITTED

    row(desk, a3).get_by_label("Comment (needed to return)").fill(RETURN_COMMENT)
    row(desk, a3).get_by_role("button", name="Return to trainee").click()
    expect(desk.locator("ul.messages")).to_contain_text("Returned to the trainee.")
    expect(row(desk, a3)).to_have_count(0)

    # 3. "Select all" for Bea ticks both of hers; a1 ticked by hand leaves Amara's box
    #    half-ticked. Approving sends one email per trainee.
    group(desk, bea).get_by_label("Select all 2 of Bea Quist").check()
    expect(checkbox(desk, b1)).to_be_checked()
    expect(checkbox(desk, b2)).to_be_checked()
    checkbox(desk, a1).check()
    amara_all = group(desk, amara).get_by_label("Select all 2 of Amara Lindqvist")
    assert amara_all.evaluate("box => box.indeterminate")
    expect(desk.locator("[data-selected-count]")).to_have_text("3 selected")
    desk.get_by_role("button", name="Approve selected").click()
    expect(desk.locator("ul.messages")).to_contain_text("Approved 3 entries (4.5 hours).")
    expect(desk.locator("tr[data-entry]")).to_have_count(1)
    expect(row(desk, a2)).to_be_visible()

    statuses = dict(LogEntry.objects.values_list("pk", "status"))
    assert statuses == {
        a1.pk: "approved",
        a2.pk: "submitted",
        a3.pk: "returned",
        b1.pk: "approved",
        b2.pk: "approved",
    }
    (digest,) = Email.objects.filter(to=[bea.trainee.email])
    assert digest.subject == "[Peerpath] 2 practice entries approved (3 hours)"
    assert "2 hours of one-to-one peer support" in digest.body_text
    assert "1 hour of supervision received" in digest.body_text
    assert digest.body_text.rstrip().endswith(f"/practice/{bea.pk}/")
    amara_subjects = sorted(
        Email.objects.filter(to=[amara.trainee.email]).values_list("subject", flat=True)
    )
    assert amara_subjects == [
        "[Peerpath] Practice entry returned",
        "[Peerpath] Practice hours approved",
    ]

    # 4. The "Decided" tab: the supervisor's own decisions, newest first.
    desk.get_by_role("link", name="Decided by you").click()
    expect(desk.get_by_role("heading", name="Your sign-off decisions")).to_be_visible()
    expect(desk.locator("tr[data-decision]")).to_have_count(5)
    newest_first = list(
        Decision.objects.filter(supervisor=supervisor)
        .order_by("-decided_at", "-pk")
        .values_list("pk", flat=True)
    )
    assert [
        int(value)
        for value in desk.locator("tr[data-decision]").evaluate_all(
            "rows => rows.map(r => r.dataset.decision)"
        )
    ] == newest_first
    expect(desk.locator(f'tr[data-decision="{newest_first[-1]}"]')).to_contain_text(EARLIER_COMMENT)
    desk.screenshot(path=tmp_path / "decided-1280.png", full_page=True)

    # 5. On a 390 px phone: the queue (with a "Return…" box open) and the Decided tab fit.
    b3 = submitted(
        bea, days_ago=1, minutes=30, category="one-to-one", note="A quick check-in call."
    )
    # The same signed-in session (a TOTP code is accepted once, so no second sign-in).
    session = desk.context.storage_state()
    phone = new_tab(storage_state=session, **PHONE)
    phone.goto("/practice/supervision/")
    expect(phone.locator("tr[data-entry]")).to_have_count(2)
    expect_fits(phone)
    phone.screenshot(path=tmp_path / "queue-390.png", full_page=True)
    row(phone, b3).get_by_text("Return…").click()
    expect(row(phone, b3).get_by_label("Comment (needed to return)")).to_be_visible()
    expect_fits(phone)
    phone.screenshot(path=tmp_path / "queue-390-return.png", full_page=True)
    phone.goto("/practice/supervision/decided/")
    expect(phone.locator("tr[data-decision]")).to_have_count(5)
    expect_fits(phone)
    phone.screenshot(path=tmp_path / "decided-390.png", full_page=True)

    # 6. Without JavaScript: no "select all" box, but "Return…" opens and returning works;
    #    the filter narrows the queue to one trainee.
    plain = new_tab(
        storage_state=session, java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    plain.goto("/practice/supervision/")
    expect(plain.locator("[data-select-all]").first).to_be_hidden()
    plain.get_by_label("Trainee", exact=True).select_option(label="Amara Lindqvist")
    plain.get_by_role("button", name="Filter").click()
    expect(plain.locator("tr[data-entry]")).to_have_count(1)
    row(plain, a2).get_by_text("Return…").click()
    row(plain, a2).get_by_label("Comment (needed to return)").fill(RETURN_COMMENT)
    row(plain, a2).get_by_role("button", name="Return to trainee").click()
    expect(plain.locator("ul.messages")).to_contain_text("Returned to the trainee.")
    expect(plain.get_by_text("No waiting entry matches these filters.")).to_be_visible()
    assert LogEntry.objects.get(pk=a2.pk).status == LogEntry.Status.RETURNED
