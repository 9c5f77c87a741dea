"""The checked site: each page with its module, blocks and sections, and lookups over them."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from ..errors import Problem
from ..facts.references import FactUse
from ..facts.register import Register
from ..modules.module import Module, Section
from . import translations
from .page_blocks import PageBlocks
from .parity import PageContent
from .readability import Readability
from .unconfirmed import Unconfirmed


@dataclass
class Page:
    """One Markdown file of one language, checked."""

    path: str  # as editors see it: docs/fi/oikeudet/palkka.md
    language: str
    rel: str  # within the language folder: oikeudet/palkka.md
    module: Module | None
    blocks: PageBlocks
    sections: list[Section]
    readability: Readability | None = None
    fact_uses: list[FactUse] = field(default_factory=list)
    source: str = ""  # the file's text, for the translation checks
    first_line: int = 1  # the file line where its Markdown starts, after the front matter
    block_text: list[tuple[int, str]] = field(default_factory=list)  # (file line, text) of its blocks' text

    @property
    def content(self) -> PageContent:
        return PageContent(self.path, self.module, self.blocks.quizzes, self.blocks.checklists, self.sections)


@dataclass
class DocsReport:
    """Everything the checks found, and the pages they read (the catalogues use them).

    ``problems`` stop the build; ``warnings`` stop a strict build too (a plan that does not
    add up). ``to_recheck`` are reminders that come with time (facts due for a check at their
    source, modules whose facts are over a year old, translations behind their source): the
    build goes on, ``make check`` lists them."""

    pages: list[Page] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    to_recheck: list[Problem] = field(default_factory=list)
    unconfirmed: list[Unconfirmed] = field(default_factory=list)
    register: Register = field(default_factory=Register)
    help_contact: FactUse | None = None  # the help bar's contact (mkdocs.yml)
    behind: dict[tuple[str, str], translations.Behind] = field(default_factory=dict)
    # (language, path in the language folder) of pages with a problem of their own, or that
    # could not be read: comparing them with the other language would only repeat that problem.
    broken: set[tuple[str, str]] = field(default_factory=set)

    @property
    def fact_uses(self) -> list[FactUse]:
        """Every place a fact is shown: the pages, and the help bar on all of them."""
        return [use for page in self.pages for use in page.fact_uses] + ([self.help_contact] if self.help_contact else [])

    def modules(self, language: str) -> list[Module]:
        """The valid modules of one language, by track and order."""
        found = [p.module for p in self.pages if p.language == language and p.module and p.module.id]
        return sorted(found, key=lambda m: (m.track, m.order, m.id))

    @functools.cached_property
    def index(self) -> ReportIndex:
        """Lookups over the pages, made once (read it only after the checks have run): the
        build asks for every page, and a scan of the whole site each time would grow with
        the square of the site's size."""
        return ReportIndex.of(self.pages)


@dataclass
class ReportIndex:
    """The checked pages by language, by path and, for modules, by track and by id."""

    by_language: dict[str, list[Page]] = field(default_factory=dict)
    by_path: dict[tuple[str, str], Page] = field(default_factory=dict)
    tracks: dict[tuple[str, str], list[Page]] = field(default_factory=dict)
    modules: dict[tuple[str, str], Page] = field(default_factory=dict)

    @classmethod
    def of(cls, pages: list[Page]) -> ReportIndex:
        index = cls()
        for page in pages:
            index.by_language.setdefault(page.language, []).append(page)
            index.by_path.setdefault((page.language, page.rel), page)
            if page.module:
                index.tracks.setdefault((page.language, page.module.track), []).append(page)
                index.modules[(page.language, page.module.id)] = page
        for track in index.tracks.values():
            track.sort(key=lambda p: (p.module.order, p.module.id))
        return index

    def pages(self, language: str) -> list[Page]:
        """Every page of one language, in the order the checks read them."""
        return self.by_language.get(language, [])

    def module_page(self, language: str, rel: str) -> Page | None:
        """The module at ``rel`` in a language's folder (None when that page is no module)."""
        page = self.by_path.get((language, rel))
        return page if page is not None and page.module else None

    def track(self, language: str, track: str) -> list[Page]:
        """The modules of a track in one language, by order and id."""
        return self.tracks.get((language, track), [])
