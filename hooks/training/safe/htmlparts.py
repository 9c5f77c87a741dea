"""Pieces of finished HTML: an element with everything it holds, found by its tag and class.

The build cuts pages it has rendered (a module page into slides, a page into a SCORM
package). Finding where a nested element ends takes counting its tags, so the page is read
tag by tag: comments and the raw text of scripts and styles are stepped over whole, and a
quoted attribute value may hold a '>'. The HTML is the build's own, already sanitised.
"""

from __future__ import annotations

import json
import re
from html import escape

Target = tuple[str, str]  # (tag, class)
# One piece of markup: a comment, a script or style with its raw text, or a start or end tag.
_TAG = re.compile(
    r"<!--.*?-->"
    r"|<(?P<raw>script|style)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>.*?</(?P=raw)\s*>"
    r"|<(?P<end>/?)(?P<name>[a-zA-Z][\w:-]*)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.DOTALL | re.IGNORECASE)
_CLASS = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)


def _classes(attrs: str) -> list[str]:
    found = _CLASS.search(attrs)
    return (next(v for v in found.groups() if v is not None).split()) if found else []


def _find(page: str, targets: list[Target], first_only: bool) -> dict[Target, list[tuple[int, int]]]:
    """For each target, the spans of its elements that are not inside another (or only the first)."""
    spans: dict[Target, list[tuple[int, int]]] = {target: [] for target in targets}
    open_now: dict[Target, tuple[int, int]] = {}  # target -> (start, depth) of its element open now
    names = {tag for tag, _ in targets}
    for match in _TAG.finditer(page):
        name = (match.group("name") or "").lower()
        if name not in names:
            continue
        for target in targets:
            if target[0] != name or (first_only and spans[target]):
                continue
            if match.group("end"):
                if target in open_now:
                    start, depth = open_now.pop(target)
                    if depth > 1:
                        open_now[target] = (start, depth - 1)
                    else:
                        spans[target].append((start, match.end()))
            elif target in open_now:
                start, depth = open_now[target]
                open_now[target] = (start, depth + 1)
            elif target[1] in _classes(match.group("attrs")):
                open_now[target] = (match.start(), 1)
        if first_only and all(spans.values()):
            break  # the rest of the page cannot change what was found
    return spans


def outer_html_each(page: str, targets: list[Target]) -> dict[Target, str]:
    """The first element of each target (``(tag, class)``) in a built page, with all it
    holds ('' when there is none), found in one reading of the page."""
    spans = _find(page, targets, first_only=True)
    return {target: page[found[0][0]:found[0][1]] if found else "" for target, found in spans.items()}


def outer_html(page: str, tag: str, css_class: str) -> str:
    """The first ``<tag class="… css_class …">`` of a built page with all it holds, or ''."""
    return outer_html_each(page, [(tag, css_class)])[(tag, css_class)]


def outer_html_every(page: str, targets: list[Target]) -> dict[Target, list[str]]:
    """For each target (``(tag, class)``), every such element of ``page`` that is not inside
    another, in order, found in one reading of the page."""
    spans = _find(page, targets, first_only=False)
    return {target: [page[start:end] for start, end in found] for target, found in spans.items()}


def outer_html_all(page: str, tag: str, css_class: str) -> list[str]:
    """Every ``<tag class="… css_class …">`` of ``page`` that is not inside another, in order."""
    return outer_html_every(page, [(tag, css_class)])[(tag, css_class)]


def attr(value: object) -> str:
    """Escape a value for a double-quoted attribute."""
    return escape(str(value), quote=True)


def json_for_script(data: object) -> str:
    """JSON that is safe inside <script>: '<', '>' and '&' become \\u escapes, so no
    text can close the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
