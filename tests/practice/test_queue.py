"""The supervisor's sign-off queue: grouped by trainee, filtered, decided in bulk or one by one.

Every test signs the supervisor in with MFA, as the queue requires, and reads the page as
a browser would get it (BeautifulSoup over the HTML), so a row's error is found on that row.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.utils import timezone

from courses.models import CompetencyDomain, Enrollment
from courses.services import enrollment_create
from notifications.models import Email
from organisations.roles import Role
from practice.models import Decision, LogEntry, PracticeCategory
from practice.services import (
    BULK_APPROVE_MAX,
    entry_create,
    entry_decide,
    entry_submit,
    supervisor_assign,
)
from tests.builders import SAFE_REFLECTION

pytestmark = pytest.mark.django_db

QUEUE = "/practice/supervision/"
DECIDED = "/practice/supervision/decided/"


def day(days_ago: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days_ago)


def submitted(enrollment, *, days_ago=1, minutes=60, category="one-to-one"):
    entry = entry_create(
        trainee=enrollment.trainee,
        enrollment=enrollment,
        date=day(days_ago),
        minutes=minutes,
        category=PracticeCategory.objects.get(slug=category),
        domain=CompetencyDomain.objects.get(slug="recovery-and-wellness-support"),
        setting="in_person",
        reflection=SAFE_REFLECTION,
    )
    return entry_submit(trainee=enrollment.trainee, entry_id=entry.pk)


@pytest.fixture
def add_trainee(make_member, practice_programme, coordinator, provider):
    """add_trainee(supervisor, first_name=...) -> the enrolment of a new trainee they supervise."""

    def add(supervisor, **names):
        trainee = make_member(Role.TRAINEE, **names)
        enrollment = enrollment_create(trainee=trainee, programme=practice_programme)
        Enrollment.objects.filter(pk=enrollment.pk).update(
            started_at=timezone.now() - datetime.timedelta(days=60)
        )
        enrollment.refresh_from_db()
        supervisor_assign(
            coordinator=coordinator, organisation=provider, trainee=trainee, supervisor=supervisor
        )
        return enrollment

    return add


@pytest.fixture
def desk(client, assigned_supervisor, mfa_login):
    """The assigned supervisor's browser, signed in with MFA."""
    mfa_login(client, assigned_supervisor)
    return client


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def text(node) -> str:
    return " ".join(node.get_text(" ").split())


def row(page: BeautifulSoup, entry):
    return page.select_one(f'tr[data-entry="{entry.pk}"]')


def group_order(page: BeautifulSoup) -> list[int]:
    return [int(section["data-trainee"]) for section in page.select("section[data-trainee]")]


def entry_order(page: BeautifulSoup) -> list[int]:
    return [int(tr["data-entry"]) for tr in page.select("tr[data-entry]")]


# ------------------------------------------------------------------ grouping and totals


def test_entries_are_grouped_by_trainee_the_one_waiting_longest_first(
    desk, assigned_supervisor, practice_enrollment, add_trainee
):
    ada = practice_enrollment
    bea = add_trainee(assigned_supervisor, first_name="Bea", last_name="Quist")
    ada_recent = submitted(ada, days_ago=2, minutes=90)
    ada_older = submitted(ada, days_ago=5, minutes=60, category="group-facilitation")
    bea_oldest = submitted(bea, days_ago=9, minutes=45)

    page = soup(desk.get(QUEUE))

    assert group_order(page) == [bea.trainee.pk, ada.trainee.pk]
    assert entry_order(page) == [bea_oldest.pk, ada_older.pk, ada_recent.pk]
    ada_group = page.select_one(f'section[data-trainee="{ada.trainee.pk}"]')
    assert ada_group.h2.get_text(strip=True) == ada.trainee.get_full_name()
    totals = ada_group.select_one("[data-waiting-hours]")
    assert totals["data-waiting-hours"] == "2.5"
    assert "2 entries, 2.5 hours waiting" in text(totals)
    assert f"oldest {ada_older.date:%b} {ada_older.date.day}, {ada_older.date.year}" in text(totals)
    summary = page.select_one("[data-waiting-total]")
    assert summary["data-waiting-total"] == "3.25"
    assert "3 entries (3.25 hours) from 2 trainees" in text(summary)
    # One select-all box per trainee (shown by the script), for that trainee's rows.
    select_all = ada_group.select_one("input[data-select-group]")
    assert select_all["data-select-group"] == str(ada.trainee.pk)
    assert {box["data-group"] for box in ada_group.select('input[name="entries"]')} == {
        str(ada.trainee.pk)
    }


