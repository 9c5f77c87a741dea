"""Read every block of one Markdown page, once: each through its kind (``blocks``), in
document order. Pure: no MkDocs, no files, no global state. ``read_page`` is what the checks
call per page; the build hands the result to the page's renderer."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..blocks import BLOCK_KINDS, BlockSource, CheckedBlock
from ..checklist.model import Checklist
from ..errors import ContentError, Problem
from ..facts.references import FactUse
from ..facts.register import Register
from ..ids import duplicate_ids_on_page
from ..modules.catalogue import CatalogueRequest
from ..modules.module import TrainerNote
from ..modules.summary import SummaryRequest
from ..quiz.model import Quiz
from .scan import FencedBlock, find_blocks


@dataclass
class PageBlocks:
    """What one page holds: every problem of its blocks (sorted), and every block as read,
    in document order (also those with problems, so the site-wide id check still sees them)."""

    problems: list[Problem] = field(default_factory=list)
    checked: list[CheckedBlock] = field(default_factory=list)
    fenced: list[FencedBlock] = field(default_factory=list)  # every block as found, for the facts checks

    def _models(self, kind: type) -> list:
        return [block.model for block in self.checked if isinstance(block.model, kind)]

    @property
    def quizzes(self) -> list[Quiz]:
        return self._models(Quiz)

    @property
    def checklists(self) -> list[Checklist]:
        return self._models(Checklist)

    @property
    def trainer_notes(self) -> list[TrainerNote]:
        return self._models(TrainerNote)

    @property
    def catalogues(self) -> list[CatalogueRequest]:
        return self._models(CatalogueRequest)

    @property
    def summaries(self) -> list[SummaryRequest]:
        return self._models(SummaryRequest)

    @property
    def fact_uses(self) -> list[FactUse]:
        """The facts the page's blocks show (a contacts block's cards)."""
        return [use for block in self.checked for use in BLOCK_KINDS[block.kind].fact_uses(block.model)
                if block.model is not None]


def load_block(kind: str, body: str, path: str, line: int, register: Register | None = None):
    """Parse and validate one block body; ``line`` is the file line of its opening fence.

    Returns a valid model, or raises ContentError listing every problem.
    """
    block = BLOCK_KINDS[kind].read(body, BlockSource(path, line, register))
    if block.problems:
        raise ContentError(list(block.problems))
    return block.model


def read_page(markdown: str, path: str, first_line: int = 1, register: Register | None = None) -> PageBlocks:
    """Find, parse and validate all blocks of a page.

    ``path`` is how messages name the file (e.g. ``docs/fi/oikeudet/sopimus.md``);
    ``first_line`` is the file line of the first line of ``markdown`` (front matter
    lines + 1, see ``source.split_front_matter``); ``register`` the fact register the
    contacts blocks are checked against.
    """
    page = PageBlocks(fenced=find_blocks(markdown, first_line))
    problems: list[Problem] = []
    raw = markdown.split("\n")
    for block in page.fenced:
        if block.error is not None:
            problems.append(Problem(path, block.error_line, block.error))
        elif tabs := _tab_indented(raw, block, first_line):
            # Read as spaces, a tab can silently move a key to another level: report only the tab.
            problems += [Problem(path, line, f"a tab is used for indentation in the {block.kind} block: "
                                 "indent with spaces only") for line in tabs]
        else:
            checked = BLOCK_KINDS[block.kind].read(block.body, BlockSource(path, block.line, register))
            problems.extend(checked.problems)
            page.checked.append(checked)
    problems.extend(duplicate_ids_on_page([*page.quizzes, *page.checklists]))
    page.problems = sorted(set(problems))
    return page


def _tab_indented(raw: list[str], block, first_line: int) -> list[int]:
    """File lines of a block's body whose indentation holds a tab, as the editor wrote them."""
    start = block.line - first_line + 1  # index of the body's first line in ``raw``
    body = raw[start: start + block.body.count("\n") + 1]
    return [start + first_line + i for i, line in enumerate(body) if "\t" in line[: len(line) - len(line.lstrip())]]


def check_markdown(markdown: str, path: str, first_line: int = 1) -> tuple[list[Problem], list[Quiz], list[Checklist]]:
    """``read_page`` as a tuple: (every problem, the quizzes, the checklists)."""
    page = read_page(markdown, path, first_line)
    return page.problems, page.quizzes, page.checklists
