"""The progress-summary block: parsing, page checks, rendering and the superfences glue."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from training.modules import catalogue
from training.blocks.fence import FenceError
from training.context import RenderContext
from training.page_markdown import render_markdown
from training.modules.catalogue import ModuleEntry
from training.modules.module import Module
from training.site.page_blocks import load_block, read_page
from training.quiz.render import render_quiz
from training.blocks import BLOCK_KINDS
from training.site.scan import find_blocks
from training.strings import fill, load_strings
from training.modules.summary import SummaryRequest, parse_summary, render_summary

ROOT = Path(__file__).parents[2]
PATH = "docs/fi/yritykset/opintopolku.md"
QUIZ_A = """\
id: a-testi
questions:
  - id: a-yksi
    type: single
    question: Kumpi?
    options:
      - text: Tämä
        correct: true
      - text: Tuo
  - id: a-kaksi
    type: truefalse
    question: Totta?
    answer: false
  - id: a-kolme
    type: text
    question: Mikä?
    answers: [työsopimus, työsopimuksen]
"""
QUIZ_B = """\
id: b-testi
questions:
  - id: b-yksi
    type: multiple
    question: Mitkä?
    options:
      - text: Yksi
        correct: true
      - text: Kaksi
        correct: true
      - text: Kolme
"""


def soup_of(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def module(ident: str, title: str, track: str = "company", order: int = 1) -> Module:
    return Module(path=f"docs/fi/{ident}.md", id=ident, title=title, track=track, order=order,
                  audiences=["company"], teaching_minutes=10, exercise_minutes=5)


@pytest.fixture
def entries() -> list[ModuleEntry]:
    quiz_a = load_block("quiz", QUIZ_A, PATH, 1)
    quiz_b = load_block("quiz", QUIZ_B, PATH, 1)
    return [
        ModuleEntry(module("a", "Ensimmäinen <moduuli> & muuta"), "../a/?x=1&y=2", [], [quiz_a]),
        ModuleEntry(module("b", "Toinen", order=2), "../b/", [], [quiz_b]),
        ModuleEntry(module("c", "Ilman testiä", order=3), "../c/", [], []),
        ModuleEntry(module("r", "Oikeus", track="rights"), "../../oikeudet/r/", [], []),
    ]


# --- parsing ---------------------------------------------------------------------------------


def test_an_empty_block_lists_every_module():
    assert parse_summary("", PATH, 5) == (SummaryRequest(track="", line=5), [])
    assert parse_summary("\n  \n", PATH, 5) == (SummaryRequest(track="", line=5), [])


@pytest.mark.parametrize("track", ["company", "rights", "working-life", "professionals"])
def test_a_track_chooses_one_track(track):
    assert parse_summary(f"track: {track}\n", PATH, 5) == (SummaryRequest(track=track, line=5), [])


def messages(body: str, line: int = 10) -> list[str]:
    return [str(p) for p in parse_summary(body, PATH, line)[1]]


def test_an_unknown_track_is_located_and_lists_the_tracks():
    assert messages("track: yritys\n") == [
        f"{PATH}:11: 'track: yritys' is not known: use one of working-life, rights, company, professionals"]


def test_any_key_but_track_is_refused():
    assert messages("track: company\naudience: company\n") == [
        f"{PATH}:12: unknown key 'audience' in the progress-summary block: use only track"]
    assert messages("trak: company\n") == [
        f"{PATH}:11: unknown key 'trak' in the progress-summary block: did you mean 'track'?"]


def test_plain_text_or_a_list_is_refused():
    for body in ("Yhteenveto tähän\n", "- company\n"):
        [message] = messages(body)
        assert message.startswith(f"{PATH}:11: the progress-summary block takes no content except 'track: ...'")


def test_a_track_that_is_not_text_or_invalid_yaml_is_refused():
    [message] = messages("track: [company, rights]\n")
    assert "'track' in the progress-summary block must be text" in message
    [message] = messages("track: company\n\ttrack: rights\n")
    assert message.startswith(f"{PATH}:")


# --- the page check and the scanner ----------------------------------------------------------


def test_the_scanner_knows_the_block_and_suggests_it_for_a_misspelling():
    assert "progress-summary" in BLOCK_KINDS
    [block] = find_blocks("# T\n\n```progress-summary\ntrack: company\n```\n")
    assert (block.kind, block.line, block.body, block.error) == ("progress-summary", 3, "track: company", None)
    [wrong] = find_blocks("```progress-sumary\n```\n")
    assert wrong.error == "unknown block type 'progress-sumary': write ```progress-summary"


def test_read_page_keeps_valid_blocks_and_reports_content_at_its_line():
    page = read_page("Teksti\n\n```progress-summary\n```\n\n```progress-summary\ntrack: company\n```\n", PATH, 4)
    assert page.problems == []
    assert page.summaries == [SummaryRequest("", 6), SummaryRequest("company", 9)]
    page = read_page("```progress-summary\nid: x\n```\n", PATH, 4)
    assert [str(p) for p in page.problems] == [
        f"{PATH}:5: unknown key 'id' in the progress-summary block: use only track"]


# --- rendering -------------------------------------------------------------------------------


def test_the_table_lists_the_track_with_links_and_question_counts(entries):
    soup = soup_of(render_summary(entries, SummaryRequest("company"), load_strings("fi")))
    root = soup.select_one("div.training-summary[data-training-summary]")
    assert [th.get_text() for th in root.select("thead th")] == ["Moduuli", "Testin kysymyksiä", "Tila", "Pisteet"]
    assert all(th["scope"] == "col" for th in root.select("th"))
    rows = root.select("tbody tr")
    assert [r["data-module"] for r in rows] == ["a", "b", "c"]  # the rights module is not in the track
    cells = [[td.get_text() for td in r.select("td")] for r in rows]
    assert cells == [["Ensimmäinen <moduuli> & muuta", "3", "", ""], ["Toinen", "1", "", ""],
                     ["Ilman testiä", "0", "", ""]]
    assert [r.a["href"] for r in rows] == ["../a/?x=1&y=2", "../b/", "../c/"]


def test_without_a_track_every_module_is_listed(entries):
    soup = soup_of(render_summary(entries, SummaryRequest(), load_strings("en")))
    assert [r["data-module"] for r in soup.select("tbody tr")] == ["a", "b", "c", "r"]


def test_nothing_to_list_says_so(entries):
    html = render_summary(entries, SummaryRequest("professionals"), load_strings("fi"))
    assert soup_of(html).get_text() == load_strings("fi")["catalogue_empty"]
    assert "<script" not in html


def test_script_only_parts_are_hidden_and_the_note_names_the_switch(entries):
    for lang in ("fi", "en"):
        t = load_strings(lang)
        root = soup_of(render_summary(entries, SummaryRequest("company"), t)).select_one(".training-summary")
        note = root.find("p")  # training.js shows the first <p> while nothing is kept
        assert note.has_attr("hidden") and "training-summary__off" in note["class"]
        assert note.get_text() == fill(t["summary_off"], remember=t["remember"])
        assert t["remember"] in note.get_text()
        button = root.find("button")  # training.js takes the first <button>
        assert button.has_attr("hidden") and button["type"] == "button"
        assert button.get_text() == t["summary_print"]
        storage = root.select_one("div.training-storage[data-training-storage]")
        assert storage["data-remember"] == t["remember"] and storage["data-forget"] == t["forget"]
        assert root.select("form") == []


def test_the_json_lists_quiz_and_question_ids_with_the_quizzes_own_data(entries):
    t = load_strings("en")
    soup = soup_of(render_summary(entries, SummaryRequest("company"), t))
    data = json.loads(soup.select_one("script.training-data[type='application/json']").string)
    assert data["strings"] == {"done": t["summary_done"], "not_done": t["summary_not_done"],
                               "score": t["summary_score_value"]}
    assert list(data["modules"]) == ["a", "b", "c"]
    assert [(quiz, question) for quiz, question, _ in data["modules"]["a"]] == [
        ("a-testi", "a-yksi"), ("a-testi", "a-kaksi"), ("a-testi", "a-kolme")]
    assert data["modules"]["c"] == []
    # The same hash and answers as the quiz on its own page, so stored answers are found and graded.
    for entry in entries[:2]:
        quiz = entry.quizzes[0]
        on_page = json.loads(soup_of(render_quiz(quiz, t)).select_one(".training-data").string)["questions"]
        assert {q: d for _, q, d in data["modules"][entry.module.id]} == on_page
    assert data["modules"]["a"][2][2]["answers"] == ["työsopimus", "työsopimuksen"]
    assert data["modules"]["b"][0][2]["correct"] == ["1", "2"]


def test_the_json_cannot_close_its_script(entries):
    quiz = load_block("quiz", QUIZ_A.replace("[työsopimus,", '["</script><!--",'), PATH, 1)
    entries[0].quizzes = [quiz]
    html = render_summary(entries, SummaryRequest(), load_strings("fi"))
    script = html[html.index('<script type="application/json"'):]
    body = script[script.index(">") + 1: script.index("</script>")]
    assert "<" not in body and "&" not in body
    assert json.loads(body)["modules"]["a"][2][2]["answers"][0] == "</script><!--"


def test_entries_for_takes_the_quizzes_of_each_module_page():
    quiz = load_block("quiz", QUIZ_A, PATH, 1)

    def page(ident, rel, quizzes, track="company", order=1):
        return SimpleNamespace(module=module(ident, ident, track, order), rel=rel, sections=[],
                               blocks=SimpleNamespace(quizzes=quizzes))

    pages = [page("b", "yritykset/b.md", [], order=2), page("a", "yritykset/a.md", [quiz]),
             SimpleNamespace(module=None, rel="yritykset/opintopolku.md", sections=[], blocks=None)]
    found = catalogue.entries_for(pages, "yritykset/opintopolku.md", lambda h: "/" + h)
    assert [(e.module.id, e.url, [q.id for q in e.quizzes]) for e in found] == [
        ("a", "/a.md", ["a-testi"]), ("b", "/b.md", [])]


# --- the superfences glue --------------------------------------------------------------------


def convert(page: str, context: RenderContext, first_line: int = 1) -> str:
    return render_markdown(page, context, first_line, extensions=["admonition"])


def test_the_fence_renders_the_modules_of_the_context_in_its_language(entries):
    soup = soup_of(convert('Teksti\n\n!!! note "x"\n\n    ```progress-summary\n    track: company\n    ```\n',
                           RenderContext("fi", path=PATH, module_entries=lambda: entries)))
    assert [r["data-module"] for r in soup.select(".admonition .training-summary tbody tr")] == ["a", "b", "c"]
    assert soup.select_one(".training-summary button").get_text() == "Tulosta yhteenveto"


def test_a_wrong_body_fails_the_build_at_its_line(entries):
    with pytest.raises(FenceError) as caught:
        convert("Teksti\n\n```progress-summary\ntrack: kaikki\n```\n",
                RenderContext("fi", path=PATH, module_entries=lambda: entries), first_line=4)
    assert str(caught.value) == (
        f"{PATH}:7: 'track: kaikki' is not known: use one of working-life, rights, company, professionals")


def test_both_tables_have_every_summary_string():
    fi, en = load_strings("fi"), load_strings("en")
    keys = [k for k in en if k.startswith("summary_")]
    assert len(keys) == 9
    for key in keys:
        assert fi[key] != en[key], key
    for t in (fi, en):
        assert "{score}" in t["summary_score_value"] and "{total}" in t["summary_score_value"]
        assert "{remember}" in t["summary_off"]


def test_the_opintopolku_pages_carry_the_block_under_the_summary_heading():
    for lang, heading in (("fi", "## Suoritusyhteenveto"), ("en", "## Completion summary")):
        text = (ROOT / "docs" / lang / "yritykset/opintopolku.md").read_text(encoding="utf-8")
        section = text[text.index(heading):]
        [block] = find_blocks(section)
        assert (block.kind, block.body) == ("progress-summary", "track: company")
        assert "**" in section[:section.index("```")]  # the paragraph names the switch
