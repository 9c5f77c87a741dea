"""Ids, as editors write them: valid in every language, and unique where they must be."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import defaultdict
from typing import TYPE_CHECKING, Iterable

from .errors import Problem

if TYPE_CHECKING:
    from .checklist.model import Checklist
    from .quiz.model import Quiz


# Ids are written by editors and stay the same in every language: storage keys and
# element ids derive from them, so only a plain, URL- and HTML-safe alphabet is allowed.
ID_RE = re.compile(r"[a-z0-9-]+")


def valid_id(text: str) -> bool:
    """True for an id made of lowercase letters a-z, digits and hyphens."""
    return bool(ID_RE.fullmatch(text))


def short_hash(data: object) -> str:
    """A short, stable hash of JSON-able data (12 hex digits are plenty to notice an edit)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


_ID_RULE = "lowercase letters a-z, digits and hyphens"


def suggest_id(text: str) -> str:
    """A valid id close to what an editor wrote (accents dropped, spaces to hyphens)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return slug or "my-id"


def check_id(problems: list[Problem], path: str, what: str, ident: str, line: int, missing_line: int, where: str) -> None:
    if not ident:
        problems.append(
            Problem(
                path,
                missing_line,
                f"{where} has no id: add 'id: some-name' ({_ID_RULE}; the same id in every language)",
            )
        )
    elif not valid_id(ident):
        problems.append(
            Problem(
                path,
                line,
                f"{what} id '{ident}' is not valid: use only {_ID_RULE}, "
                f"for example '{suggest_id(ident)}'",
            )
        )


def id_occurrences(models: Iterable[Quiz | Checklist]) -> dict[tuple[str, str], list[tuple[str, int]]]:
    """Where each id is used: (namespace, id) -> [(path, line)]. Quiz, question and
    checklist ids each need to be unique site-wide (item ids only within their list)."""
    seen: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for model in models:
        if model.id:
            seen[(model.kind, model.id)].append((model.path, model.key_lines.get("id", model.line)))
        for q in getattr(model, "questions", ()):  # a quiz's: unique site-wide too
            if q.id:
                seen[("question", q.id)].append((model.path, q.key_lines.get("id", q.line)))
    return seen


def duplicate_ids_on_page(models: Iterable[Quiz | Checklist]) -> list[Problem]:
    """Ids used more than once among the blocks of one page; every use is reported."""
    problems = []
    for (kind, ident), places in id_occurrences(models).items():
        if len(places) < 2:
            continue
        for path, line in places:
            others = ", ".join(str(n) for p, n in places if (p, n) != (path, line))
            problems.append(
                Problem(
                    path,
                    line,
                    f"{kind} id '{ident}' is used more than once on this page (also on line {others}): "
                    f"give each {kind} its own id",
                )
            )
    return sorted(problems)


def duplicate_ids(models: Iterable[Quiz | Checklist]) -> list[Problem]:
    """Ids used on more than one page. Call it with the blocks of one language only
    (each language repeats the same ids by design). Every use is reported, with the
    other places; repeats within one page are ``duplicate_ids_on_page``'s job."""
    problems = []
    for (kind, ident), places in id_occurrences(models).items():
        for path, line in places:
            others = sorted({(p, n) for p, n in places if p != path})
            if not others:
                continue
            where = ", ".join(f"{p}:{n}" for p, n in others)
            problems.append(
                Problem(
                    path,
                    line,
                    f"{kind} id '{ident}' is also used in {where}: ids must be unique across the "
                    "site, so rename one of them",
                )
            )
    return sorted(problems)
