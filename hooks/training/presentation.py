"""Presentation mode: a module's own Markdown shown as slides to a classroom.

Every module gets a generated presentation page next to it (``<module>-esitys.md``), made
from the module's body, so its quizzes and checklists render with the same engine as on
the participant page. Each ``##`` section is a slide; the title and the text before the
first section make the title slide. The trainer blocks render as hidden notes there (and
only there, see ``fences``), which the notes window shows. Nothing here imports MkDocs.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Callable

from .catalogue import GENERATED_MARK, PRESENTATION_SUFFIX, presentation_file
from .generated import write_generated
from .markup import Renderer, Resolver
from .modules import Module, Section, TrainerNote
from .source import split_front_matter
from .strings import fill

# Put before every section heading of the generated Markdown; Python-Markdown keeps HTML
# comments as they are, so the built HTML splits into slides exactly where sections start.
SLIDE_MARK = "<!-- slide -->"
_H2_ID = re.compile(r'<h2\b[^>]*\bid="([^"]+)"')


def presentation_markdown(module: Module, sections: list[Section], source: str, source_path: str,
                          t: dict[str, str]) -> str:
    """The generated presentation page of a module: its own body, a slide mark before each
    ``##`` section that starts a line, and front matter choosing the presentation template."""
    title = fill(t["present_title"], title=module.title).replace('"', "'")
    _, body, first_line = split_front_matter(source)
    lines = body.split("\n")
    for section in sorted(sections, key=lambda s: s.line, reverse=True):
        index = section.line - first_line
        # An indented heading sits inside a list or box: a mark there would break it open.
        if 0 <= index < len(lines) and lines[index].startswith("##"):
            lines[index:index] = [SLIDE_MARK, ""]
    front = ["---", f'title: "{title}"', "template: presentation.html", "search:", "  exclude: true",
             "hide:", "  - navigation", "  - toc", "---", ""]
    mark = f"{GENERATED_MARK} from {source_path}: edit that file, not this one -->"
    return "\n".join(front + [mark, ""] + lines)


def render_notes(note: TrainerNote, t: dict[str, str], resolve_link: Resolver | None = None) -> str:
    """A trainer block on the presentation page: hidden, for the notes window to show."""
    md = Renderer(resolve_link)
    parts = [f'<div class="slide-notes" data-minutes="{note.minutes}" hidden>', md.block(note.notes)]
    if note.sensitive:
        parts.append(f'<div class="slide-notes__sensitive"><p><strong>{html.escape(t["trainer_sensitive"])}'
                     f"</strong></p>{md.block(note.sensitive)}</div>")
    parts.append("</div>")
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
    """The built HTML of a presentation page, cut into one ``<section class="slide">`` per
    slide: the title slide (the module's title, the text before the first section and, for
    the trainer, its length and objectives), then one slide per section."""
    intro, *sections = content.split(SLIDE_MARK)
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
        folder = docs_dir / page.language
        source = (folder / page.rel).read_text(encoding="utf-8")
        wanted[folder / presentation_file(page.rel)] = presentation_markdown(
            page.module, page.sections, source, page.path, strings_for(page.language))
    return write_generated(docs_dir, wanted, "*" + PRESENTATION_SUFFIX)
