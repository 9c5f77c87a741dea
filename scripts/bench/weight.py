"""What the quiz tooling adds to a page a reader downloads, gzip-compressed.

A module page of a quiz variant is compared with the same page of the plain variant (the
same texts as plain Markdown): the difference is the markup the tooling adds. The pages are
taken as the plugins leave them (``content_hook``), before the site's own hook takes inline
scripts and styles out, which would leave mkdocs-quiz's quizzes without theirs. Our CSS and
JavaScript are files of their own, counted in full on top (a first visit); mkdocs-quiz
puts its CSS and JavaScript inside every page, so the difference already holds them.
"""

from __future__ import annotations

import gzip
import statistics
from dataclasses import dataclass
from pathlib import Path

# The site's own quiz and checklist assets (docs/assets), loaded by every page.
OUR_ASSETS = ("assets/training.css", "assets/training.js")


def gz(data: bytes) -> int:
    """Size after gzip -9, as a server would send it."""
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def page_file(content: Path, rel: str) -> Path:
    """The kept content of a Finnish page (``rights/osa-01/m0001.md`` -> ``…/fi/rights/osa-01/m0001.md.html``)."""
    return content / "fi" / f"{rel}.html"


@dataclass
class Added:
    """Bytes a variant adds to an average module page."""

    html_raw: float  # uncompressed HTML the tooling adds
    html_gzip: float  # the same, gzip-compressed
    assets_gzip: int  # separate CSS/JS files, gzip-compressed (0 when inline)

    @property
    def total_gzip(self) -> float:
        return self.html_gzip + self.assets_gzip


def added(content: Path, plain_content: Path, rels: list[str], site: Path, assets: tuple[str, ...] = ()) -> Added:
    """Mean bytes the kept pages in ``content`` carry beyond the same pages in ``plain_content``;
    ``assets`` are files of the built ``site`` counted on top."""
    raw, packed = [], []
    for rel in rels:
        with_tool = page_file(content, rel).read_bytes()
        without = page_file(plain_content, rel).read_bytes()
        raw.append(len(with_tool) - len(without))
        packed.append(gz(with_tool) - gz(without))
    asset_bytes = sum(gz((site / a).read_bytes()) for a in assets)
    return Added(statistics.mean(raw), statistics.mean(packed), asset_bytes)
