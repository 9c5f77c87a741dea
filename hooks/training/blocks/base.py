"""What every block kind declares: its fence name, the keys it reads, how to parse and
validate its body, and how to render the model. ``registry`` finds the kinds; the checks read
each block once (``read_page``) and the page's renderer gets the models in document order."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from ..errors import Problem

if TYPE_CHECKING:
    from ..context import RenderContext
    from ..facts.references import FactUse
    from ..facts.register import Register


@dataclass(frozen=True)
class BlockSource:
    """Where a block's body comes from: the page as messages name it, the file line of the
    opening fence, and the fact register the page is checked against."""

    path: str
    line: int
    register: Register | None = None


@dataclass(frozen=True)
class CheckedBlock:
    """A block as the checks read it: its kind, opening-fence line, the model its kind made
    (None for a block that takes no content), and its problems (empty when it may render)."""

    kind: str
    line: int
    model: Any
    problems: tuple[Problem, ...] = field(default=())


class BlockKind(ABC):
    """One kind of fenced block (```` ```quiz ````, ```` ```checklist ````, …)."""

    name: ClassVar[str]
    # The keys its YAML body may hold at the top level (empty: no mapping).
    keys: ClassVar[tuple[str, ...]] = ()

    @abstractmethod
    def parse(self, body: str, source: BlockSource) -> tuple[Any, list[Problem]]:
        """The block's model from its body, and the problems found reading it."""

    def validate(self, model: Any, source: BlockSource) -> list[Problem]:
        """Problems of a model that could be read (ids, answers, …)."""
        return []

    @abstractmethod
    def render(self, model: Any, page: RenderContext) -> str:
        """The block's HTML on the page being rendered."""

    def fact_uses(self, model: Any) -> list[FactUse]:
        """The facts of the register the block shows (for the register's re-check list)."""
        return []

    def read(self, body: str, source: BlockSource) -> CheckedBlock:
        """Parse and validate one block: what the checks keep and the renderer gets."""
        model, problems = self.parse(body, source)
        if model is not None:  # every problem at once: what the body says and what it lacks
            problems = problems + self.validate(model, source)
        return CheckedBlock(self.name, source.line, model, tuple(sorted(set(problems))))
