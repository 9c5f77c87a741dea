"""The trainer's offline pack (`make offline`): built with its own script, unzipped, checked
file by file, and opened from file:// in Chromium with every network request blocked:
search in both languages, a quiz, a checklist, the language switch and navigation."""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect
from site_helpers import QUIET, ROOT, watch_policy
from training.strings import fill, load_strings

FOLDER = "tyoelamataidot"
SHIM = "assets/vendor/iframe-worker-shim.js"
DEMO = "toimittajille/esimerkki.html"
QUESTION = "esimerkki-ehdot-kirjallisena"  # alone in its quiz; option 1 is right
CHECKLIST = "training-checklist-esimerkki-ennen-allekirjoitusta"  # 6 items
# A word to search for in each language, and a module page with a next page and a trainer page.
QUERIES = {"fi": "työsopimus", "en": "contract"}
MODULE = "oikeudet/palkka.html"
# Attributes through which a page makes the browser load something by itself.
LOADS = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src",
         "audio": "src", "video": "src", "embed": "src", "object": "data"}
LOCAL = ("file:", "data:", "blob:", "about:")  # addresses that never reach the network

# Its tests share one expensive fixture: keep them on one test worker.
pytestmark = pytest.mark.xdist_group("offline-pack")


@dataclass(frozen=True)
class PackPage:
    """One HTML page of the unpacked pack."""

    rel: str  # its path inside the pack's folder: en/oikeudet/palkka.html
    text: str
    soup: BeautifulSoup

    @property
    def language(self) -> str:
        return "en" if self.rel.startswith("en/") else "fi"

    def target(self, href: str) -> str:
        """Where a relative link of this page leads, as a path inside the pack."""
        return posixpath.normpath(posixpath.join(posixpath.dirname(self.rel), unquote(href)))


@dataclass(frozen=True)
class Pack:
    """The built ZIP, its unpacked folder and what the script printed."""

    zip_path: Path
    root: Path
    output: str

    def url(self, rel: str) -> str:
        return (self.root / rel).as_uri()

    @cached_property
    def pages(self) -> list[PackPage]:
        """Every HTML page, parsed once."""
        found = []
        for path in sorted(self.root.rglob("*.html")):
            text = path.read_text(encoding="utf-8")
            found.append(PackPage(path.relative_to(self.root).as_posix(), text, BeautifulSoup(text, "lxml")))
        return found


@pytest.fixture(scope="session")
def pack(tmp_path_factory) -> Pack:
    """The offline pack, built once by `scripts/build_offline.py` and unzipped."""
    where = tmp_path_factory.mktemp("offline")
    zip_path = where / "pack.zip"
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_offline.py"), str(zip_path)],
                            cwd=ROOT, capture_output=True, text=True, env={**os.environ, **QUIET})
    if result.returncode:
        pytest.fail(f"The offline pack does not build:\n{result.stdout}\n{result.stderr}", pytrace=False)
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(where / "unpacked")
    return Pack(zip_path, where / "unpacked" / FOLDER, result.stdout)


# --- the ZIP and its files ---------------------------------------------------------------


def test_the_zip_holds_one_folder_in_sorted_order_with_both_languages(pack):
    with zipfile.ZipFile(pack.zip_path) as archive:
        names = archive.namelist()
        times = {info.date_time for info in archive.infolist()}
    assert names == sorted(names)
    assert {name.split("/", 1)[0] for name in names} == {FOLDER}
    inside = {name.split("/", 1)[1] for name in names}
    for needed in ("index.html", "en/index.html", "search/search_index.js", SHIM, DEMO, "en/" + DEMO):
        assert needed in inside, needed
    assert not [n for n in inside if n.rsplit("/", 1)[-1] in ("404.html", "sitemap.xml")]
    assert len(times) == 1, "every entry has the same time, so the same site gives the same ZIP"

    pages = pack.pages
    per_language = {lang: sum(1 for p in pages if p.language == lang) for lang in ("fi", "en")}
    assert per_language["fi"] == per_language["en"] >= 20
    printed = re.search(r"Packed (\d+) pages \(fi (\d+), en (\d+)\) into .+ \((\d+\.\d) MB\)", pack.output)
    assert printed, pack.output
    assert [int(n) for n in printed.groups()[:3]] == [len(pages), per_language["fi"], per_language["en"]]
    assert float(printed.group(4)) == round(pack.zip_path.stat().st_size / 1_000_000, 1)


