"""Check every quiz and checklist of one Markdown page. Pure: no MkDocs, no files, no
global state but the blocks checked and not yet rendered. ``check_markdown`` (or
``read_page``, the same with trainer notes) is what the build calls per page."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

from .catalogue import CatalogueRequest, parse_request
from .errors import ContentError, Problem
from .model import Checklist, Quiz
from .modules import TrainerNote, parse_trainer
from .parse import parse_block
from .scan import FencedBlock, find_blocks
from .summary import SummaryRequest, parse_summary
from .validate import duplicate_ids_on_page, validate


@dataclass
class PageBlocks:
    """What one page holds: every problem of its blocks (sorted), the quizzes and
    checklists that could be read (also those with problems, so the site-wide id check
    still sees them), and its trainer notes."""

    problems: list[Problem] = field(default_factory=list)
    quizzes: list[Quiz] = field(default_factory=list)
    checklists: list[Checklist] = field(default_factory=list)
    trainer_notes: list[TrainerNote] = field(default_factory=list)
    catalogues: list[CatalogueRequest] = field(default_factory=list)
    summaries: list[SummaryRequest] = field(default_factory=list)
    fenced: list[FencedBlock] = field(default_factory=list)  # every block as found, for the facts checks


# Valid blocks read_page has checked, handed once to load_block or load_trainer: the build
# checks every page before rendering any, so each block's YAML is read once. Oldest dropped first.
_checked: OrderedDict[tuple[str, str, str, int], Quiz | Checklist | TrainerNote] = OrderedDict()
_CHECKED_MAX = 50000


def _remember(key: tuple[str, str, str, int], model: Quiz | Checklist | TrainerNote) -> None:
    _checked[key] = model
    if len(_checked) > _CHECKED_MAX:
        _checked.popitem(last=False)


def load_block(kind: str, body: str, path: str, line: int) -> Quiz | Checklist:
    """Parse and validate one block body; ``line`` is the file line of its opening fence.

    Returns a valid model, or raises ContentError listing every problem.
    """
    checked = _checked.pop((kind, body, path, line), None)
    if checked is not None:
        return checked
    model, problems = parse_block(kind, body, path, line)
    if model is not None:
        problems = problems + validate(model)
    if problems or model is None:
        raise ContentError(problems)
    return model


def load_trainer(body: str, path: str, line: int) -> TrainerNote:
    """``load_block`` for a trainer block: its notes, or ContentError listing every problem."""
    checked = _checked.pop(("trainer", body, path, line), None)
    if isinstance(checked, TrainerNote):
        return checked
    note, problems = parse_trainer(body, path, line)
    if problems or note is None:
        raise ContentError(problems)
    return note


def read_page(markdown: str, path: str, first_line: int = 1) -> PageBlocks:
    """Find, parse and validate all blocks of a page.

    ``path`` is how messages name the file (e.g. ``docs/fi/oikeudet/sopimus.md``);
    ``first_line`` is the file line of the first line of ``markdown`` (front matter
    lines + 1, see ``source.split_front_matter``).
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
        elif block.kind == "contacts":
            continue  # its ids are checked against the fact register (checks.py)
        elif block.kind == "progress-controls":
            if block.body.strip():
                problems.append(
                    Problem(
                        path,
                        block.line + 1,
                        "the progress-controls block takes no content: delete the lines between "
                        "its opening and closing fence",
                    )
                )
        elif block.kind == "trainer":
            note, found = parse_trainer(block.body, path, block.line)
            problems.extend(found)
            if note is not None:
                page.trainer_notes.append(note)
                if not found:
                    _remember(("trainer", block.body, path, block.line), note)
        elif block.kind == "modules":
            request, found = parse_request(block.body, path, block.line)
            problems.extend(found)
            page.catalogues.append(request)
        elif block.kind == "progress-summary":
            summary, found = parse_summary(block.body, path, block.line)
            problems.extend(found)
            page.summaries.append(summary)
        else:
            model, found = parse_block(block.kind, block.body, path, block.line)
            if model is None:
                problems.extend(found)
                continue
            found = found + validate(model)
            problems.extend(found)
            if not found:
                _remember((block.kind, block.body, path, block.line), model)
            (page.quizzes if isinstance(model, Quiz) else page.checklists).append(model)  # type: ignore[arg-type]
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