def test_approve_and_return_are_different_and_the_comment_box_opens_only_on_return(desk, log_entry):
    entry = log_entry()

    cells = row(soup(desk.get(QUEUE)), entry)

    approve = cells.select_one('button[name="decision"][value="approve"]')
    assert approve.get_text(strip=True) == "Approve"
    details = cells.select_one("details.return-box")
    assert details.summary.get_text(strip=True) == "Return…"
    assert not details.has_attr("open")  # closed: no comment box until "Return…"
    assert details.select_one("textarea[name=comment]") is not None
    return_button = details.select_one("button")
    assert return_button.get_text(strip=True) == "Return to trainee"
    assert set(approve["class"]).isdisjoint(return_button["class"])
    assert len(cells.select("textarea")) == 1


def test_a_resubmitted_entry_shows_it_was_returned_before_with_the_comment(
    desk, assigned_supervisor, log_entry, trainee
):
    entry = log_entry()
    entry_decide(
        supervisor=assigned_supervisor,
        entry_id=entry.pk,
        approve=False,
        comment="Say which domain you worked in.",
    )
    entry_submit(trainee=trainee, entry_id=entry.pk)
    fresh = log_entry(days_ago=3)

    page = soup(desk.get(QUEUE))

    marker = row(page, entry).select_one("[data-returned-before]")
    assert "Returned before" in text(marker)
    assert "Say which domain you worked in." in text(marker)
    assert assigned_supervisor.get_full_name() in text(marker)
    assert row(page, fresh).select_one("[data-returned-before]") is None


def test_a_trainee_whose_entries_cross_a_page_boundary_continues_on_the_next_page(
    desk, assigned_supervisor, practice_enrollment, add_trainee
):
    ada, bea = practice_enrollment, add_trainee(assigned_supervisor)
    category = PracticeCategory.objects.get(slug="one-to-one")
    domain = CompetencyDomain.objects.first()

    def waiting(enrollment, days_ago):
        return LogEntry(
            enrollment=enrollment,
            date=day(days_ago),
            minutes=30,
            category=category,
            domain=domain,
            setting="phone",
            reflection="Listened and planned next steps together.",
            status=LogEntry.Status.SUBMITTED,
            submission_round=1,
        )

    # Ada has waited longest (40 days); Bea's 45 entries share dates, so ids break ties.
    LogEntry.objects.bulk_create([waiting(ada, 40 - i % 10) for i in range(30)])
    LogEntry.objects.bulk_create([waiting(bea, 30 - i % 5) for i in range(45)])
    expected = [
        *LogEntry.objects.filter(enrollment=ada)
        .order_by("date", "pk")
        .values_list("pk", flat=True),
        *LogEntry.objects.filter(enrollment=bea)
        .order_by("date", "pk")
        .values_list("pk", flat=True),
    ]

    pages = [soup(desk.get(QUEUE, {"page": number})) for number in (1, 2)]

    assert entry_order(pages[0]) + entry_order(pages[1]) == expected
    assert len(entry_order(pages[0])) == 50
    assert group_order(pages[0]) == [ada.trainee.pk, bea.trainee.pk]
    assert group_order(pages[1]) == [bea.trainee.pk]
    bea_on_second = pages[1].select_one(f'section[data-trainee="{bea.trainee.pk}"]')
    assert "45 entries, 22.5 hours waiting" in text(bea_on_second)
    assert "25 of them on this page." in text(bea_on_second)
    assert "Page 2 of 2" in text(pages[1])


