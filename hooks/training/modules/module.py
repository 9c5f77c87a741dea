"""Training modules: the front matter schema, trainer notes, and the session plan.

A page is a module when its front matter has an ``id``. Every key is checked (an unknown
key is an error) and every problem names its file line, counted from the top of the file.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import Problem
from ..ids import valid_id
from ..safe.markup import Renderer
from ..site.source_address import weak_source
from ..strings import fill, format_date, month_year
from ..yamlread import YamlReader

if TYPE_CHECKING:
    from ..facts.view import FactView

TRACKS = ("working-life", "rights", "company", "professionals")
AUDIENCES = ("participant", "company", "professional", "trainer")
MODULE_KEYS = (
    "id", "title", "track", "order", "audiences", "duration", "objectives", "key_points",
    "prerequisites", "legal", "sources", "sources_as_of", "reviewed", "reviewer", "mastery",
)
REQUIRED_KEYS = ("id", "title", "track", "order", "audiences", "duration", "objectives", "key_points")
# Keys any page may have: those MkDocs and Material read, and the version of its source-language
# page a translation was made from (see translations.py).
PAGE_KEYS = ("title", "description", "hide", "search", "translated_from")
TRAINER_KEYS = ("minutes", "slide", "notes", "sensitive")
# What a presentation slide may hold: the room reads it from a wall (at 24 px on a 1280 × 720
# projector, about this much fits beside the heading).
SLIDE_WORDS, SLIDE_POINTS = 60, 6
# Left by `make new-module`; a page that still holds one must not be published.
PLACEHOLDER = "TODO:"
_HEADING = re.compile(r"^## +(?P<text>.+?)\s*#*\s*$")


@dataclass(frozen=True)
class Source:
    """An official source a module's facts come from."""

    title: str
    url: str


@dataclass
class Module:
    """A module's metadata, as its front matter declares it."""

    path: str
    id: str = ""
    title: str = ""
    track: str = ""
    order: int = 0
    audiences: list[str] = field(default_factory=list)
    teaching_minutes: int = 0
    exercise_minutes: int = 0
    objectives: list[str] = field(default_factory=list)
    key_points: list[str] = field(default_factory=list)
    prerequisites: list[str] = field(default_factory=list)
    legal: bool = False
    sources: list[Source] = field(default_factory=list)
    sources_as_of: dt.date | None = None  # the date of the sources its text was written from
    reviewed: dt.date | None = None  # when a person last compared it with the live sources
    reviewer: str = ""
    mastery: int = 80  # the per cent of quiz answers a learning platform counts as passed (SCORM)
    key_lines: dict[str, int] = field(default_factory=dict, repr=False)

    @property
    def minutes(self) -> int:
        """The declared length of a session on this module."""
        return self.teaching_minutes + self.exercise_minutes

    @property
    def facts_dated(self) -> dt.date | None:
        """The latest real date of its facts: its last review, or the date of its sources."""
        return max((d for d in (self.reviewed, self.sources_as_of) if d is not None), default=None)

    def line_of(self, key: str) -> int:
        """The file line of a front matter key (the first line of the front matter if absent)."""
        return self.key_lines.get(key, 2)


def dated_sentences(module: Module, strings: dict[str, str]) -> list[str]:
    """What a module's facts are based on, and whether a person has reviewed them, in words."""
    said = []
    if module.sources_as_of:
        said.append(fill(strings["module_sources_as_of"], date=month_year(module.sources_as_of, strings)))
    if module.reviewed:
        said.append(fill(strings["module_reviewed"], date=format_date(module.reviewed, strings),
                         reviewer=module.reviewer))
    elif module.sources_as_of:
        said.append(strings["module_not_reviewed"])
    return said


def key_points_html(module: Module, facts: FactView | None = None, strings: dict[str, str] | None = None) -> list[str]:
    """The key points as safe inline HTML: the editor's Markdown, with the facts it refers to
    (``facts``: the register in the page's language)."""
    renderer = Renderer(facts=facts, strings=strings)
    return [renderer.inline(point) for point in module.key_points]


