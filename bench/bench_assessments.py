"""Assessment speed: grading one 50-question attempt, and the coordinator's result pages
(item analysis and cohort results) for a quiz with 10,000 submitted attempts.

Run: make bench   (or: .venv/bin/python bench/bench_assessments.py)
"""

import os
import random
from datetime import timedelta

from harness import bench_database, median_ms, print_table

# Wagtail logs every page it creates at INFO; the figures are what matters here.
os.environ.setdefault("LOG_LEVEL", "WARNING")

# Grading: a 50-question quiz, every question kind, one fresh open attempt per timed submit.
GRADED_KINDS = {"single": 18, "scenario": 12, "true_false": 10, "multiple": 10}
SUBMIT_RUNS, SUBMIT_WARMUP = 30, 3

# Results: 10,000 submitted attempts at a 10-question quiz by trainees who retake it until they
# pass (at most three tries), spread over a number of cohorts.
RESULT_ATTEMPTS, RESULT_COHORTS = 10_000, 25
RESULT_KINDS = ["single"] * 4 + ["scenario"] * 2 + ["true_false"] * 2 + ["multiple"] * 2
# Chance an average trainee gets each question right: some easy, a few plainly hard.
DIFFICULTY = [0.95, 0.92, 0.88, 0.85, 0.8, 0.72, 0.65, 0.55, 0.42, 0.3]
RESULT_RUNS, RESULT_WARMUP = 10, 1
BATCH = 5_000


def make_question(category, *, kind: str, number: int):
    from assessments.models import Option, Question

    question = Question.objects.create(
        category=category,
        kind=kind,
        vignette=(
            "Sam has met you three times and asks to add you on social media. "
            "They say it would help to talk between sessions."
            if kind == "scenario"
            else ""
        ),
        text=f"Question {number}: what is the most appropriate response?",
        explanation="Peer support keeps a clear, mutual and safe relationship.",
    )
    if kind == "true_false":
        specs = [("True", True), ("False", False)]
    elif kind == "multiple":
        specs = [("Right A", True), ("Right B", True), ("Distractor A", False)]
        specs += [("Distractor B", False), ("Distractor C", False)]
    else:
        specs = [("The right answer", True), ("A tempting distractor", False)]
        specs += [("A weaker distractor", False), ("An unlikely distractor", False)]
    Option.objects.bulk_create(
        Option(
            question=question,
            text=text,
            is_correct=correct,
            feedback=f"About “{text}”.",
            sort_order=order,
        )
        for order, (text, correct) in enumerate(specs)
    )
    return question


def make_quiz(module, questions, **fields):
    from assessments.models import QuizPage, QuizQuestion

    quiz = QuizPage(
        title=f"{module.title} quiz", slug="quiz", pass_mark=80, wait_minutes=0, **fields
    )
    quiz.quiz_questions = [QuizQuestion(question=q, sort_order=i) for i, q in enumerate(questions)]
    module.add_child(instance=quiz)
    quiz.save_revision().publish()
    quiz.refresh_from_db()
    return quiz


def build_programme():
    from assessments.models import QuestionCategory
    from courses.models import ModulePage
    from organisations.models import Organisation
    from tests.builders import live_programme

    provider = Organisation.objects.create(name="Bench provider", slug="bench", kind="provider")
    # Without sequential unlocking, so the set-up trainee below can open the module 2 quiz
    # without passing module 1 first.
    programme = live_programme(
        organisation=provider,
        modules=3,
        lessons=3,
        hours="5",
        slug="bench",
        sequential_unlocking=False,
    )
    modules = list(ModulePage.objects.child_of(programme).order_by("path"))

    category = QuestionCategory.objects.create(name="Bench")
    kinds = [kind for kind, count in GRADED_KINDS.items() for _ in range(count)]
    graded = make_quiz(
        modules[0],
        [make_question(category, kind=kind, number=n) for n, kind in enumerate(kinds, 1)],
        max_attempts=0,
    )
    results = make_quiz(
        modules[1],
        [make_question(category, kind=kind, number=n) for n, kind in enumerate(RESULT_KINDS, 1)],
    )
    return programme, graded, results


def make_trainees(prefix: str, count: int):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.bulk_create(
        (
            get_user_model()(
                email=f"{prefix}{i}@bench.example", first_name=f"F{i}", last_name=f"{prefix}{i}"
            )
            for i in range(count)
        ),
        batch_size=BATCH,
    )


def answer(question: dict, *, right: bool, rng: random.Random) -> list[str]:
    """The option keys a trainee picks: all the correct ones, or a plausible mistake."""
    # By option, not by place on the screen: options are shuffled for each attempt.
    options = sorted(question["options"], key=lambda o: int(o["key"]))
    correct = [o["key"] for o in options if o["correct"]]
    wrong = [o["key"] for o in options if not o["correct"]]
    if right:
        return correct
    if question["kind"] != "multiple":
        # Distractors are not equally tempting: one draws most of the mistakes.
        return [rng.choices(wrong, weights=[6, 3, 1][: len(wrong)])[0]]
    if rng.random() < 0.5:
        return correct[:1]  # missed one
    return [*correct, rng.choices(wrong, weights=[6, 3, 1])[0]]  # one too many


