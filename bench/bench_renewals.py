"""The nightly renewal run: 10,000 holders with 30 CE activities each, judged by the engine.

What the reminders and the roster's renewal-at-risk alert do every night
(``renewals.selectors.verdicts_many``: read credentials, rules, renewals and activities as
plain rows, then ``engine.evaluate`` for each). Aim: under 10 s on one core, with a number
of queries that does not grow with the holders. Also timed: the pure engine alone (no database).

Run: make bench   (or: .venv/bin/python bench/bench_renewals.py)
"""

import datetime
import os
import sys
import time
from decimal import Decimal

from harness import bench_database, print_table

HOLDERS = int(os.environ.get("BENCH_RENEWAL_HOLDERS", "10000"))
ACTIVITIES = 30
AIM_S = 10.0
CATEGORIES = (["ethics"], [], ["ethics"], [])


def build() -> list[int]:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from certificates.models import Credential
    from certificates.numbers import new_number
    from courses.models import Enrollment, RequirementProfile
    from organisations.models import Organisation
    from organisations.roles import OrganisationKind
    from renewals.models import CEActivity, RuleSet
    from tests.builders import live_programme

    User = get_user_model()
    provider = Organisation.objects.create(
        name="Harbour Recovery Training", slug="harbour", kind=OrganisationKind.TRAINING_PROVIDER
    )
    profile = RequirementProfile.objects.create(name="IC&RC Peer Recovery (bench)")
    RuleSet.objects.get(key="icrc-peer-recovery").profiles.add(profile)
    programme = live_programme(
        organisation=provider, modules=1, lessons=1, slug="cpsw", requirement_profile=profile
    )
    unusable = make_password(None)
    holders = User.objects.bulk_create(
        (
            User(email=f"holder{i}@peers.example", last_name="Okafor", password=unusable)
            for i in range(HOLDERS)
        ),
        batch_size=2_000,
    )
    enrollments = Enrollment.objects.bulk_create(
        (Enrollment(trainee=holder, programme=programme) for holder in holders), batch_size=2_000
    )
    today = timezone.localdate()
    credentials = Credential.objects.bulk_create(
        (
            Credential(
                holder=holder,
                enrollment=enrollment,
                programme=programme,
                issuer=provider,
                number=new_number(),
                issued_on=today - datetime.timedelta(days=600 + i % 200),
                expires_on=today + datetime.timedelta(days=130 - i % 200),
                achievement={"holder_name": f"Sam {i}", "programme": "CPSW"},
            )
            for i, (holder, enrollment) in enumerate(zip(holders, enrollments, strict=True))
        ),
        batch_size=2_000,
    )
    CEActivity.objects.bulk_create(
        (
            CEActivity(
                holder_id=credential.holder_id,
                credential=credential,
                title=f"Workshop {n}",
                provider="Peer network",
                started_on=today - datetime.timedelta(days=20 + n * 15),
                completed_on=today - datetime.timedelta(days=20 + n * 15),
                hours=Decimal("1.5") if n % 3 else Decimal("0.5"),
                categories=CATEGORIES[n % len(CATEGORIES)],
            )
            for credential in credentials
            for n in range(ACTIVITIES)
        ),
        batch_size=5_000,
    )
    return [c.pk for c in credentials]


def main() -> int:
    with bench_database() as connection:
        from django.test.utils import CaptureQueriesContext
        from django.utils import timezone

        from renewals import engine
        from renewals.selectors import verdicts_many

        start = time.perf_counter()
        ids = build()
        built = time.perf_counter() - start
        today = timezone.localdate()

        with CaptureQueriesContext(connection) as few:
            verdicts_many(credential_ids=ids[:100], today=today)
        start = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            if os.environ.get("BENCH_PROFILE"):
                import cProfile
                import pstats

                profile = cProfile.Profile()
                standings = profile.runcall(verdicts_many, credential_ids=ids, today=today)
                pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
            else:
                standings = verdicts_many(credential_ids=ids, today=today)
        took = time.perf_counter() - start

        # The engine alone, on the same inputs.
        from renewals.models import CEActivity

        rows: dict[int, list] = {}
        for activity in CEActivity.objects.filter(credential_id__in=ids):
            rows.setdefault(activity.credential_id, []).append(activity.as_engine())
        inputs = [
            (s.evaluation.rules, s.evaluation.cycle, rows.get(s.credential_id, []))
            for s in standings.values()
            if s.evaluation
        ]
        start = time.perf_counter()
        for rules, cycle, activities in inputs:
            engine.evaluate(rules, cycle, activities, today=today)
        engine_took = time.perf_counter() - start

        statuses: dict[str, int] = {}
        for standing in standings.values():
            key = standing.evaluation.status.value if standing.evaluation else "none"
            statuses[key] = statuses.get(key, 0) + 1
        at_risk = sum(1 for s in standings.values() if s.at_risk)
        print_table(
            f"Renewal standing of {HOLDERS:,} holders x {ACTIVITIES} activities",
            [
                ("build (not timed in the aim)", f"{built:.1f} s"),
                ("verdicts_many, all holders", f"{took:.2f} s (aim < {AIM_S:.0f} s)"),
                ("of which engine.evaluate alone", f"{engine_took:.2f} s"),
                ("per holder", f"{took / HOLDERS * 1000:.3f} ms"),
                ("queries for 100 holders", str(len(few))),
                (f"queries for {HOLDERS:,} holders", str(len(queries))),
                ("statuses", ", ".join(f"{k} {v}" for k, v in sorted(statuses.items()))),
                ("renewal at risk", str(at_risk)),
            ],
        )
        failed = []
        if len(queries) != len(few):
            failed.append("the query count grows with the holders")
        if took > AIM_S:
            failed.append(f"slower than {AIM_S:.0f} s")
        for problem in failed:
            print(f"MISSED: {problem}")
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
