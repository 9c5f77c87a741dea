"""pymdownx.superfences glue: one formatter for every block kind.

The page's Markdown extension (``page_markdown``) registers each kind of ``BLOCK_KINDS`` with
superfences, bound to the page's ``RenderContext``. Before rendering, the build numbers every
block's opening fence with the block's place among the page's checked blocks
(``number_blocks``: ```` ```quiz block="2" ````), so the formatter takes the model the checks
made, without reading the block again. Superfences swallows ordinary exceptions and would
show a broken block as code, so every failure is raised as ``FenceError``, a
``SuperFencesException``, which superfences lets through and which fails the build.
"""

from __future__ import annotations

from typing import Any, Callable

from markdown import Markdown
from pymdownx.superfences import SuperFencesException

from ..context import RenderContext
from ..errors import ContentError, Problem
from . import BLOCK_KINDS
from .base import BlockSource, CheckedBlock

# The fence option that carries a block's place among its page's checked blocks.
OPTION = "block"


class FenceError(ContentError, SuperFencesException):
    """A block that cannot be rendered; ``str()`` is the located message(s)."""


def number_blocks(markdown: str, first_line: int, blocks: list[CheckedBlock], path: str) -> str:
    """The page's Markdown with each checked block's opening fence numbered (``block="i"``).
    ``first_line`` is the file line of the Markdown's first line (front matter + 1)."""
    lines = markdown.split("\n")
    moved = []
    for index, block in enumerate(blocks):
        at = block.line - first_line
        if not (0 <= at < len(lines) and lines[at].rstrip().endswith(block.kind)):
            moved.append(Problem(path, block.line, f"the {block.kind} block is not on this line when the page is "
                                 "rendered: a plugin that adds or removes lines before the blocks cannot be used"))
            continue
        lines[at] = f'{lines[at].rstrip()} {OPTION}="{index}"'
    if moved:
        raise ContentError(moved)
    return "\n".join(lines)


def _validator(language: str, inputs: dict[str, str], options: dict[str, str], attrs: dict[str, str],
               md: Markdown) -> bool:
    """Accept the block number and nothing else (the checks refuse other options)."""
    md.preprocessors["fenced_code_block"].get_hl_settings()  # as superfences' own wrapper does
    if set(inputs) - {OPTION}:
        return False
    options.update(inputs)
    return True


def _block(kind: str, source: str, options: dict[str, str], page: RenderContext) -> CheckedBlock:
    """The checked block a fence stands for; a fence the build did not number (one that a
    snippet brings in) is read here."""
    if OPTION not in options:
        register = page.facts.register if page.facts else None
        return BLOCK_KINDS[kind].read(source, BlockSource(page.path, 0, register))
    block = page.blocks[int(options[OPTION])]
    if block.kind != kind:
        raise ValueError(f"block {options[OPTION]} of the page is a {block.kind} block, not a {kind} block")
    return block


def formatter(page: RenderContext) -> Callable[..., str]:
    """The superfences formatter of every block kind on one page."""
    def format_block(src: str = "", language: str = "", options: dict[str, str] | None = None, **kwargs: Any) -> str:
        line = 0
        try:
            block = _block(language, src, options or {}, page)
            line = block.line
            if block.problems:
                raise FenceError(list(block.problems))
            return BLOCK_KINDS[language].render(block.model, page)
        except FenceError:
            raise
        except ContentError as exc:
            raise FenceError(exc.problems) from None
        except Exception as exc:  # noqa: BLE001 - anything else would be swallowed by superfences
            raise FenceError(
                [Problem(page.path or "(page)", line, f"the {language} block could not be rendered "
                         f"({type(exc).__name__}: {exc}): this is a bug in hooks/training, please report it")]
            ) from exc
    return format_block


def register_fences(md: Markdown, page: RenderContext) -> None:
    """Add every block kind to the superfences of ``md`` (listed before this extension)."""
    superfences = next((ext for ext in md.registeredExtensions if hasattr(ext, "extend_super_fences")), None)
    if superfences is None:
        raise ValueError("list pymdownx.superfences before training.page_markdown under markdown_extensions in "
                         "mkdocs.yml: the blocks are fences of superfences")
    format_block = formatter(page)
    for name in BLOCK_KINDS:
        superfences.extend_super_fences(name, format_block, _validator, None)
