"""`make offline`: the trainer's offline pack, both languages in one ZIP to open from file://.

The strict build runs with Material's offline plugin on (OFFLINE=true: page.html addresses,
a search index that works without a server, the search worker shim from the site itself)
and without a site address, so no page names a server. The ZIP holds one folder with the
site, its files in sorted order with one timestamp (SOURCE_DATE_EPOCH if set, else now): with
SOURCE_DATE_EPOCH set, the same sources give a byte-identical ZIP.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from build_site import builder, count_pages

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ZIP = ROOT / "dist" / "tyoelamataidot-offline.zip"
FOLDER = "tyoelamataidot"  # the one folder in the ZIP
# Error pages need a web server to show them (and link with server addresses); sitemaps
# are for search engines on the published site.
LEFT_OUT = {"404.html", "sitemap.xml", "sitemap.xml.gz"}


def build(site_dir: Path) -> int:
    """The strict offline build of the project into ``site_dir``; returns the exit code."""
    env = {**os.environ, "OFFLINE": "true", "SITE_URL": "",
           "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    command = [sys.executable, "-m", builder(), "build", "--strict", "--site-dir", str(site_dir)]
    return subprocess.run(command, cwd=ROOT, env=env).returncode


def packed_files(site_dir: Path) -> list[Path]:
    """The files that go into the pack, in a stable order."""
    return sorted(p for p in site_dir.rglob("*") if p.is_file() and p.name not in LEFT_OUT)


def write_zip(site_dir: Path, target: Path, timestamp: float) -> None:
    """Zip ``site_dir`` as ``FOLDER/…``, every entry with the same time and permissions."""
    date_time = time.gmtime(max(timestamp, 315532800))[:6]  # ZIP cannot go before 1980
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in packed_files(site_dir):
            entry = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(site_dir).as_posix()}", date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, path.read_bytes(), compresslevel=9)


def main(target: Path) -> int:
    started = time.perf_counter()
    timestamp = float(os.environ.get("SOURCE_DATE_EPOCH") or time.time())
    with tempfile.TemporaryDirectory(prefix="offline-") as tmp:
        site_dir = Path(tmp, FOLDER)
        code = build(site_dir)
        if code:
            return code
        counts = count_pages(site_dir)
        write_zip(site_dir, target, timestamp)
    seconds = time.perf_counter() - started
    summary = ", ".join(f"{lang} {n}" for lang, n in counts.items())
    size = target.stat().st_size / 1_000_000
    print(f"Packed {sum(counts.values())} pages ({summary}) into {target} ({size:.1f} MB) in {seconds:.1f} s.")
    print(f"To use it: unzip it and open {FOLDER}/index.html in a browser; no network is needed.")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ZIP))
