"""A module's trainer's guide: the session plan with minutes, the facilitator notes with their
sensitive-topic warnings, and the quiz answer key.

The generated page (``<module>-kouluttajalle.md``) is front matter only; its content is made
here from the module's checked model, never by pasting an editor's text into Markdown: every
text goes through the safe renderer (``safe.markup``), everything else is escaped. The headings
come back with the page so that the build can give it a table of contents. Pure: no MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from markdown.extensions.toc import slugify, unique

from ..exports.formats import GIFT, MOODLE_XML, export_file, has_questions
from ..facts.view import FactView
from ..quiz.model import Question, Quiz, TextAnswer, TrueFalse
from ..safe.markup import Renderer, Resolver, plain_text
from ..strings import fill
from .catalogue import minutes_text, presentation_file
from .module import Module, Section


@dataclass
class Heading:
    """A heading of the page, for its table of contents (the shape MkDocs' ``get_toc`` reads)."""

    level: int
    id: str
    name: str
    children: list[Heading] = field(default_factory=list)

    def token(self) -> dict:
        return {"level": self.level, "id": self.id, "name": self.name,
                "children": [child.token() for child in self.children]}


def _answer_html(question: Question, md: Renderer, t: dict[str, str]) -> str:
    if isinstance(question, TrueFalse):
        return escape(t["true_label"] if question.answer else t["false_label"])
    if isinstance(question, TextAnswer):
        return escape(", ".join(question.answers))
    return "; ".join(md.inline(text) for text, right in question.answer_key().options if right)


class _Page:
    """The HTML of the page as it grows, and its headings."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.headings: list[Heading] = []
        self._ids: set[str] = set()

    def heading(self, level: int, inner_html: str) -> None:
        name = plain_text(inner_html)
        anchor = unique(slugify(name, "-"), self._ids)
        self.parts.append(f'<h{level} id="{anchor}">{inner_html}<a class="headerlink" href="#{anchor}" '
                          f'title="Permanent link">&para;</a></h{level}>')
        found = Heading(level, anchor, escape(name))
        if level > 2 and self.headings:
            self.headings[-1].children.append(found)
        else:
            self.headings.append(found)


def trainer_page_html(module: Module, sections: list[Section], quizzes: list[Quiz], participant_file: str,
                      language: str, t: dict[str, str],
                      resolve_link: Resolver | None = None,
                      packages: list[str] | None = None,
                      facts: FactView | None = None) -> tuple[str, list[Heading]]:
    """The content of a module's trainer's guide, and its headings. ``packages``: the
    addresses of the module's SCORM packages, one per language, relative to the guide."""
    md = Renderer(resolve_link, facts=facts, strings=t)
    link = resolve_link or (lambda href: href)
    e = escape
    page = _Page()
    page.parts += [
        f'<p><a href="{e(link(participant_file))}">{e(t["trainer_handout"])}</a> · {e(t["trainer_print_hint"])}</p>',
        f'<p><a href="{e(link(presentation_file(participant_file)))}">{e(t["trainer_present"])}</a> · '
        f'{e(t["trainer_present_hint"])}</p>',
    ]
    if has_questions(quizzes):
        files = [export_file(participant_file, language, kind) for kind in (GIFT, MOODLE_XML)]
        links = " · ".join(f'<a download="{e(name)}" href="{e(link(name))}">{label}</a>'
                           for name, label in zip(files, ("GIFT", "Moodle XML")))
        page.parts.append(f"<p>{e(t['trainer_export'])} {links}. {e(t['trainer_export_hint'])}</p>")
    if packages:
        names = [href.rsplit("/", 1)[-1] for href in packages]
        links = " · ".join(f'<a download="{e(name)}" href="{e(href)}">{e(name)}</a>' for name, href in zip(names, packages))
        page.parts.append(f"<p>{e(t['trainer_scorm'])} {links}. {e(t['trainer_scorm_hint'])}</p>")

    page.heading(2, e(t["trainer_plan"]))
    rows = "".join(f'<tr><td>{md.inline(s.title)}</td><td align="right">{s.minutes}</td></tr>' for s in sections)
    total = sum(s.minutes for s in sections)
    page.parts.append(
        f'<table><thead><tr><th>{e(t["trainer_section"])}</th><th align="right">{e(t["trainer_minutes"])}</th></tr>'
        f"</thead><tbody>{rows}<tr><td><strong>{e(t['trainer_total'])}</strong></td>"
        f'<td align="right"><strong>{total}</strong></td></tr></tbody></table>')
    page.parts.append("<p>" + e(fill(t["trainer_declared"], total=module.minutes, teaching=module.teaching_minutes,
                                     exercises=module.exercise_minutes)) + "</p>")

    page.heading(2, e(t["trainer_notes"]))
    for number, section in enumerate(sections, start=1):
        page.heading(3, f"{number}. {md.inline(section.title)} ({e(minutes_text(t, section.minutes))})")
        for note in section.notes:
            page.parts.append(md.block(note.notes))
            if note.sensitive:
                page.parts.append(f'<div class="admonition warning"><p class="admonition-title">'
                                  f'{e(t["trainer_sensitive"])}</p>{md.block(note.sensitive)}</div>')

    if quizzes:
        page.heading(2, e(t["trainer_answer_key"]))
        for quiz in quizzes:
            for number, question in enumerate(quiz.questions, start=1):
                asked, more = md.parts(question.question)
                page.parts.append(f"<p><strong>{number}.</strong> {asked or md.inline(question.question)}</p>{more}")
                page.parts.append(f"<p><em>{e(t['trainer_answer'])}</em> {_answer_html(question, md, t)}</p>")
                if question.explanation:
                    page.parts.append(md.block(question.explanation))
    return "\n".join(page.parts), page.headings
