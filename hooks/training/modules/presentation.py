"""Presentation mode: a module's own page shown as slides to a classroom.

Every module gets a generated presentation page next to it (``<module>-esitys.md``): front
matter only. Its content is the module page's own HTML, rendered once for both: the
Markdown extension below marks where each top-level ``##`` section starts, and the trainer
blocks render as notes between two marks (see ``blocks.trainer``). The participant page gets that
HTML with the marks and notes taken out (``participant_html``); the presentation gets it cut
into slides (``slides_html``), the title and the text before the first section making the
title slide, the notes hidden for the notes window. Both pages sit in the same folder at the
same depth, so the relative links of the one HTML hold on both. Nothing here imports MkDocs.
"""

from __future__ import annotations

import html
import re
from xml.etree.ElementTree import Comment, Element

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from ..facts.view import FactView
from ..safe.htmlparts import outer_html_all, outer_html_every
from ..safe.markup import Renderer, Resolver
from ..strings import fill
from .catalogue import PRESENTATION_SUFFIX, generated_page
from .module import Module, TrainerNote, key_points_html

# Where a slide starts in the rendered HTML: before every top-level ``<h2>``. A heading inside
# a list, box or tab is nested, so it stays on its slide; a ``##`` in a code block is no heading.
SLIDE_MARK = "<!-- slide -->"
# Around the trainer notes of a module page, which only its presentation keeps.
NOTES_START, NOTES_END = "<!-- trainer-notes -->", "<!-- /trainer-notes -->"
_NOTES = re.compile(re.escape(NOTES_START) + ".*?" + re.escape(NOTES_END), re.DOTALL)
_H2_ID = re.compile(r'<h2\b[^>]*\bid="([^"]+)"')
_H2 = re.compile(r"<h2\b.*?</h2>", re.DOTALL)
# A section's slide text (``render_notes``): a list, no nested block.
_SLIDE_TEXT = re.compile(r'<div class="slide-text">.*?</div>', re.DOTALL)
_ID_ATTRIBUTE = re.compile(r'\sid="[^"]*"')
_HEADERLINK = re.compile(r'<a class="headerlink".*?</a>', re.DOTALL)
_HEADERLINK_OR_END = re.compile(r'<a class="headerlink"|</h2>')
# The blocks a section's slides are cut around, as ``(tag, class)``.
QUIZ, CHECKLIST = ("div", "training-quiz"), ("div", "training-checklist")
# How many lines of a checklist, or of a list of objectives or key points, a slide holds
# (see _lines): read from a wall at 24 px on a 1280 × 720 projector.
CHECKLIST_LINES = 5
LIST_LINES = 6


class _SlideMarks(Treeprocessor):
    def run(self, root: Element) -> None:
        for index in reversed(range(len(root))):
            if root[index].tag == "h2":
                mark = Comment(SLIDE_MARK[4:-3])
                mark.tail = "\n"
                root.insert(index, mark)


class SlideMarkExtension(Extension):
    """Python-Markdown extension: a ``SLIDE_MARK`` before every top-level ``<h2>``. Runs after
    every other tree processor (the table of contents included), so nothing else sees the marks."""

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown's name
        md.treeprocessors.register(_SlideMarks(md), "training_slide_marks", 1)


def participant_html(content: str) -> str:
    """A page's rendered HTML as readers get it: without slide marks and trainer notes."""
    if NOTES_START in content:
        content = _NOTES.sub("", content)
    return content.replace(SLIDE_MARK + "\n", "").replace(SLIDE_MARK, "")


def presentation_markdown(module: Module, t: dict[str, str]) -> str:
    """The presentation page of a module, as the build adds it: front matter choosing the
    presentation template. The slides are the module page's HTML (``slides_html``)."""
    return generated_page(fill(t["present_title"], title=module.title),
                          "template: presentation.html", "hide:", "  - navigation", "  - toc")


def render_notes(note: TrainerNote, t: dict[str, str], resolve_link: Resolver | None = None,
                 facts: FactView | None = None) -> str:
    """A trainer block of a module page: hidden notes for the presentation's notes window,
    between the marks ``participant_html`` cuts out."""
    md = Renderer(resolve_link, facts=facts, strings=t)
    parts = [NOTES_START]
    if note.slide:
        parts.append('<div class="slide-text"><ul>' + "".join(f"<li>{md.inline(point)}</li>" for point in note.slide)
                     + "</ul></div>")
    parts += [f'<div class="slide-notes" data-minutes="{note.minutes}" hidden>', md.block(note.notes)]
    if note.sensitive:
        parts.append(f'<div class="slide-notes__sensitive"><p><strong>{html.escape(t["trainer_sensitive"])}'
                     f"</strong></p>{md.block(note.sensitive)}</div>")
    parts.append("</div>" + NOTES_END)
    return "".join(parts)


