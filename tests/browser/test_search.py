"""Search in the browser: on demand, in the page's own language, with Finnish word forms."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

SEARCH_FILES = ("/search/search_index.json", "/workers/search.", "/lunr/")
RESULT_LINKS = ".md-search-result__item > a"


def search_requests(requests: list[str]) -> list[str]:
    return [urlsplit(url).path for url in requests if any(part in url for part in SEARCH_FILES)]


def open_page(context, base_url: str, path: str):
    requests: list[str] = []
    page = context.new_page()
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base_url + path, wait_until="networkidle")
    return page, requests


def search(page, query: str) -> list[str]:
    """Type ``query`` into the open search field; the result links, once they have come."""
    field = page.locator("[data-md-component=search-query]")
    field.fill("")
    field.press_sequentially(query, delay=10)
    expect(page.locator(".md-search-result__meta")).to_contain_text(re.compile(r"\d"))
    expect(page.locator(RESULT_LINKS).first).to_be_visible()
    return [urlsplit(a).path for a in page.locator(RESULT_LINKS).evaluate_all("els => els.map(e => e.href)")]


@pytest.mark.parametrize("lang, path, query, own_index", [
    ("fi", "oikeudet/palkka/", "palkka", "/search/search_index.json"),
    ("en", "en/oikeudet/palkka/", "wages", "/en/search/search_index.json"),
])
def test_search_loads_on_demand_and_finds_only_its_own_language(context, base_url, lang, path, query, own_index):
    page, requests = open_page(context, base_url, path)
    assert search_requests(requests) == [], "search must cost nothing until it is opened"
    page.locator("[data-md-component=search-query]").click()
    results = search(page, query)
    loaded = search_requests(requests)
    assert own_index in loaded and len([p for p in loaded if p.endswith("search_index.json")]) == 1, loaded
    assert len(results) >= 3, results
    in_english = [r for r in results if r.startswith("/en/")]
    assert in_english == (results if lang == "en" else []), results
    assert page.url == base_url + path, "search words must not reach the address or history"


def test_on_a_phone_the_search_button_opens_search_and_loads_it(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True)
    try:
        page, requests = open_page(context, base_url, "")
        assert search_requests(requests) == []
        page.locator("label.md-header__button[for=__search]").click()
        expect(page.locator("[data-md-component=search-query]")).to_be_focused()
        results = search(page, "palkka")
        assert "/oikeudet/palkka/" in results
        assert "/search/search_index.json" in search_requests(requests)
    finally:
        context.close()


def test_the_keyboard_shortcut_opens_search(context, base_url):
    page, requests = open_page(context, base_url, "en/")
    page.keyboard.press("s")
    expect(page.locator("[data-md-component=search-query]")).to_be_focused()
    assert "/en/oikeudet/tyosopimus/" in search(page, "contract")


@pytest.mark.parametrize("query, expected", [
    ("työsopimuksen", "/oikeudet/tyosopimus/"),
    ("palkan", "/oikeudet/palkka/"),
    ("lomarahaa", "/oikeudet/palkka/"),
    ("oleskeluluvan", "/oikeudet/oleskelulupa/"),
    ("ihmiskaupasta", "/yritykset/ihmiskauppa-suomessa/"),
])
def test_inflected_finnish_words_find_the_page_about_them(context, base_url, query, expected):
    page, _ = open_page(context, base_url, "")
    page.locator("[data-md-component=search-query]").click()
    results = search(page, query)
    pages = list(dict.fromkeys(results))  # each page once, in the order of its best result
    assert expected in pages[:3], pages[:6]


def test_each_language_has_its_own_index(site_dir):
    finnish = json.loads((site_dir / "search/search_index.json").read_text(encoding="utf-8"))
    english = json.loads((site_dir / "en/search/search_index.json").read_text(encoding="utf-8"))
    assert (finnish["config"]["lang"], english["config"]["lang"]) == (["fi"], ["en"])
    assert len(finnish["docs"]) >= 100 and len(english["docs"]) >= 100
    assert [d["location"] for d in finnish["docs"] if d["location"].startswith("en/")] == []
    assert [d["location"] for d in english["docs"] if not d["location"].startswith("en/")] == []
    assert "Pay, payslips and your tax card" in {d["title"] for d in english["docs"]}
    assert "Palkka, palkkalaskelma ja verokortti" in {d["title"] for d in finnish["docs"]}
