"""``training.page_markdown`` in mkdocs.yml: everything the site adds to a page's Markdown.

- the blocks (``blocks``), as fences of pymdownx.superfences;
- ``${id}`` facts from the register and ``[VERIFY]`` marks (``facts.inline``);
- the marks where each section's slides start (``modules.presentation``);
- the allow-list for links and images (``safe.markup``).

The build adapter configures it with ``context``: a function returning the ``RenderContext``
of the page being rendered (MkDocs makes a Markdown instance per page, after the adapter has
made the page's context). Without it, a page renders as an English page without facts.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Sequence

from markdown import Markdown
from markdown.extensions import Extension

from .blocks.fence import number_blocks, register_fences
from .context import RenderContext
from .facts.inline import FactsExtension
from .modules.presentation import SlideMarkExtension
from .safe.markup import SafeAddressesExtension
from .site.page_blocks import read_page


class PageExtension(Extension):
    """The site's Markdown, for one page at a time."""

    def __init__(self, **kwargs: object) -> None:
        # The default is a function too: Python-Markdown would read a None default as a flag.
        self.config = {"context": [RenderContext, "a function returning the RenderContext of the page being rendered"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        current: Callable[[], RenderContext] = self.getConfig("context")
        page = current()
        SlideMarkExtension().extendMarkdown(md)
        SafeAddressesExtension().extendMarkdown(md)
        FactsExtension(page.facts, page.strings["to_confirm"]).extendMarkdown(md)
        register_fences(md, page)


def makeExtension(**kwargs: object) -> PageExtension:  # noqa: N802 - the name Python-Markdown looks for
    """Python-Markdown's entry point for ``training.page_markdown``."""
    return PageExtension(**kwargs)


def render_markdown(text: str, page: RenderContext, first_line: int = 1, extensions: Sequence[str] = ()) -> str:
    """A page's Markdown as HTML, the way the build renders it but without MkDocs: its blocks
    read once (``site.page_blocks.read_page``), their fences numbered, and ``page`` with those
    blocks as the context; ``extensions`` are Markdown extensions to add before this one."""
    checked = read_page(text, page.path, first_line, page.facts.register if page.facts else None).checked
    page = replace(page, blocks=checked)
    md = Markdown(extensions=[*extensions, "pymdownx.superfences", PageExtension(context=lambda: page)])
    return md.convert(number_blocks(text, first_line, checked, page.path))
