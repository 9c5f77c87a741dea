"""Page weight on a phone with little data: what a cold first view of every page costs.

Chromium opens every page with its cache off and lists what the page loads by itself, before
any interaction (the phone sweep, ``sweep.py``); the bytes are the gzip-compressed size of those files on disk, so the figures
are deterministic even though the list comes from a real browser.
"""

from __future__ import annotations

import gzip
import re
import statistics
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from site_helpers import write_report
from sweep import in_group

KB = 1000
FIRST_VIEW_BUDGET = 100 * KB
OWN_ASSETS_BUDGET = 6 * KB  # the quiz, checklist and quick-exit CSS and JS, together
OWN_ASSETS = ("training.css", "training.js", "exit.css", "exit.js")
IMAGE_BUDGET = 50 * KB
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".ico"}
# The search index, Material's search worker and the stemmers it loads.
SEARCH_FILE = re.compile(r"search_index\.|search\.[0-9a-f]+\.min\.js$|lunr\.")
TRAINER_PAGES = ("-esitys", "-kouluttajalle")
FONT_FILE = re.compile(r"\.(woff2?|ttf|otf|eot)$", re.IGNORECASE)

# Its tests read the phone sweep: keep them on the worker that makes it.
pytestmark = in_group("phone")


@cache
def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def file_of(site: Path, url: str) -> Path:
    """The file in the built site that answers ``url`` (a folder answers with index.html)."""
    rel = unquote(urlsplit(url).path).lstrip("/")
    target = site / rel
    return target / "index.html" if not rel or rel.endswith("/") else target


@pytest.fixture(scope="module")
def first_views(sweep, pages, base_url, site_dir) -> dict[str, list[Path]]:
    """For every page: the files its cold first view loads, from the phone sweep."""
    views: dict[str, list[Path]] = {}
    for visit in sweep("phone"):
        views[str(visit.page)] = [file_of(site_dir, url) for url in visit.first_view if url.startswith(base_url)]
        assert len(views[str(visit.page)]) == len(visit.first_view), f"{visit.page} loaded from elsewhere: {visit.first_view}"
    assert len(views) == len(pages)
    return views


def test_a_cold_first_view_of_every_page_fits_100_kb(first_views):
    weights = {page: sum(gzip_size(f) for f in set(files)) for page, files in first_views.items()}
    heaviest = sorted(weights.items(), key=lambda item: -item[1])
    lines = [f"Cold first view, gzip (budget {FIRST_VIEW_BUDGET / KB:.0f} KB), {len(weights)} pages: "
             f"median {statistics.median(weights.values()) / KB:.1f} KB, "
             f"heaviest {heaviest[0][1] / KB:.1f} KB; requests per page "
             f"{min(map(len, first_views.values()))}-{max(map(len, first_views.values()))}.",
             "Heaviest pages:"]
    lines += [f"  {weight / KB:6.1f} KB  {page}" for page, weight in heaviest[:8]]
    # Presentations and trainer's guides are for trainers; the rest is what participants read.
    reader_pages = [(page, weight) for page, weight in heaviest if not page.rstrip("/").endswith(TRAINER_PAGES)]
    lines += [f"Pages for participants and companies ({len(reader_pages)}): median "
              f"{statistics.median(w for _, w in reader_pages) / KB:.1f} KB, heaviest "
              f"{reader_pages[0][1] / KB:.1f} KB ({reader_pages[0][0]}), lightest "
              f"{reader_pages[-1][1] / KB:.1f} KB ({reader_pages[-1][0]})."]
    heaviest_files = first_views[heaviest[0][0]]
    lines += ["What the heaviest page loads:"]
    lines += [f"  {gzip_size(f) / KB:6.1f} KB  {f.name}" for f in sorted(set(heaviest_files), key=gzip_size, reverse=True)]
    write_report("page-weight", "\n".join(lines))
    print("\n".join(lines))
    over = [(page, weight) for page, weight in heaviest if weight > FIRST_VIEW_BUDGET]
    assert not over, f"over {FIRST_VIEW_BUDGET} bytes: {over}"


def test_search_is_not_part_of_a_first_view(first_views):
    """The search worker, the index and its stemmers wait until the reader opens search."""
    loading_search = [page for page, files in first_views.items()
                      if any(SEARCH_FILE.match(f.name) for f in files)]
    assert loading_search == []


def test_no_page_loads_a_web_font(first_views, site_dir):
    fonts = {f.name for files in first_views.values() for f in files if FONT_FILE.search(f.name)}
    assert fonts == set()
    stylesheets = {f for files in first_views.values() for f in files if f.suffix == ".css"}
    assert len(stylesheets) >= 4, stylesheets  # Material's two and the site's own
    assert [f.name for f in stylesheets if "@font-face" in f.read_text(encoding="utf-8")] == []


def test_every_image_is_small_and_has_its_size_set(first_views, pages, site_dir, base_url):
    loaded_images = {f for files in first_views.values() for f in files if f.suffix.lower() in IMAGE_SUFFIXES}
    assert loaded_images, "expected at least the favicon"
    problems = [f"{f.name}: {f.stat().st_size} bytes" for f in loaded_images if f.stat().st_size > IMAGE_BUDGET]
    for built in pages:
        for img in built.soup.find_all("img"):
            source = file_of(site_dir, urljoin(base_url + built.url_path, img.get("src", "")))
            if not (img.get("width") and img.get("height")):
                problems.append(f"{built}: {img.get('src')} has no width and height")
            if not source.is_file() or source.stat().st_size > IMAGE_BUDGET:
                problems.append(f"{built}: {img.get('src')} is missing or over {IMAGE_BUDGET} bytes")
    assert problems == []


def test_the_quiz_checklist_and_exit_assets_fit_6_kb(site_dir):
    sizes = {name: gzip_size(site_dir / "assets" / name) for name in OWN_ASSETS}
    assert sum(sizes.values()) <= OWN_ASSETS_BUDGET, sizes
