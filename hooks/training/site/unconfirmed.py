"""Facts marked ``[VERIFY]`` by editors: shown to readers as "to be confirmed" (by the
Markdown extension ``facts.inline``, in prose and in blocks alike) and listed for the site
owner, who removes the marker once the fact is checked at its source. Contacts and figures
belong in the fact register instead; the marker is for one-off statements in the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

MARKER = "[VERIFY]"
_FENCE = re.compile(r"^\s*(?:>\s*)*(`{3,}|~{3,})")
# The marker and the text before it on the same line, for the owner's report.
_MARKED = re.compile(r"(?P<before>[^\n]*?)\s*\[VERIFY\]")
_BLOCK_KEY = re.compile(r"^\s*(?:-\s+)?[a-z_]+:\s*(?:[|>][-+]?\s*)?")


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


def outside_inline_code(line: str) -> list[tuple[int, int]]:
    """Spans of ``line`` that are not inside `inline code`."""
    spans, start = [], 0
    for code in re.finditer(r"(`+).*?\1", line):
        spans.append((start, code.start()))
        start = code.end()
    spans.append((start, len(line)))
    return spans


def find_unconfirmed(lines: list[tuple[int, str]], path: str) -> list[Unconfirmed]:
    """Every ``[VERIFY]`` marker among (file line, text) lines whose inline code is already
    left out (``facts.references.text_lines``), with the text it follows."""
    found = []
    for line_number, line in lines:
        if MARKER not in line:
            continue  # _MARKED tries every start on a line: quadratic in its length
        for match in _MARKED.finditer(line):
            before = _BLOCK_KEY.sub("", match.group("before"))  # "notes: " of a line in a block
            context = re.sub(r"[*_\[\]]|\(tel:[^)]*\)|\(https?:[^)]*\)|\$\{[^}]*\}", "", before)
            found.append(Unconfirmed(path, line_number, context.strip(" -|:")[-80:]))
    return found