def test_pages_load_nothing_from_other_sites(pack):
    external: list[str] = []
    for page in pack.pages:
        assert "unpkg.com" not in page.text, page.rel
        for tag, attribute in LOADS.items():
            for element in page.soup.find_all(tag, attrs={attribute: True}):
                value = element[attribute]
                if urlsplit(value).scheme or value.startswith("//"):
                    external.append(f"{page.rel}: <{tag} {attribute}={value}>")
    assert external == []
    assert len(pack.pages) >= 40


def test_every_link_leads_to_a_file_in_the_pack(pack):
    """From file:// a folder address shows a directory listing, not the page: every link of
    every page (menus, help bar, footer, modules, catalogues, language switch) names a file."""
    broken: list[str] = []
    checked = 0
    for page in pack.pages:
        for element in page.soup.find_all(["a", *LOADS]):
            value = element.get(LOADS.get(element.name, "href"))
            if not value:
                continue
            parts = urlsplit(value)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            checked += 1
            if not (pack.root / page.target(parts.path)).is_file():
                broken.append(f"{page.rel}: {value}")
    assert broken == []
    assert checked > 1000


def test_every_page_has_its_help_footer_and_switcher_links_as_files(pack):
    for page in pack.pages:
        folder = "en/" if page.language == "en" else ""
        assert page.target(page.soup.select_one(".help-bar a")["href"]) == f"{folder}apua.html", page.rel
        assert [page.target(a["href"]) for a in page.soup.select(".footer-links a")] == [
            f"{folder}{name}.html" for name in ("saavutettavuus", "tietosuoja", "turvallisuus")], page.rel
        neutral = page.rel.removeprefix("en/")
        switch = {a["hreflang"]: page.target(a["href"]) for a in page.soup.select("a.md-select__link[hreflang]")}
        assert switch == {"fi": neutral, "en": f"en/{neutral}"}, page.rel
    assert len(pack.pages) >= 40


def test_every_page_loads_the_shim_from_the_pack_and_it_is_the_published_one(pack):
    for page in pack.pages:
        sources = [page.target(s["src"]) for s in page.soup.select("script[src]")]
        assert sources.count(SHIM) == 1, page.rel
    assert len(pack.pages) >= 40
    # The vendored file is the package's shim, unchanged below its licence header.
    vendored = (ROOT / "docs" / SHIM).read_text(encoding="utf-8")
    recorded = re.search(r"sha256 of shim/index\.js: ([0-9a-f]{64})", vendored).group(1)
    code = vendored.split("*/\n", 1)[1]
    assert hashlib.sha256(code.encode("utf-8")).hexdigest() == recorded
    assert "Permission is hereby granted" in vendored  # the MIT notice travels with the code


def test_the_published_site_never_loads_the_shim(pages):
    loading = [str(p) for p in pages if p.soup.find("script", src=lambda s: s and "iframe-worker" in s)]
    assert loading == []
    assert len(pages) >= 40


# --- in the browser, from file://, offline ---------------------------------------------------


