"""Curriculum speed: dashboard and lesson page for a trainee in a 60 x 5 programme with
1,000 other enrolled trainees, beside a bare Wagtail page with the same body.

Run: make bench   (or: .venv/bin/python bench/bench_curriculum.py)
"""

import gc
import random

from harness import bench_database, paired_medians_ms, print_table

MODULES, LESSONS, OTHER_TRAINEES = 60, 5, 1000

BODY = [
    {"type": "heading", "value": {"text": "Why boundaries matter", "level": "h2"}},
    {"type": "paragraph", "value": "<p>" + "Boundaries keep the relationship safe. " * 60 + "</p>"},
    {
        "type": "callout",
        "value": {"kind": "key_point", "title": "Mutuality", "text": "<p>Equals, not experts.</p>"},
    },
    {
        "type": "story",
        "value": {
            "quote": "It helped to hear “me too”.",
            "attribution": "Dee",
            "consent_note": "c",
        },
    },
    {
        "type": "scenario",
        "value": {"title": "Coffee", "situation": "<p>An invitation.</p>", "questions": ["Why?"]},
    },
    {"type": "paragraph", "value": "<p>" + "Say no warmly and explain the role. " * 60 + "</p>"},
]


def build():
    from django.contrib.auth import get_user_model
    from django.utils import timezone
    from wagtail.models import Site

    from cms.models import StandardPage
    from courses.models import (
        Enrollment,
        LessonCompletion,
        LessonPage,
    )
    from courses.services import enrollment_create
    from organisations.models import Organisation
    from tests.builders import lesson_done, live_programme

    User = get_user_model()
    provider = Organisation.objects.create(name="Bench provider", slug="bench", kind="provider")
    programme = live_programme(
        organisation=provider, modules=MODULES, lessons=LESSONS, body=BODY, slug="bench"
    )
    lessons = list(LessonPage.objects.descendant_of(programme).order_by("path"))
    # The bare page sits as deep in the tree as a lesson, so both pay the same routing cost
    # and the ratio measures what progress and access checks add.
    bare = Site.objects.get(is_default_site=True).root_page
    for depth in range(3):
        bare = bare.add_child(
            instance=StandardPage(title=f"Section {depth}", slug=f"s{depth}", body=[], live=True)
        )
    bare = bare.add_child(
        instance=StandardPage(title="Bare page", slug="bare", body=BODY, live=True)
    )

    rng = random.Random(7)  # noqa: S311  (repeatable test data, not security)
    others = User.objects.bulk_create(
        User(email=f"t{i}@bench.example", first_name="T", last_name=str(i))
        for i in range(OTHER_TRAINEES)
    )
    enrollments = Enrollment.objects.bulk_create(
        Enrollment(trainee=user, programme=programme) for user in others
    )
    now = timezone.now()
    LessonCompletion.objects.bulk_create(
        LessonCompletion(enrollment=enrollment, lesson=lesson, completed_at=now)
        for enrollment in enrollments
        for lesson in lessons[: rng.randint(0, len(lessons))]
    )

    trainee = User.objects.create_user(email="me@bench.example", first_name="Me", last_name="B")
    enrollment_create(trainee=trainee, programme=programme)
    for lesson in lessons[: LESSONS * 30 + 2]:  # half way: module 31 in progress
        lesson_done(trainee=trainee, lesson=lesson)
    reading = lessons[LESSONS * 30 + 2]
    completions = LessonCompletion.objects.count()
    return trainee, reading.url, bare.url, completions


def main():
    with bench_database():
        from django.test import Client

        trainee, lesson_url, bare_url, completions = build()
        client = Client()
        client.force_login(trainee)
        for url in (lesson_url, bare_url, "/courses/my-training/"):
            assert client.get(url).status_code == 200, url
        # As a web worker does once it has loaded (cms/wsgi.py): what is loaded stays out
        # of the garbage collector's full collections.
        gc.collect()
        gc.freeze()

        # In turn, so that another process's load slows all three alike (the ratios are
        # the figures tracked; one after the other they moved by 0.1 on a busy machine).
        bare, lesson, dashboard = paired_medians_ms(
            lambda: client.get(bare_url),
            lambda: client.get(lesson_url),
            lambda: client.get("/courses/my-training/"),
            runs=41,
        )
        worst = max(lesson, dashboard) / bare
        print_table(
            f"Curriculum: {MODULES} modules x {LESSONS} lessons, {OTHER_TRAINEES} other trainees, "
            f"{completions} completions",
            [
                ("bare Wagtail page (same body, same depth), median", f"{bare:.2f} ms"),
                ("lesson page, median", f"{lesson:.2f} ms  ({lesson / bare:.2f}x bare)"),
                (
                    "trainee dashboard, median",
                    f"{dashboard:.2f} ms  ({dashboard / bare:.2f}x bare)",
                ),
                (
                    "aim",
                    f"within 1.5x of the bare page: {'MET' if worst <= 1.5 else 'NOT MET'}",
                ),
            ],
        )


if __name__ == "__main__":
    main()