def _list_slides(head: str, items: list[str], tail: str, css_class: str, label: str,
                 title: str) -> list[tuple[str, str]]:
    """A heading and a list on as many slides as it takes for each to be read from a wall
    (``LIST_LINES``): the first under ``head`` (labelled ``label``), the others under
    "title (n/N)"; ``tail`` goes under the last part of the list."""
    chunks = _chunks(items, LIST_LINES)
    slides = []
    for number, chunk in enumerate(chunks, start=1):
        ident, heading = (label, head) if number == 1 else _part_heading(number, len(chunks), "", label, title)
        listed = "".join(f"<li>{item}</li>" for item in chunk)
        slides.append((f'{heading}<ul class="{css_class}">{listed}</ul>{tail if number == len(chunks) else ""}',
                       ident))
    return slides


def _title_slides(module: Module, intro: str, t: dict[str, str]) -> list[tuple[str, str]]:
    """The title slide: the module's title, its length and objectives for the room (on a
    second slide when they are many), and the text before the first section in the notes
    window."""
    e = html.escape
    duration = fill(t["module_minutes"], total=module.minutes, teaching=module.teaching_minutes,
                    exercises=module.exercise_minutes)
    head = (f'<h1 id="slide-title">{e(module.title)}</h1><p class="slide-facts">{e(duration)}</p>'
            f'<p><strong>{e(t["module_objectives"])}</strong></p>')
    slides = _list_slides(head, [e(o) for o in module.objectives], "", "slide-objectives", "slide-title",
                          e(t["module_objectives"].rstrip(":")))
    content, ident = slides[0]
    slides[0] = (content + f'<div class="slide-notes slide-notes--text" data-minutes="0" hidden>{intro}</div>', ident)
    return slides


def help_line_html(facts: FactView, help_contact: str | None) -> str:
    """Where to get help, for a closing slide: the site's help contact (``extra.help_contact``)
    and the emergency number, from the fact register."""
    idents = [ident for ident in (help_contact, "emergency") if ident and facts.register.get(ident)]
    return " · ".join(f"{facts.html(ident, 'name')} {facts.html(ident)}" for ident in idents)


def _closing_slides(module: Module, help_html: str, t: dict[str, str],
                    facts: FactView | None) -> list[tuple[str, str]]:
    """The closing slide: the module's key points (on more slides when they are many) and
    where to get help."""
    closing = html.escape(t["present_closing"])
    help_line = f'<p class="slide-help"><strong>{html.escape(t["present_help"])}</strong> {help_html}</p>'
    return _list_slides(f'<h2 id="slide-closing">{closing}</h2>', key_points_html(module, facts, t), help_line,
                        "slide-key-points", "slide-closing", closing)


def _slide(number: int, content: str, label_id: str | None, t: dict[str, str]) -> str:
    label = f' aria-labelledby="{html.escape(label_id, quote=True)}"' if label_id else ""
    return (f'<section class="slide" data-slide="{number}" role="group" '
            f'aria-roledescription="{html.escape(t["present_slide"], quote=True)}"{label} tabindex="-1">'
            f"{content}</section>")


def _in_notes(text: str) -> str:
    """A section's text for the notes window only (after the facilitator notes)."""
    return f'<div class="slide-notes slide-notes--text" data-minutes="0" hidden>{text}</div>' if text.strip() else ""


def _part_heading(number: int, total: int, heading: str, label: str, title: str) -> tuple[str, str]:
    """(id, heading) of part ``number`` of ``total`` of a section cut over slides: the section's
    own heading with "(1/N)" on the first, "title (n/N)" with an id of its own on the others."""
    count = f" ({number}/{total})" if total > 1 else ""
    if number == 1 and heading:
        return label, _HEADERLINK_OR_END.sub(lambda m: count + m.group(0), heading, count=1)
    ident = f"{label}-{number}"
    return ident, f'<h2 id="{html.escape(ident, quote=True)}">{title}{count}</h2>'


def _chunks(items: list[str], lines: int) -> list[list[str]]:
    """``items`` in runs of at most ``lines`` lines (see ``_lines``), at least one item each."""
    chunks: list[list[str]] = [[]]
    for item in items:
        if chunks[-1] and _lines(chunks[-1] + [item]) > lines:
            chunks.append([])
        chunks[-1].append(item)
    return chunks


def _question_slides(quiz: str, heading: str, label: str, title: str) -> list[tuple[str, str]]:
    """A quiz as one slide per question: the question and its options large, the answer behind
    "Show answer" (or the key A) for after the room has answered. ``heading`` (the section's,
    or '' for a second quiz) heads the first question; the others get "title (n/N)"."""
    questions = outer_html_all(quiz, "fieldset", "training-question")
    rest = _without(quiz, questions)
    slides = []
    for number, question in enumerate(questions, start=1):
        ident, head = _part_heading(number, len(questions), heading, label, title)
        # The quiz's own wrapper, data and score around each question; its id only once.
        wrapper = rest if number == 1 else _ID_ATTRIBUTE.sub("", rest, count=1)
        cut = wrapper.index(">") + 1
        slides.append((head + wrapper[:cut] + question + wrapper[cut:], ident))
    return slides


