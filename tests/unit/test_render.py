"""Rendering: complete without JavaScript, escaped, localised; and the superfences glue."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pymdownx.superfences import SuperFencesException

from training.blocks import checklist as checklist_block
from training.blocks import quiz as quiz_block
from training.blocks.fence import FenceError
from training.context import RenderContext
from training.site.assets import minified, minify_folder
from training.site.page_blocks import load_block
from training.page_markdown import render_markdown
from training.safe.htmlparts import json_for_script
from training.checklist.render import render_checklist, render_progress_controls
from training.quiz.render import render_quiz
from training.strings import load_strings

ROOT = Path(__file__).parents[2]
PATH = "docs/fi/x.md"
QUIZ = """\
id: sopimus
title: Testaa *itsesi*
questions:
  - id: kirjallinen
    type: single
    question: Pitääkö ehdot antaa kirjallisena?
    options:
      - text: Kyllä, [7 päivän](../oikeudet/sopimus.md#ehdot) kuluessa
        correct: true
        feedback: Oikein.
      - text: Ei
    explanation: Lue [lisää](../oikeudet/index.md).
  - id: palkkalaskelma
    type: multiple
    question: |
      Mitä palkkalaskelmassa lukee?

      - valitse kaikki
    options:
      - text: Bruttopalkka
        correct: true
      - text: Nettopalkka
        correct: true
      - text: Naapurin palkka
  - id: passi
    type: truefalse
    question: Työnantaja saa pitää passisi.
    answer: false
    feedback_false: Niin.
  - id: asiakirja
    type: text
    question: Mikä?
    answers: [työsopimus, työsopimuksen]
"""
CHECKLIST = """\
id: ennen
title: Ennen
items:
  - id: palkka
    text: Palkka lukee.
    hint: Katso [ohje](../apua.md).
  - id: aika
    text: Työaika lukee.
"""


def soup_of(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


@pytest.fixture
def quiz_html() -> str:
    return render_quiz(load_block("quiz", QUIZ, PATH, 1), load_strings("fi"), lambda h: "/built/" + h)


def test_each_question_is_a_fieldset_with_a_legend_and_native_inputs(quiz_html):
    soup = soup_of(quiz_html)
    fieldsets = soup.select("fieldset.training-question")
    assert [f["data-question"] for f in fieldsets] == ["kirjallinen", "palkkalaskelma", "passi", "asiakirja"]
    assert [f.legend.get_text() for f in fieldsets] == [
        "Pitääkö ehdot antaa kirjallisena?", "Mitä palkkalaskelmassa lukee?",
        "Työnantaja saa pitää passisi.", "Mikä?",
    ]
    single, multiple, truefalse, text = fieldsets
    assert {i["type"] for i in single.select("input")} == {"radio"}
    assert len({i["name"] for i in single.select("input")}) == 1
    assert {i["type"] for i in multiple.select("input")} == {"checkbox"}
    assert [label.get_text() for label in truefalse.select("label")] == ["Totta", "Ei totta"]
    assert text.select_one("input")["type"] == "text"
    # Every input has a label.
    for field in soup.select("input"):
        assert soup.select_one(f'label[for="{field["id"]}"]') is not None
    # Block Markdown in a question goes after the legend (a legend holds phrasing only).
    more = multiple.select_one(".training-question__more")
    assert more.select_one("li").get_text() == "valitse kaikki"
    assert multiple["aria-describedby"] == more["id"]
    assert soup.select_one(".training-quiz__title").get_text() == "Testaa itsesi"
    assert soup.select_one(".training-quiz")["aria-labelledby"] == soup.select_one(".training-quiz__title")["id"]


def test_without_javascript_the_answer_is_in_a_closed_details(quiz_html):
    soup = soup_of(quiz_html)
    answers = soup.select("details.training-answer")
    assert len(answers) == 4
    assert not any(d.has_attr("open") for d in answers)
    assert answers[0].summary.get_text() == "Näytä vastaus"
    assert answers[0].select_one(".training-answer__key").get_text(" ", strip=True) == "Oikea vastaus: Kyllä, 7 päivän kuluessa"
    assert answers[0].select_one(".training-explanation").get_text() == "Lue lisää."
    assert [li.get_text() for li in answers[1].select("li")] == ["Bruttopalkka", "Nettopalkka"]
    assert answers[2].get_text(" ", strip=True) == "Näytä vastaus Oikea vastaus: Ei totta"
    assert "työsopimus, työsopimuksen" in answers[3].get_text()
    # No <form>: Enter in a text field must not send the answer into the URL.
    assert soup.select("form") == []


def test_script_only_parts_are_hidden_and_live_regions_exist_empty(quiz_html):
    soup = soup_of(quiz_html)
    for fieldset in soup.select("fieldset"):
        assert fieldset.select_one(".training-actions").has_attr("hidden")
        assert [b.get_text() for b in fieldset.select("button")] == ["Tarkista", "Yritä uudelleen"]
        assert all(b["type"] == "button" for b in fieldset.select("button"))
        status = fieldset.select_one(".training-status")
        assert status["role"] == "status" and status.get_text() == ""
        assert fieldset.select_one(".training-feedback").has_attr("hidden")
    for feedback in soup.select(".training-option__feedback"):
        assert feedback.has_attr("hidden")
    storage = soup.select_one("[data-training-storage]")
    assert storage.get_text() == "" and storage["data-remember"] == "Muista edistymiseni tällä laitteella"


def test_the_json_holds_what_the_script_needs(quiz_html):
    soup = soup_of(quiz_html)
    [script] = soup.select("script")
    assert script["type"] == "application/json"
    data = json.loads(script.string)
    assert data["strings"]["correct"] == "Oikein"
    questions = data["questions"]
    assert questions["kirjallinen"]["correct"] == ["1"]
    assert questions["palkkalaskelma"]["correct"] == ["1", "2"]
    assert questions["passi"]["correct"] == ["false"]
    assert questions["asiakirja"]["answers"] == ["työsopimus", "työsopimuksen"]
    # Option values in the HTML are the ones the JSON names.
    values = [i["value"] for i in soup.select("#training-q-palkkalaskelma input")]
    assert values == ["1", "2", "3"]
    assert re.fullmatch(r"[0-9a-f]{12}", questions["kirjallinen"]["hash"])


def test_the_content_hash_changes_with_the_question_but_not_the_explanation():
    quiz = load_block("quiz", QUIZ, PATH, 1)
    question = quiz.questions[0]
    before = question.content_hash()
    question.explanation = "Toinen selitys."
    assert question.content_hash() == before
    question.options[1].correct, question.options[0].correct = True, False
    assert question.content_hash() != before


def test_relative_links_are_resolved_fragments_and_external_links_kept(quiz_html):
    hrefs = [a["href"] for a in soup_of(quiz_html).select("a[href]")]
    assert "/built/../oikeudet/sopimus.md#ehdot" in hrefs
    assert "/built/../oikeudet/index.md" in hrefs
    asked: list[str] = []  # an #anchor of the page itself goes to the resolver too, to be checked

    def resolve(href: str) -> str:
        asked.append(href)
        return href if href.startswith("#") else "/built/" + href
    html = render_quiz(load_block("quiz", QUIZ.replace("../oikeudet/index.md", "#osio"), PATH, 1),
                       load_strings("en"), resolve)
    assert "#osio" in [a["href"] for a in soup_of(html).select("a[href]")] and "#osio" in asked


def test_english_strings_on_an_english_page():
    html = render_quiz(load_block("quiz", QUIZ, PATH, 1), load_strings("en"))
    soup = soup_of(html)
    assert soup.select_one(".training-check").get_text() == "Check"
    assert [label.get_text() for label in soup.select("#training-q-passi label")] == ["True", "False"]


def test_checklist_structure():
    html = render_checklist(load_block("checklist", CHECKLIST, PATH, 1), load_strings("fi"), lambda h: "/b/" + h)
    soup = soup_of(html)
    boxes = soup.select("ul.training-checklist__items > li > input")
    assert [(b["type"], b["data-item"]) for b in boxes] == [("checkbox", "palkka"), ("checkbox", "aika")]
    assert not any(b.has_attr("disabled") or b.has_attr("checked") for b in boxes)
    first = boxes[0]
    assert soup.select_one(f'label[for="{first["id"]}"]').get_text() == "Palkka lukee."
    hint = soup.select_one(f'#{first["aria-describedby"]}')
    assert hint.a["href"] == "/b/../apua.md"
    progress = soup.select_one(".training-progress")
    assert progress["role"] == "status" and progress["data-template"] == "{done} / {total} tehty"
    assert soup.select_one(".training-reset").has_attr("hidden")
    assert soup.select_one("[data-training-storage]") is not None


def test_progress_controls_placeholder():
    soup = soup_of(render_progress_controls(load_strings("en")))
    div = soup.select_one("div.training-storage")
    assert div["data-forget"] == "Forget my progress" and div.get_text() == ""


def test_raw_html_in_author_text_is_shown_as_text():
    body = (
        'id: q\ntitle: "<script>alert(1)</script>"\nquestions:\n  - id: a\n    type: truefalse\n'
        '    question: "<img src=x onerror=alert(1)> [x](javascript:alert(1))"\n    answer: true\n'
    )
    soup = soup_of(render_quiz(load_block("quiz", body, PATH, 1), load_strings("en")))
    assert soup.select_one(".training-quiz__title").get_text() == "<script>alert(1)</script>"
    legend = soup.select_one("legend")
    assert legend.get_text() == "<img src=x onerror=alert(1)> x"
    assert legend.find("img") is None and not legend.a.has_attr("href")


def test_json_for_script_cannot_close_the_script():
    text = json_for_script({"a": "</script><!-- & -->"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><!-- & -->"}


# --- superfences glue ----------------------------------------------------------------------


def convert(page: str, context: RenderContext | None = None, first_line: int = 1) -> str:
    return render_markdown(page, context or RenderContext("en"), first_line, extensions=["admonition"])


def test_fences_render_nested_in_an_admonition_in_the_page_language():
    body = "\n".join("    " + line for line in ("```checklist\n" + CHECKLIST + "```").splitlines())
    html = convert('!!! note "x"\n\n' + body + "\n\n```progress-controls\n```\n",
                   RenderContext("fi", lambda h: "/b/" + h, PATH))
    soup = soup_of(html)
    assert soup.select_one(".admonition .training-checklist .training-reset").get_text() == "Poista kaikki rastit"
    assert soup.select_one(".training-checklist a")["href"] == "/b/../apua.md"
    assert soup.select_one("div.training-storage[data-remember]") is not None


def test_an_invalid_block_fails_with_a_located_superfences_exception():
    page = "Teksti\n\n```quiz\nid: q\nquestions:\n  - id: a\n    type: single\n    question: Q?\n```\n"
    with pytest.raises(SuperFencesException) as caught:
        convert(page, RenderContext("fi", path=PATH), first_line=4)
    assert isinstance(caught.value, FenceError)
    assert str(caught.value) == (
        f"{PATH}:9: question 'a' has no options: add 'options:' with at least two entries '- text: ...'"
    )


def test_any_other_failure_is_still_a_superfences_exception(monkeypatch):
    def broken(*args, **kwargs):
        raise KeyError("boom")

    monkeypatch.setattr(checklist_block, "render_checklist", broken)
    with pytest.raises(FenceError, match=r"could not be rendered \(KeyError"):
        convert("```checklist\n" + CHECKLIST + "```\n", RenderContext("en", path=PATH))


def test_progress_controls_with_content_fail():
    with pytest.raises(FenceError, match="takes no content"):
        convert("```progress-controls\nx: 1\n```\n", RenderContext("en", path=PATH))


def test_a_fence_renders_the_block_the_checks_read_without_reading_it_again(monkeypatch):
    """The build numbers each fence with its block's place on the page; the formatter takes
    that block's model: the parser runs once per block."""
    calls = []
    real = quiz_block.parse_quiz
    monkeypatch.setattr(quiz_block, "parse_quiz", lambda *args: calls.append(args) or real(*args))
    html = convert("```quiz\n" + QUIZ + "```\n\n```quiz\n" + QUIZ.replace("id: ", "id: b", 1) + "```\n")
    assert len(calls) == 2 and len(soup_of(html).select(".training-quiz")) == 2


def test_the_context_defaults_to_english_and_identity():
    ctx = RenderContext()
    assert (ctx.lang, ctx.resolve_link("a.md"), ctx.path, ctx.blocks) == ("en", "a.md", "", [])


# --- assets ----------------------------------------------------------------------------------


def test_css_and_js_fit_the_budget_together():
    """As served (minified, gzip): the quiz, checklist and quick-exit files within 6 KB."""
    sizes = {name: len(gzip.compress(minified(name, (ROOT / "docs/assets" / name).read_text(encoding="utf-8")).encode(), 9))
             for name in ("training.css", "training.js", "exit.css", "exit.js")}
    assert sum(sizes.values()) <= 6000, sizes


def test_served_scripts_and_styles_are_minified(tmp_path):
    for name in ("training.js", "training.css"):
        (tmp_path / name).write_text((ROOT / "docs/assets" / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("/* left alone */", encoding="utf-8")
    assert [p.name for p in minify_folder(tmp_path)] == ["training.css", "training.js"]
    js = (tmp_path / "training.js").read_text(encoding="utf-8")
    assert "/*" not in js and "\n  " not in js and "localStorage" in js
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "/* left alone */"


def test_a_page_says_the_storage_texts_once_on_its_first_controls():
    page = "```quiz\n" + QUIZ + "```\n\n```checklist\n" + CHECKLIST + "```\n\n```progress-controls\n```\n"
    controls = soup_of(convert(page, RenderContext("fi", path=PATH))).select("[data-training-storage]")
    assert [c.has_attr("data-remember") for c in controls] == [True, False, False]
    assert controls[0]["data-forget"] == load_strings("fi")["forget"]
