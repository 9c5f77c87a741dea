"""The content checks over the whole ``docs/`` tree: every block and module, ids across the
site, the fact register and the facts pages use, translation parity and freshness, and
facts still to be confirmed.

The build runs them before rendering anything; ``python -m training.site.checks docs`` (that
is, ``make check``) runs them alone, without MkDocs.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from ..errors import Problem
from ..exports.formats import export_problems
from ..facts import read_register
from ..facts.references import (FACTS_IN_FRONT_MATTER, find_references, front_matter_lines, front_matter_problems,
                                hand_written_numbers, reference_problems, text_lines)
from ..facts.register import Register
from ..facts.report import recheck_problems, recheck_rows
from ..ids import duplicate_ids
from ..modules.catalogue import is_generated_name
from ..quiz.model import TextAnswer
from ..modules.module import PLACEHOLDER, headings_of, parse_front_matter, plan_problems, sections_of
from ..source import split_front_matter
from ..yamlread import YamlReader
from . import translations
from .config import configured_languages, help_contact, help_contact_problems
from .model import DocsReport, Page
from .page_blocks import PageBlocks, read_page
from .parity import compare_pages, missing_counterparts
from .readability import AVERAGE_LIMIT, LONGEST_LIMIT, Readability, is_participant_page, measure
from .unconfirmed import Unconfirmed, find_unconfirmed, prose_lines

# Legal facts whose latest real date (review, or sources) is older than this are listed for the editors.
STALE_AFTER = dt.timedelta(days=365)
ALLOW_LIST = "translations.yml"
# A front matter line whose value is a number (order: 112, teaching: 15): no phone number.
_NUMBER_VALUE = re.compile(r"\s*[\w-]+\s*:\s*\d+\s*$")
# The editors' demo page may show phone numbers by hand, to explain the syntax around them.
DEMO_PAGE = "toimittajille/esimerkki.md"


def languages_in(docs_dir: Path) -> list[str]:
    """The language folders (``fi``, ``en``, …) directly under docs/."""
    return sorted(p.name for p in docs_dir.iterdir() if p.is_dir() and 2 <= len(p.name) <= 3 and p.name.isalpha())


def check_page(source: str, path: str, language: str, rel: str, register: Register | None = None,
               today: dt.date | None = None) -> tuple[Page, list[Problem], list[Problem], list[Unconfirmed]]:
    """Check one page against the fact register. Returns the page, its errors, its warnings
    and its unconfirmed facts."""
    register = register or Register()
    front, body, first_line = split_front_matter(source)
    module, problems = parse_front_matter(front, path, today)
    front_read = not problems
    blocks = read_page(body, path, first_line, register)
    problems += blocks.problems
    blocks_read = not blocks.problems
    prose = list(prose_lines(body, first_line))
    text = text_lines(prose, blocks.fenced)
    front_text = front_matter_lines(front)
    key_points = [(number, line) for number, key, line in front_text if key == FACTS_IN_FRONT_MATTER]
    uses = find_references(key_points + text, path)
    problems += reference_problems(uses, register) + front_matter_problems(front, path)
    problems += _answers_with_facts(blocks, path)
    uses += blocks.fact_uses
    problems += _unencrypted_links(text, path)
    if rel != DEMO_PAGE:
        problems += hand_written_numbers([(number, line) for number, _, line in front_text
                                          if not _NUMBER_VALUE.match(line)] + text, path, register)
    # Anywhere: front matter, prose and blocks alike, since a placeholder must never be published.
    problems += [Problem(path, number, f"placeholder '{text.strip()[:60]}' left from `make new-module`: "
                         "write the real text")
                 for number, text in enumerate(source.split("\n"), start=1) if PLACEHOLDER in text]
    sections = []
    warnings = []
    if module is not None:
        sections = sections_of(headings_of(prose), blocks.trainer_notes)
        # A block that could not be read would make the plan look wrong as well.
        warnings = plan_problems(module, sections) if blocks_read else []
        if module.id and rel.rsplit("/", 1)[-1] == "index.md":
            # Its generated pages (trainer page, presentation) would sit one folder deeper than
            # the page itself, and the module's relative links would break there.
            problems.append(Problem(path, module.line_of("id"),
                                    f"a module cannot be a folder's index.md: rename the file, for example to "
                                    f"'{rel[: -len('index.md')]}{module.id}.md', and link to it from the index"))
    elif blocks.trainer_notes and front_read:
        problems.append(Problem(path, blocks.trainer_notes[0].line,
                                "trainer blocks belong in modules: give the page module front matter "
                                "(see CONTRIBUTING.md) or remove the block"))
    prose_numbers = {number for number, _ in prose}
    page = Page(path, language, rel, module, blocks, sections, fact_uses=uses, source=source,
                first_line=first_line,
                block_text=[(number, line) for number, line in text if number not in prose_numbers])
    if is_participant_page(rel, module.audiences if module else None):
        page.readability = measure(body, path, first_line)
    return page, sorted(problems), warnings, find_unconfirmed(sorted(key_points + text), path)


def _answers_with_facts(blocks: PageBlocks, path: str) -> list[Problem]:
    """A typed answer is compared with what the reader types, so it cannot be a fact reference."""
    return [Problem(path, question.line or quiz.line, f"question '{question.id}': an accepted answer cannot be a "
                    "fact (${…}): write the answer out, or ask the question another way")
            for quiz in blocks.quizzes for question in quiz.questions
            if isinstance(question, TextAnswer) and any("${" in answer for answer in question.answers)]


def _allowed_untranslated(root: Path) -> tuple[dict[str, str], list[Problem]]:
    path = root / ALLOW_LIST
    if not path.exists():
        return {}, []
    text, undecodable = read_source(path, ALLOW_LIST)
    if undecodable:
        return {}, [undecodable]
    reader = YamlReader(ALLOW_LIST, text, 1)
    if reader.compose("translations.yml", 1) is None and reader.problems:
        return {}, reader.problems
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict):
        return {}, [Problem(ALLOW_LIST, 1, "write 'untranslated:' with its entries below it")]
    entries = data.get("untranslated") or []
    allowed, problems = {}, []
    for entry in entries:
        if not isinstance(entry, dict) or not entry.get("path") or not entry.get("reason"):
            problems.append(Problem(ALLOW_LIST, 1, "each entry under 'untranslated' needs 'path:' and 'reason:'"))
            continue
        allowed[entry["path"]] = entry["reason"]
    return allowed, problems


def check_docs(docs_dir: Path, root: Path, today: dt.date | None = None,
               languages: list[str] | None = None, config_file: Path | None = None) -> DocsReport:
    """Run every content check over ``docs_dir``; paths in messages are relative to ``root``.

    ``languages`` are the site's languages, the default first (the folders under docs/ if
    not given): a language whose folder is missing altogether is then still compared.
    ``config_file`` (mkdocs.yml) names the help bar's contact, checked against the register.
    """
    today = today or dt.date.today()
    report = DocsReport()
    docs = docs_dir.resolve().relative_to(root.resolve()).as_posix()
    languages = list(languages or languages_in(docs_dir))
    report.register, report.problems = read_register(root, languages, today)
    for language in languages:
        folder = docs_dir / language
        for file in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
            rel = file.relative_to(folder).as_posix()
            path = f"{docs}/{language}/{rel}"
            if is_generated_name(rel):
                report.problems.append(Problem(path, 1, "the build makes this page from its module, under this "
                                               "name: delete the file (edit the module), or rename it"))
                continue
            source, undecodable = read_source(file, path)
            if undecodable:
                report.problems.append(undecodable)
                report.broken.add((language, rel))
                continue
            page, problems, warnings, unconfirmed = check_page(source, path, language, rel, report.register, today)
            if problems:
                report.broken.add((language, rel))
            report.pages.append(page)
            report.problems += problems
            report.warnings += warnings
            report.unconfirmed += unconfirmed
    for language in languages:
        own = [p for p in report.pages if p.language == language]
        report.problems += duplicate_ids([m for p in own for m in (*p.blocks.quizzes, *p.blocks.checklists)])
        report.problems += _module_id_problems(own)
        report.problems += [problem for p in own if p.module for problem in export_problems(p.path, p.blocks.quizzes)]
    if config_file is not None and config_file.exists():
        report.help_contact = help_contact(config_file)
        report.problems += help_contact_problems(report.help_contact, report.register)
    report.problems += _block_link_problems(report)
    report.problems += _parity_problems(report, docs, languages, root)
    report.problems += _translation_problems(report, languages, root)
    report.to_recheck += _stale_reviews(report, today)
    report.to_recheck += [b.problem() for b in report.behind.values()]
    report.to_recheck += recheck_problems(recheck_rows(report.register, report.fact_uses, today), report.register, today)
    report.problems = sorted(set(report.problems))
    report.warnings = sorted(set(report.warnings))
    report.to_recheck = sorted(set(report.to_recheck))
    return report


# An http:// address as a link: [text](http://…), <http://…>, href="http://…", [ref]: http://…
_UNENCRYPTED = re.compile(r"""(?:\]\(\s*<?|<|\bhref\s*=\s*["']?|^\s*\[[^\]]+\]:\s*<?)(http://[^\s)>"']*)""", re.I)


def _unencrypted_links(lines: list[tuple[int, str]], path: str) -> list[Problem]:
    """Links to http:// addresses, which the site drops (an unencrypted page can be read and
    changed on the way, and shows who reads it): each at its line."""
    return [Problem(path, number, f"the link '{match.group(1)}' is not encrypted and would be removed: "
                    "write its https:// address")
            for number, line in lines for match in _UNENCRYPTED.finditer(line)]


# A Markdown link's target: [text](target "title") or [text](<target>).
_LINK_TARGET = re.compile(r"\]\(\s*(?:<([^>\n]*)>|([^)\s]+))(?:\s+[\"'(][^)]*)?\s*\)")


def _block_link_problems(report: DocsReport) -> list[Problem]:
    """Links in quiz, checklist and trainer text to pages that do not exist, at their line.
    (Prose links MkDocs checks itself; block text reaches the page through the blocks.)"""
    paths = {(p.language, p.rel) for p in report.pages}
    default = report.pages[0].language if report.pages else ""
    problems = []
    for page in report.pages:
        for number, text in page.block_text:
            for match in _LINK_TARGET.finditer(text):
                address = match.group(1) if match.group(1) is not None else match.group(2)
                target = urlsplit(unquote(address))
                if target.scheme or target.netloc or not target.path.endswith(".md"):
                    continue
                rel = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), target.path))
                if (page.language, rel) not in paths and (default, rel) not in paths:
                    problems.append(Problem(page.path, number, f"the link '{address}' points to no page "
                                            f"(docs/{page.language}/{rel} does not exist): correct the address, "
                                            "written relative to this page"))
    return problems


