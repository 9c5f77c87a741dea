"""Render an editor's Markdown (question text, options, feedback, hints) safely.

Quiz text comes from pull requests, so it is treated as untrusted: raw HTML is not
passed through (it shows as text), and only http(s), mailto, tel, relative and
#fragment URLs survive in links and images. The HTML ends up in superfences' stash,
which MkDocs never rewrites, so relative links (``../oikeudet/palkka.md``) are handed to
a resolver that turns them into the built URL.
"""

from __future__ import annotations

import functools
import html
import re
from typing import Callable
from xml.etree.ElementTree import Element

import markdown
from markdown import util
from markdown.treeprocessors import Treeprocessor

Resolver = Callable[[str], str]

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):", re.I)
# Browsers ignore ASCII whitespace and control characters inside a scheme
# ("java\tscript:"), so they are removed before looking for one.
_IGNORED = re.compile(r"[\x00-\x20\x7f-\x9f]")


# One line that Markdown would only wrap in <p>, unchanged: it starts with a letter, ends
# with no space, and holds only letters, digits, spaces and punctuation that start no Markdown
# syntax and need no escaping (no * _ ` [ ] < > & \ # | ~). Most options and checklist items
# are such text, and converting hundreds of them a page was most of a quiz's rendering time.
_PLAIN = re.compile(r"[^\W\d_](?: *(?:[^\W_]|[.,;:?!'\"()%/€–—’‘“”…+=-]))*\n*")


def _identity(href: str) -> str:
    return href


def _decode(value: str) -> str:
    """Undo HTML character references until nothing changes: whatever the browser
    decodes from the attribute is then at most as decoded as what is checked here."""
    value = value.replace(util.AMP_SUBSTITUTE, "&")
    for _ in range(10):
        decoded = html.unescape(value)
        if decoded == value:
            break
        value = decoded
    return value


def url_scheme(url: str) -> str | None:
    """The scheme of a URL as a browser would see it (lowercase), or None if relative."""
    m = _SCHEME.match(_IGNORED.sub("", _decode(url)))
    return m.group(1).lower() if m else None


def safe_url(url: str) -> str | None:
    """The URL, decoded, if its scheme is allowed (or it is relative); otherwise None."""
    decoded = _decode(url)
    scheme = url_scheme(decoded)
    if scheme is not None and scheme not in SAFE_SCHEMES:
        return None
    return decoded


def is_resolvable(url: str) -> bool:
    """Relative links to other pages (not #fragments, not //host, not absolute)."""
    return url_scheme(url) is None and not url.startswith(("#", "//")) and url != ""


class _SafeLinks(Treeprocessor):
    """Drops unsafe URLs and resolves relative ones (runs after Markdown's unescaping)."""

    resolve: Resolver = staticmethod(_identity)

    def run(self, root: Element) -> None:
        for el in root.iter():
            for attr in ("href", "src"):
                value = el.get(attr)
                if value is None:
                    continue
                url = safe_url(value)
                if url is not None and is_resolvable(url):
                    url = safe_url(self.resolve(url))
                if url is None:
                    del el.attrib[attr]
                else:
                    el.set(attr, url)


class Renderer:
    """A private Markdown converter with raw HTML off and link checking on; facts from the
    register (``${id}``) and ``[VERIFY]`` marks are rendered as in prose."""

    def __init__(self, resolve_link: Resolver | None = None, fact_links: bool = True):
        """``fact_links=False`` shows facts without links, for text inside a label."""
        self._resolve = resolve_link or _identity
        self._fact_links = fact_links

    def block(self, text: str) -> str:
        """Markdown to block HTML (paragraphs, lists, ...)."""
        if not text.strip():
            return ""
        if _PLAIN.fullmatch(text):
            return "<p>" + text.rstrip("\n") + "</p>"  # what Markdown makes of it, without running it
        md, links = _converter()
        links.resolve = self._resolve  # set on every call: renderers share one converter
        md.training_fact_links = self._fact_links  # type: ignore[attr-defined]
        md.reset()
        return md.convert(text).strip()

    def parts(self, text: str) -> tuple[str, str]:
        """Split rendered text into (first paragraph as inline HTML, the rest as blocks),
        for places that only take inline content (legend, label). If the text does not
        start with a paragraph, the first part is empty."""
        rendered = self.block(text)
        if rendered.startswith("<p>"):
            end = rendered.find("</p>")
            return rendered[3:end], rendered[end + 4 :].strip()
        return "", rendered

    def inline(self, text: str) -> str:
        """Inline HTML for a short text (a title): the first paragraph, or the whole
        text flattened to plain words when it is not a paragraph."""
        first, rest = self.parts(text)
        if first and not rest:
            return first
        return html.escape(plain_text(self.block(text)))


@functools.lru_cache(maxsize=1)
def _converter() -> tuple[markdown.Markdown, _SafeLinks]:
    """The one Markdown instance behind every Renderer: making one costs milliseconds,
    and a page renders hundreds of small texts."""
    from .facts.inline import FactsExtension  # it renders facts with this module's Renderer

    md = markdown.Markdown(output_format="html", extensions=[FactsExtension()])
    # Raw HTML in author text would bypass every check: switch both parsers off,
    # so "<script>" stays visible text.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    links = _SafeLinks(md)
    md.treeprocessors.register(links, "training_safe_links", -10)
    return md, links


def plain_text(fragment: str) -> str:
    """Text of an HTML fragment, tags removed and whitespace collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", fragment)).split())
