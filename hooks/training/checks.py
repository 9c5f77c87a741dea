"""The content checks over the whole ``docs/`` tree: every block and module, ids across the
site, translation parity, freshness, and facts still to be confirmed.

The build runs them before rendering anything; ``python -m training.checks docs`` (that
is, ``make check``) runs them alone, without MkDocs.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .catalogue import is_generated_page
from .exports import export_problems
from .errors import Problem
from .modules import PLACEHOLDER, Module, Section, headings_of, parse_front_matter, plan_problems, sections_of
from .page import PageBlocks, read_page
from .parity import PageContent, compare_pages, missing_counterparts
from .readability import AVERAGE_LIMIT, LONGEST_LIMIT, Readability, is_participant_page, measure
from .source import split_front_matter
from .unconfirmed import Unconfirmed, find_unconfirmed, prose_lines
from .validate import duplicate_ids

# Reviews of legal facts older than this are listed for the editors.
STALE_AFTER = dt.timedelta(days=365)
ALLOW_LIST = "translations.yml"


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

    @property
    def content(self) -> PageContent:
        return PageContent(self.path, self.module, self.blocks.quizzes, self.blocks.checklists)


@dataclass
class DocsReport:
    """Everything the checks found, and the pages they read (the catalogues use them)."""

    pages: list[Page] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    unconfirmed: list[Unconfirmed] = field(default_factory=list)

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


def languages_in(docs_dir: Path) -> list[str]:
    """The language folders (``fi``, ``en``, …) directly under docs/."""
    return sorted(p.name for p in docs_dir.iterdir() if p.is_dir() and 2 <= len(p.name) <= 3 and p.name.isalpha())


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (!ENV, !!python/name)."""


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _read_config(config_file: Path) -> dict:
    return yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}


def unconfirmed_in_config(config_file: Path) -> list[Unconfirmed]:
    """The help line shown on every page, while the site owner has not confirmed it."""
    help_line = (_read_config(config_file).get("extra") or {}).get("help_line") or {}
    if not help_line or help_line.get("confirmed"):
        return []
    lines = config_file.read_text(encoding="utf-8").split("\n")
    line = next((i for i, text in enumerate(lines, 1) if text.strip().startswith("help_line:")), 1)
    return [Unconfirmed(config_file.name, line, f"help line {help_line.get('display', '')} (set confirmed: true)")]


def configured_languages(config_file: Path) -> list[str]:
    """The languages of the i18n plugin in mkdocs.yml, the default first."""
    config = _read_config(config_file)
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            entries = (plugin["i18n"] or {}).get("languages") or []
            ordered = sorted(entries, key=lambda e: not e.get("default"))
            return [e["locale"] for e in ordered if e.get("locale")]
    return []


def check_page(source: str, path: str, language: str, rel: str) -> tuple[Page, list[Problem], list[Problem], list[Unconfirmed]]:
    """Check one page. Returns the page, its errors, its warnings and its unconfirmed facts."""
    front, body, first_line = split_front_matter(source)
    module, problems = parse_front_matter(front, path)
    blocks = read_page(body, path, first_line)
    problems += blocks.problems
    prose = list(prose_lines(body, first_line))
    # Anywhere: front matter, prose and blocks alike, since a placeholder must never be published.
    problems += [Problem(path, number, f"placeholder '{text.strip()[:60]}' left from `make new-module`: "
                         "write the real text")
                 for number, text in enumerate(source.split("\n"), start=1) if PLACEHOLDER in text]
    sections = []
    warnings = []
    if module is not None:
        sections = sections_of(headings_of(prose), blocks.trainer_notes)
        warnings = plan_problems(module, sections)
        if module.id and rel.rsplit("/", 1)[-1] == "index.md":
            # Its generated pages (trainer page, presentation) would sit one folder deeper than
            # the page itself, and the module's relative links would break there.
            problems.append(Problem(path, module.line_of("id"),
                                    f"a module cannot be a folder's index.md: rename the file, for example to "
                                    f"'{rel[: -len('index.md')]}{module.id}.md', and link to it from the index"))
    elif blocks.trainer_notes:
        problems.append(Problem(path, blocks.trainer_notes[0].line,
                                "trainer blocks belong in modules: give the page module front matter "
                                "(see CONTRIBUTING.md) or remove the block"))
    page = Page(path, language, rel, module, blocks, sections)
    if is_participant_page(rel, module.audiences if module else None):
        page.readability = measure(body, path, first_line)
    return page, sorted(problems), warnings, find_unconfirmed(body, path, first_line)


def _allowed_untranslated(root: Path) -> tuple[dict[str, str], list[Problem]]:
    path = root / ALLOW_LIST
    if not path.exists():
        return {}, []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    entries = data.get("untranslated") or []
    allowed, problems = {}, []
    for entry in entries:
        if not isinstance(entry, dict) or not entry.get("path") or not entry.get("reason"):
            problems.append(Problem(ALLOW_LIST, 1, "each entry under 'untranslated' needs 'path:' and 'reason:'"))
            continue
        allowed[entry["path"]] = entry["reason"]
    return allowed, problems


