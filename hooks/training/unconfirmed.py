"""Facts marked ``[VERIFY]`` by editors: shown to readers as "to be confirmed" and listed
for the site owner, who removes the marker once the fact is checked at its source."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

MARKER = "[VERIFY]"
_FENCE = re.compile(r"^\s*(?:>\s*)*(`{3,}|~{3,})")
# The marker and the text before it on the same line, for the owner's report.
_MARKED = re.compile(r"(?P<before>[^\n]*?)\s*\[VERIFY\]")


@dataclass(frozen=True)
class Unconfirmed:
    """One marked fact: where it is and the text it follows."""

    path: str
    line: int
    context: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: to be confirmed by the site owner: {self.context}"


def prose_lines(markdown: str, first_line: int = 1):
    """Yield (file line, text) for the lines outside fenced blocks: the prose of a page."""
    fence = ""
    for index, line in enumerate(markdown.split("\n"), start=first_line):
        match = _FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = ""
            continue
        if match:
            fence = match.group(1)
            continue
        yield index, line


def _outside_inline_code(line: str) -> list[tuple[int, int]]:
    """Spans of ``line`` that are not inside `inline code`."""
    spans, start = [], 0
    for code in re.finditer(r"(`+).*?\1", line):
        spans.append((start, code.start()))
        start = code.end()
    spans.append((start, len(line)))
    return spans


def find_unconfirmed(markdown: str, path: str, first_line: int = 1) -> list[Unconfirmed]:
    """Every ``[VERIFY]`` marker in prose, with the text it follows."""
    found = []
    for line_number, line in prose_lines(markdown, first_line):
        if MARKER not in line:
            continue  # _MARKED tries every start on a line: quadratic in its length
        for start, end in _outside_inline_code(line):
            for match in _MARKED.finditer(line, start, end):
                context = re.sub(r"[*_\[\]]|\(tel:[^)]*\)|\(https?:[^)]*\)", "", match.group("before"))
                found.append(Unconfirmed(path, line_number, context.strip(" -|:")[-80:]))
    return found


def mark_unconfirmed(markdown: str, label: str) -> str:
    """Replace each marker in prose with a visible, translated "to be confirmed" note."""
    if MARKER not in markdown:
        return markdown  # most pages: nothing to replace, so no line needs looking at
    note = f'<span class="to-confirm">({html.escape(label)})</span>'
    lines = markdown.split("\n")
    for index, line in prose_lines(markdown, 0):
        pieces, last = [], 0
        for start, end in _outside_inline_code(line):
            pieces.append(line[last:start])
            pieces.append(line[start:end].replace(MARKER, note))
            last = end
        lines[index] = "".join(pieces)
    return "\n".join(lines)
