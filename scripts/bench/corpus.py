"""Real sentences for the synthetic pages: taken from the prose of the real modules, one
pool per language, with links and markers reduced to their text.

Real text keeps the Markdown, the glossary tooltips and the search index as busy as on
the real site; links are dropped because their targets do not exist in a synthetic site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from training.source import split_front_matter
from training.site.unconfirmed import prose_lines

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_SKIP = ("#", "!!!", "???", "|", "<", "===", "{", ">", "---")
_WORD = re.compile(r"\w[\w'’-]*", re.UNICODE)
_NOT_LETTERS = re.compile(r"[\W_]+", re.UNICODE)


def plain_sentence(line: str) -> str:
    """A prose line as a sentence without links, list marker or [VERIFY] marker."""
    text = _LINK.sub(r"\1", line.strip())
    text = re.sub(r"^(?:[-*+]|\d+\.)\s+", "", text)
    return text.replace("[VERIFY]", "").replace("  ", " ").strip()


@dataclass
class Pool:
    """The sentences of one language, handed out in a fixed order (runs are repeatable)."""

    sentences: list[str]

    def sentence(self, k: int) -> str:
        """The k-th sentence, cycling through the pool."""
        return self.sentences[k % len(self.sentences)]

    def words(self, k: int, count: int) -> list[str]:
        """``count`` distinct lowercase words (letters and digits only), from sentence k on."""
        found: list[str] = []
        while len(found) < count:
            for word in _WORD.findall(self.sentence(k)):
                cleaned = _NOT_LETTERS.sub("", word.lower())
                if len(cleaned) > 2 and cleaned not in found:
                    found.append(cleaned)
                if len(found) == count:
                    break
            k += 1
        return found

    def short(self, k: int, words: int = 5) -> str:
        """A heading-like phrase: the first words of sentence k, without end punctuation."""
        picked = self.sentence(k).split(". ")[0].split()[:words]
        return " ".join(picked).rstrip(".,:;!?") or "Osio"


def harvest(docs_dir: Path, language: str) -> Pool:
    """Every usable prose sentence of the real module pages of one language."""
    sentences: list[str] = []
    for file in sorted((docs_dir / language).rglob("*.md")):
        source = file.read_text(encoding="utf-8")
        front, body, _ = split_front_matter(source)
        if "\nid:" not in "\n" + front or file.name.endswith("-kouluttajalle.md"):
            continue  # modules only: they are what the benchmark multiplies
        for _, line in prose_lines(body):
            stripped = line.strip()
            if not stripped or stripped.startswith(_SKIP) or line.startswith("    "):
                continue
            sentence = plain_sentence(stripped)
            if len(_WORD.findall(sentence)) >= 3 and "`" not in sentence and "*" not in sentence.replace("**", ""):
                sentences.append(sentence)
    return Pool(sentences)
