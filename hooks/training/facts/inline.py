"""Python-Markdown extension: ``${id}`` and ``${id.field}`` become the fact from the register,
and ``[VERIFY]`` the visible "to be confirmed" mark, wherever Markdown is written: prose,
lists, tables, admonitions, and the text of quizzes, checklists and trainer notes (which
``safe.markup`` renders with the same extension). Code spans keep both as written.

The page's extension (``page_markdown``) and ``markup.Renderer`` register it with the page's
register and language; the checks have already stopped the build on any unknown id, so every
reference met here exists.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from html import escape

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor

from ..strings import load_strings
from .view import REFERENCE, FactView, parse_reference

VERIFY = re.compile(r"\[VERIFY\]")
# After code spans (190) and backslash escapes (180), before links and references (170, 160).
PRIORITY = 175


class _FactPattern(InlineProcessor):
    def __init__(self, md: Markdown, view: FactView | None, links: bool):
        super().__init__(REFERENCE.pattern, md)
        self.view = view
        self.links = links

    def handleMatch(self, m: re.Match, data: str) -> tuple[str | etree.Element | None, int, int]:  # noqa: N802
        ident, key = parse_reference(m.group(1))
        if self.view is None or self.view.register.get(ident) is None:
            return None, m.start(0), m.end(0)  # left as written: the checks report it
        return self.md.htmlStash.store(self.view.html(ident, key, self.links)), m.start(0), m.end(0)


class _VerifyPattern(InlineProcessor):
    def __init__(self, md: Markdown, label: str):
        super().__init__(VERIFY.pattern, md)
        self.mark = f'<span class="to-confirm">({escape(label)})</span>'

    def handleMatch(self, m: re.Match, data: str) -> tuple[str, int, int]:  # noqa: N802
        return self.md.htmlStash.store(self.mark), m.start(0), m.end(0)


class FactsExtension(Extension):
    """Registers the two inline patterns: the facts of ``view`` (the register in the page's
    language; None leaves ``${id}`` as written), shown with links unless ``links`` is off,
    and ``[VERIFY]`` shown as ``label``."""

    def __init__(self, view: FactView | None = None, label: str = "", links: bool = True, **kwargs: object):
        super().__init__(**kwargs)
        self.view = view
        self.label = label or load_strings(view.language if view else None)["to_confirm"]
        self.links = links

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802
        md.inlinePatterns.register(_FactPattern(md, self.view, self.links), "training_fact", PRIORITY)
        md.inlinePatterns.register(_VerifyPattern(md, self.label), "training_verify", PRIORITY - 1)
