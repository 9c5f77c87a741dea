"""Plain-language measures for participant pages: sentence length, counted in words.

A proxy, not a verdict (Finnish has no reliable readability formula): it keeps sentences
short, which is the rule participants with limited Finnish need most. Prose only: quizzes,
checklists and trainer notes are measured by their own limits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .unconfirmed import prose_lines

AVERAGE_LIMIT = 12
LONGEST_LIMIT = 25
# Pages for participants that are not modules (modules say so in their audiences).
PARTICIPANT_PAGES = frozenset({
    "index.md", "apua.md", "turvallisuus.md", "pikapoistuminen.md", "tietosuoja.md",
    "oikeudet/index.md", "tyoelama/index.md",
})

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"<[^>]+>|\{[^}]*\}|`[^`]*`|\[VERIFY\]|[*_#>|]")
# List markers, and the "!!! info" of an admonition (its title, in quotes, is kept).
_LINE_START = re.compile(r"^\s*(?:[-+*]|\d+\.|===)\s+|^\s*(?:!!!|\?\?\?\+?)\s+\w+\s*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"\w[\w'’-]*", re.UNICODE)


@dataclass
class Readability:
    """The sentence lengths of one page."""

    path: str
    sentences: list[tuple[int, int, str]] = field(default_factory=list)  # (line, words, text)

    @property
    def average(self) -> float:
        return sum(n for _, n, _ in self.sentences) / len(self.sentences) if self.sentences else 0.0

    @property
    def too_long(self) -> list[tuple[int, int, str]]:
        return [s for s in self.sentences if s[1] > LONGEST_LIMIT]

    @property
    def meets_target(self) -> bool:
        return self.average <= AVERAGE_LIMIT and not self.too_long


def _plain(line: str) -> str:
    """A line of Markdown as the words a reader sees."""
    if line.lstrip().startswith(("|---", "---", "<div", "</div", "<!--")):
        return ""
    text = _LINE_START.sub("", line)
    text = re.sub(r'^"[^"]*"\s*$', lambda m: m.group(0).strip('"'), text.strip())
    text = _LINK.sub(r"\1", text)
    return _MARKUP.sub(" ", text)


def measure(markdown: str, path: str, first_line: int = 1) -> Readability:
    """Split a page's prose into sentences (each line ends one too) and count their words."""
    result = Readability(path)
    for number, line in prose_lines(markdown, first_line):
        for sentence in _SENTENCE_END.split(_plain(line)):
            words = _WORD.findall(sentence)
            if words:
                result.sentences.append((number, len(words), sentence.strip()))
    return result


def is_participant_page(rel: str, audiences: list[str] | None) -> bool:
    """Whether a page (path within its language folder) is written for participants."""
    return rel in PARTICIPANT_PAGES or bool(audiences and "participant" in audiences)
