"""What the built files themselves promise: nothing loaded from elsewhere, no referrer,
no search words in URLs."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

# Elements and attributes that make the browser fetch something without a click.
FETCHING = [("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"),
            ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data"),
            ("video", "poster")]
FETCHING_LINK_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch",
                      "preconnect", "dns-prefetch", "manifest", "apple-touch-icon"}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


def _is_foreign(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme not in ("", "data")


def _fetched_urls(soup):
    for tag, attr in FETCHING:
        for element in soup.find_all(tag, attrs={attr: True}):
            yield element[attr]
    for link in soup.find_all("link", href=True):
        if FETCHING_LINK_RELS & set(link.get("rel", [])):
            yield link["href"]
    for element in soup.find_all(style=True):
        yield from CSS_URL.findall(element["style"])
    for style in soup.find_all("style"):
        yield from CSS_URL.findall(style.get_text())


def test_no_page_loads_anything_from_another_host(pages):
    foreign = [f"{p}: {url}" for p in pages for url in _fetched_urls(p.soup) if _is_foreign(url)]
    assert not foreign, foreign


def test_no_stylesheet_loads_anything_from_another_host(site_dir):
    sheets = list(site_dir.rglob("*.css"))
    assert len(sheets) >= 3
    foreign = [f"{css.relative_to(site_dir)}: {url}" for css in sheets
               for url in CSS_URL.findall(css.read_text(encoding="utf-8")) if _is_foreign(url)]
    assert not foreign, foreign


def test_every_page_sends_no_referrer(pages):
    missing = [str(p) for p in pages
               if not p.soup.find("meta", attrs={"name": "referrer", "content": "no-referrer"})]
    assert not missing, missing


def test_search_puts_no_words_into_urls(pages):
    for page in pages:
        config = json.loads(page.soup.find("script", id="__config").get_text())
        risky = {"search.highlight", "search.share", "navigation.instant"} & set(config["features"])
        assert not risky, f"{page}: {risky}"


def test_no_repository_widget_that_would_call_the_github_api(pages):
    widgets = [str(p) for p in pages if p.soup.select('[data-md-component="source"]')]
    assert not widgets, widgets