def _without(html_text: str, pieces: list[str]) -> str:
    """``html_text`` with each of ``pieces`` (found in it) taken out once."""
    for piece in pieces:
        html_text = html_text.replace(piece, "", 1)
    return html_text


def _lines(items: list[str]) -> int:
    """About how many lines of a slide these list items take: each one, a long one two, and a
    checklist item's hint one more."""
    text = [re.sub(r"<[^>]+>", "", item) for item in items]
    return sum(1 + (len(t) > 70) + ('class="training-item__hint"' in item) for t, item in zip(text, items))


def _checklist_slides(checklist: str, heading: str, label: str, title: str) -> list[tuple[str, str]]:
    """A checklist on as many slides as it takes for each to be read from a wall
    (``CHECKLIST_LINES``)."""
    items = outer_html_all(checklist, "li", "training-item")
    chunks = _chunks(items, CHECKLIST_LINES)
    if len(chunks) == 1:
        return [(heading + checklist, label)]
    empty = _without(checklist, items)
    slides = []
    for number, chunk in enumerate(chunks, start=1):
        ident, head = _part_heading(number, len(chunks), heading, label, title)
        # The list's own ids (its box, its title; the items are elsewhere) only once.
        wrapper = empty if number == 1 else _ID_ATTRIBUTE.sub("", empty)
        list_start = wrapper.index('<ul class="training-checklist__items">') + len('<ul class="training-checklist__items">')
        slides.append((head + wrapper[:list_start] + "".join(chunk) + wrapper[list_start:], ident))
    return slides


def _section_slides(part: str) -> list[tuple[str, str | None]]:
    """The slides of one section, each with the id of the heading that labels it.

    With slide text (``slide:`` in its trainer block) the room sees the heading and those
    points; a section with a checklist shows the heading and the checklist; a quiz becomes a
    slide per question. The section's text then goes to the notes window after the
    facilitator notes. Any other section is shown whole."""
    heading_match, label_match = _H2.search(part), _H2_ID.search(part)
    unmarked = part.replace(NOTES_START, "").replace(NOTES_END, "")
    if heading_match is None or label_match is None:
        return [(_SLIDE_TEXT.sub("", unmarked), None)]
    heading, label = heading_match.group(0), label_match.group(1)
    notes = "".join(_NOTES.findall(part))
    points = "".join(_SLIDE_TEXT.findall(notes))
    facilitator = _SLIDE_TEXT.sub("", notes).replace(NOTES_START, "").replace(NOTES_END, "")
    body = _NOTES.sub("", part).replace(heading, "", 1)
    if points:
        return [(heading + points + facilitator + _in_notes(body), label)]
    if 'class="training-' not in body:  # no quiz, no checklist: no need to read the HTML
        return [(unmarked, label)]
    found = outer_html_every(body, [QUIZ, CHECKLIST])
    quizzes, checklists = found[QUIZ], found[CHECKLIST]
    if not quizzes and not checklists:
        return [(unmarked, label)]
    prose = _without(body, quizzes + checklists)
    title = re.sub(r"<[^>]+>", "", _HEADERLINK.sub("", heading)).strip()
    slides = []
    for checklist in checklists:
        checklist_slides = _checklist_slides(checklist, heading if not slides else "", label, title)
        if not slides:  # the facilitator's notes and the section's text go with its first slide
            content, ident = checklist_slides[0]
            checklist_slides[0] = (content + facilitator + _in_notes(prose), ident)
        slides += checklist_slides
    for quiz in quizzes:
        first = not slides
        question_slides = _question_slides(quiz, heading if first else "", label, title)
        if first:
            content, ident = question_slides[0]
            question_slides[0] = (content + facilitator + _in_notes(prose), ident)
        slides += question_slides
    return slides


def slides_html(content: str, module: Module, t: dict[str, str], help_html: str = "",
                facts: FactView | None = None) -> str:
    """A module page's HTML (marks and notes still in) cut into one ``<section class="slide">``
    per slide: the title slide, the slides of each section (``_section_slides``), and the
    closing slide with the key points and where to get help."""
    intro, *sections = content.split(SLIDE_MARK)
    intro = intro.replace(NOTES_START, "").replace(NOTES_END, "")
    cut: list[tuple[str, str | None]] = list(_title_slides(module, intro, t))
    for part in sections:
        cut += _section_slides(part)
    cut += _closing_slides(module, help_html, t, facts)
    return "\n".join(_slide(number, body, label, t) for number, (body, label) in enumerate(cut, start=1))


def presented_module_rel(rel: str) -> str | None:
    """``oikeudet/palkka-esitys.md`` -> ``oikeudet/palkka.md``; None for any other page."""
    if not rel.endswith(PRESENTATION_SUFFIX):
        return None
    return rel[: -len(PRESENTATION_SUFFIX)] + ".md"
