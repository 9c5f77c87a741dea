"""The last safe step for a page's own HTML: whatever an editor wrote in Markdown (raw HTML,
an attribute list, a link) reaches the reader without script.

Python-Markdown passes raw HTML and ``{: onclick=… }`` attribute lists through, by design.
Every page's rendered content goes through ``sanitize`` before the templates place it:

- ``<script>`` (but the quizzes' ``type="application/json"`` data, which never runs),
  ``<iframe>``, ``<frame>``, ``<object>``, ``<embed>``, ``<applet>``, ``<base>``, ``<meta>``,
  ``<link>``, ``<style>`` and ``<form>`` are dropped with their content;
- every event handler (``on…``), ``style``, ``srcdoc``, ``formaction`` and ``action``
  attribute is dropped;
- a link must lead to a page, an ``#anchor``, or an ``https:``, ``mailto:`` or ``tel:``
  address, and an image must be a file of the site, once character references are decoded
  (``&#106;avascript:`` is ``javascript:``): ``markup.allowed_address``, the same allow-list as
  for block text. Any other address is dropped, its text stays.

Everything else is copied as written, byte for byte. The site's strict Content-Security-
Policy (``csp``) stops whatever might still slip through.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from .markup import allowed_address
# Dropped with everything inside them.
DROPPED_ELEMENTS = frozenset({"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta",
                              "link", "style", "form", "noscript", "template"})
# Addresses a reader follows, and addresses the browser loads by itself (the site's own only).
LINK_ATTRIBUTES = frozenset({"href", "xlink:href", "cite", "longdesc", "usemap"})
LOADING_ATTRIBUTES = frozenset({"src", "poster", "data", "background", "lowsrc", "dynsrc", "manifest", "srcset",
                                "imagesrcset"})
DROPPED_ATTRIBUTES = frozenset({"style", "srcdoc", "formaction", "action", "http-equiv", "ping"})
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


def _kept_data_script(attrs: list[tuple[str, str | None]]) -> bool:
    """The quizzes' data: a script that never runs."""
    return any(name == "type" and (value or "").strip().lower() == "application/json" for name, value in attrs)


class _Sanitizer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.skipping: list[str] = []  # the dropped elements we are inside, innermost last

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, self.get_starttag_text() or "", closed=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, self.get_starttag_text() or "", closed=True)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], raw: str, closed: bool) -> None:
        if self.skipping:
            if tag == self.skipping[-1] and not closed and tag not in _VOID:
                self.skipping.append(tag)
            return
        if tag in DROPPED_ELEMENTS and not (tag == "script" and _kept_data_script(attrs)):
            if not closed and tag not in _VOID:
                self.skipping.append(tag)
            return
        kept = [(name, value) for name, value in attrs if self._keep(name, value)]
        if len(kept) == len(attrs):
            self.out.append(raw)
            return
        parts = [tag] + [name if value is None else f'{name}="{html.escape(value, quote=True)}"'
                         for name, value in kept]
        self.out.append("<" + " ".join(parts) + ("/>" if closed else ">"))

    @staticmethod
    def _keep(name: str, value: str | None) -> bool:
        if name.startswith("on") or name in DROPPED_ATTRIBUTES:
            return False
        if value is not None and name in LINK_ATTRIBUTES:
            return allowed_address(value)
        if value is not None and name in LOADING_ATTRIBUTES:
            addresses = [part.strip().split(" ")[0] for part in value.split(",")] if "srcset" in name else [value]
            return all(allowed_address(address, loads=True) for address in addresses)
        return True

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if tag in DROPPED_ELEMENTS and tag != "script":
            return
        self.out.append(f"</{tag}>")

    def _text(self, text: str) -> None:
        if not self.skipping:
            self.out.append(text)

    def handle_data(self, data: str) -> None:
        self._text(data)

    def handle_entityref(self, name: str) -> None:
        self._text(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._text(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self._text(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self._text(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self._text(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self._text(f"<![{data}]>")


def sanitize(content: str) -> str:
    """A page's rendered HTML without anything that could run or load from elsewhere."""
    parser = _Sanitizer()
    parser.feed(content)
    parser.close()
    return "".join(parser.out)