def test_a_page_inside_one_trainees_entries_shows_the_next_fifty(desk, practice_enrollment):
    category = PracticeCategory.objects.get(slug="one-to-one")
    domain = CompetencyDomain.objects.first()
    LogEntry.objects.bulk_create(
        LogEntry(
            enrollment=practice_enrollment,
            date=day(20 - i % 7),
            minutes=30,
            category=category,
            domain=domain,
            setting="phone",
            reflection="Listened and planned next steps together.",
            status=LogEntry.Status.SUBMITTED,
            submission_round=1,
        )
        for i in range(125)
    )
    oldest_first = list(LogEntry.objects.order_by("date", "pk").values_list("pk", flat=True))

    shown = [entry_order(soup(desk.get(QUEUE, {"page": n}))) for n in (1, 2, 3)]

    assert shown == [oldest_first[:50], oldest_first[50:100], oldest_first[100:]]


# ------------------------------------------------------------------ filters


def test_filters_by_trainee_category_and_dates(
    desk, assigned_supervisor, practice_enrollment, add_trainee
):
    ada = practice_enrollment
    bea = add_trainee(assigned_supervisor, first_name="Bea", last_name="Quist")
    one = submitted(ada, days_ago=2)
    group = submitted(ada, days_ago=6, category="group-facilitation")
    old = submitted(ada, days_ago=20)
    bea_entry = submitted(bea, days_ago=3)
    group_category = PracticeCategory.objects.get(slug="group-facilitation")

    def shown(**params) -> list[int]:
        response = desk.get(QUEUE, params)
        assert response.status_code == 200
        return entry_order(soup(response))

    assert shown(trainee=bea.trainee.pk) == [bea_entry.pk]
    assert shown(category=group_category.pk) == [group.pk]
    assert sorted(shown(date_from=day(7).isoformat(), date_to=day(1).isoformat())) == sorted(
        [one.pk, group.pk, bea_entry.pk]
    )
    assert shown(trainee=ada.trainee.pk, date_to=day(10).isoformat()) == [old.pk]
    assert shown(trainee=ada.trainee.pk, date_from=day(1).isoformat()) == []
    page = soup(desk.get(QUEUE, {"trainee": ada.trainee.pk, "date_from": day(1).isoformat()}))
    assert "No waiting entry matches these filters." in text(page)
    # The filters are kept in the forms that decide, so the supervisor comes back to them.
    page = soup(desk.get(QUEUE, {"trainee": ada.trainee.pk}))
    chosen = page.select_one("select[name=trainee] option[selected]")
    assert (chosen["value"], chosen.get_text()) == (
        str(ada.trainee.pk),
        ada.trainee.get_full_name(),
    )
    assert f"trainee={ada.trainee.pk}" in page.select_one("#bulk-form")["action"]
    assert f"trainee={ada.trainee.pk}" in row(page, one).select_one("form")["action"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"trainee": "abc"}, "Choose one of the trainees you supervise."),
        ({"trainee": "9" * 5000}, "Choose one of the trainees you supervise."),
        ({"trainee": "-3"}, "Choose one of the trainees you supervise."),
        ({"category": "99999"}, "Choose one of the practice categories."),
        ({"category": "group"}, "Choose one of the practice categories."),
        ({"date_from": "2026-13-45"}, "Enter the start date as year-month-day"),
        ({"date_to": "yesterday"}, "Enter the end date as year-month-day"),
        ({"date_from": "2026-03-10", "date_to": "2026-03-01"}, "The end date is before"),
    ],
)
def test_a_bad_filter_is_named_next_to_its_field_and_nothing_is_filtered(
    desk, log_entry, params, message
):
    entry = log_entry()

    response = desk.get(QUEUE, params)

    assert response.status_code == 400
    page = soup(response)
    errors = page.select(".queue-filters [role=alert]")
    assert [message in text(error) for error in errors] == [True]
    assert "These filters were not applied" in text(page.select_one("[data-filter-error]"))
    assert entry_order(page) == [entry.pk]  # the whole queue, unfiltered


