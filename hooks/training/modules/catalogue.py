"""Module catalogues and trainer pages, generated from the modules' front matter and blocks.

Nothing here is written by hand: landing pages, the catalogue and the trainer kit ask for a
``modules`` block, and every module gets a trainer page, so they can never drift apart.
"""

from __future__ import annotations

import html
import json
import posixpath
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable

from ..errors import Problem
from ..quiz.model import Quiz
from ..strings import fill
from ..yamlread import YamlReader
from .module import AUDIENCES, TRACKS, Module, Section

if TYPE_CHECKING:
    from ..site.model import Page  # the site model reads this module

CATALOGUE_KEYS = ("track", "audience", "group", "show")
GROUPS = ("track", "audience", "none")
SHOWS = ("objectives", "plan", "titles")
# A module's trainer page sits next to it, so the links in its notes keep working.
TRAINER_SUFFIX = "-kouluttajalle.md"
# And its presentation (see presentation.py), next to it for the same reason.
PRESENTATION_SUFFIX = "-esitys.md"


@dataclass
class CatalogueRequest:
    """What a ``modules`` block asks to list."""

    track: str = ""
    audience: str = ""
    group: str = "track"
    show: str = "objectives"
    line: int = 0


@dataclass
class ModuleEntry:
    """A module as the catalogue shows it: its data, its plan, and its link from the current page;
    and its quizzes (their ids and questions), which the progress summary lists."""

    module: Module
    url: str
    sections: list[Section] = field(default_factory=list)
    quizzes: list[Quiz] = field(default_factory=list)


def parse_request(body: str, path: str, line: int) -> tuple[CatalogueRequest, list[Problem]]:
    """Read a ``modules`` block; an empty block lists every module by track."""
    request = CatalogueRequest(line=line)
    if not body.strip():
        return request, []
    r = YamlReader(path, body, line + 1)
    root = r.compose("modules", line)
    if root is None:
        return request, r.problems
    read = r.mapping(root, CATALOGUE_KEYS, lambda v: "the modules block",
                     "a modules block takes 'key: value' lines: track, audience, group, show")
    if read is None:
        return request, r.problems
    values, key_lines = read
    for key, allowed in (("track", TRACKS), ("audience", AUDIENCES), ("group", GROUPS), ("show", SHOWS)):
        if key in values:
            value = r.text(values[key], key, "the modules block")
            if value not in allowed:
                r.report(key_lines[key], f"'{key}: {value}' is not known: use one of {', '.join(allowed)}")
            else:
                setattr(request, key, value)
    return request, r.problems


def select(entries: list[ModuleEntry], request: CatalogueRequest) -> list[ModuleEntry]:
    """The modules a request asks for, in track order."""
    return [e for e in entries
            if (not request.track or e.module.track == request.track)
            and (not request.audience or request.audience in e.module.audiences)]


def _groups(entries: list[ModuleEntry], request: CatalogueRequest, t: dict[str, str]):
    if request.group == "none" or request.track and request.group == "track":
        yield "", entries
    elif request.group == "audience":
        for audience in AUDIENCES:
            chosen = [e for e in entries if audience in e.module.audiences]
            if chosen:
                yield t[f"audience_{audience}"], chosen
    else:
        for track in TRACKS:
            chosen = [e for e in entries if e.module.track == track]
            if chosen:
                yield t[f"track_{track}"], chosen


def minutes_text(t: dict[str, str], minutes: int) -> str:
    """'45 min', or '1 h 15 min', in the page's language."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return t["minutes"].format(n=rest)
    return t["hours_minutes"].format(h=hours, n=rest) if rest else t["hours"].format(h=hours)


def render_catalogue(entries: list[ModuleEntry], request: CatalogueRequest, t: dict[str, str]) -> str:
    """The HTML of a ``modules`` block: modules by group, with durations and totals."""
    e = html.escape
    chosen = select(entries, request)
    if not chosen:
        return f'<p class="module-catalogue">{e(t["catalogue_empty"])}</p>'
    parts = ['<div class="module-catalogue">']
    for title, group in _groups(chosen, request, t):
        total = sum(entry.module.minutes for entry in group)
        summary = t["catalogue_total"].format(count=len(group), time=minutes_text(t, total))
        if title:
            parts.append(f'<h3 class="module-catalogue__group">{e(title)}</h3>')
        parts.append(f'<p class="module-catalogue__total">{e(summary)}</p><ol class="module-catalogue__list">')
        for entry in group:
            module = entry.module
            audiences = ", ".join(t[f"audience_{a}"] for a in module.audiences)
            parts.append(f'<li><a href="{e(entry.url)}">{e(module.title)}</a> '
                         f'<span class="module-catalogue__meta">{e(minutes_text(t, module.minutes))} · '
                         f'{e(audiences)}</span>')
            if request.show == "objectives" and module.objectives:
                parts.append("<ul>" + "".join(f"<li>{e(o)}</li>" for o in module.objectives) + "</ul>")
            elif request.show == "plan" and entry.sections:
                parts.append("<ul>" + "".join(
                    f"<li>{e(s.title)}: {e(minutes_text(t, s.minutes))}</li>" for s in entry.sections) + "</ul>")
            parts.append("</li>")
        parts.append("</ol>")
    parts.append("</div>")
    return "".join(parts)


def generated_page(title: str, *meta: str) -> str:
    """The Markdown of a page the build adds: front matter only, out of search. The title is
    written as a YAML string that holds whatever the module's title holds (a backslash, a
    colon); its double quotes become single ones, as they always were."""
    quoted = json.dumps(title.replace('"', "'"), ensure_ascii=False)
    return "\n".join(["---", f"title: {quoted}", "search:", "  exclude: true", *meta, "---", ""])


def trainer_markdown(module: Module, t: dict[str, str]) -> str:
    """The trainer page of a module, as the build adds it. Its content is made from the
    module's model when the page is rendered (``trainer_page``)."""
    return generated_page(fill(t["trainer_title"], title=module.title))


def entries_for(pages: Iterable[Page], current_rel: str, resolve_link: Callable[[str], str]) -> list[ModuleEntry]:
    """Every module of one language as seen from the page ``current_rel``: links are made
    relative to it and then resolved like any other link of the page."""
    base = posixpath.dirname(current_rel)
    return [ModuleEntry(p.module, resolve_link(posixpath.relpath(p.rel, base or ".")), p.sections,
                        list(p.blocks.quizzes))
            for p in sorted((p for p in pages if p.module and p.module.id),
                            key=lambda p: (TRACKS.index(p.module.track) if p.module.track in TRACKS else 99,
                                           p.module.order, p.module.id))]


def trainer_file(rel: str) -> str:
    """The generated trainer page of the module at ``rel`` (same folder, so links hold)."""
    return rel[: -len(".md")] + TRAINER_SUFFIX


def presentation_file(rel: str) -> str:
    """The generated presentation page of the module at ``rel`` (same folder, so links hold)."""
    return rel[: -len(".md")] + PRESENTATION_SUFFIX


def is_generated_name(rel: str) -> bool:
    """A page name the build gives a module's trainer page or presentation."""
    return rel.endswith((TRAINER_SUFFIX, PRESENTATION_SUFFIX))
