"""The shipped curriculum (curriculum/): valid, complete, and an item bank worth its name.

The machinery and the modules are written on separate branches; where ``curriculum/modules``
holds no module yet these tests are skipped (with that reason), never passed vacuously.
"""

from pathlib import Path

import pytest
from django.conf import settings

from syllabus.itembank import MAX_LONGEST_CORRECT_SHARE, TRUE_SHARE_RANGE, bank_report
from syllabus.tree import read_curriculum

REAL = Path(settings.BASE_DIR) / "curriculum"
needs_modules = pytest.mark.skipif(
    not any((REAL / "modules").glob("*/module.yaml")),
    reason="curriculum/modules holds no module yet (merged from the writers' branches)",
)


@needs_modules
def test_every_file_is_valid_and_every_listed_module_is_there():
    curriculum = read_curriculum(REAL, require_all_modules=True)

    assert [str(p) for p in curriculum.problems] == []
    assert len(curriculum.modules) == len(curriculum.program["modules"])


@needs_modules
def test_the_item_bank_measures():
    report = bank_report(read_curriculum(REAL))
    print("\n".join(report.lines()))  # the measured shares, for the record (pytest -s)

    assert report.single and report.longest_share <= MAX_LONGEST_CORRECT_SHARE
    if report.true_false:
        low, high = TRUE_SHARE_RANGE
        assert low <= report.true_share <= high
    assert report.thin_objectives() == {}


def test_the_program_file_is_valid_on_its_own():
    curriculum = read_curriculum(REAL)

    assert [str(p) for p in curriculum.problems if p.path.name == "program.yaml"] == []
    assert curriculum.program["slug"] == "certified-peer-support-worker"
    assert len(curriculum.program["modules"]) == 19
    code = curriculum.program["ethics_code"]
    # Until the board's own wording is in, the code says plainly that it is a summary.
    if code.get("status") == "summary":
        assert "summary" in code["title"].lower() and "not the board's own wording" in code["text"]
