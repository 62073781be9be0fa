"""How answers are scored. Pure functions over an attempt's snapshot.

Single choice, scenario and true/false questions score 1 for a correct option (a single
choice may have several, any one of which is right), else 0; under the quiz's partial-credit
rule a weighted wrong option of a single choice (Moodle's GIFT ``~%50%Galilee``) earns its
weight.

Multiple-select questions are scored by the quiz's rule:
- all or nothing (the default): 1 when the chosen options are exactly the correct ones;
- partial credit: exactly the correct options score 1, whatever their weights add up to
  (Moodle's thirds, 33.33333% each, are a complete answer); otherwise, when the options carry
  weights (e.g. imported from Moodle's GIFT ``~%50%``), the sum of the chosen options'
  weights in percent; without weights each correct option chosen adds 1/k and each wrong one
  subtracts 1/k, k being the number of correct options. Either way the result is clamped to
  0..1, and counts as correct only at 1.
"""

from decimal import ROUND_HALF_UP, Decimal

ONE = Decimal("1")
ZERO = Decimal("0")


def score_question(question: dict, chosen: set[str], *, partial: bool) -> Decimal:
    options = question["options"]
    correct = {o["key"] for o in options if o["correct"]}
    weighted = any(o["weight"] is not None for o in options)
    if question["kind"] != "multiple":
        if chosen and chosen <= correct:
            return ONE
        if not (partial and weighted):
            return ZERO
        return _clamped(_weight_sum(options, chosen) / Decimal(100))
    if chosen == correct:
        return ONE
    if not partial:
        return ZERO
    if weighted:
        points = _weight_sum(options, chosen) / Decimal(100)
    else:
        right = len(chosen & correct)
        wrong = len(chosen - correct)
        points = Decimal(right - wrong) / Decimal(len(correct))
    return _clamped(points)


def _weight_sum(options: list[dict], chosen: set[str]) -> Decimal:
    return sum((Decimal(o["weight"] or 0) for o in options if o["key"] in chosen), ZERO)


def _clamped(points: Decimal) -> Decimal:
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
