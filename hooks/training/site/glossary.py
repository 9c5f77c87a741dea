"""The glossary of working-life words, reused as tooltips wherever a term appears.

The Finnish–English table on the English glossary page (``docs/en/sanasto.md``) is the one
source. Finnish pages get a tooltip with the English term on each Finnish term; English
pages get the Finnish word on each English term, so readers of either language learn the
Finnish words they will meet at work.
"""

from __future__ import annotations

import re

GLOSSARY_PAGE = "sanasto.md"
_ROW = re.compile(r"^\|(?P<fi>[^|]+)\|(?P<en>[^|]+)\|")
_MARKUP = re.compile(r"<[^>]+>|\*\*|\*|`")
_SPLIT = re.compile(r"\s*[;/]\s*")
_SPLIT_MORE = re.compile(r"\s*[;/]\s*|,\s+")


def _clean(cell: str) -> str:
    return re.sub(r"\s*\([^)]*\)", "", _MARKUP.sub("", cell)).strip()


def read_terms(glossary_markdown: str) -> dict[str, str]:
    """Finnish term -> English term, from the rows of the glossary tables.

    A cell may hold several terms ("palkka; tuntipalkka"): when both cells hold as many,
    they pair up one by one; otherwise each Finnish term gets the whole English cell.
    """
    terms: dict[str, str] = {}
    for line in glossary_markdown.splitlines():
        match = _ROW.match(line.strip())
        if not match or set(match.group("fi").strip()) <= set("-: "):
            continue
        finnish = [t for t in _SPLIT.split(_clean(match.group("fi"))) if t]
        english = [t for t in _SPLIT.split(_clean(match.group("en"))) if t]
        if not finnish or finnish[0] in ("Finnish", "Suomeksi", "Suomi"):
            continue
        if len(finnish) == len(english):
            pairs = zip(finnish, english)
        else:
            whole = "; ".join(english)
            pairs = ((f, whole) for f in _SPLIT_MORE.split(_clean(match.group("fi"))) if f)
        for fi, en in pairs:
            if fi and en and not fi.endswith("-") and len(fi) > 2:
                terms.setdefault(fi, en)
    return terms


def english_terms(terms: dict[str, str]) -> dict[str, str]:
    """English term -> Finnish term(s), leaving out words too short to be terms ("pay")."""
    reverse: dict[str, list[str]] = {}
    for fi, en in terms.items():
        for english in _SPLIT_MORE.split(en):
            if len(english) >= 5 and fi not in reverse.setdefault(english, []):
                reverse[english].append(fi)
    return {en: ", ".join(fi) for en, fi in reverse.items()}


def abbreviations(terms: dict[str, str], label: str) -> str:
    """Markdown abbreviation definitions; ``label`` is e.g. "in Finnish: {term}".

    One definition per block: Python-Markdown tests every block processor against the rest
    of a block after each definition, which made one block of them cost tens of ms a page."""
    return "\n\n".join(f"*[{term}]: {label.format(term=meaning)}" for term, meaning in sorted(terms.items()))
