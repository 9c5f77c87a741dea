"""Training modules in the real build: catalogues from front matter, trainer pages, notices."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from site_helpers import ROOT, LANGUAGES, make_fixture_site, mkdocs_build, parse_html
from training.strings import load_strings

DOCS = ROOT / "docs"


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def modules_of(language: str) -> dict[str, dict]:
    """Every module of a language, read straight from the source files."""
    found = {}
    for path in (DOCS / language).rglob("*.md"):
        if path.name.endswith("-kouluttajalle.md"):
            continue
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            meta = front_matter(path)
            if "id" in meta:
                meta["url"] = path.relative_to(DOCS / language).with_suffix("").as_posix() + "/"
                found[meta["id"]] = meta
    return found


def page_url(language: str, rel: str) -> str:
    return ("" if language == LANGUAGES[0] else f"{language}/") + rel


def shown_minutes(text: str) -> int:
    """Minutes as the catalogue writes them: '45 min', '3 t 30 min', '2 h'."""
    hours = re.search(r"(\d+) [th]\b", text)
    minutes = re.search(r"(\d+) min\b", text)
    assert hours or minutes, text
    return (int(hours.group(1)) * 60 if hours else 0) + (int(minutes.group(1)) if minutes else 0)


def minutes_of(module: dict) -> int:
    return module["duration"]["teaching"] + module["duration"]["exercises"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_lists_every_module_with_its_duration_and_track_totals(site_dir, language):
    modules = modules_of(language)
    assert len(modules) >= 20
    t = load_strings(language)
    soup = parse_html(site_dir / page_url(language, "moduulit/index.html"))
    by_track = soup.select(".module-catalogue")[0]
    links = {a.get_text(strip=True): a["href"] for a in by_track.select(".module-catalogue__list > li > a")}
    assert set(links) == {m["title"] for m in modules.values()}
    for module in modules.values():
        assert links[module["title"]].endswith(module["url"]), (module["id"], links[module["title"]])
    tracks: dict[str, list[dict]] = {}
    for module in modules.values():
        tracks.setdefault(module["track"], []).append(module)
    groups = by_track.select(".module-catalogue__group")
    assert len(groups) == len(tracks)
    by_title = {m["title"]: m for m in modules.values()}
    for group in groups:
        [track] = [k for k in tracks if t[f"track_{k}"] == group.get_text(strip=True)]
        total = group.find_next_sibling("p", class_="module-catalogue__total").get_text(strip=True)
        rows = group.find_next_sibling("ol", class_="module-catalogue__list").select(":scope > li")
        listed = [row.select_one(":scope > a").get_text(strip=True) for row in rows]
        assert sorted(listed) == sorted(m["title"] for m in tracks[track]), track
        count = int(re.match(r"\d+", total).group())
        assert (count, shown_minutes(total)) == (len(tracks[track]), sum(minutes_of(m) for m in tracks[track])), \
            (track, total)
        for row, title in zip(rows, listed):
            meta = row.select_one(".module-catalogue__meta").get_text(strip=True)
            assert shown_minutes(meta.split("·")[0]) == minutes_of(by_title[title]), (title, meta)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_landing_page_lists_its_own_track_in_order(site_dir, language):
    modules = modules_of(language)
    for folder, track in (("oikeudet", "rights"), ("tyoelama", "working-life"), ("yritykset", "company")):
        soup = parse_html(site_dir / page_url(language, f"{folder}/index.html"))
        listed = [a.get_text(strip=True) for a in soup.select(".module-catalogue__list > li > a")]
        expected = [m["title"] for m in sorted((m for m in modules.values() if m["track"] == track),
                                               key=lambda m: m["order"])]
        assert listed == expected, folder


def test_facilitator_notes_are_only_on_the_trainer_page(site_dir):
    source = (DOCS / "fi/oikeudet/palkka.md").read_text(encoding="utf-8")
    notes = [yaml.safe_load(block)["notes"] for block in re.findall(r"```trainer\n(.*?)```", source, re.S)]
    assert len(notes) >= 3
    phrase = notes[0].split("\n")[0].strip()[:40]
    participant = (site_dir / "oikeudet/palkka/index.html").read_text(encoding="utf-8")
    trainer = parse_html(site_dir / "oikeudet/palkka-kouluttajalle/index.html")
    assert phrase not in participant
    assert "```trainer" not in participant and "minutes:" not in participant
    assert phrase in trainer.get_text()
    headings = [h.get_text(strip=True).rstrip("¶") for h in trainer.select("article h2")]
    assert headings == ["Istunnon suunnitelma", "Ohjaajan muistiinpanot", "Vastausavain"]


def plain(markdown: str) -> str:
    """An editor's text as a reader sees it: emphasis marks dropped, spaces collapsed."""
    return " ".join(re.sub(r"[*_`]", "", markdown).split())


