"""Python-Markdown extension: ``${id}`` and ``${id.field}`` become the fact from the register,
and ``[VERIFY]`` the visible "to be confirmed" mark, wherever Markdown is written: prose,
lists, tables, admonitions, and the text of quizzes, checklists and trainer notes (which
``markup`` renders with the same extension). Code spans keep both as written.

Listed in mkdocs.yml as ``training.facts.inline``. The page's language and register come from
the render context the hook sets before each page; the checks have already stopped the
build on any unknown id, so every reference met here exists.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from html import escape

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor

from ..context import get_render_context
from ..strings import load_strings
from .view import REFERENCE, parse_reference

VERIFY = re.compile(r"\[VERIFY\]")
# After code spans (190) and backslash escapes (180), before links and references (170, 160).
PRIORITY = 175


class _FactPattern(InlineProcessor):
    def __init__(self, md: Markdown):
        super().__init__(REFERENCE.pattern, md)

    def handleMatch(self, m: re.Match, data: str) -> tuple[str | etree.Element | None, int, int]:  # noqa: N802
        view = get_render_context().facts
        ident, key = parse_reference(m.group(1))
        if view is None or view.register.get(ident) is None:
            return None, m.start(0), m.end(0)  # left as written: the checks report it
        links = getattr(self.md, "training_fact_links", True)
        return self.md.htmlStash.store(view.html(ident, key, links)), m.start(0), m.end(0)


class _VerifyPattern(InlineProcessor):
    def __init__(self, md: Markdown):
        super().__init__(VERIFY.pattern, md)

    def handleMatch(self, m: re.Match, data: str) -> tuple[str, int, int]:  # noqa: N802
        label = load_strings(get_render_context().lang)["to_confirm"]
        return self.md.htmlStash.store(f'<span class="to-confirm">({escape(label)})</span>'), m.start(0), m.end(0)


class FactsExtension(Extension):
    """Registers the two inline patterns."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802
        md.inlinePatterns.register(_FactPattern(md), "training_fact", PRIORITY)
        md.inlinePatterns.register(_VerifyPattern(md), "training_verify", PRIORITY - 1)


def makeExtension(**kwargs: object) -> FactsExtension:  # noqa: N802 - the name Python-Markdown looks for
    return FactsExtension(**kwargs)