def queries(captured) -> str:
    n = len(captured)
    return f"{n} SQL {'query' if n == 1 else 'queries'}"


# ---------------------------------------------------------------------------- grading


def bench_submit(programme, quiz) -> list[tuple[str, str]]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from assessments.services import attempt_start, attempt_submit
    from courses.services import enrollment_create

    rng = random.Random(1)  # noqa: S311  (repeatable test data, not security)

    def open_attempts(prefix: str, count: int, *, passing: bool):
        pending = []
        for trainee in make_trainees(prefix, count):
            enrollment_create(trainee=trainee, programme=programme)
            attempt = attempt_start(trainee=trainee, quiz=quiz)
            # 47/50 = 94% passes; 30/50 = 60% fails. Which ones are wrong varies.
            wrong = set(rng.sample(range(len(attempt.questions)), 3 if passing else 20))
            answers = {
                q["key"]: answer(q, right=i not in wrong, rng=rng)
                for i, q in enumerate(attempt.questions)
            }
            pending.append((trainee, attempt.pk, answers))
        return pending

    rows = []
    for label, passing in (("passing", True), ("failing", False)):
        pending = open_attempts(label, 1 + SUBMIT_WARMUP + SUBMIT_RUNS, passing=passing)
        trainee, attempt_id, answers = pending.pop()
        with CaptureQueriesContext(connection) as captured:
            attempt = attempt_submit(trainee=trainee, attempt_id=attempt_id, answers=answers)
        assert attempt.passed is passing, attempt.score_percent

        def submit(pending=pending):
            trainee, attempt_id, answers = pending.pop()
            attempt_submit(trainee=trainee, attempt_id=attempt_id, answers=answers)

        ms = median_ms(submit, runs=SUBMIT_RUNS, warmup=SUBMIT_WARMUP)
        assert not pending
        rows.append(
            (
                f"submit and grade, {label} ({attempt.score_percent.normalize():f}%), median",
                f"{ms:.2f} ms  ({queries(captured)})",
            )
        )
    return rows


# ---------------------------------------------------------------------------- results


def build_results(programme, quiz) -> tuple[int, int, int]:
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from assessments.grading import percent, score_question
    from assessments.models import Attempt, Response, ResponseChoice
    from assessments.services import attempt_start
    from courses.models import Cohort, Enrollment
    from courses.services import enrollment_create

    # One real attempt gives the snapshot exactly as the app writes it; each bench attempt
    # then shows those questions in its own order, as a shuffled quiz would.
    (template_trainee,) = make_trainees("template", 1)
    enrollment_create(trainee=template_trainee, programme=programme)
    template_attempt = attempt_start(trainee=template_trainee, quiz=quiz)
    template = [
        {**q, "options": sorted(q["options"], key=lambda o: int(o["key"]))}
        for q in sorted(template_attempt.questions, key=lambda q: q["question_id"])
    ]
    template_attempt.delete()
    rng = random.Random(2)  # noqa: S311  (repeatable test data, not security)
    difficulty = dict(zip(sorted(q["question_id"] for q in template), DIFFICULTY, strict=True))

    # Trainees enrol over the last year and retake the quiz until they pass, at most three
    # times, doing a little better each time.
    cohorts = Cohort.objects.bulk_create(
        Cohort(programme=programme, name=f"Cohort {c:02}", invitation_code=f"BENCH{c:04}")
        for c in range(RESULT_COHORTS)
    )
    User = get_user_model()
    now = timezone.now()
    trainees, enrollments, attempts, answer_sheets = [], [], [], []
    while len(attempts) < RESULT_ATTEMPTS:
        i = len(trainees)
        trainee = User(email=f"r{i}@bench.example", first_name=f"F{i}", last_name=f"r{i}")
        when = now - timedelta(days=rng.uniform(30, 400))
        enrollment = Enrollment(
            trainee=trainee,
            programme=programme,
            cohort=rng.choice(cohorts) if rng.random() < 0.9 else None,
            started_at=when,
        )
        trainees.append(trainee)
        enrollments.append(enrollment)
        ability = rng.gauss(0, 0.12)
        for number in range(1, 4):
            when += timedelta(days=rng.uniform(1, 20))
            questions = [
                {
                    **q,
                    "key": str(position),
                    "options": q["options"]
                    if q["kind"] == "true_false"
                    else rng.sample(q["options"], len(q["options"])),
                }
                for position, q in enumerate(rng.sample(template, len(template)), 1)
            ]
            picked = [
                answer(
                    q,
                    right=rng.random() < difficulty[q["question_id"]] + ability + 0.08 * number,
                    rng=rng,
                )
                for q in questions
            ]
            points = [
                score_question(q, set(keys), partial=False)
                for q, keys in zip(questions, picked, strict=True)
            ]
            score = percent(points)
            submitted = when + timedelta(minutes=rng.uniform(4, 30))
            attempt = Attempt(
                enrollment=enrollment,
                quiz=quiz,
                number=number,
                status=Attempt.Status.SUBMITTED,
                questions=questions,
                pass_mark=quiz.pass_mark,
                started_at=when,
                submitted_at=submitted,
                score_percent=score,
                passed=score >= quiz.pass_mark,
            )
            attempts.append(attempt)
            answer_sheets.append((questions, picked, points))
            enrollment.last_activity_at = submitted
            if attempt.passed or len(attempts) == RESULT_ATTEMPTS:
                break
    User.objects.bulk_create(trainees, batch_size=BATCH)
    Enrollment.objects.bulk_create(enrollments, batch_size=BATCH)
    Attempt.objects.bulk_create(attempts, batch_size=BATCH)

    responses, choices = [], []
    for attempt, (questions, picked, points) in zip(attempts, answer_sheets, strict=True):
        for position, (q, keys, score) in enumerate(zip(questions, picked, points, strict=True), 1):
            response = Response(
                attempt=attempt,
                position=position,
                question_id=q["question_id"],
                points=score,
                is_correct=score == 1,
            )
            responses.append(response)
            correct = {o["key"] for o in q["options"] if o["correct"]}
            choices.extend((response, key, key in correct) for key in keys)
    Response.objects.bulk_create(responses, batch_size=BATCH)
    ResponseChoice.objects.bulk_create(
        (
            ResponseChoice(response=response, option_id=int(key), is_correct=is_correct)
            for response, key, is_correct in choices
        ),
        batch_size=BATCH,
    )
    return len(trainees), len(responses), len(choices)


