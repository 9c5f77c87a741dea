"""Pieces of finished HTML: an element with everything it holds, found by its tag and class.

The build cuts pages it has rendered (a module page into slides, a page into a SCORM
package); a regular expression cannot find where a nested element ends, a parser can.
"""

from __future__ import annotations

import json
from html import escape
from html.parser import HTMLParser


class _Outer(HTMLParser):
    """Finds the outer HTML of the first element with a given tag and class."""

    def __init__(self, tag: str, css_class: str) -> None:
        super().__init__(convert_charrefs=False)
        self.tag, self.css_class = tag, css_class
        self.depth = 0
        self.start: int | None = None
        self.end: int | None = None
        self._offsets: list[int] = []

    def feed_text(self, text: str) -> tuple[int, int] | None:
        self._offsets = [0]
        for line in text.splitlines(keepends=True):
            self._offsets.append(self._offsets[-1] + len(line))
        self.feed(text)
        self.close()
        return (self.start, self.end) if self.start is not None and self.end is not None else None

    def _position(self) -> int:
        line, column = self.getpos()
        return self._offsets[line - 1] + column

    def handle_starttag(self, tag, attrs) -> None:
        if self.end is not None:
            return
        if self.start is None:
            if tag == self.tag and self.css_class in (dict(attrs).get("class") or "").split():
                self.start, self.depth = self._position(), 1
        elif tag == self.tag:
            self.depth += 1

    def handle_endtag(self, tag) -> None:
        if self.start is None or self.end is not None or tag != self.tag:
            return
        self.depth -= 1
        if self.depth == 0:
            self.end = self._position() + len(f"</{tag}>")


def outer_html(page: str, tag: str, css_class: str) -> str:
    """The first ``<tag class="… css_class …">`` of a built page with all it holds, or ''."""
    found = _Outer(tag, css_class).feed_text(page)
    return page[found[0]:found[1]] if found else ""


def outer_html_all(page: str, tag: str, css_class: str) -> list[str]:
    """Every ``<tag class="… css_class …">`` of ``page`` that is not inside another, in order."""
    found, rest = [], page
    while piece := outer_html(rest, tag, css_class):
        found.append(piece)
        rest = rest[rest.index(piece) + len(piece):]
    return found


def attr(value: object) -> str:
    """Escape a value for a double-quoted attribute."""
    return escape(str(value), quote=True)


def json_for_script(data: object) -> str:
    """JSON that is safe inside <script>: '<', '>' and '&' become \\u escapes, so no
    text can close the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