def answer_key(trainer) -> list[tuple[str, str]]:
    """(question, answer) of each row of the trainer page's answer key, in order."""
    heading = trainer.select("article h2")[-1]
    rows, question = [], None
    for block in heading.find_next_siblings():
        if block.name == "h2":
            break
        text = " ".join(block.get_text().split())
        number = block.find("strong", recursive=False)
        label = block.find("em", recursive=False)
        if number is not None and re.fullmatch(r"\d+\.", number.get_text(strip=True)):
            question = text
        elif label is not None and question is not None:
            rows.append((question, text))
            question = None
    return rows


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_trainer_page_has_the_plan_and_the_answer_key(site_dir, language):
    t = load_strings(language)
    trainer = parse_html(site_dir / page_url(language, "oikeudet/palkka-kouluttajalle/index.html"))
    rows = trainer.select("article table tr")
    meta = front_matter(DOCS / language / "oikeudet/palkka.md")
    total = meta["duration"]["teaching"] + meta["duration"]["exercises"]
    assert rows[-1].get_text(" ", strip=True) == f"{t['trainer_total']} {total}"
    assert trainer.select("article h2")[-1].get_text(strip=True).rstrip("¶") == t["trainer_answer_key"]
    source = (DOCS / language / "oikeudet/palkka.md").read_text(encoding="utf-8")
    questions = [q for block in re.findall(r"```quiz\n(.*?)```", source, re.S)
                 for q in yaml.safe_load(block)["questions"]]
    key = answer_key(trainer)
    assert len(key) == len(questions) >= 3
    for number, (question, (asked, answer)) in enumerate(zip(questions, key), start=1):
        assert asked == f"{number}. {plain(question['question'])}", asked
        assert answer.startswith(t["trainer_answer"] + " "), answer
        answer = answer[len(t["trainer_answer"]) + 1:]
        if question["type"] == "truefalse":
            assert answer == t["true_label" if question["answer"] else "false_label"], (question["id"], answer)
        elif question["type"] == "text":
            for accepted in question["answers"]:
                assert plain(accepted) and plain(accepted) in answer, (question["id"], accepted)
        else:
            right = [plain(o["text"]) for o in question["options"] if o.get("correct")]
            wrong = [plain(o["text"]) for o in question["options"] if not o.get("correct")]
            assert right and all(right), question["id"]
            for text in right:
                assert text in answer, (question["id"], text, answer)
            for text in wrong:
                assert text not in answer or any(text in r for r in right), (question["id"], text, answer)


def test_a_module_page_shows_its_header_footer_and_neighbours(site_dir):
    soup = parse_html(site_dir / "oikeudet/palkka/index.html")
    meta = front_matter(DOCS / "fi/oikeudet/palkka.md")
    header = soup.select_one(".module-header").get_text(" ", strip=True)
    assert f"{meta['duration']['teaching'] + meta['duration']['exercises']} min" in header
    assert all(objective in header for objective in meta["objectives"])
    footer = soup.select_one(".module-footer")
    assert [a["href"] for a in footer.select(".module-sources a")] == [s["url"] for s in meta["sources"]]
    assert "reviewed" not in meta and meta["sources_as_of"] == "2026-01"
    assert footer.select_one(".module-reviewed").get_text(" ", strip=True) == (
        "Perustuu virallisiin lähteisiin tammikuun 2026 tilanteen mukaan. Sisältöä ei ole vielä tarkistettu "
        "ajantasaisista virallisista lähteistä.")
    pager = {a["rel"][0]: a["href"] for a in footer.select(".module-pager a")}
    assert pager == {"prev": "../tyosopimus/", "next": "../tyoaika/"}
    assert footer.select_one(".module-trainer a")["href"] == "../palkka-kouluttajalle/"


