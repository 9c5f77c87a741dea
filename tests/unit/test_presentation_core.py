"""Presentation pages: cut into slides from their module page's own HTML, notes kept for the
presentation only, and invisible to the content checks."""

from __future__ import annotations

import yaml
from bs4 import BeautifulSoup

from training.blocks import BLOCK_KINDS
from training.modules.catalogue import PRESENTATION_SUFFIX, generated_page, presentation_file
from training.site.checks import check_docs
from training.context import RenderContext
from training.facts.view import FactView
from training.site.generated import generated_files
from training.modules.module import TrainerNote
from training.site.page_blocks import load_block
from training.page_markdown import render_markdown
from training.modules.presentation import NOTES_END, NOTES_START, SLIDE_MARK, participant_html, presentation_markdown, presented_module_rel, render_notes, slides_html
from training.strings import load_strings
from training.modules.trainer_page import trainer_page_html

FI, EN = load_strings("fi"), load_strings("en")
MODULE = """---
id: demo
title: Demo "lainaus" & <muu>
track: rights
order: 1
audiences: [participant]
duration:
  teaching: 10
  exercises: 5
objectives:
  - Osaat <asian>.
key_points:
  - Asia.
---

Johdanto.

## Ensimmäinen

```trainer
minutes: 10
notes: |
  Kysy ryhmältä <script>alert(1)</script> ja [katso](toinen.md).
sensitive: Ole varovainen.
```

Teksti.

```markdown
## Ei otsikko, vaan esimerkki koodissa
```

- Lista

    ## Sisennetty otsikko listan sisällä

## Toinen

```trainer
minutes: 5
notes: Lyhyesti.
```

```quiz
id: demo-testi
questions:
  - id: demo-kysymys
    type: truefalse
    question: Totta?
    answer: true
```
"""


def docs_with(tmp_path, text: str = MODULE):
    docs = tmp_path / "docs"
    (docs / "fi").mkdir(parents=True)
    (docs / "fi" / "demo.md").write_text(text, encoding="utf-8")
    (docs / "fi" / "toinen.md").write_text("# Toinen\n", encoding="utf-8")  # the page its notes link to
    return docs


def demo_page(tmp_path):
    docs = docs_with(tmp_path)
    report = check_docs(docs, tmp_path, languages=["fi"])
    assert report.problems == []
    return docs, report, report.pages[0]


def test_the_presentation_is_named_after_its_module_and_found_back_from_it():
    assert presentation_file("oikeudet/palkka.md") == "oikeudet/palkka" + PRESENTATION_SUFFIX
    assert presented_module_rel("oikeudet/palkka-esitys.md") == "oikeudet/palkka.md"
    assert presented_module_rel("oikeudet/palkka.md") is None
    assert presented_module_rel("oikeudet/palkka-kouluttajalle.md") is None


def _convert(text: str, notes: bool = True) -> str:
    """A page body through the site's own extensions for sections and trainer blocks."""
    return render_markdown(text, RenderContext("fi", trainer_notes=notes), extensions=["admonition", "toc"])


def test_a_slide_mark_goes_before_each_top_level_section_only():
    html = _convert(MODULE.split("---\n", 2)[2] + '\n!!! note "Laatikko"\n\n    ## Laatikon otsikko\n')
    assert html.count(SLIDE_MARK) == 2
    assert f'{SLIDE_MARK}\n<h2 id="ensimmainen">' in html and f'{SLIDE_MARK}\n<h2 id="toinen">' in html
    # A heading shown as code, or nested in a list or a box, stays where it is.
    assert "## Ei otsikko" in html and "<li>" in html and "Laatikon otsikko</h2>" in html


def test_the_participant_page_keeps_neither_marks_nor_notes():
    marked = _convert(MODULE.split("---\n", 2)[2])
    assert marked.count(NOTES_START) == marked.count(NOTES_END) == 2 and "Lyhyesti." in marked
    shown = participant_html(marked)
    assert SLIDE_MARK not in shown and NOTES_START not in shown and "slide-notes" not in shown
    assert "Lyhyesti." not in shown and "Kysy ryhmältä" not in shown
    # Without the notes, the page is what it would be had trainer blocks rendered nothing
    # (an empty block leaves an empty paragraph behind; the cut notes leave nothing).
    without = participant_html(_convert(MODULE.split("---\n", 2)[2], notes=False))
    assert shown.split() == without.replace("<p></p>", "").split()
    assert "Teksti." in shown and '<h2 id="toinen">' in shown


def test_the_presentation_page_is_front_matter_only(tmp_path):
    _, _, page = demo_page(tmp_path)
    text = presentation_markdown(page.module, FI)
    front, body = text.split("---\n", 2)[1:]
    assert 'title: "Esitys: Demo \'lainaus\' & <muu>"' in front
    assert "template: presentation.html" in front and "exclude: true" in front
    assert body.strip() == ""