@dataclass
class TrainerNote:
    """Facilitator notes for one section: never shown on the participant page."""

    line: int
    minutes: int = 0
    notes: str = ""
    sensitive: str = ""
    slide: list[str] = field(default_factory=list)  # the section's points for the room, in presentations


@dataclass
class Section:
    """A ``##`` section of a module and the trainer notes written in it."""

    title: str
    line: int
    notes: list[TrainerNote] = field(default_factory=list)

    @property
    def minutes(self) -> int:
        return sum(note.minutes for note in self.notes)

    @property
    def slide(self) -> list[str]:
        """The section's slide text: the points of its trainer blocks' ``slide:``."""
        return [point for note in self.notes for point in note.slide]


def _whole_number(r: YamlReader, node: Node | None, key: str, place: str) -> int:
    text = r.text(node, key, place)
    if node is not None and not text.isdigit():
        r.report(r.line(node), f"'{key}' in {place} must be a whole number of minutes or a position, not '{text}'")
        return 0
    return int(text) if text else 0


def _text_list(r: YamlReader, node: Node | None, key: str, place: str) -> list[str]:
    if node is None:
        return []
    items = r.sequence(node, f"'{key}' in {place} must be a list: start each entry on a new line with '- '")
    return [r.text(item, key, place) for item in items or []]


def parse_front_matter(front: str, path: str, today: dt.date | None = None) -> tuple[Module | None, list[Problem]]:
    """Read a page's front matter. Returns a Module when the page is one (it has an ``id``).

    ``today`` (by default the real day) is when dates such as ``reviewed`` must not lie after."""
    today = today or dt.date.today()
    if not front.strip():
        return None, []
    r = YamlReader(path, front, 2)  # the front matter starts on line 2, after '---'
    root = r.compose("front matter", 1)
    if root is None:
        return None, r.problems
    if not isinstance(root, MappingNode):
        r.report(2, "the front matter must be 'key: value' lines")
        return None, r.problems
    keys = {k.value for k, _ in root.value if isinstance(k, ScalarNode)}
    module_keys = sorted(keys & (set(MODULE_KEYS) - set(PAGE_KEYS) - {"id"}), key=MODULE_KEYS.index)
    if "id" not in keys and len(module_keys) >= 2:
        # The 'id' line was deleted or misspelt: say that, not that every other key is unknown.
        r.report(2, f"this page has module keys ({', '.join(module_keys[:4])}) but no 'id:': give the module "
                 "its id (a-z, 0-9 and '-', the same in both languages), or remove the module keys")
        return None, r.problems
    if "id" not in keys:
        r.mapping(root, PAGE_KEYS, lambda v: "the front matter",
                  "the front matter must be 'key: value' lines")
        return None, r.problems
    read = r.mapping(root, MODULE_KEYS + tuple(k for k in PAGE_KEYS if k not in MODULE_KEYS),
                     lambda v: "the module's front matter", "the front matter must be 'key: value' lines")
    if read is None:
        return None, r.problems
    values, key_lines = read
    place = "the module's front matter"
    module = Module(path=path, key_lines=key_lines)
    for key in REQUIRED_KEYS:
        if key not in values:
            r.report(2, f"a module needs '{key}:' in its front matter (see CONTRIBUTING.md, 'Training modules')")
    module.id = r.text(values.get("id"), "id", place)
    if module.id and not valid_id(module.id):
        r.report(module.line_of("id"), f"module id '{module.id}' may use only a-z, 0-9 and '-'")
    module.title = r.text(values.get("title"), "title", place)
    module.track = r.text(values.get("track"), "track", place)
    if "track" in values and module.track not in TRACKS:
        r.report(module.line_of("track"), f"unknown track '{module.track}': use one of {', '.join(TRACKS)}")
    module.order = _whole_number(r, values.get("order"), "order", place)
    module.audiences = _text_list(r, values.get("audiences"), "audiences", place)
    for audience in module.audiences:
        if audience not in AUDIENCES:
            r.report(module.line_of("audiences"),
                     f"unknown audience '{audience}': use any of {', '.join(AUDIENCES)}")
    if "audiences" in values and not module.audiences:
        r.report(module.line_of("audiences"), "a module needs at least one audience")
    _read_duration(r, values.get("duration"), module)
    module.objectives = _text_list(r, values.get("objectives"), "objectives", place)
    module.key_points = _text_list(r, values.get("key_points"), "key_points", place)
    for key in ("objectives", "key_points"):
        if key in values and not getattr(module, key):
            r.report(module.line_of(key), f"'{key}' needs at least one entry")
    module.prerequisites = _text_list(r, values.get("prerequisites"), "prerequisites", place)
    module.legal = bool(r.boolean(values.get("legal"), "legal", place))
    if "mastery" in values:
        text = r.text(values["mastery"], "mastery", place)
        if not text.isdigit() or not 0 <= int(text) <= 100:
            r.report(module.line_of("mastery"), f"'mastery' must be a whole per cent from 0 to 100 (the share of "
                     f"quiz answers that passes the module in a learning platform), not '{text}'")
        else:
            module.mastery = int(text)
    _read_sources(r, values.get("sources"), module)
    module.sources_as_of = _read_date(r, values.get("sources_as_of"), "sources_as_of", today, months=True)
    module.reviewer = r.text(values.get("reviewer"), "reviewer", place)
    module.reviewed = _read_date(r, values.get("reviewed"), "reviewed", today)
    if module.reviewed and not module.reviewer:
        r.report(module.line_of("reviewed"), "'reviewed' needs 'reviewer:', the role of the person who compared "
                 "the page with the live official sources that day; without such a check, leave both out")
    if module.reviewer and "reviewed" not in values:
        r.report(module.line_of("reviewer"), "'reviewer' needs 'reviewed: YYYY-MM-DD', the day of the review")
    if module.legal:
        if not module.sources:
            r.report(module.line_of("legal"), "a module with legal facts (legal: true) needs 'sources:' "
                     "with the title and url of each official source")
        if "sources_as_of" not in values:
            r.report(module.line_of("legal"), "a module with legal facts (legal: true) needs "
                     "'sources_as_of: YYYY-MM', the date of the sources its text was written from")
    return module, r.problems