MODULE = """---
id: demo
title: Demo
track: rights
order: 1
audiences: [participant]
duration:
  teaching: 10
  exercises: 0
objectives:
  - Osaat.
key_points:
  - Asia.
legal: false
---

## Osio

Teksti.

```trainer
minutes: {minutes}
notes: Ohje.
```
"""


def test_a_page_missing_in_english_is_built_with_a_visible_notice(tmp_path):
    project = make_fixture_site(tmp_path, {"fi/index.md": "# Koti\n", "en/index.md": "# Home\n",
                                           "fi/vain.md": "# Vain suomeksi\n\nTeksti.\n"})
    (project / "translations.yml").write_text("untranslated:\n  - path: vain.md\n    reason: test\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    soup = parse_html(tmp_path / "site/en/vain/index.html")
    assert soup.select_one(".not-translated").get_text(strip=True) == \
        "This page has not been translated yet. It is shown in Finnish."
    assert soup.select_one(".md-content [lang=fi]").get_text(strip=True).startswith("Vain suomeksi")
    assert parse_html(tmp_path / "site/vain/index.html").select_one(".not-translated") is None


def test_the_build_warns_when_the_plan_does_not_add_up(tmp_path):
    pages = {f"{lang}/m.md": MODULE.format(minutes=7) for lang in LANGUAGES}
    pages.update({f"{lang}/index.md": "# Koti\n" for lang in LANGUAGES})
    result = mkdocs_build(make_fixture_site(tmp_path, pages), tmp_path / "site")
    assert result.returncode == 1
    assert ("docs/fi/m.md:7: the trainer blocks add up to 7 minutes, but 'duration' declares 10 "
            "(10 teaching + 0 exercises): make them agree") in result.stderr


def test_a_scaffolded_module_fails_the_build_until_it_is_filled_in(tmp_path):
    import subprocess
    import sys

    project = make_fixture_site(tmp_path, {f"{lang}/index.md": "# Koti\n" for lang in LANGUAGES})
    created = subprocess.run([sys.executable, str(ROOT / "scripts/new_module.py"), "--id", "lomaraha",
                              "--track", "rights", "--file", "oikeudet/lomaraha.md", "--docs", "docs"],
                             cwd=project, capture_output=True, text=True)
    assert created.returncode == 0, created.stderr
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    placeholders = re.findall(r"docs/(?:fi|en)/oikeudet/lomaraha\.md:\d+: placeholder", result.stderr)
    assert len(placeholders) == 2 * 12, result.stderr  # every TODO line of the template
    for lang in LANGUAGES:
        path = project / "docs" / lang / "oikeudet/lomaraha.md"
        path.write_text(re.sub(r"TODO: ?", "", path.read_text(encoding="utf-8")), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr


def test_a_block_link_to_a_missing_anchor_stops_the_build_at_its_line(tmp_path):
    links = """
```checklist
id: linkit
items:
  - id: oma
    text: Katso [osio](#osio) ja [puuttuva](#ei-ole).
  - id: toinen
    text: Lue [toinen](toinen.md#ei-tassakaan) ja [sama](toinen.md#otsikko).
```
"""
    pages = {f"{lang}/m.md": MODULE.format(minutes=10) + links for lang in LANGUAGES}
    pages.update({f"{lang}/index.md": "# Koti\n" for lang in LANGUAGES})
    pages.update({f"{lang}/toinen.md": "# Toinen\n\n## Otsikko\n\nTeksti.\n" for lang in LANGUAGES})
    result = mkdocs_build(make_fixture_site(tmp_path, pages), tmp_path / "site")
    assert result.returncode == 1
    line = (MODULE.format(minutes=10) + links).split("\n").index("    text: Katso [osio](#osio) ja [puuttuva](#ei-ole).") + 1
    found = re.findall(r"docs/\S+: the link .*", result.stderr)
    assert sorted(found) == sorted([
        f"docs/{lang}/m.md:{line}: the link '#ei-ole' points to '#ei-ole', but docs/{lang}/m.md has no heading "
        "or id 'ei-ole': correct the part after '#'" for lang in LANGUAGES] + [
        f"docs/{lang}/m.md:{line + 2}: the link 'toinen.md#ei-tassakaan' points to '#ei-tassakaan', but "
        f"docs/{lang}/toinen.md has no heading or id 'ei-tassakaan': correct the part after '#'"
        for lang in LANGUAGES]), result.stderr
