"""The crosswalk for coordinators, course editors and supervisors: an HTML page and a CSV."""

from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render

from organisations.roles import Role, role_required

from .crosswalk import coverage, coverage_gaps, crosswalk_csv, module_tables
from .tree import Curriculum, read_curriculum

CROSSWALK_ROLES = (Role.COORDINATOR, Role.EDITOR, Role.SUPERVISOR)


def _signature(path: Path) -> tuple:
    return tuple((str(p), p.stat().st_mtime_ns) for p in sorted(path.rglob("*")) if p.is_file())


@lru_cache(maxsize=4)
def _read(path: str, signature: tuple) -> Curriculum:
    return read_curriculum(Path(path))


def current_curriculum() -> Curriculum:
    """The curriculum files, read again only when one of them changed."""
    path = Path(settings.CURRICULUM_DIR)
    return _read(str(path), _signature(path))


@role_required(*CROSSWALK_ROLES)
def crosswalk(request):
    curriculum = current_curriculum()
    found = coverage(curriculum)
    taxonomies = curriculum.taxonomies
    context = {
        "curriculum": curriculum,
        "modules": module_tables(curriculum),
        "gaps": coverage_gaps(curriculum),
        # The two frameworks the objectives are tagged with: caption, first column, rows of
        # (category, the objectives tagged with it).
        "frameworks": [
            (
                "SAMHSA core-competency categories",
                "Category",
                [
                    (f"{number}. {name}", found.samhsa.get(number, []))
                    for number, name in taxonomies.samhsa.items()
                ],
            ),
            (
                "NCPS performance domains",
                "Domain",
                [(name, found.ncps.get(key, [])) for key, name in taxonomies.ncps.items()],
            ),
        ],
        "icrc": [
            (info["name"], info["hours"], found.icrc_hours().get(domain, 0))
            for domain, info in taxonomies.domains.items()
        ],
    }
    return render(request, "syllabus/crosswalk.html", context)


@role_required(*CROSSWALK_ROLES)
def crosswalk_download(request):
    response = HttpResponse(crosswalk_csv(current_curriculum()), content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="curriculum-crosswalk.csv"'
    return response


@role_required(*CROSSWALK_ROLES)
def facilitator_guide(request):
    """Every scenario with its model answer and facilitator notes, and each module's live
    sessions: for whoever runs the sessions, never trainees."""
    curriculum = current_curriculum()
    modules = [
        {
            "module": module,
            "lessons": [
                {
                    "lesson": lesson,
                    "scenarios": [b.value for b in lesson.blocks if b.type == "scenario"],
                }
                for lesson in module.lessons
            ],
        }
        for module in curriculum.modules
    ]
    return render(
        request, "syllabus/facilitator_guide.html", {"curriculum": curriculum, "modules": modules}
    )
