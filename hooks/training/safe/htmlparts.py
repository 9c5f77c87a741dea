"""Pieces of finished HTML: an element with everything it holds, found by its tag and class.

The build cuts pages it has rendered (a module page into slides, a page into a SCORM
package); a regular expression cannot find where a nested element ends, a parser can.
"""

from __future__ import annotations

import json
from html import escape
from html.parser import HTMLParser


Target = tuple[str, str]  # (tag, class)
# How much of a page the finder reads at a time: it stops once it has what it looks for.
_CHUNK = 16384


class _Finder(HTMLParser):
    """Finds the elements with given tags and classes, each with all it holds: for each
    target, every such element that is not inside another (or only the first)."""

    def __init__(self, targets: list[Target], first_only: bool) -> None:
        super().__init__(convert_charrefs=False)
        self.targets, self.first_only = targets, first_only
        self.spans: dict[Target, list[tuple[int, int]]] = {target: [] for target in targets}
        self._open: dict[Target, tuple[int, int]] = {}  # target -> (start, depth) of the element open now
        self._offsets: list[int] = []

    def find(self, text: str) -> dict[Target, list[tuple[int, int]]]:
        self._offsets = [0]
        for line in text.splitlines(keepends=True):
            self._offsets.append(self._offsets[-1] + len(line))
        for start in range(0, len(text), _CHUNK):
            self.feed(text[start:start + _CHUNK])
            if self.first_only and all(self.spans.values()):
                return self.spans  # the rest of the page cannot change what was found
        self.close()
        return self.spans

    def _position(self) -> int:
        line, column = self.getpos()
        return self._offsets[line - 1] + column

    def handle_starttag(self, tag, attrs) -> None:
        for target in self.targets:
            if tag != target[0] or (self.first_only and self.spans[target]):
                continue
            if target in self._open:
                start, depth = self._open[target]
                self._open[target] = (start, depth + 1)
            elif target[1] in (dict(attrs).get("class") or "").split():
                self._open[target] = (self._position(), 1)

    def handle_endtag(self, tag) -> None:
        for target in [t for t in self._open if t[0] == tag]:
            start, depth = self._open.pop(target)
            if depth > 1:
                self._open[target] = (start, depth - 1)
            else:
                self.spans[target].append((start, self._position() + len(f"</{tag}>")))


def outer_html_each(page: str, targets: list[Target]) -> dict[Target, str]:
    """The first element of each target (``(tag, class)``) in a built page, with all it
    holds ('' when there is none), found in one reading of the page."""
    spans = _Finder(targets, first_only=True).find(page)
    return {target: page[found[0][0]:found[0][1]] if found else "" for target, found in spans.items()}


def outer_html(page: str, tag: str, css_class: str) -> str:
    """The first ``<tag class="… css_class …">`` of a built page with all it holds, or ''."""
    return outer_html_each(page, [(tag, css_class)])[(tag, css_class)]


def outer_html_all(page: str, tag: str, css_class: str) -> list[str]:
    """Every ``<tag class="… css_class …">`` of ``page`` that is not inside another, in order."""
    return [page[start:end] for start, end in _Finder([(tag, css_class)], first_only=False).find(page)[(tag, css_class)]]


def attr(value: object) -> str:
    """Escape a value for a double-quoted attribute."""
    return escape(str(value), quote=True)


def json_for_script(data: object) -> str:
    """JSON that is safe inside <script>: '<', '>' and '&' become \\u escapes, so no
    text can close the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