def _read_duration(r: YamlReader, node: Node | None, module: Module) -> None:
    if node is None:
        return
    read = r.mapping(node, ("teaching", "exercises"), lambda v: "'duration'",
                     "'duration' must hold 'teaching: MINUTES' and 'exercises: MINUTES' on indented lines")
    if read is None:
        return
    values, _ = read
    for key in ("teaching", "exercises"):
        if key not in values:
            r.report(r.line(node), f"'duration' needs '{key}:' (minutes; 0 if none)")
    module.teaching_minutes = _whole_number(r, values.get("teaching"), "teaching", "'duration'")
    module.exercise_minutes = _whole_number(r, values.get("exercises"), "exercises", "'duration'")


def _read_sources(r: YamlReader, node: Node | None, module: Module) -> None:
    if node is None:
        return
    items = r.sequence(node, "'sources' must be a list: start each source with '- title:' and give its 'url:'")
    for index, item in enumerate(items or [], start=1):
        read = r.mapping(item, ("title", "url"), lambda v: f"source {index}",
                         f"source {index} must be written as '- title: ...' with 'url: ...' below it")
        if read is None:
            continue
        values, _ = read
        title = r.text(values.get("title"), "title", f"source {index}")
        url = r.text(values.get("url"), "url", f"source {index}")
        if not title:
            r.report(r.line(item), f"source {index} needs a 'title:', the name of the page or document")
        if not re.fullmatch(r"https://[^\s\"'<>`]+", url):
            r.report(r.line(values["url"]) if "url" in values else r.line(item),
                     f"source {index} needs a 'url:' that starts with https:// and holds no spaces, quotes or "
                     "angle brackets: copy the address from the browser's address bar")
        elif weak := weak_source(url):
            r.report(r.line(values["url"]), f"source {index} ({url}): {weak}")
        module.sources.append(Source(title, url))