@pytest.fixture
def offline(browser):
    """Open pages of the pack with the network off; every request that is not for a file is
    blocked and recorded, and so is every script error. Both lists must stay empty."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, offline=True)
    requests: list[str] = []
    errors: list[str] = []
    violations = watch_policy(context)

    def block(route) -> None:
        if route.request.url.startswith(LOCAL):
            route.continue_()
        else:
            requests.append(route.request.url)
            route.abort()

    def record(request) -> None:  # also what a route might not see (workers, iframes)
        if not request.url.startswith(LOCAL) and request.url not in requests:
            requests.append(request.url)

    context.route("**/*", block)
    context.on("request", record)

    def open_page(url: str):
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(f"{url}: {error}"))
        page.goto(url)
        return page

    yield open_page
    context.close()
    assert requests == []
    assert errors == []
    assert violations == []


def search(page, query: str):
    """Type ``query`` into the search field as a reader does; returns the result links."""
    page.locator("input.md-search__input").click()
    page.keyboard.type(query)
    results = page.locator(".md-search-result__item > a")
    expect(results.first).to_be_visible(timeout=20_000)
    return results


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_search_finds_only_pages_of_the_page_language(pack, offline, lang):
    folder = "en/" if lang == "en" else ""
    page = offline(pack.url(folder + "index.html"))
    results = search(page, QUERIES[lang])
    first = results.first.get_attribute("href")
    assert first.startswith(pack.url(folder)) and urlsplit(first).path.endswith(".html"), first
    hrefs = results.evaluate_all("links => links.map(a => a.href)")
    in_english = [h for h in hrefs if h.startswith(pack.url("en/"))]
    assert len(hrefs) >= 3 and in_english == (hrefs if lang == "en" else []), hrefs
    results.first.click()
    expect(page).to_have_url(first)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("article h1")).to_be_visible()


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_a_quiz_answered_and_a_checklist_ticked(pack, offline, lang):
    strings = load_strings(lang)
    page = offline(pack.url(("en/" if lang == "en" else "") + DEMO))
    page.locator(f"label[for='training-q-{QUESTION}-1']").click()
    page.locator(f"#training-q-{QUESTION} .training-check").click()
    expect(page.locator(f"#training-q-{QUESTION} [role=status]")).to_have_text(strings["correct"])

    progress = page.locator(f"#{CHECKLIST} .training-progress")
    expect(progress).to_have_text(fill(strings["progress"], done=0, total=6))
    page.locator(f"label[for='{CHECKLIST}-palkka']").click()
    expect(progress).to_have_text(fill(strings["progress"], done=1, total=6))


def switch_language(page, lang: str) -> None:
    page.locator(".md-header__option .md-select .md-header__button").first.hover()
    page.locator(f"a.md-select__link[hreflang={lang}]").click()


def test_the_language_switch_goes_to_the_same_page_and_back(pack, offline):
    page = offline(pack.url(MODULE))
    switch_language(page, "en")
    expect(page).to_have_url(pack.url("en/" + MODULE))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("article h1")).to_be_visible()
    switch_language(page, "fi")
    expect(page).to_have_url(pack.url(MODULE))
    expect(page.locator("html")).to_have_attribute("lang", "fi")


def test_menus_help_footer_and_module_links_open_pages(pack, offline):
    page = offline(pack.url("index.html"))
    visited = []

    def follow(link, expected: str) -> None:
        link.click()
        expect(page).to_have_url(pack.url(expected))
        expect(page.locator("article h1")).to_be_visible()
        visited.append(expected)

    follow(page.locator(".help-bar a").first, "apua.html")
    follow(page.locator(".footer-links a").nth(1), "tietosuoja.html")
    follow(page.locator(".md-sidebar--primary a.md-nav__link[href$='oikeudet/index.html']").first,
           "oikeudet/index.html")
    page.goto(pack.url(MODULE))
    follow(page.locator(".module-pager a[rel=next]"), "oikeudet/tyoaika.html")
    follow(page.locator(".module-trainer a"), "oikeudet/tyoaika-kouluttajalle.html")
    assert len(visited) == 5


def test_a_presentation_runs_from_the_pack(pack, offline):
    """From the trainer's guide in the pack to the slides, and through them by keyboard."""
    page = offline(pack.url("oikeudet/palkka-kouluttajalle.html"))
    page.locator("article a[href$='palkka-esitys.html']").click()
    expect(page).to_have_url(re.compile(re.escape(pack.url("oikeudet/palkka-esitys.html"))))
    page.wait_for_load_state()
    slides = page.locator("section.slide")
    expect(slides.first).to_be_visible()
    total = slides.count()
    assert total >= 4
    counter = page.locator(".presentation__counter")
    for number in range(1, total + 1):
        expect(counter).to_contain_text(f"{number} / {total}")
        expect(slides.nth(number - 1)).to_be_visible()
        page.keyboard.press("ArrowRight")
    expect(slides.nth(total - 1)).to_be_visible()
    assert (pack.root / "oikeudet/palkka.fi.gift").is_file() and (pack.root / "en/oikeudet/palkka.en.moodle.xml").is_file()