def read_source(file: Path, path: str) -> tuple[str, Problem | None]:
    """A page's text, or the problem that it is not UTF-8 (at the line of the first bad byte).
    A byte-order mark, which some editors write, is dropped."""
    data = file.read_bytes()
    try:
        return data.decode("utf-8").removeprefix("\ufeff"), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return "", Problem(path, line, f"this line holds a byte that is not UTF-8 text (0x{data[error.start]:02x}): "
                           "save the file as UTF-8, or retype the characters around it")


def _translation_problems(report: DocsReport, languages: list[str], root: Path) -> list[Problem]:
    """Check every translation's ``translated_from``; find those behind their source."""
    problems = []
    by_key = {(p.language, p.rel): p for p in report.pages}
    for page in report.pages:
        if not languages or page.language == languages[0] or (languages[0], page.rel) not in by_key:
            continue
        source = by_key[(languages[0], page.rel)]
        recorded, line, found = translations.recorded(page.source, page.path)
        problems += found
        if recorded is None:
            if not found:
                report.to_recheck.append(Problem(
                    page.path, 1, f"the translation does not say which version of {source.path} it was translated "
                    f"from, so nothing can tell when it falls behind: run `make translated FILE={page.path}` once "
                    "it is up to date"))
            continue
        if recorded != translations.digest(source.source):
            changed, updated = translations.history(root, source.path, recorded)
            report.behind[(page.language, page.rel)] = translations.Behind(page.path, line, source.path, changed, updated)
    return problems


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
    positions: dict[tuple[str, int], Page] = {}
    for page in sorted((p for p in pages if p.module and p.module.id and p.module.track), key=lambda p: p.path):
        first = positions.setdefault((page.module.track, page.module.order), page)
        if first is not page:
            problems.append(Problem(page.path, page.module.line_of("order"),
                                    f"order {page.module.order} in track '{page.module.track}' is also used by "
                                    f"{first.path}: give each module of a track its own position"))
    for page in pages:
        for prerequisite in page.module.prerequisites if page.module else []:
            if prerequisite not in by_id:
                problems.append(Problem(page.path, page.module.line_of("prerequisites"),
                                        f"prerequisite '{prerequisite}' is not the id of any module"))
    return problems