def test_another_supervisors_trainee_is_not_a_filter_choice_and_never_shown(
    desk, make_member, with_totp, add_trainee, log_entry
):
    mine = log_entry()
    other_supervisor = make_member(Role.SUPERVISOR)
    with_totp(other_supervisor)
    theirs = add_trainee(other_supervisor, first_name="Cleo", last_name="Else")
    their_entry = submitted(theirs, days_ago=4)

    page = soup(desk.get(QUEUE))
    assert entry_order(page) == [mine.pk]
    assert theirs.trainee.get_full_name() not in text(page)
    choices = [option["value"] for option in page.select("select[name=trainee] option")]
    assert str(theirs.trainee.pk) not in choices

    response = desk.get(QUEUE, {"trainee": theirs.trainee.pk})
    assert response.status_code == 400
    assert their_entry.pk not in entry_order(soup(response))
    assert theirs.trainee.get_full_name() not in response.content.decode()


# ------------------------------------------------------------------ returning one entry


def test_returning_without_a_comment_shows_the_error_on_that_row(desk, log_entry):
    first, second = log_entry(days_ago=2), log_entry(days_ago=1)

    response = desk.post(
        f"/practice/supervision/entries/{second.pk}/decide/",
        {"decision": "return", "comment": "   "},
    )

    assert response.status_code == 400
    page = soup(response)
    box = row(page, second).select_one("details.return-box")
    assert box.has_attr("open")
    error = box.select_one("[role=alert]")
    assert "Say what needs changing" in text(error)
    textarea = box.select_one("textarea")
    assert textarea["aria-describedby"] == error["id"]
    assert textarea["aria-invalid"] == "true"
    assert not row(page, first).select_one("details.return-box").has_attr("open")
    assert page.select_one("ul.messages") is None  # not at the top of the page
    assert LogEntry.objects.get(pk=second.pk).status == LogEntry.Status.SUBMITTED
    assert not Decision.objects.exists()


def test_a_comment_too_long_keeps_the_text_typed_on_its_row(desk, log_entry):
    entry = log_entry()
    comment = "Please say more about what you did. " * 40  # over 1,000 characters

    response = desk.post(
        f"/practice/supervision/entries/{entry.pk}/decide/",
        {"decision": "return", "comment": comment},
    )

    assert response.status_code == 400
    box = row(soup(response), entry).select_one("details.return-box")
    assert "Keep the comment to 1000 characters." in text(box.select_one("[role=alert]"))
    assert box.select_one("textarea").get_text() == comment
    assert not Decision.objects.exists()


def test_a_return_with_a_comment_goes_back_to_the_same_filtered_page(
    desk, log_entry, trainee, django_capture_on_commit_callbacks
):
    entry = log_entry()
    url = f"/practice/supervision/entries/{entry.pk}/decide/?trainee={trainee.pk}&page=1"

    with django_capture_on_commit_callbacks(execute=True):
        response = desk.post(url, {"decision": "return", "comment": "Which domain?"})

    assert response.status_code == 302
    assert response["Location"] == f"{QUEUE}?trainee={trainee.pk}&page=1"
    assert LogEntry.objects.get(pk=entry.pk).status == LogEntry.Status.RETURNED
    (email,) = mail.outbox
    assert email.subject == "[Peerpath] Practice entry returned"


# ------------------------------------------------------------------ bulk approval


