"""Helpers for tests over the built site: building, listing and parsing pages."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("fi", "en")  # the default language first: it is built at the site root
QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def mkdocs_build(project: Path, site_dir: Path, *args: str) -> subprocess.CompletedProcess:
    """Run a real, strict ``mkdocs build`` of ``project`` (a folder with mkdocs.yml)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir), *args],
        cwd=project, capture_output=True, text=True, env={**os.environ, **QUIET},
    )


def parse_html(path: Path) -> BeautifulSoup:
    """A built page, parsed with a real HTML parser."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


@dataclass(frozen=True)
class BuiltPage:
    """One HTML page of the built site."""

    site: Path
    path: Path

    @property
    def url_path(self) -> str:
        """The path after the site root, as a browser asks for it (``en/apua/``)."""
        rel = self.path.relative_to(self.site).as_posix()
        return rel[: -len("index.html")] if rel.endswith("index.html") else rel

    @property
    def language(self) -> str:
        first = self.url_path.split("/", 1)[0]
        return first if first in LANGUAGES[1:] else LANGUAGES[0]

    @cached_property
    def soup(self) -> BeautifulSoup:
        return parse_html(self.path)

    def __str__(self) -> str:
        return "/" + self.url_path


def built_pages(site: Path) -> list[BuiltPage]:
    """Every HTML page of the built site, in a stable order."""
    return [BuiltPage(site, p) for p in sorted(site.rglob("*.html"))]
