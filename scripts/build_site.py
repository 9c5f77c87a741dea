"""`make site`: a strict build, then the build time and the page count per language."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

LANGUAGES = {"fi": "", "en": "en/"}  # language -> folder in the built site
BUILDERS = ("mkdocs", "properdocs")  # MkDocs 1.6, or its maintained fork (CONTRIBUTING)


def builder() -> str:
    """The program that builds the site: ``$SITE_BUILDER``, MkDocs unless it names ProperDocs."""
    name = os.environ.get("SITE_BUILDER") or "mkdocs"
    if name not in BUILDERS:
        sys.exit(f"SITE_BUILDER={name} is not possible: use one of {', '.join(BUILDERS)}.")
    return name


def count_pages(site: Path) -> dict[str, int]:
    """Built HTML pages per language (the default language sits at the root)."""
    pages = [p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html"]
    others = [folder for folder in LANGUAGES.values() if folder]
    return {
        lang: sum(1 for p in pages if (p.startswith(folder) if folder else not p.startswith(tuple(others))))
        for lang, folder in LANGUAGES.items()
    }


def main(site_dir: str) -> int:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", builder(), "build", "--strict", "--site-dir", site_dir])
    seconds = time.perf_counter() - started
    if result.returncode:
        return result.returncode
    counts = count_pages(Path(site_dir))
    summary = ", ".join(f"{lang} {n}" for lang, n in counts.items())
    print(f"Built {sum(counts.values())} pages ({summary}) into {site_dir}/ in {seconds:.1f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "site"))
