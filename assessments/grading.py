"""How answers are scored. Pure functions over an attempt's snapshot.

Single choice, scenario and true/false questions score 1 for the correct option, else 0.

Multiple-select questions are scored by the quiz's rule:
- all or nothing (the default): 1 when the chosen options are exactly the correct ones;
- partial credit: when the options carry weights (e.g. imported from Moodle's GIFT
  ``~%50%``), the sum of the chosen options' weights in percent; otherwise each correct
  option chosen adds 1/k and each wrong one subtracts 1/k, k being the number of correct
  options. Either way the result is clamped to 0..1, and counts as correct only at 1.
"""

from decimal import ROUND_HALF_UP, Decimal

ONE = Decimal("1")
ZERO = Decimal("0")


def score_question(question: dict, chosen: set[str], *, partial: bool) -> Decimal:
    options = question["options"]
    correct = {o["key"] for o in options if o["correct"]}
    if question["kind"] != "multiple":
        return ONE if chosen and chosen <= correct else ZERO
    if not partial:
        return ONE if chosen == correct else ZERO
    if any(o["weight"] is not None for o in options):
        total = sum((Decimal(o["weight"] or 0) for o in options if o["key"] in chosen), ZERO)
        points = total / Decimal(100)
    else:
        right = len(chosen & correct)
        wrong = len(chosen - correct)
        points = Decimal(right - wrong) / Decimal(len(correct))
    return min(ONE, max(ZERO, points)).quantize(Decimal("0.0001"))


def percent(points: list[Decimal]) -> Decimal:
    if not points:
        return ZERO
    value = sum(points, ZERO) * Decimal(100) / Decimal(len(points))
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def domain_results(questions: list[dict], points: list[Decimal], *, pass_mark: int) -> list[dict]:
    """A final exam's score per competency domain, from the snapshot's ``domain`` tags.

    One row per domain in the order the exam first asked it: its name, how many questions,
    the percent scored and whether that is ``strong`` (at or above the pass mark) or needs
    work. Questions without a domain (every module quiz's) give no rows.
    """
    by_domain: dict[str, tuple[str, list[Decimal]]] = {}
    for question, score in zip(questions, points, strict=True):
        domain = question.get("domain")
        if domain:
            by_domain.setdefault(domain["slug"], (domain["name"], []))[1].append(score)
    rows = []
    for slug, (name, scores) in by_domain.items():
        score = percent(scores)
        rows.append(
            {
                "domain": slug,
                "name": name,
                "questions": len(scores),
                "score_percent": str(score),
                "strong": score >= pass_mark,
            }
        )
    return rows