def _parity_problems(report: DocsReport, docs: str, languages: list[str], root: Path) -> list[Problem]:
    allowed, problems = _allowed_untranslated(root)
    paths = {lang: {p.rel for p in report.pages if p.language == lang}
             | {rel for broken_lang, rel in report.broken if broken_lang == lang} for lang in languages}
    problems += missing_counterparts(paths, docs, allowed)
    if not languages:
        return problems
    reference = languages[0]
    by_key = {(p.language, p.rel): p for p in report.pages}
    for language in languages:
        if language == reference:
            continue
        for rel in sorted(paths[reference] & paths[language]):
            if (reference, rel) in report.broken or (language, rel) in report.broken:
                continue  # fix the page's own problems first
            problems += compare_pages(by_key[(reference, rel)].content, by_key[(language, rel)].content)
    return problems


def _stale_reviews(report: DocsReport, today: dt.date) -> list[Problem]:
    """Modules with legal facts whose latest real date (review, or sources) is over a year old."""
    return [Problem(p.path, p.module.line_of("reviewed" if p.module.reviewed else "sources_as_of"),
                    f"the facts date from {p.module.facts_dated.isoformat()}, more than 12 months ago: compare "
                    "the page with the live official sources, then set 'reviewed' and 'reviewer'")
            for p in report.pages
            if p.module and p.module.legal and p.module.facts_dated and today - p.module.facts_dated > STALE_AFTER]


def _annotate(kind: str, problem: Problem) -> str:
    message = problem.message.replace("%", "%25").replace("\n", "%0A")
    return f"::{kind} file={problem.path},line={problem.line}::{message}"


def main(argv: list[str]) -> int:
    """``make check``: print every problem and warning; exit 1 when there is a problem."""
    docs_dir = Path(argv[0] if argv else "docs")
    config = Path("mkdocs.yml")
    languages = configured_languages(config) if config.exists() else None
    report = check_docs(docs_dir, Path.cwd(), languages=languages, config_file=config)
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in report.problems:
        print(f"ERROR {problem}")
        if github:
            print(_annotate("error", problem))
    for warning in report.warnings + report.to_recheck:
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
          f"{len(report.problems)} problems, {len(report.warnings) + len(report.to_recheck)} warnings, "
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