def bench_results(quiz) -> list[tuple[str, str]]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from assessments.selectors import cohort_results, item_analysis
    from courses.models import Cohort

    if connection.vendor == "postgresql":
        # Fresh tables have no planner statistics until autovacuum gets to them; a live
        # database would have them.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    cohort = Cohort.objects.order_by("name").first()
    with CaptureQueriesContext(connection) as item_queries:
        items = item_analysis(quiz=quiz)
    with CaptureQueriesContext(connection) as cohort_queries:
        rows = cohort_results(quiz=quiz)
    assert sum(item.answered for item in items) == RESULT_ATTEMPTS * len(RESULT_KINDS)
    assert sum(row["attempts_used"] for row in rows) == RESULT_ATTEMPTS

    def timed(action):
        return median_ms(action, runs=RESULT_RUNS, warmup=RESULT_WARMUP)

    item_ms = timed(lambda: item_analysis(quiz=quiz))
    item_cohort_ms = timed(lambda: item_analysis(quiz=quiz, cohort=cohort))
    cohort_ms = timed(lambda: cohort_results(quiz=quiz))
    one_cohort_ms = timed(lambda: cohort_results(quiz=quiz, cohort=cohort))
    hardest, easiest = items[0], items[-1]
    return [
        (
            "item_analysis, whole quiz, median",
            f"{item_ms:.2f} ms  ({queries(item_queries)})",
        ),
        ("item_analysis, one cohort, median", f"{item_cohort_ms:.2f} ms"),
        (
            "cohort_results, whole quiz, median",
            f"{cohort_ms:.2f} ms  ({queries(cohort_queries)}, {len(rows):,} rows)",
        ),
        ("cohort_results, one cohort, median", f"{one_cohort_ms:.2f} ms"),
        (
            "trainees passed",
            f"{sum(1 for row in rows if row['passes']):,} of {len(rows):,} "
            f"({sum(row['attempts_used'] for row in rows) / len(rows):.2f} attempts each)",
        ),
        (
            "% correct by question",
            ", ".join(str(item.percent_correct) for item in items),
        ),
        (
            "hardest / easiest question",
            f"{hardest.percent_correct}% / {easiest.percent_correct}% correct; hardest's top "
            f"wrong answer “{hardest.top_wrong_option}” ({hardest.top_wrong_count}x)",
        ),
    ]


def main():
    with bench_database() as connection:
        from assessments.models import Attempt

        programme, graded, results = build_programme()
        submit_rows = bench_submit(programme, graded)
        print_table(
            f"Grading: {sum(GRADED_KINDS.values())}-question attempt ("
            + ", ".join(f"{n} {kind.replace('_', '/')}" for kind, n in GRADED_KINDS.items())
            + f"), all-or-nothing multiple select, {connection.vendor}",
            [*submit_rows, ("timed", "attempt_submit only, a fresh open attempt per run")],
        )

        trainees, responses, choices = build_results(programme, results)
        assert Attempt.objects.filter(quiz=results, status="submitted").count() == RESULT_ATTEMPTS
        print_table(
            f"Results: {RESULT_ATTEMPTS:,} submitted attempts at a {len(RESULT_KINDS)}-question "
            f"quiz by {trainees:,} trainees in {RESULT_COHORTS} cohorts ({responses:,} "
            f"responses, {choices:,} chosen options), {connection.vendor}",
            bench_results(results),
        )


if __name__ == "__main__":
    main()
