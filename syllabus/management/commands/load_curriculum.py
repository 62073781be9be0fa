from decimal import Decimal
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from syllabus.itembank import bank_report
from syllabus.tree import Curriculum, read_curriculum


def _hours(value) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


class Command(BaseCommand):
    help = (
        "Check the curriculum files (--check) or load them into program, module and lesson "
        "pages and the question bank: all or nothing, idempotent, never overwriting a page "
        "changed in the CMS since the last load (reported as a conflict)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--path", type=Path, default=None, help="The curriculum folder (default: curriculum/)."
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="Validate and print each lesson's computed and declared minutes and each "
            "module's hours; change nothing in the database.",
        )
        parser.add_argument(
            "--organisation",
            default="",
            help="Slug of the training provider to load the program for (default: the "
            "only provider, or the one program.yaml names).",
        )

    def handle(self, *args, path=None, check=False, organisation="", **options):
        curriculum = read_curriculum(path)
        if check:
            self.report(curriculum)
            if curriculum.problems:
                raise CommandError(
                    f"{len(curriculum.problems)} problem(s) in {curriculum.path}; see above."
                )
            self.stdout.write(self.style.SUCCESS("No problems found."))
            return
        from syllabus.loader import curriculum_load

        result = curriculum_load(curriculum=curriculum, organisation_slug=organisation)
        for line in result.lines():
            self.stdout.write(line)
        if result.conflicts:
            self.stdout.write(
                self.style.WARNING(
                    f"{len(result.conflicts)} page(s) changed in the CMS since the last load "
                    "were left as they are; merge by hand or revert them in the CMS and load "
                    "again."
                )
            )
        self.stdout.write(self.style.SUCCESS("Curriculum loaded."))

    def report(self, curriculum: Curriculum) -> None:
        write = self.stdout.write
        for note in curriculum.notes:
            write(note)
        total_declared = total_computed = Decimal(0)
        for module in curriculum.modules:
            total_declared += module.hours
            total_computed += module.computed_hours
            mark = "ok" if module.hours == module.computed_hours else "MISMATCH"
            write(
                f"\n{module.folder}  {module.title}  [{module.domain}]\n"
                f"  hours: declared {_hours(module.hours)}, computed "
                f"{_hours(module.computed_hours)} = lessons {module.lesson_minutes} min + "
                f"live {module.live_minutes} min  {mark}"
            )
            for lesson in module.lessons:
                b = lesson.breakdown
                mark = "ok" if lesson.minutes == lesson.computed_minutes else "MISMATCH"
                write(
                    f"  {lesson.path.name:<58} declared {lesson.minutes:>3}  computed "
                    f"{lesson.computed_minutes:>3} ({b.get('words', 0)} words: "
                    f"{b.get('reading', 0)} reading + {b.get('activities', 0)} activities)  "
                    f"{mark}"
                )
            write(f"  quiz items: {len(module.questions)}")
        write(
            f"\nTotal: declared {_hours(total_declared)} h, computed {_hours(total_computed)} h "
            f"in {len(curriculum.modules)} module(s)."
        )
        by_domain = curriculum.domain_minutes()
        for domain, info in curriculum.taxonomies.domains.items():
            write(
                f"  {info['name']:<28} {_hours(by_domain.get(domain, 0) / 60):>6} h "
                f"(IC&RC asks {info['hours']})"
            )
        for line in bank_report(curriculum).lines():
            write(line)
        if curriculum.problems:
            write(self.style.ERROR(f"\n{len(curriculum.problems)} problem(s):"))
            for problem in curriculum.problems:
                write(f"  {problem}")