def check_docs(docs_dir: Path, root: Path, today: dt.date | None = None,
               languages: list[str] | None = None) -> DocsReport:
    """Run every content check over ``docs_dir``; paths in messages are relative to ``root``.

    ``languages`` are the site's languages, the default first (the folders under docs/ if
    not given): a language whose folder is missing altogether is then still compared.
    """
    today = today or dt.date.today()
    report = DocsReport()
    docs = docs_dir.resolve().relative_to(root.resolve()).as_posix()
    languages = list(languages or languages_in(docs_dir))
    for language in languages:
        folder = docs_dir / language
        for file in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
            if is_generated_page(file):
                continue
            rel = file.relative_to(folder).as_posix()
            page, problems, warnings, unconfirmed = check_page(
                file.read_text(encoding="utf-8"), f"{docs}/{language}/{rel}", language, rel)
            report.pages.append(page)
            report.problems += problems
            report.warnings += warnings
            report.unconfirmed += unconfirmed
    for language in languages:
        own = [p for p in report.pages if p.language == language]
        report.problems += duplicate_ids([m for p in own for m in (*p.blocks.quizzes, *p.blocks.checklists)])
        report.problems += _module_id_problems(own)
        report.problems += [problem for p in own if p.module for problem in export_problems(p.path, p.blocks.quizzes)]
    report.problems += _parity_problems(report, docs, languages, root)
    report.warnings += _stale_reviews(report, today)
    report.problems = sorted(set(report.problems))
    report.warnings = sorted(set(report.warnings))
    return report


def _module_id_problems(pages: list[Page]) -> list[Problem]:
    by_id: dict[str, list[Page]] = defaultdict(list)
    for page in pages:
        if page.module and page.module.id:
            by_id[page.module.id].append(page)
    problems = []
    for ident, owners in by_id.items():
        for page in owners[1:]:
            problems.append(Problem(page.path, page.module.line_of("id"),
                                    f"module id '{ident}' is also used by {owners[0].path}: give each module its own id"))
    for page in pages:
        for prerequisite in page.module.prerequisites if page.module else []:
            if prerequisite not in by_id:
                problems.append(Problem(page.path, page.module.line_of("prerequisites"),
                                        f"prerequisite '{prerequisite}' is not the id of any module"))
    return problems


def _parity_problems(report: DocsReport, docs: str, languages: list[str], root: Path) -> list[Problem]:
    allowed, problems = _allowed_untranslated(root)
    paths = {lang: {p.rel for p in report.pages if p.language == lang} for lang in languages}
    problems += missing_counterparts(paths, docs, allowed)
    if not languages:
        return problems
    reference = languages[0]
    by_key = {(p.language, p.rel): p for p in report.pages}
    for language in languages:
        if language == reference:
            continue
        for rel in sorted(paths[reference] & paths[language]):
            problems += compare_pages(by_key[(reference, rel)].content, by_key[(language, rel)].content)
    return problems


def _stale_reviews(report: DocsReport, today: dt.date) -> list[Problem]:
    return [Problem(p.path, p.module.line_of("reviewed"),
                    f"the facts were last checked on {p.module.reviewed.isoformat()}, more than 12 months ago: "
                    "check them against the sources and update 'reviewed'")
            for p in report.pages
            if p.module and p.module.legal and p.module.reviewed and today - p.module.reviewed > STALE_AFTER]


def _annotate(kind: str, problem: Problem) -> str:
    message = problem.message.replace("%", "%25").replace("\n", "%0A")
    return f"::{kind} file={problem.path},line={problem.line}::{message}"


def main(argv: list[str]) -> int:
    """``make check``: print every problem and warning; exit 1 when there is a problem."""
    docs_dir = Path(argv[0] if argv else "docs")
    config = Path("mkdocs.yml")
    languages = configured_languages(config) if config.exists() else None
    report = check_docs(docs_dir, Path.cwd(), languages=languages)
    if config.exists():
        report.unconfirmed = unconfirmed_in_config(config) + report.unconfirmed
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in report.problems:
        print(f"ERROR {problem}")
        if github:
            print(_annotate("error", problem))
    for warning in report.warnings:
        print(f"WARNING {warning}")
        if github:
            print(_annotate("warning", warning))
    if report.unconfirmed:
        print(f"\n{len(report.unconfirmed)} facts are marked [VERIFY]; confirm them at their source, "
              "then remove the marker:")
        for item in report.unconfirmed:
            print(f"  {item}")
    hard = print_readability(report)
    modules = {lang: len(report.modules(lang)) for lang in languages or languages_in(docs_dir)}
    print(f"\nChecked {len(report.pages)} pages ({', '.join(f'{k} {v} modules' for k, v in modules.items())}): "
          f"{len(report.problems)} problems, {len(report.warnings)} warnings, "
          f"{len(hard)} participant pages over the plain-language limits.")
    return 1 if report.problems or hard else 0


def print_readability(report: DocsReport) -> list[Readability]:
    """The plain-language report of every participant page; returns those over the limits."""
    measured = [p.readability for p in report.pages if p.readability]
    print(f"\nPlain language, participant pages (limits: average {AVERAGE_LIMIT} words a sentence, "
          f"none over {LONGEST_LIMIT}):")
    print(f"  {'page':<52} {'sentences':>9} {'average':>7} {'longest':>7} {'over':>4}")
    for result in sorted(measured, key=lambda r: r.path):
        longest = max((n for _, n, _ in result.sentences), default=0)
        print(f"  {result.path:<52} {len(result.sentences):>9} {result.average:>7.1f} {longest:>7} "
              f"{len(result.too_long):>4}")
        for line, words, text in result.too_long:
            print(f"    {result.path}:{line}: {words} words: {text[:80]}")
    return [r for r in measured if not r.meets_target]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
