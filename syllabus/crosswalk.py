"""The crosswalk a board reviewer asks for, generated from the curriculum files.

Lesson → objectives → IC&RC task / SAMHSA category / NCPS domain → minutes, with each
module's hours by IC&RC domain and its references, and what the whole curriculum covers.
"""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal

from .tree import Curriculum

CSV_COLUMNS = [
    "module",
    "module_title",
    "module_hours",
    "lesson",
    "lesson_title",
    "lesson_minutes",
    "lesson_domain_minutes",
    "objective_id",
    "objective",
    "icrc_domain",
    "icrc_task",
    "icrc_task_text",
    "samhsa_category",
    "samhsa_category_name",
    "ncps_domain",
    "ncps_domain_name",
]


@dataclass
class Coverage:
    samhsa: dict[int, list[str]] = field(default_factory=dict)  # category → objective ids
    ncps: dict[str, list[str]] = field(default_factory=dict)
    icrc_tasks: dict[str, list[str]] = field(default_factory=dict)
    icrc_minutes: dict[str, int] = field(default_factory=dict)  # domain → lesson + live min

    def icrc_hours(self) -> dict[str, Decimal]:
        return {domain: Decimal(m) / 60 for domain, m in self.icrc_minutes.items()}


def crosswalk_rows(curriculum: Curriculum) -> list[dict]:
    taxonomies = curriculum.taxonomies
    rows = []
    for module in curriculum.modules:
        for lesson in module.lessons:
            allocation = "; ".join(f"{d} {m}" for d, m in lesson.domains.items())
            for objective in lesson.objectives:
                domain, task_text = taxonomies.tasks.get(objective.icrc, ("", ""))
                rows.append(
                    {
                        "module": module.folder,
                        "module_title": module.title,
                        "module_hours": f"{module.hours.normalize():f}",
                        "lesson": lesson.slug,
                        "lesson_title": lesson.title,
                        "lesson_minutes": lesson.minutes,
                        "lesson_domain_minutes": allocation,
                        "objective_id": objective.id,
                        "objective": objective.text,
                        "icrc_domain": domain,
                        "icrc_task": objective.icrc,
                        "icrc_task_text": task_text,
                        "samhsa_category": objective.samhsa,
                        "samhsa_category_name": taxonomies.samhsa.get(objective.samhsa, ""),
                        "ncps_domain": objective.ncps,
                        "ncps_domain_name": taxonomies.ncps.get(objective.ncps, ""),
                    }
                )
    return rows


def crosswalk_csv(curriculum: Curriculum) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    writer.writerows(crosswalk_rows(curriculum))
    return out.getvalue()


def coverage(curriculum: Curriculum) -> Coverage:
    result = Coverage()
    for module in curriculum.modules:
        for lesson in module.lessons:
            for objective in lesson.objectives:
                result.samhsa.setdefault(objective.samhsa, []).append(objective.id)
                result.ncps.setdefault(objective.ncps, []).append(objective.id)
                result.icrc_tasks.setdefault(objective.icrc, []).append(objective.id)
    result.icrc_minutes = curriculum.domain_minutes()
    return result


def coverage_gaps(curriculum: Curriculum) -> list[str]:
    """What the curriculum does not cover yet: SAMHSA categories, NCPS domains, IC&RC hours."""
    taxonomies = curriculum.taxonomies
    found = coverage(curriculum)
    gaps = [
        f"SAMHSA category {number} ({name}) has no objective"
        for number, name in taxonomies.samhsa.items()
        if number not in found.samhsa
    ]
    gaps += [
        f"NCPS domain {key} ({name}) has no objective"
        for key, name in taxonomies.ncps.items()
        if key not in found.ncps
    ]
    hours = found.icrc_hours()
    for domain, info in taxonomies.domains.items():
        have = hours.get(domain, Decimal(0))
        if have < Decimal(str(info["hours"])):
            gaps.append(
                f"IC&RC {info['name']}: {have.quantize(Decimal('0.01'))} h of {info['hours']} h"
            )
    return gaps


def module_tables(curriculum: Curriculum) -> list[dict]:
    """Per module, for the HTML page: its lessons with their objectives, live sessions and
    references."""
    taxonomies = curriculum.taxonomies
    tables = []
    for module in curriculum.modules:
        lessons = []
        for lesson in module.lessons:
            lessons.append(
                {
                    "lesson": lesson,
                    "objectives": [
                        {
                            "objective": o,
                            "icrc_text": taxonomies.tasks.get(o.icrc, ("", ""))[1],
                            "samhsa_name": taxonomies.samhsa.get(o.samhsa, ""),
                            "ncps_name": taxonomies.ncps.get(o.ncps, ""),
                        }
                        for o in lesson.objectives
                    ],
                }
            )
        references = list(module.references)
        for lesson in module.lessons:
            references += [r for r in lesson.references if r not in references]
        tables.append(
            {
                "module": module,
                "lessons": lessons,
                "domain_minutes": module.domain_minutes(),
                "references": references,
            }
        )
    return tables
