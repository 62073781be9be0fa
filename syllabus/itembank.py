"""Measures of the item bank a psychometrician asks for first.

- the share of single-answer items whose correct option is the longest (a test-wise
  candidate picks the longest; at most 40 % here);
- the balance of true/false keys (40 to 60 % True, or no true/false items);
- items per objective (at least three).
"""

from dataclasses import dataclass, field

from assessments.gift import ParsedQuestion

from .tree import MIN_ITEMS_PER_OBJECTIVE, Curriculum

MAX_LONGEST_CORRECT_SHARE = 0.40
TRUE_SHARE_RANGE = (0.40, 0.60)


def correct_is_longest(question: ParsedQuestion) -> bool:
    """The correct option is strictly longer than every other option."""
    correct = [o for o in question.options if o.correct]
    if len(correct) != 1:
        return False
    others = [len(o.text) for o in question.options if not o.correct]
    return bool(others) and len(correct[0].text) > max(others)


@dataclass
class BankReport:
    single: int = 0
    longest_correct: int = 0
    true_false: int = 0
    keyed_true: int = 0
    per_objective: dict[str, int] = field(default_factory=dict)

    @property
    def longest_share(self) -> float:
        return self.longest_correct / self.single if self.single else 0.0

    @property
    def true_share(self) -> float | None:
        return self.keyed_true / self.true_false if self.true_false else None

    def thin_objectives(self) -> dict[str, int]:
        return {k: v for k, v in self.per_objective.items() if v < MIN_ITEMS_PER_OBJECTIVE}

    def lines(self) -> list[str]:
        lines = [
            "\nItem bank:",
            f"  single-answer items: {self.single}; correct option the longest: "
            f"{self.longest_correct} ({self.longest_share:.0%}; at most "
            f"{MAX_LONGEST_CORRECT_SHARE:.0%})",
        ]
        if self.true_false:
            lines.append(
                f"  true/false items: {self.true_false}; keyed True: {self.keyed_true} "
                f"({self.true_share:.0%}; 40 to 60%)"
            )
        else:
            lines.append("  true/false items: none")
        counts = sorted(self.per_objective.values())
        if counts:
            lines.append(
                f"  objectives: {len(counts)}; items per objective {counts[0]} to {counts[-1]}"
            )
        return lines


def bank_report(curriculum: Curriculum) -> BankReport:
    report = BankReport()
    for module in curriculum.modules:
        for objective in module.objectives():
            report.per_objective.setdefault(objective.id, 0)
        for question in [*module.questions]:
            if question.category in report.per_objective:
                report.per_objective[question.category] += 1
    for question in [q for m in curriculum.modules for q in m.questions] + curriculum.final_exam:
        if question.kind == "single":
            report.single += 1
            report.longest_correct += correct_is_longest(question)
        elif question.kind == "true_false":
            report.true_false += 1
            report.keyed_true += any(
                o.correct and o.text.lower() == "true" for o in question.options
            )
    return report
