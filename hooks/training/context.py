"""The page being rendered, as the blocks and the inline facts see it.

A superfences formatter or a Markdown inline processor only gets its own text, so what it
needs to know about the page (its language, links, path, checked blocks, modules and facts)
comes in one ``RenderContext``, which the build adapter makes for each page and hands to the
page's Markdown extension (``page_markdown``). Nothing here is global.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Callable

from .safe.markup import Resolver, identity
from .strings import load_strings

if TYPE_CHECKING:
    from .blocks.base import CheckedBlock
    from .facts.view import FactView
    from .modules.catalogue import ModuleEntry


@dataclass
class RenderContext:
    """What the formatters need to know about the page being rendered.

    ``lang`` picks the interface strings; ``resolve_link`` maps relative links such as
    ``../oikeudet/palkka.md#x`` to built URLs; ``path`` names the page in messages;
    ``blocks`` are the page's blocks as the checks read them, in document order (the
    adapter numbers their fences, see ``blocks.fence``); ``module_entries`` lists the site's
    modules as seen from this page (for the ``modules`` and ``progress-summary`` blocks);
    ``trainer_notes`` says whether trainer blocks render as notes (module pages, see
    presentation.py); ``facts`` is the register in the page's language (None: the page may
    use no facts)."""

    lang: str = "en"
    resolve_link: Resolver = field(default=identity)
    path: str = ""
    blocks: list[CheckedBlock] = field(default_factory=list)
    module_entries: Callable[[], list[ModuleEntry]] = field(default=list)
    trainer_notes: bool = False
    facts: FactView | None = None

    # Whether storage controls on this page have carried their texts yet (``storage_texts``).
    storage_texts_given: bool = field(default=False, init=False, repr=False)

    def storage_texts(self) -> bool:
        """Whether the next storage controls carry their texts: the first on the page does,
        and training.js finds them there for the others, so a page says them once."""
        first = not self.storage_texts_given
        self.storage_texts_given = True
        return first

    @cached_property
    def strings(self) -> dict[str, str]:
        """The interface strings of the page's language."""
        return load_strings(self.lang)