def test_the_html_is_cut_into_title_section_and_closing_slides(tmp_path):
    _, _, page = demo_page(tmp_path)
    html = _convert("Johdanto.\n\n## Eka\n\nA\n\n```trainer\nminutes: 2\nnotes: Muista.\n```\n\n## Toka\n")
    html = html.replace('<h2 id="toka">', "<h2>")
    out = slides_html(html, page.module, EN, help_html='<a href="tel:112">112</a>')
    assert NOTES_START not in out and SLIDE_MARK not in out
    soup = BeautifulSoup(out, "lxml")
    slides = soup.select("section.slide")
    assert [s["data-slide"] for s in slides] == ["1", "2", "3", "4"]
    assert all(s["role"] == "group" and s["aria-roledescription"] == "slide" and s["tabindex"] == "-1"
               for s in slides)
    title, first, second, closing = slides
    # The title slide: the module's title, its length and objectives for the room; the text
    # before the first section for the trainer.
    assert title.h1.get_text() == 'Demo "lainaus" & <muu>' and title["aria-labelledby"] == "slide-title"
    assert title.select_one(".slide-facts").get_text() == "15 min (10 min teaching, 5 min exercises)"
    assert [li.get_text() for li in title.select(".slide-objectives li")] == ["Osaat <asian>."]
    notes = title.select_one(".slide-notes")
    assert notes.has_attr("hidden") and notes["data-minutes"] == "0" and "Johdanto." in notes.get_text()
    assert first["aria-labelledby"] == "eka" and not second.has_attr("aria-labelledby")
    assert first.select_one(".slide-notes[hidden]").get_text(strip=True) == "Muista."
    # The closing slide: the key points and where to get help.
    assert closing["aria-labelledby"] == "slide-closing" and closing.h2.get_text() == EN["present_closing"]
    assert [li.get_text() for li in closing.select(".slide-key-points li")] == ["Asia."]
    assert closing.select_one(".slide-help a")["href"] == "tel:112"


def test_a_quiz_becomes_a_slide_per_question_with_its_answer_behind_a_summary(tmp_path):
    _, _, page = demo_page(tmp_path)
    quiz = ('<div class="training-quiz" id="training-quiz-q" data-training-quiz="q">'
            + "".join(f'<fieldset class="training-question" id="training-q-{n}" data-question="{n}"><legend>Q{n}'
                      f'</legend><details class="training-answer"><summary>Show</summary>A{n}</details></fieldset>'
                      for n in (1, 2, 3))
            + '<p class="training-score" hidden></p><script type="application/json" class="training-data">{}</script>'
            + "</div>")
    html = f'{SLIDE_MARK}\n<h2 id="testi">Testi<a class="headerlink" href="#testi">¶</a></h2>\n<p>Vastaa.</p>{quiz}'
    soup = BeautifulSoup(slides_html(html, page.module, EN), "lxml")
    questions = soup.select("section.slide")[1:-1]
    assert [s.select_one("h2").get_text(" ", strip=True) for s in questions] == [
        "Testi (1/3) ¶", "Testi (2/3)", "Testi (3/3)"]
    assert [s["aria-labelledby"] for s in questions] == ["testi", "testi-2", "testi-3"]
    assert [[f.legend.get_text() for f in s.select("fieldset")] for s in questions] == [["Q1"], ["Q2"], ["Q3"]]
    assert all(s.select_one(".training-quiz .training-data") and s.select_one("details.training-answer")
               for s in questions)
    assert [s.select_one(".training-quiz").get("id") for s in questions] == ["training-quiz-q", None, None]
    # The section's text goes to the notes window with the first question.
    assert "Vastaa." in questions[0].select_one(".slide-notes--text").get_text()


def test_notes_render_safely_and_hidden_with_their_minutes():
    note = TrainerNote(line=5, minutes=10, notes="Kysy <script>x</script> ja [katso](toinen.md).",
                       sensitive="Ole varovainen.")
    soup = BeautifulSoup(render_notes(note, FI, lambda href: "../toinen/"), "lxml")
    block = soup.select_one("div.slide-notes")
    assert block.has_attr("hidden") and block["data-minutes"] == "10"
    assert soup.find("script") is None and "<script>x</script>" in block.get_text()
    assert block.a["href"] == "../toinen/"
    assert block.select_one(".slide-notes__sensitive").get_text(" ", strip=True) == \
        f"{FI['trainer_sensitive']} Ole varovainen."
    assert "slide-notes__sensitive" not in render_notes(TrainerNote(line=1, minutes=2, notes="N."), FI)


