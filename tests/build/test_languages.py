"""Both languages build, pair up page by page, and say which language they are in."""

from __future__ import annotations

from urllib.parse import urljoin

from site_helpers import LANGUAGES

SITE_NAMES = {"fi": "Työelämätaidot", "en": "Working-life skills"}


def _pages_by_language(pages):
    return {lang: {p.url_path for p in pages if p.language == lang} for lang in LANGUAGES}


def test_every_finnish_page_has_an_english_counterpart_and_back(pages):
    by_lang = _pages_by_language(pages)
    fi, en = by_lang["fi"], {path.removeprefix("en/") for path in by_lang["en"]}
    assert len(fi) >= 12
    assert fi == en, f"only in Finnish: {sorted(fi - en)}; only in English: {sorted(en - fi)}"


def test_html_lang_matches_the_language_built(pages):
    wrong = [f"{p}: lang={p.soup.html.get('lang')}" for p in pages if p.soup.html.get("lang") != p.language]
    assert not wrong, wrong


def test_language_switcher_links_to_the_same_page_in_the_other_language(pages):
    for page in pages:
        if page.path.name == "404.html":
            continue
        links = {a["hreflang"]: a["href"] for a in page.soup.select("a.md-select__link[hreflang]")}
        assert set(links) == set(LANGUAGES), f"{page}: switcher offers {sorted(links)}"
        base = "http://site/" + page.url_path
        neutral = page.url_path.removeprefix("en/")
        expected = {"fi": "http://site/" + neutral, "en": "http://site/en/" + neutral}
        for lang, href in links.items():
            assert urljoin(base, href) == expected[lang], f"{page}: {lang} switcher link is {href}"


def test_the_error_page_offers_each_languages_home_page(pages):
    for page in (p for p in pages if p.path.name == "404.html"):
        links = {a["hreflang"]: a["href"] for a in page.soup.select("a.md-select__link[hreflang]")}
        assert links == {"fi": "/", "en": "/en/"}, f"{page}: the switcher offers {links}"


def test_titles_carry_the_neutral_site_name_of_their_language(pages):
    for page in pages:
        title = page.soup.title.get_text()
        assert title.endswith(SITE_NAMES[page.language]), f"{page}: title {title!r}"


def test_edit_links_point_at_the_source_of_the_pages_own_language(pages):
    checked = 0
    for page in pages:
        edit = page.soup.select_one('a.md-content__button[href*="/edit/"]')
        if edit is None:
            continue
        assert f"/edit/main/docs/{page.language}/" in edit["href"], f"{page}: {edit['href']}"
        checked += 1
    assert checked >= 20, f"only {checked} pages have an edit link"


def test_admonition_titles_are_in_the_language_of_the_page(pages):
    finnish_titles = [t.get_text(strip=True) for p in pages if p.language == "fi"
                      for t in p.soup.select(".admonition-title")]
    assert finnish_titles, "no admonition on any Finnish page to check"
    english_defaults = {"Note", "Tip", "Warning", "Danger", "Example", "Info"}
    assert not english_defaults & set(finnish_titles), finnish_titles
