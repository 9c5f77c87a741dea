"""The data model of a checklist, as editors write it (lines kept, as for quizzes)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..ids import short_hash
from ..yamlread import Written


@dataclass
class ChecklistItem(Written):
    """One tickable item of a checklist."""

    id: str = ""
    text: str = ""
    hint: str = ""
    line: int = 0
    index: int = 1

    @property
    def name(self) -> str:
        """How messages refer to this item: by id, or by position when it has none."""
        return f"item '{self.id}'" if self.id else f"item {self.index}"

    def content_hash(self) -> str:
        """Hash of the item text: a saved tick is dropped when the item is reworded."""
        return short_hash(self.text)


@dataclass
class Checklist(Written):
    """A checklist block: items under a site-wide unique id."""

    id: str = ""
    title: str = ""
    items: list[ChecklistItem] = field(default_factory=list)
    path: str = ""
    line: int = 0

    kind = "checklist"

    @property
    def name(self) -> str:
        """How messages refer to this checklist."""
        return f"checklist '{self.id}'" if self.id else "the checklist"
