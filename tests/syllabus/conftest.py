import shutil
from pathlib import Path

import pytest

GOOD = Path(__file__).parent / "fixtures" / "good"


@pytest.fixture
def good_tree(tmp_path) -> Path:
    """A copy of the small, valid fixture curriculum that a test may change."""
    target = tmp_path / "curriculum"
    shutil.copytree(GOOD, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))