def test_the_trainer_fence_renders_notes_only_for_a_module_with_a_presentation():
    note = load_block("trainer", "minutes: 3\nnotes: Vain kouluttajalle.\n", "docs/fi/x.md", 1)
    assert BLOCK_KINDS["trainer"].render(note, RenderContext("fi")) == ""
    shown = BLOCK_KINDS["trainer"].render(note, RenderContext("fi", trainer_notes=True))
    assert 'class="slide-notes"' in shown and "Vain kouluttajalle." in shown
    assert shown.startswith(NOTES_START) and shown.endswith(NOTES_END)


def test_notes_reach_the_built_html_through_superfences():
    text = "## Osio\n\n```trainer\nminutes: 4\nnotes: Muistiinpano.\n```\n"
    with_notes, without = _convert(text), _convert(text, notes=False)
    assert 'data-minutes="4"' in with_notes and "Muistiinpano." in with_notes
    assert "Muistiinpano." not in without and "slide-notes" not in without


def test_every_module_gets_a_trainer_page_a_presentation_and_exports_none_written(tmp_path):
    docs, report, page = demo_page(tmp_path)
    before = sorted(p.relative_to(docs) for p in docs.rglob("*"))
    made = generated_files(report.pages, load_strings, lambda lang: FactView(report.register, lang, load_strings(lang)))
    assert [(f.language, f.module_rel, f.rel, f.is_page) for f in made] == [
        ("fi", "demo.md", "demo-kouluttajalle.md", True), ("fi", "demo.md", "demo-esitys.md", True),
        ("fi", "demo.md", "demo.fi.gift", False), ("fi", "demo.md", "demo.fi.moodle.xml", False)]
    trainer = made[0].content
    assert trainer.startswith("---\n") and "Kysy" not in trainer  # front matter only: no pasted text
    assert sorted(p.relative_to(docs) for p in docs.rglob("*")) == before


def test_a_page_under_a_name_the_build_gives_is_refused(tmp_path):
    docs = docs_with(tmp_path)
    (docs / "fi" / "oma-esitys.md").write_text("# Oma sivu\n", encoding="utf-8")
    problems = [str(p) for p in check_docs(docs, tmp_path, languages=["fi"]).problems]
    assert problems == ["docs/fi/oma-esitys.md:1: the build makes this page from its module, under this name: "
                        "delete the file (edit the module), or rename it"]


def test_the_trainer_page_links_to_the_presentation_near_its_top(tmp_path):
    docs, report, page = demo_page(tmp_path)
    html, headings = trainer_page_html(page.module, page.sections, list(page.blocks.quizzes), "demo.md", "fi", FI)
    soup = BeautifulSoup(html.split("<h2")[0], "lxml")
    assert (FI["trainer_present"], "demo-esitys.md") in [(a.get_text(), a["href"]) for a in soup.select("a")]
    assert [h.name for h in headings] == [FI["trainer_plan"], FI["trainer_notes"], FI["trainer_answer_key"]]


SLIDE_TEXT = MODULE.replace("minutes: 10\nnotes: |", "minutes: 10\nslide:\n  - Ensimmäinen *kohta*.\n  - Toinen kohta.\nnotes: |")


def test_a_section_with_slide_text_shows_it_and_moves_its_text_to_the_notes(tmp_path):
    docs = docs_with(tmp_path, SLIDE_TEXT)
    report = check_docs(docs, tmp_path, languages=["fi"])
    assert report.problems == [] and report.pages[0].sections[0].slide == ["Ensimmäinen *kohta*.", "Toinen kohta."]
    marked = _convert(SLIDE_TEXT.split("---\n", 2)[2])
    assert "slide-text" not in participant_html(marked)  # the reader's page is as before
    soup = BeautifulSoup(slides_html(marked, report.pages[0].module, FI), "lxml")
    first, second = soup.select("section.slide")[1:3]
    shown = [el for el in first.children if getattr(el, "name", None) and not el.has_attr("hidden")]
    assert [el.name for el in shown] == ["h2", "div"]
    assert [li.decode_contents() for li in first.select(".slide-text li")] == ["Ensimmäinen <em>kohta</em>.",
                                                                           "Toinen kohta."]
    text = first.select_one(".slide-notes--text")
    assert text.has_attr("hidden") and "Teksti." in text.get_text() and "<li>" in str(text)
    assert first.select_one(".slide-notes:not(.slide-notes--text)").get_text().strip().startswith("Kysy ryhmältä")
    # A section without slide text is shown whole, as before.
    assert "Teksti." not in str(second) and second.select_one(".slide-text") is None
    assert second.select_one(".training-quiz") is not None


def test_a_generated_page_keeps_a_title_whatever_it_holds():
    text = generated_page("Esitys: C:\\polku: \"lainaus\" #1 \\n", "template: presentation.html")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front == {"title": "Esitys: C:\\polku: 'lainaus' #1 \\n", "search": {"exclude": True},
                     "template": "presentation.html"}
