"""Located problems in an editor's source, and the one exception type that carries them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a source file, at a line counted from 1 (front matter included)."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class ContentError(Exception):
    """Raised when an editor's source has one or more problems; ``str()`` lists them all."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class ExportError(ValueError):
    """A quiz that a learning-platform format (GIFT, Moodle XML) cannot carry faithfully, or
    text in that format the export did not write. ``exports`` turns it into a located Problem."""
