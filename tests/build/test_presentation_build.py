"""Presentations in the real build: one per module in both languages, linked from its
trainer page, one slide per section, notes only there, and their files only there."""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from site_helpers import LANGUAGES, ROOT, parse_html
from training.facts import read_register
from training.facts.view import FactView
from training.strings import fill, load_strings

DOCS = ROOT / "docs"
def modules_of(language: str) -> dict[str, tuple[Path, dict]]:
    """Every module of a language (source file and front matter), read from the sources."""
    found = {}
    for path in sorted((DOCS / language).rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if not text.startswith("---\n"):
            continue
        meta = yaml.safe_load(text.split("---\n")[1])
        if "id" in meta:
            found[meta["id"]] = (path, meta)
    return found


def built(site_dir: Path, language: str, source: Path, suffix: str = "") -> Path:
    """The built HTML of a source page (or of its generated page with ``suffix``)."""
    rel = source.relative_to(DOCS / language).with_suffix("").as_posix() + suffix
    folder = site_dir if language == LANGUAGES[0] else site_dir / language
    return folder / rel / "index.html"


@functools.cache
def facts(language: str) -> FactView:
    """The project's fact register in one language."""
    register, _ = read_register(ROOT, list(LANGUAGES), dt.date.today())
    return FactView(register, language, load_strings(language))


def plain(markdown: str, language: str) -> str:
    """Markdown notes as the reader sees their words: facts written out, links and emphasis marks gone."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", facts(language).substitute(markdown))
    return " ".join(re.sub(r"[*_`]", "", text).split())


def sections_and_notes(source: Path) -> list[list[str]]:
    """Per ``##`` section, the opening words of the notes of its trainer blocks."""
    body = source.read_text(encoding="utf-8").split("---\n", 2)[2]
    sections: list[list[str]] = []
    fence = None
    lines = body.split("\n")
    for index, line in enumerate(lines):
        opening = re.match(r"^(`{3,}|~{3,})(\w*)", line)
        if fence:
            if line.startswith(fence):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            if opening.group(2) == "trainer" and sections:
                block = "\n".join(lines[index + 1: lines.index(fence, index + 1)])
                sections[-1].append(plain(yaml.safe_load(block)["notes"], source.relative_to(DOCS).parts[0])[:40])
            continue
        if line.startswith("## "):
            sections.append([])
    return sections


def words(element) -> str:
    return " ".join(element.get_text(" ").split())


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_module_has_a_presentation_linked_from_the_top_of_its_trainer_page(site_dir, language):
    t = load_strings(language)
    modules = modules_of(language)
    assert len(modules) >= 20
    for ident, (source, meta) in modules.items():
        trainer = parse_html(built(site_dir, language, source, "-kouluttajalle"))
        top = trainer.select("article > p")[:4]
        links = [a for p in top for a in p.select("a") if a.get_text(strip=True) == t["trainer_present"]]
        assert len(links) == 1, ident
        here = "http://site/" + built(site_dir, language, source, "-kouluttajalle").relative_to(site_dir).as_posix()
        target = urljoin(here, links[0]["href"])
        expected = built(site_dir, language, source, "-esitys").relative_to(site_dir).parent.as_posix() + "/"
        assert target == "http://site/" + expected, ident
        page = parse_html(built(site_dir, language, source, "-esitys"))
        assert page.html["lang"] == language
        assert page.title.get_text().startswith(fill(t["present_title"], title=meta["title"]))
        check_slides(page, source, meta, t, ident)


def check_slides(page, source: Path, meta: dict, t: dict, ident: str) -> None:
    """The slides of a presentation: the title slides (title, length, objectives), each
    section's slides with its notes on the first, every quiz question on a slide of its own,
    every checklist item once, and the closing slides (key points, where to get help)."""
    sections = sections_and_notes(source)
    slides = page.select("section.slide")
    assert [s["data-slide"] for s in slides] == [str(n) for n in range(1, len(slides) + 1)]
    for number, slide in enumerate(slides, start=1):
        label = slide.find(id=slide["aria-labelledby"])
        assert label is not None and label.name in ("h1", "h2"), (ident, number)
        assert all(notes.has_attr("hidden") for notes in slide.select(".slide-notes")), (ident, number)
    opening = [s for s in slides if re.fullmatch(r"slide-title(-\d+)?", s["aria-labelledby"])]
    closing = [s for s in slides if re.fullmatch(r"slide-closing(-\d+)?", s["aria-labelledby"])]
    assert slides[: len(opening)] == opening and slides[len(slides) - len(closing):] == closing
    assert opening[0].h1.get_text() == meta["title"]
    assert str(meta["duration"]["teaching"] + meta["duration"]["exercises"]) in opening[0].select_one(
        ".slide-facts").get_text()
    shown_objectives = [words(li) for s in opening for li in s.select(".slide-objectives li")]
    assert shown_objectives == [" ".join(o.split()) for o in meta["objectives"]], ident
    assert len([li for s in closing for li in s.select(".slide-key-points li")]) == len(meta["key_points"])
    assert t["present_help"] in words(closing[-1]) and closing[-1].select("a[href^='tel:']"), ident

    middle = slides[len(opening): len(slides) - len(closing)]
    firsts = [s for s in middle if not re.search(r"-\d+$", s["aria-labelledby"])]
    assert len(firsts) == len(sections), (ident, len(firsts), len(sections))
    for slide, notes in zip(firsts, sections):
        shown = [words(n) for n in slide.select(".slide-notes:not(.slide-notes--text)")]
        assert len(shown) == len(notes), (ident, slide["data-slide"])
        for text, start in zip(shown, notes):
            assert text.startswith(start), (ident, start)
    text = source.read_text(encoding="utf-8")
    questions = len(re.findall(r"(?m)^  - id: .*\n    type:", text))
    assert [len(s.select(".training-question")) for s in middle if s.select(".training-question")] == [1] * questions
    items = sum(len(yaml.safe_load(block).get("items") or []) for block in re.findall(r"```checklist\n(.*?)```",
                                                                                           text, re.S))
    assert sum(len(s.select(".training-item")) for s in middle) == items, ident


@pytest.mark.parametrize("language", LANGUAGES)
def test_participant_pages_carry_no_facilitator_notes(site_dir, language):
    checked = 0
    for ident, (source, _) in modules_of(language).items():
        participant = parse_html(built(site_dir, language, source))
        assert not participant.select(".slide-notes, .slide, [data-presentation]"), ident
        html = built(site_dir, language, source).read_text(encoding="utf-8")
        assert "```trainer" not in html and "data-minutes" not in html, ident
        # Nor the marks its presentation was cut by, nor the empty paragraph a block could leave.
        assert "<!-- slide -->" not in html and "trainer-notes -->" not in html and "<p></p>" not in html, ident
        text = words(participant.body)
        for notes in sections_and_notes(source):
            for opening in notes:
                assert opening not in text, (ident, opening)
                checked += 1
    assert checked >= 60


def test_presentations_are_neither_in_the_menu_nor_in_search(site_dir, pages):
    presentations = [p for p in pages if p.url_path.endswith("-esitys/")]
    assert len(presentations) == 2 * len(modules_of("fi"))
    for page in pages:
        menu = " ".join(a.get("href", "") for a in page.soup.select(".md-nav a, .md-tabs a"))
        assert "-esitys/" not in menu, page
    indexes = list(site_dir.rglob("search_index.json"))
    assert indexes
    for index in indexes:
        assert "-esitys" not in index.read_text(encoding="utf-8"), index


def test_the_presentation_files_load_on_presentation_pages_only(pages):
    presentations = 0
    for page in pages:
        styles = [link["href"] for link in page.soup.select("link[rel=stylesheet]")]
        scripts = [script["src"] for script in page.soup.select("script[src]")]
        ours = page.url_path.endswith("-esitys/")
        presentations += ours
        assert any(href.endswith("assets/present.css") for href in styles) == ours, page
        assert any(src.endswith("assets/present.js") for src in scripts) == ours, page
    assert presentations >= 40
