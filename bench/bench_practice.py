"""Practice log speed: the supervisor queue for a supervisor of 200 trainees x 500 entries,
the trainee totals page, the signed report PDF for 500 entries, and the confidentiality
guard's precision and recall on the labelled examples in tests/practice/.

Run: make bench   (or: .venv/bin/python bench/bench_practice.py)
"""

import datetime
import sys
import time
from pathlib import Path

from harness import bench_database, median_ms, print_table

TRAINEES, ENTRIES_EACH = 200, 500
ROOT = Path(__file__).resolve().parent.parent


def build():
    from allauth.mfa.models import Authenticator
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from courses.models import (
        CompetencyDomain,
        Enrollment,
        ProgrammePage,
        ProviderPage,
        RequirementProfile,
    )
    from organisations.models import Membership, Organisation
    from organisations.roles import Role
    from practice.models import (
        Decision,
        LogEntry,
        PracticeCategory,
        PracticeHourMinimum,
        SupervisorAssignment,
    )

    User = get_user_model()
    provider = Organisation.objects.create(name="Bench provider", slug="bench", kind="provider")
    profile = RequirementProfile.objects.create(name="Bench", practice_hours_total=500)
    categories = list(PracticeCategory.objects.all())
    for order, category in enumerate(categories):
        PracticeHourMinimum.objects.create(
            profile=profile, category=category, hours=50, sort_order=order
        )
    programme = ProviderPage.objects.get(organisation=provider).add_child(
        instance=ProgrammePage(
            title="Bench",
            slug="bench",
            summary="s",
            requirement_profile=profile,
            live=True,
        )
    )
    supervisor = User.objects.create_user(
        email="sup@bench.example", first_name="Sam", last_name="Sup"
    )
    Authenticator.objects.create(user=supervisor, type="totp", data={"secret": "JBSWY3DPEHPK3PXP"})
    Membership.objects.create(user=supervisor, organisation=provider, role=Role.SUPERVISOR)
    trainees = User.objects.bulk_create(
        User(email=f"t{i}@bench.example", first_name="Trainee", last_name=str(i))
        for i in range(TRAINEES)
    )
    Membership.objects.bulk_create(
        Membership(user=t, organisation=provider, role=Role.TRAINEE) for t in trainees
    )
    SupervisorAssignment.objects.bulk_create(
        SupervisorAssignment(organisation=provider, trainee=t, supervisor=supervisor)
        for t in trainees
    )
    started = timezone.now() - datetime.timedelta(days=400)
    enrollments = Enrollment.objects.bulk_create(
        Enrollment(trainee=t, programme=programme, started_at=started) for t in trainees
    )
    domain = CompetencyDomain.objects.first()
    today = timezone.localdate()
    statuses = (
        [LogEntry.Status.APPROVED] * 7 + [LogEntry.Status.SUBMITTED] * 2 + [LogEntry.Status.DRAFT]
    )
    for enrollment in enrollments:
        LogEntry.objects.bulk_create(
            LogEntry(
                enrollment=enrollment,
                date=today - datetime.timedelta(days=i % 365),
                minutes=60,
                category=categories[i % len(categories)],
                domain=domain,
                setting="in_person",
                reflection="Supported a peer to plan the week; talked through what helps.",
                # The first trainee's 500 entries are all approved: the report lists them all.
                status=LogEntry.Status.APPROVED
                if enrollment is enrollments[0]
                else statuses[i % len(statuses)],
                submission_round=1,
            )
            for i in range(ENTRIES_EACH)
        )
    first = enrollments[0]
    Decision.objects.bulk_create(
        Decision(
            entry=entry,
            submission_round=1,
            supervisor=supervisor,
            supervisor_name="Sam Sup",
            supervisor_role="Supervisor, Bench provider",
            outcome="approved",
            verification_code=f"BNCH-{entry.pk:04d}-{entry.pk % 97:02d}",
        )
        for entry in LogEntry.objects.filter(enrollment=first, status="approved")
    )
    return supervisor, first


def guard_figures():
    sys.path.insert(0, str(ROOT))
    from practice.guard import evaluate
    from tests.practice.guard_examples import EXAMPLES

    return evaluate(EXAMPLES), len(EXAMPLES)


def main():
    with bench_database():
        from django.test import Client

        from courses.models import Enrollment
        from practice.models import LogEntry
        from practice.report import render_report_pdf

        start = time.perf_counter()
        supervisor, enrollment = build()
        built = time.perf_counter() - start
        sys.path.insert(0, str(ROOT))
        from tests.builders import sign_in_with_mfa

        client = Client()
        # The queue needs a session that passed two-factor authentication.
        sign_in_with_mfa(client, supervisor)
        assert client.get("/practice/supervision/").status_code == 200
        queue = median_ms(lambda: client.get("/practice/supervision/"), runs=20)
        # The first trainee's entries are all approved; the second has 100 waiting.
        second = Enrollment.objects.exclude(pk=enrollment.pk).order_by("pk").first()
        one_trainee = f"/practice/supervision/?trainee={second.trainee_id}"
        assert client.get(one_trainee).status_code == 200
        filtered = median_ms(lambda: client.get(one_trainee), runs=20)
        assert client.get("/practice/supervision/decided/").status_code == 200
        decided = median_ms(lambda: client.get("/practice/supervision/decided/"), runs=20)
        client.force_login(enrollment.trainee)
        totals_url = f"/practice/{enrollment.pk}/"
        assert client.get(totals_url).status_code == 200
        totals = median_ms(lambda: client.get(totals_url), runs=20)
        approved = LogEntry.objects.filter(enrollment=enrollment).counting().count()
        pdf = median_ms(lambda: render_report_pdf(enrollment=enrollment), runs=5, warmup=1)
        (precision, recall), examples = guard_figures()
        print_table(
            f"Practice log: {TRAINEES} trainees x {ENTRIES_EACH} entries "
            f"({TRAINEES * ENTRIES_EACH} entries, built in {built:.0f} s)",
            [
                ("supervisor queue (first page of 50, by trainee), median", f"{queue:.2f} ms"),
                ("supervisor queue filtered to one trainee, median", f"{filtered:.2f} ms"),
                ("supervisor's decided tab (first page of 50), median", f"{decided:.2f} ms"),
                ("trainee log with totals and weekly chart, median", f"{totals:.2f} ms"),
                (
                    f"signed report PDF ({approved} approved of {ENTRIES_EACH} entries), median",
                    f"{pdf:.0f} ms",
                ),
                (
                    f"confidentiality guard on {examples} labeled sentences",
                    f"precision {precision:.3f}, recall {recall:.3f}",
                ),
            ],
        )


if __name__ == "__main__":
    main()
