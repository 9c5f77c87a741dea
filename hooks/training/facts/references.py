"""Where a page uses the register: every ``${id}`` reference (a ``contacts`` block's entries
are read by ``blocks.contacts``), and the phone numbers it still writes by hand, each with
its file line; and what is wrong with them. Pure: no MkDocs, no files."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import Problem
from ..site.scan import FencedBlock
from ..site.unconfirmed import outside_inline_code
from .register import Register
from .view import FIELDS, REFERENCE, has_field, parse_reference

# Blocks whose text is rendered as Markdown, and so may use facts (code fences may not: they
# show text as written).
TEXT_BLOCKS = ("quiz", "checklist", "trainer")
# A phone number written out: international (+358 …), national (0800 414 004, 09 2525 0111),
# a service number (112, 116 006), or any tel: link.
# A number ends where no digit, letter or slash follows (a full stop or comma may, unless a
# digit comes after it: 0,5 and 1.1.2026 are no phone numbers).
_END = r"(?!\w|/|[.,]\d|\s?%)"
_HAND_WRITTEN = re.compile(
    r"tel:[^)\s\"']*"
    rf"|(?<![\w+/.,:-])\+\d[\d ]{{6,}}\d{_END}"
    rf"|(?<![\w/.,:-])0\d{{1,3}}(?: ?\d{{2,4}}){{2,4}}{_END}"
    rf"|(?<![\w/.,:-])(?:112|116 ?\d{{3}}){_END}"
)


@dataclass(frozen=True)
class FactUse:
    """One place a page shows a fact: ``${id}``, ``${id.key}``, or a ``contacts`` entry."""

    ident: str
    key: str
    path: str
    line: int


def text_lines(prose: list[tuple[int, str]], blocks: list[FencedBlock]) -> list[tuple[int, str]]:
    """(file line, text) of every line whose Markdown is rendered: prose, and the bodies of
    the blocks that render Markdown, with inline code left out."""
    lines = list(prose)
    for block in blocks:
        if block.kind in TEXT_BLOCKS and block.error is None:
            lines += [(block.line + 1 + i, text) for i, text in enumerate(block.body.split("\n"))]
    return [(number, " ".join(line[start:end] for start, end in outside_inline_code(line)))
            for number, line in sorted(lines)]


def find_references(lines: list[tuple[int, str]], path: str) -> list[FactUse]:
    """Every ``${…}`` among (file line, text) lines, as written (checked by ``reference_problems``)."""
    return [FactUse(*parse_reference(m.group(1)), path, number)
            for number, text in lines for m in REFERENCE.finditer(text)]


def reference_problems(uses: list[FactUse], register: Register) -> list[Problem]:
    """What is wrong with each use: an id or field that does not exist, a fact that has none
    of that field, a withdrawn or changed fact."""
    problems = []
    for use in uses:
        where = f"${{{use.ident}{'.' + use.key if use.key else ''}}}"
        fact = register.get(use.ident)
        if not use.ident:
            problems.append(Problem(use.path, use.line, f"'{where}' names no fact: write ${{id}} or ${{id.field}} "
                                    f"with an id from {register.path}"))
        elif fact is None:
            close = register.closest(use.ident)
            hint = f"did you mean '{close}'?" if close else f"add it to {register.path} first"
            problems.append(Problem(use.path, use.line, f"unknown fact '{use.ident}' in '{where}': {hint}"))
        elif fact.status != "current":
            problems.append(Problem(use.path, use.line, _status_message(fact.id, fact.status, fact.line, register.path)))
        elif use.key and use.key not in FIELDS[fact.kind]:
            problems.append(Problem(use.path, use.line, f"a {fact.kind} has no field '{use.key}' ('{where}'): "
                                    f"use one of {', '.join(FIELDS[fact.kind])}, or ${{{fact.id}}} alone"))
        elif use.key and not has_field(fact, use.key):
            problems.append(Problem(use.path, use.line, f"fact '{fact.id}' has no '{use.key}' in {register.path} "
                                    f"(line {fact.line}): add it there, or show another field"))
    return problems


def _status_message(ident: str, status: str, line: int, register_path: str) -> str:
    why = "the service has ended" if status == "withdrawn" else "its value is known to be wrong"
    return (f"fact '{ident}' is marked {status} in {register_path}:{line} ({why}): take it off this page, "
            "or give the register its new value and set 'status: current'")


def hand_written_numbers(lines: list[tuple[int, str]], path: str, register: Register) -> list[Problem]:
    """Phone numbers written into a page instead of taken from the register (a number and its
    ``tel:`` link on one line are one problem)."""
    by_digits = {_digits(f.phone): f for f in register.facts.values() if f.phone}
    problems, seen = [], set()
    for number, text in lines:
        for match in _HAND_WRITTEN.finditer(REFERENCE.sub("", text)):
            digits = _digits(match.group(0).removeprefix("tel:"))
            if (number, digits) in seen:
                continue
            seen.add((number, digits))
            known = by_digits.get(digits)
            if known is None:
                hint = f"add it to {register.path} as a contact with its source, and write ${{id}} here"
            elif known.status != "current":
                hint = _status_message(known.id, known.status, known.line, register.path)
            else:
                hint = f"write ${{{known.id}}} instead"
            problems.append(Problem(path, number, f"phone number '{match.group(0).removeprefix('tel:')}' written by "
                                    f"hand: {hint}, so that it is kept up to date in one place"))
    return problems


def _digits(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    if phone.strip().startswith("+358"):
        return digits[3:]  # compare national and international forms alike
    return digits[1:] if digits.startswith("0") and len(digits) > 6 else digits


# The one front matter key whose text may show facts: key points are rendered like the page's
# text; a title or an objective also reaches menus, catalogues and the presentation as plain text.
FACTS_IN_FRONT_MATTER = "key_points"


def front_matter_lines(front: str) -> list[tuple[int, str, str]]:
    """(file line, top-level key the line belongs to, text) of every front matter line."""
    lines, key = [], ""
    for number, text in enumerate(front.split("\n"), start=2):  # the front matter starts on line 2
        if match := re.match(r"([A-Za-z_][\w-]*)\s*:", text):
            key = match.group(1)
        lines.append((number, key, text))
    return lines


def front_matter_problems(front: str, path: str) -> list[Problem]:
    """References in front matter outside the key points."""
    return [Problem(path, number, f"facts cannot be used in '{key}': only key points show them; write the "
                    "fact in the page's text instead")
            for number, key, text in front_matter_lines(front)
            if key != FACTS_IN_FRONT_MATTER and REFERENCE.search(text)]