def test_bulk_approval_sends_one_email_per_trainee_listing_the_entries(
    desk, assigned_supervisor, practice_enrollment, add_trainee, django_capture_on_commit_callbacks
):
    ada = practice_enrollment
    bea = add_trainee(assigned_supervisor, first_name="Bea", last_name="Quist")
    ada_entries = [
        submitted(ada, days_ago=3, minutes=90),
        submitted(ada, days_ago=2, minutes=60, category="group-facilitation"),
    ]
    ada_left = submitted(ada, days_ago=1)
    bea_entries = [submitted(bea, days_ago=d, minutes=45) for d in (4, 5, 6)]

    with django_capture_on_commit_callbacks(execute=True):
        response = desk.post(
            "/practice/supervision/approve/",
            {"entries": [e.pk for e in ada_entries + bea_entries]},
            follow=True,
        )

    assert "Approved 5 entries (4.75 hours)." in text(soup(response).select_one("ul.messages"))
    assert LogEntry.objects.get(pk=ada_left.pk).status == LogEntry.Status.SUBMITTED
    assert Decision.objects.filter(outcome="approved").count() == 5
    emails = Email.objects.order_by("pk")
    assert [email.to for email in emails] == [[ada.trainee.email], [bea.trainee.email]]
    ada_email = emails[0]
    assert ada_email.subject == "[Peerpath] 2 practice entries approved (2.5 hours)"
    first, second = ada_entries
    assert (
        f"{assigned_supervisor.get_full_name()} approved 2 of your practice entries, "
        "2.5 hours in all." in ada_email.body_text
    )
    assert (
        f"- {first.date:%B} {first.date.day}, {first.date.year}: 1.5 hours of "
        "one-to-one peer support\n"
        f"- {second.date:%B} {second.date.day}, {second.date.year}: 1 hour of "
        "group facilitation\n"
    ) in ada_email.body_text
    assert ada_email.body_text.rstrip().endswith(f"/practice/{ada.pk}/")
    assert emails[1].subject == "[Peerpath] 3 practice entries approved (2.25 hours)"
    assert len(mail.outbox) == 2  # delivered: one each, not one per entry


def test_one_entry_approved_in_bulk_gets_the_single_entry_email(
    desk, log_entry, django_capture_on_commit_callbacks
):
    entry = log_entry(minutes=90)

    with django_capture_on_commit_callbacks(execute=True):
        desk.post("/practice/supervision/approve/", {"entries": [entry.pk]})

    (email,) = Email.objects.all()
    assert email.subject == "[Peerpath] Practice hours approved"
    assert f"/practice/{entry.enrollment_id}/#entry-{entry.pk}" in email.body_text


def test_a_forged_id_in_a_bulk_post_changes_nothing(
    desk, make_member, with_totp, add_trainee, log_entry, django_capture_on_commit_callbacks
):
    mine = log_entry()
    other_supervisor = make_member(Role.SUPERVISOR)
    with_totp(other_supervisor)
    theirs = submitted(add_trainee(other_supervisor), days_ago=2)
    before = (Decision.objects.count(), Email.objects.count())

    with django_capture_on_commit_callbacks(execute=True):
        response = desk.post(
            "/practice/supervision/approve/", {"entries": [theirs.pk, mine.pk]}, follow=True
        )

    assert LogEntry.objects.get(pk=theirs.pk).status == LogEntry.Status.SUBMITTED
    assert not Decision.objects.filter(entry=theirs).exists()
    assert Decision.objects.count() == before[0] + 1  # only mine
    assert LogEntry.objects.get(pk=mine.pk).status == LogEntry.Status.APPROVED
    assert [email.to for email in Email.objects.all()] == [[mine.enrollment.trainee.email]]
    messages = text(soup(response).select_one("ul.messages"))
    assert "1 entry was not approved: It is not waiting for your sign-off." in messages
    assert theirs.enrollment.trainee.get_full_name() not in messages


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ([], "Tick the entries you want to approve."),
        (["12", "x"], "an entry number was not a number"),
        ([str(n) for n in range(1, BULK_APPROVE_MAX + 2)], "Approve at most 100 entries"),
    ],
)
def test_a_bad_bulk_post_is_refused_with_a_message(desk, log_entry, entries, message):
    entry = log_entry()

    response = desk.post("/practice/supervision/approve/", {"entries": entries}, follow=True)

    assert message in text(soup(response).select_one("ul.messages"))
    assert LogEntry.objects.get(pk=entry.pk).status == LogEntry.Status.SUBMITTED
    assert not Decision.objects.exists()


