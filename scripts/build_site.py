"""`make site`: a strict build, then the build time and the page count per language.

`make publish` (``--publish``): the same build for putting online. It stops before building
when SITE_URL or REPO_URL is unset or still the placeholder, and afterwards writes the server
settings (see ``training.site.publishing``): ``_headers``, ``_redirects`` and ``.htaccess`` into
the built folder, ``nginx.conf`` into ``dist/server/`` beside it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from training.site.publishing import address_problems, base_path, security_headers, server_files, site_policy

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


def write_server_files(site: Path, site_url: str) -> list[Path]:
    """The server settings of a published build, made from its pages; returns the files written."""
    headers = security_headers(site_policy(p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))))
    outside = site.resolve().parent / "dist" / "server"
    written = []
    for server_file in server_files(headers, base_path(site_url)):
        path = (site if server_file.in_site else outside) / server_file.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(server_file.text, encoding="utf-8")
        written.append(path)
    return written


def main(site_dir: str, publish: bool = False) -> int:
    if publish and (problems := address_problems(os.environ.get("SITE_URL"), os.environ.get("REPO_URL"))):
        for problem in problems:
            print(f"make publish: {problem}", file=sys.stderr)
        print("make publish stopped before building: nothing was written.", file=sys.stderr)
        return 2
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", builder(), "build", "--strict", "--site-dir", site_dir])
    seconds = time.perf_counter() - started
    if result.returncode:
        return result.returncode
    counts = count_pages(Path(site_dir))
    summary = ", ".join(f"{lang} {n}" for lang, n in counts.items())
    print(f"Built {sum(counts.values())} pages ({summary}) into {site_dir}/ in {seconds:.1f} s.")
    if publish:
        written = write_server_files(Path(site_dir), os.environ["SITE_URL"])
        print(f"For {os.environ['SITE_URL']}; server settings: " + ", ".join(str(p) for p in written) + ".")
    return 0


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--publish"]
    sys.exit(main(arguments[0] if arguments else "site", publish="--publish" in sys.argv[1:]))
