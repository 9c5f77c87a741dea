"""Presentation mode: a module's own page shown as slides to a classroom.

Every module gets a generated presentation page next to it (``<module>-esitys.md``): front
matter only. Its content is the module page's own HTML, rendered once for both: the
Markdown extension below marks where each top-level ``##`` section starts, and the trainer
blocks render as notes between two marks (see ``fences``). The participant page gets that
HTML with the marks and notes taken out (``participant_html``); the presentation gets it cut
into slides (``slides_html``), the title and the text before the first section making the
title slide, the notes hidden for the notes window. Both pages sit in the same folder at the
same depth, so the relative links of the one HTML hold on both. Nothing here imports MkDocs.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Callable
from xml.etree.ElementTree import Comment, Element

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from .catalogue import GENERATED_MARK, PRESENTATION_SUFFIX, presentation_file
from .generated import write_generated
from .markup import Renderer, Resolver
from .modules import Module, TrainerNote
from .strings import fill

# Where a slide starts in the rendered HTML: before every top-level ``<h2>``. A heading inside
# a list, box or tab is nested, so it stays on its slide; a ``##`` in a code block is no heading.
SLIDE_MARK = "<!-- slide -->"
# Around the trainer notes of a module page, which only its presentation keeps.
NOTES_START, NOTES_END = "<!-- trainer-notes -->", "<!-- /trainer-notes -->"
_NOTES = re.compile(re.escape(NOTES_START) + ".*?" + re.escape(NOTES_END), re.DOTALL)
_H2_ID = re.compile(r'<h2\b[^>]*\bid="([^"]+)"')


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


def makeExtension(**kwargs) -> SlideMarkExtension:  # noqa: N802 - Python-Markdown's name
    """Entry point for ``markdown_extensions: [training.presentation]`` in mkdocs.yml."""
    return SlideMarkExtension(**kwargs)


def participant_html(content: str) -> str:
    """A page's rendered HTML as readers get it: without slide marks and trainer notes."""
    if NOTES_START in content:
        content = _NOTES.sub("", content)
    return content.replace(SLIDE_MARK + "\n", "").replace(SLIDE_MARK, "")


def presentation_markdown(module: Module, source_path: str, t: dict[str, str]) -> str:
    """The generated presentation page of a module: front matter choosing the presentation
    template, and a note of where it comes from. The slides are the module page's HTML."""
    title = fill(t["present_title"], title=module.title).replace('"', "'")
    front = ["---", f'title: "{title}"', "template: presentation.html", "search:", "  exclude: true",
             "hide:", "  - navigation", "  - toc", "---", ""]
    mark = f"{GENERATED_MARK} from {source_path}: edit that file, not this one -->"
    return "\n".join(front + [mark, ""])


def render_notes(note: TrainerNote, t: dict[str, str], resolve_link: Resolver | None = None) -> str:
    """A trainer block of a module page: hidden notes for the presentation's notes window,
    between the marks ``participant_html`` cuts out."""
    md = Renderer(resolve_link)
    parts = [NOTES_START, f'<div class="slide-notes" data-minutes="{note.minutes}" hidden>', md.block(note.notes)]
    if note.sensitive:
        parts.append(f'<div class="slide-notes__sensitive"><p><strong>{html.escape(t["trainer_sensitive"])}'
                     f"</strong></p>{md.block(note.sensitive)}</div>")
    parts.append("</div>" + NOTES_END)
    return "".join(parts)


def _title_notes(module: Module, t: dict[str, str]) -> str:
    """What the trainer sees on the title slide: the session's length and its objectives."""
    e = html.escape
    duration = fill(t["module_minutes"], total=module.minutes, teaching=module.teaching_minutes,
                    exercises=module.exercise_minutes)
    objectives = "".join(f"<li>{e(o)}</li>" for o in module.objectives)
    return (f'<div class="slide-notes" data-minutes="0" hidden><p><strong>{e(t["module_duration"])}:</strong> '
            f'{e(duration)}</p><p><strong>{e(t["module_objectives"])}</strong></p><ul>{objectives}</ul></div>')


def _slide(number: int, content: str, label_id: str | None, t: dict[str, str]) -> str:
    label = f' aria-labelledby="{html.escape(label_id, quote=True)}"' if label_id else ""
    return (f'<section class="slide" data-slide="{number}" role="group" '
            f'aria-roledescription="{html.escape(t["present_slide"], quote=True)}"{label} tabindex="-1">'
            f"{content}</section>")


def slides_html(content: str, module: Module, t: dict[str, str]) -> str:
    """A module page's HTML (marks and notes still in) cut into one ``<section class="slide">``
    per slide: the title slide (the module's title, the text before the first section and, for
    the trainer, its length and objectives), then one slide per section."""
    intro, *sections = content.replace(NOTES_START, "").replace(NOTES_END, "").split(SLIDE_MARK)
    title = (f'<h1 id="slide-title">{html.escape(module.title)}</h1>{intro}{_title_notes(module, t)}')
    slides = [_slide(1, title, "slide-title", t)]
    for number, part in enumerate(sections, start=2):
        heading = _H2_ID.search(part)
        slides.append(_slide(number, part, heading.group(1) if heading else None, t))
    return "\n".join(slides)


def presented_module_rel(rel: str) -> str | None:
    """``oikeudet/palkka-esitys.md`` -> ``oikeudet/palkka.md``; None for any other page."""
    if not rel.endswith(PRESENTATION_SUFFIX):
        return None
    return rel[: -len(PRESENTATION_SUFFIX)] + ".md"


def write_presentation_pages(docs_dir: Path, pages, strings_for: Callable[[str], dict[str, str]]) -> list[Path]:
    """Write (only when changed) the presentation page of every module, and delete generated
    ones whose module is gone. Returns the presentation pages that exist afterwards."""
    wanted: dict[Path, str] = {}
    for page in pages:
        if not (page.module and page.module.id):
            continue
        wanted[docs_dir / page.language / presentation_file(page.rel)] = presentation_markdown(
            page.module, page.path, strings_for(page.language))
    return write_generated(docs_dir, wanted, "*" + PRESENTATION_SUFFIX)
