"""Render an editor's Markdown (question text, options, feedback, hints) safely.

Quiz text comes from pull requests, so it is treated as untrusted: raw HTML is not
passed through (it shows as text), and only the addresses ``allowed_address`` accepts
survive in links and images. The HTML ends up in superfences' stash,
which MkDocs never rewrites, so relative links (``../oikeudet/palkka.md``) are handed to
a resolver that turns them into the built URL.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Callable
from xml.etree.ElementTree import Element

import markdown
from markdown import util
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

if TYPE_CHECKING:
    from ..facts.view import FactView

Resolver = Callable[[str], str]

# The one allow-list for addresses in author text, wherever it is shown: a link may lead to a
# page of the site, an #anchor, or an https:, mailto: or tel: address; an image (or anything
# else a browser loads by itself) only to a file of the site.
LINK_SCHEMES = frozenset({"https", "mailto", "tel"})
_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):", re.I)
# Browsers ignore ASCII whitespace and control characters inside a scheme
# ("java\tscript:"), so they are removed before looking for one.
_IGNORED = re.compile(r"[\x00-\x20\x7f-\x9f]")


# One line that Markdown would only wrap in <p>, unchanged: it starts with a letter, ends
# with no space, and holds only letters, digits, spaces and punctuation that start no Markdown
# syntax and need no escaping (no * _ ` [ ] < > & \ # | ~). Most options and checklist items
# are such text, and converting hundreds of them a page was most of a quiz's rendering time.
_PLAIN = re.compile(r"[^\W\d_](?: *(?:[^\W_]|[.,;:?!'\"()%/€–—’‘“”…+=-]))*\n*")


def identity(href: str) -> str:
    """A link resolver that leaves every address as written."""
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


def allowed_address(url: str, loads: bool = False) -> bool:
    """Whether an address may stay (see LINK_SCHEMES); ``loads`` for an address the browser
    fetches without a click (an image), which must be the site's own."""
    plain = _IGNORED.sub("", _decode(url))
    if plain.replace("\\", "/").startswith("//"):
        return False  # another host, whatever the scheme of the page
    scheme = url_scheme(plain)
    return scheme is None or (not loads and scheme in LINK_SCHEMES)


def safe_url(url: str, loads: bool = False) -> str | None:
    """The URL, decoded, if ``allowed_address``; otherwise None."""
    return _decode(url) if allowed_address(url, loads) else None


def is_resolvable(url: str) -> bool:
    """Relative links to other pages (not #fragments, not //host, not absolute)."""
    return url_scheme(url) is None and not url.startswith(("#", "//")) and url != ""


class _SafeLinks(Treeprocessor):
    """Drops unsafe URLs and resolves relative ones (runs after Markdown's unescaping)."""

    def __init__(self, md: markdown.Markdown, resolve: Resolver):
        super().__init__(md)
        self.resolve = resolve

    def run(self, root: Element) -> None:
        for el in root.iter():
            for attr, loads in (("href", False), ("src", True)):
                value = el.get(attr)
                if value is None:
                    continue
                url = safe_url(value, loads)
                if url is not None and (is_resolvable(url) or url.startswith("#")):
                    url = safe_url(self.resolve(url), loads)  # an #anchor too: the build checks it exists
                if url is None:
                    del el.attrib[attr]
                else:
                    el.set(attr, url)


class _UnsafeAddressesDropped(Treeprocessor):
    """For a page's own Markdown: a link or image whose address ``allowed_address`` refuses
    becomes its text, before MkDocs reads the addresses (it would take ``vbscript&#x3a;…`` for
    a page and warn); the rest MkDocs resolves as usual. Raw HTML is left to ``sanitize``."""

    def run(self, root: Element) -> None:
        for el in root.iter():
            attr, loads = {"a": ("href", False), "img": ("src", True)}.get(el.tag, ("", False))
            value = el.get(attr) if attr else None
            if value is not None and not allowed_address(value, loads):
                if el.tag == "img":
                    el.text = el.get("alt", "")
                el.tag = "span"
                el.attrib.clear()


class SafeAddressesExtension(Extension):
    """The allow-list for links and images in pages (added by ``page_markdown``)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_UnsafeAddressesDropped(md), "training_safe_addresses", 1)  # before MkDocs' (0)


class Renderer:
    """A private Markdown converter with raw HTML off and link checking on; facts from the
    register (``${id}``) and ``[VERIFY]`` marks are rendered as in prose. Each renderer has
    its own converter (making one costs a tenth of a millisecond), so nothing is shared."""

    def __init__(self, resolve_link: Resolver | None = None, fact_links: bool = True,
                 facts: FactView | None = None, strings: dict[str, str] | None = None):
        """``fact_links=False`` shows facts without links, for text inside a label; ``facts``
        is the register in the page's language (None: ``${id}`` stays as written) and
        ``strings`` the interface strings that label ``[VERIFY]``."""
        self._resolve = resolve_link or identity
        self._fact_links = fact_links
        self._facts = facts
        self._strings = strings
        self._md: markdown.Markdown | None = None

    def _converter(self) -> markdown.Markdown:
        if self._md is None:
            from ..facts.inline import FactsExtension
            from ..strings import load_strings

            label = (self._strings or (self._facts.strings if self._facts else load_strings("en")))["to_confirm"]
            md = markdown.Markdown(output_format="html",
                                   extensions=[FactsExtension(self._facts, label, self._fact_links)])
            # Raw HTML in author text would bypass every check: switch both parsers off,
            # so "<script>" stays visible text.
            md.preprocessors.deregister("html_block")
            md.inlinePatterns.deregister("html")
            md.treeprocessors.register(_SafeLinks(md, self._resolve), "training_safe_links", -10)
            self._md = md
        return self._md

    def block(self, text: str) -> str:
        """Markdown to block HTML (paragraphs, lists, ...)."""
        if not text.strip():
            return ""
        if _PLAIN.fullmatch(text):
            return "<p>" + text.rstrip("\n") + "</p>"  # what Markdown makes of it, without running it
        md = self._converter()
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


def plain_text(fragment: str) -> str:
    """Text of an HTML fragment, tags removed and whitespace collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", fragment)).split())