# ------------------------------------------------------------------ the Decided tab


def test_the_decided_tab_lists_my_decisions_newest_first_and_pages(
    desk, assigned_supervisor, log_entry, make_member, with_totp
):
    returned = log_entry(days_ago=3)
    approved = log_entry(days_ago=2)
    entry_decide(
        supervisor=assigned_supervisor, entry_id=returned.pk, approve=False, comment="Which?"
    )
    entry_decide(supervisor=assigned_supervisor, entry_id=approved.pk, approve=True)
    # Someone else's decision on another entry: never in this supervisor's history.
    stranger = make_member(Role.SUPERVISOR)
    other = log_entry(days_ago=4)
    Decision.objects.create(
        entry=other,
        submission_round=1,
        supervisor=stranger,
        supervisor_name="Someone Else",
        supervisor_role="Supervisor",
        outcome="approved",
        verification_code="XXXX-XXXX-0001",
    )

    page = soup(desk.get(DECIDED))

    rows = page.select("tr[data-decision]")
    assert [r["data-outcome"] for r in rows] == ["approved", "returned"]
    assert "Which?" in text(rows[1])
    assert "Someone Else" not in text(page)
    assert page.select_one('.queue-tabs a[aria-current="page"]').get_text(strip=True) == (
        "Decided by you"
    )


def test_the_decided_tab_pages_fifty_at_a_time(desk, assigned_supervisor, log_entry):
    entry = log_entry()
    Decision.objects.bulk_create(
        Decision(
            entry=entry,
            submission_round=round_,
            supervisor=assigned_supervisor,
            supervisor_name="Sam",
            supervisor_role="Supervisor",
            outcome="returned",
            comment=f"Comment {round_}",
            verification_code=f"CODE-{round_:04d}",
        )
        for round_ in range(1, 56)
    )

    first = soup(desk.get(DECIDED))
    second = soup(desk.get(DECIDED, {"page": 2}))

    assert len(first.select("tr[data-decision]")) == 50
    assert len(second.select("tr[data-decision]")) == 5
    assert "Page 2 of 2" in text(second)
    assert desk.get(DECIDED, {"page": "x" * 300}).status_code == 200


# ------------------------------------------------------------------ scale


@pytest.mark.parametrize("entries", [5, 50])
def test_the_queue_runs_the_same_queries_for_5_or_50_entries(
    entries,
    desk,
    assigned_supervisor,
    practice_enrollment,
    add_trainee,
    django_assert_max_num_queries,
):
    other = add_trainee(assigned_supervisor)
    category = PracticeCategory.objects.get(slug="one-to-one")
    domain = CompetencyDomain.objects.first()
    LogEntry.objects.bulk_create(
        LogEntry(
            enrollment=(practice_enrollment, other)[i % 2],
            date=day(1 + i % 40),
            minutes=30,
            category=category,
            domain=domain,
            setting="phone",
            reflection="Listened and planned next steps together.",
            status=LogEntry.Status.SUBMITTED,
            submission_round=2,
        )
        for i in range(entries)
    )
    Decision.objects.bulk_create(
        Decision(
            entry=entry,
            submission_round=1,
            supervisor=assigned_supervisor,
            supervisor_name="Sam",
            supervisor_role="Supervisor",
            outcome="returned",
            comment="Add the domain.",
            verification_code=f"RET-{entry.pk:06d}",
        )
        for entry in LogEntry.objects.all()
    )
    params = {"category": category.pk, "date_from": day(60).isoformat()}
    desk.get(QUEUE, params)

    with django_assert_max_num_queries(13):
        response = desk.get(QUEUE, params)

    page = soup(response)
    assert len(entry_order(page)) == entries
    assert len(page.select("[data-returned-before]")) == entries
