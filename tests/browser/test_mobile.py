"""On a phone (390 px, Playwright's ``is_mobile``): nothing ends past the screen's right edge.

With ``is_mobile`` Chromium behaves like a phone's browser: a page wider than the screen is
zoomed out to fit, so a sideways-scrolling page shows up as small print rather than as a
scroll bar. The check therefore measures every element against the screen's width: only
elements inside a deliberate scrolling region (``overflow-x: auto``, such as the wide
gradebook or the weekly chart) may reach past it.

The practice log, the supervisor's queue, the clinic's roster and the dashboards are opened
with realistic content; PEERPATH_SCREENSHOTS=<folder> keeps a screenshot of each.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page

from organisations.roles import Role
from verification.models import RosterEntry

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "screen": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 3,
}

# Every visible element whose right edge is past ``edge`` and that is not inside an element
# which scrolls or clips sideways. Returns short descriptions of the offenders.
PAST_THE_EDGE = """
edge => {
    const clipped = el => {
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
            if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX)) {
                return true;
            }
        }
        return false;
    };
    const name = el => {
        const classes = typeof el.className === 'string' ? el.className.trim() : '';
        return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
            (classes ? '.' + classes.split(/\\s+/).join('.') : '');
    };
    const found = [];
    for (const el of document.body.querySelectorAll('*')) {
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if (!box.width || !box.height || style.visibility === 'hidden') continue;
        if (box.right > edge + 0.5 && !clipped(el)) {
            found.push(`${name(el)} ends at ${Math.round(box.right)} px`);
        }
    }
    return found;
}
"""


def assert_fits_the_phone(page: Page, name: str) -> None:
    folder = os.environ.get("PEERPATH_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"mobile-{name}.png"), full_page=True)
    width = PHONE["viewport"]["width"]
    offenders = page.evaluate(PAST_THE_EDGE, width)
    assert offenders == [], f"{name}: {offenders[:10]}"
    assert page.evaluate("document.documentElement.scrollWidth") <= width, name
    # Not zoomed out: the page is laid out for the phone, so nothing shrinks to fit.
    assert page.evaluate("window.visualViewport.scale") >= 1, name


def test_the_log_queue_roster_and_dashboards_fit_a_phone(
    new_tab,
    log_in,
    trainee,
    practice_enrollment,
    assigned_supervisor,
    log_entry,
    make_member,
    clinic,
    verifier,
    issue_credential,
):
    # A trainee with a few weeks of practice: submitted, drafts, one returned.
    for days_ago, minutes, category in (
        (1, 90, "one-to-one"),
        (3, 120, "group-facilitation"),
        (9, 45, "supervision-received"),
        (16, 60, "one-to-one"),
        (30, 75, "group-facilitation"),
    ):
        log_entry(days_ago=days_ago, minutes=minutes, category=category)
    log_entry(days_ago=2, minutes=30, submit=False)
    # A second trainee of the same supervisor, so the queue has more than one person.
    from courses.services import enrollment_create
    from practice.services import entry_create, entry_submit, supervisor_assign

    other = make_member(Role.TRAINEE, first_name="Oluwaseun", last_name="Adebayo-Fitzgerald")
    enrollment = enrollment_create(trainee=other, programme=practice_enrollment.programme)
    supervisor_assign(
        coordinator=make_member(Role.COORDINATOR),
        organisation=practice_enrollment.programme.organisation,
        trainee=other,
        supervisor=assigned_supervisor,
    )
    from courses.models import CompetencyDomain
    from practice.models import PracticeCategory
    from tests.builders import SAFE_REFLECTION

    entry = entry_create(
        trainee=other,
        enrollment=enrollment,
        date=enrollment.started_at.date(),
        minutes=150,
        category=PracticeCategory.objects.get(slug="one-to-one"),
        domain=CompetencyDomain.objects.get(slug="recovery-and-wellness-support"),
        setting="in_person",
        reflection=SAFE_REFLECTION,
    )
    entry_submit(trainee=other, entry_id=entry.pk)
    # A clinic roster with a long name and a long site.
    for first, last in (("Ada", "Okafor"), ("Bartholomew", "Featherstonehaugh-Smythe")):
        credential = issue_credential(first_name=first, last_name=last)
        RosterEntry.objects.create(
            organisation=clinic, credential=credential, site="Eastside Community Recovery Hub"
        )

    page = log_in(new_tab(**PHONE), trainee)
    assert_fits_the_phone(page, "trainee-dashboard")
    page.goto(f"/practice/{practice_enrollment.pk}/")
    assert_fits_the_phone(page, "practice-log")

    page = log_in(new_tab(**PHONE), assigned_supervisor)
    assert_fits_the_phone(page, "supervisor-dashboard")
    page.goto("/practice/supervision/")
    assert page.locator("input[type=checkbox]").count() >= 2
    assert_fits_the_phone(page, "supervisor-queue")
    # Checkboxes are touch targets of at least 24 x 24 px.
    sizes = page.locator("input[type=checkbox]").evaluate_all(
        "els => els.map(el => { const box = el.getBoundingClientRect(); "
        "return [box.width, box.height]; })"
    )
    assert sizes and all(w >= 24 and h >= 24 for w, h in sizes), sizes

    page = log_in(new_tab(**PHONE), verifier)
    assert_fits_the_phone(page, "verifier-dashboard")
    page.goto(f"/clinics/{clinic.pk}/roster/")
    assert_fits_the_phone(page, "clinic-roster")


def test_success_and_error_messages_differ_in_more_than_colour(tab):
    tab.goto("/accounts/login/")
    prefixes = tab.evaluate(
        """() => ['success', 'error', 'warning'].map(kind => {
            const li = document.createElement('li');
            li.className = 'message message-' + kind;
            li.textContent = 'Text';
            document.querySelector('main').append(li);
            return getComputedStyle(li, '::before').content;
        })"""
    )
    success, error, warning = prefixes
    assert "Done:" in success and "\u2713" in success
    assert "Error:" in error and "\u2715" in error
    assert "Warning:" in warning
    radio_or_box = tab.evaluate(
        """() => ['checkbox', 'radio'].map(type => {
            const input = document.createElement('input');
            input.type = type;
            document.querySelector('main').append(input);
            const box = input.getBoundingClientRect();
            return [box.width, box.height];
        })"""
    )
    assert all(w >= 24 and h >= 24 for w, h in radio_or_box), radio_or_box
