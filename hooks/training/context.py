"""The page being rendered, as the block formatters and the inline facts see it.

A superfences formatter or a Markdown inline processor only gets its own text, so what it
needs to know about the page (its language, links, path, modules and facts) comes from
this context, which the MkDocs hook sets before each page (``set_render_context``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from .catalogue import ModuleEntry
    from .facts.view import FactView

Resolver = Callable[[str], str]


def _identity(href: str) -> str:
    return href


@dataclass
class RenderContext:
    """What the formatters need to know about the page being rendered."""

    lang: str = "en"
    resolve_link: Resolver = field(default=_identity)
    path: str = ""
    first_line: int = 1
    module_entries: Callable[[], list[ModuleEntry]] = field(default=list)
    # A module page renders its trainer notes between marks, for its presentation to keep
    # (hidden, for the notes window) and the participant page to drop (see presentation.py).
    trainer_notes: bool = False
    # The fact register in the page's language (None: the page may use no facts).
    facts: FactView | None = None


_context = RenderContext()


def set_render_context(lang: str, resolve_link: Resolver | None = None, path: str = "", first_line: int = 1,
                       module_entries: Callable[[], list[ModuleEntry]] | None = None,
                       trainer_notes: bool = False, facts: FactView | None = None) -> None:
    """Set the page about to be rendered: its language (interface strings), a function
    mapping relative links such as ``../oikeudet/palkka.md#x`` to built URLs, its path
    for error messages, the file line where its Markdown starts (front matter + 1), the
    site's modules as seen from this page (for ``modules`` and ``progress-summary``
    blocks), whether trainer blocks render as notes (module pages, see presentation.py),
    and the facts it may show."""
    global _context
    _context = RenderContext(lang or "en", resolve_link or _identity, path, first_line, module_entries or list,
                             trainer_notes, facts)


def get_render_context() -> RenderContext:
    """The context the formatters use now."""
    return _context
