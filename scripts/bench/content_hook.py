"""For ``make bench`` only: keeps each page's HTML as the plugins leave it, before the site's
own hook cleans it (which takes inline scripts and styles out, so mkdocs-quiz's would not be
counted). Listed before ``hooks/mkdocs_training.py`` in the synthetic sites; it does nothing
unless BENCH_CONTENT names the folder to keep the pages in."""

from __future__ import annotations

import os
from pathlib import Path

FOLDER = "BENCH_CONTENT"


def on_page_content(html: str, page, config, files) -> str:
    folder = os.environ.get(FOLDER)
    if folder:
        target = Path(folder, page.file.src_uri + ".html")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    return html
