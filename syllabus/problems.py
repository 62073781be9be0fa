"""What is wrong with a curriculum file, always with its file and line."""

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}: {self.message}"
            if self.line
            else f"{self.path}: {self.message}"
        )


class CurriculumError(Exception):
    """The curriculum has problems; nothing was loaded."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class Problems(list[Problem]):
    """Problems collected while reading, so one run reports all of them."""

    def add(self, path: Path, line: int, message: str) -> None:
        self.append(Problem(path, line, message))