def _read_date(r: YamlReader, node: Node | None, key: str, today: dt.date, months: bool = False) -> dt.date | None:
    """A date that has been (``YYYY-MM-DD``; with ``months``, ``YYYY-MM`` is the month's first day)."""
    if node is None:
        return None
    text = r.text(node, key, "the module's front matter")
    written = "YYYY-MM or YYYY-MM-DD" if months else "YYYY-MM-DD"
    try:
        day = dt.date.fromisoformat(text + "-01" if months and len(text) == 7 else text)
    except ValueError:
        r.report(r.line(node), f"'{key}' must be a date written {written}, not '{text}'")
        return None
    if day > today:
        r.report(r.line(node), f"'{key}' is {text}, a date still to come: write a date no later than today")
        return None
    return day


def parse_trainer(body: str, path: str, line: int) -> tuple[TrainerNote | None, list[Problem]]:
    """Read a ``trainer`` block; ``line`` is the file line of its opening fence."""
    r = YamlReader(path, body, line + 1)
    root = r.compose_block("trainer", line, "the trainer block is empty: add 'minutes:' and 'notes:'")
    if root is None:
        return None, r.problems
    read = r.mapping(root, TRAINER_KEYS, lambda v: "the trainer block",
                     "a trainer block must be 'key: value' lines: minutes, notes and optionally slide and sensitive")
    if read is None:
        return None, r.problems
    values, key_lines = read
    note = TrainerNote(line=line)
    note.minutes = _whole_number(r, values.get("minutes"), "minutes", "the trainer block")
    note.notes = r.text(values.get("notes"), "notes", "the trainer block")
    note.sensitive = r.text(values.get("sensitive"), "sensitive", "the trainer block")
    note.slide = _text_list(r, values.get("slide"), "slide", "the trainer block")
    node = values.get("slide")
    # A text instead of a list is _text_list's to report; an empty key or list is this one's.
    if isinstance(node, SequenceNode) or (isinstance(node, ScalarNode) and not node.value.strip()):
        _check_slide(r, node, note.slide, key_lines["slide"])
    if "minutes" not in values:
        r.report(line, "the trainer block needs 'minutes:', the time this section takes in a session")
    if not note.notes:
        r.report(line, "the trainer block needs 'notes:' for the facilitator")
    return note, r.problems


def _check_slide(r: YamlReader, node: Node, points: list[str], line: int) -> None:
    """A slide's points: some, none empty, and few and short enough for a room to read.
    (A point that is not text is ``_text_list``'s to report.)"""
    items = node.value if isinstance(node, SequenceNode) else []
    if not items or any(isinstance(item, ScalarNode) and not item.value.strip() for item in items):
        r.report(line, "'slide' needs its points, each on a line of its own starting with '- '")
    words = sum(len(point.split()) for point in points)
    if words > SLIDE_WORDS or len(points) > SLIDE_POINTS:
        r.report(line, f"the slide has {len(points)} points and {words} words, more than a room can read from a "
                 f"projector (at most {SLIDE_POINTS} points and {SLIDE_WORDS} words): keep the points short and "
                 "put the detail in 'notes'")


def sections_of(headings: list[tuple[int, str]], notes: list[TrainerNote]) -> list[Section]:
    """Group trainer notes under the ``##`` section they are written in."""
    sections = [Section(title, line) for line, title in headings]
    for note in notes:
        owner = next((s for s in reversed(sections) if s.line < note.line), None)
        if owner is not None:
            owner.notes.append(note)
    return sections


def headings_of(prose_lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The ``##`` headings among (file line, text) lines outside fenced blocks."""
    found = []
    for line, text in prose_lines:
        match = _HEADING.match(text.strip())
        if match:
            found.append((line, re.sub(r"\s*\{[^}]*\}$", "", match.group("text"))))
    return found


def plan_problems(module: Module, sections: list[Section]) -> list[Problem]:
    """Warnings about the session plan: sections without notes, minutes that do not add up."""
    found = []
    for section in sections:
        if not section.notes:
            found.append(Problem(module.path, section.line,
                                 f"section '{section.title}' has no trainer block: add one with its minutes"))
    planned = sum(section.minutes for section in sections)
    if sections and planned != module.minutes:
        found.append(Problem(
            module.path, module.line_of("duration"),
            f"the trainer blocks add up to {planned} minutes, but 'duration' declares "
            f"{module.minutes} ({module.teaching_minutes} teaching + {module.exercise_minutes} exercises): "
            "make them agree"))
    return found
