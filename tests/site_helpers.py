"""Helpers for tests over the built site: building, listing and parsing pages."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import json
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from functools import cached_property
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("fi", "en")  # the default language first: it is built at the site root
# One page of each kind the site has: home, section landing (with its module catalogue),
# module, trainer's guide, presentation, glossary, help (in English, as the English chrome),
# the editors' demo of every block, a plain page with the progress controls, and the error
# page. What the shared template does is tested on these (test_page_kinds.py).
PAGE_KINDS = ("", "oikeudet/", "oikeudet/palkka/", "oikeudet/palkka-kouluttajalle/", "oikeudet/palkka-esitys/",
              "sanasto/", "en/apua/", "toimittajille/esimerkki/", "tietosuoja/", "404.html")
# Figures tests measure (page weight, for instance), shown at the end of the run.
REPORTS = ROOT / ".pytest_cache" / "reports"
QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
# One build date for every build of a run (the sitemap's <lastmod>): two builds of the same
# sources are then the same files, even when a run goes past midnight.
BUILD_DATE = {"SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1767225600")}


# The program that builds the site (``make … SITE_BUILDER=properdocs``), and the other one.
BUILDER = os.environ.get("SITE_BUILDER") or "mkdocs"
OTHER_BUILDER = "mkdocs" if BUILDER == "properdocs" else "properdocs"


def mkdocs_build(project: Path, site_dir: Path, *args: str, program: str = BUILDER) -> subprocess.CompletedProcess:
    """Run a real, strict ``build`` of ``project`` (a folder with mkdocs.yml) with ``program``."""
    return subprocess.run(
        [sys.executable, "-m", program, "build", "--strict", "--site-dir", str(site_dir), *args],
        cwd=project, capture_output=True, text=True, env={**os.environ, **QUIET, **BUILD_DATE},
    )


def file_digests(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` and a digest of its bytes."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


class SharedBuild:
    """The real site, built once into ``root/site`` by whichever process of a test run asks first.

    Test workers are separate processes: a lock file makes the others wait for the first
    one's build, and its outcome (failure text, digests of the files) is kept beside it.
    """

    def __init__(self, root: Path) -> None:
        self.site = root / "site"
        self._lock = root / "site.lock"
        self._outcome = root / "site.outcome.json"

    def build(self, project: Path) -> str | None:
        """Build the site unless it is built already; why it failed, or None."""
        with open(self._lock, "w", encoding="utf-8") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not self._outcome.exists():
                docs_before = file_digests(project / "docs")
                result = mkdocs_build(project, self.site)
                docs_after = file_digests(project / "docs")
                outcome = {"failure": f"The site does not build:\n{result.stdout}\n{result.stderr}"
                           if result.returncode else None,
                           "files": {} if result.returncode else file_digests(self.site),
                           "docs_changed": sorted(name for name in docs_before.keys() | docs_after.keys()
                                                  if docs_before.get(name) != docs_after.get(name))}
                self._outcome.write_text(json.dumps(outcome), encoding="utf-8")
        return json.loads(self._outcome.read_text(encoding="utf-8"))["failure"]

    def docs_changed(self) -> list[str]:
        """The files of ``docs/`` that the build added, removed or rewrote (none, ever)."""
        return json.loads(self._outcome.read_text(encoding="utf-8"))["docs_changed"]

    def changed(self) -> list[str]:
        """The files that differ from what the build wrote: added, removed or rewritten."""
        before = json.loads(self._outcome.read_text(encoding="utf-8"))["files"]
        now = file_digests(self.site)
        return sorted(name for name in before.keys() | now.keys() if before.get(name) != now.get(name))


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


def make_fixture_site(project: Path, pages: dict[str, str], languages_yaml: str | None = None,
                      facts: str | None = None) -> Path:
    """A small site in ``project`` built with this project's configuration, hooks and theme.

    ``pages`` maps paths under docs/ (``fi/a.md``) to their text; the navigation is
    generated from the files. ``languages_yaml`` replaces the i18n ``languages:`` list;
    ``facts`` the fact register (the project's own ``facts.yml`` by default).
    """
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.split("\n# Paths without the language folder")[0]  # drop the nav
    config = config.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    config = config.replace("  - hooks/mkdocs_training.py", f"  - {ROOT / 'hooks/mkdocs_training.py'}")
    config = config.replace("watch:\n  - hooks\n  - overrides\n", "")
    if languages_yaml is not None:
        start = config.index("      languages:\n")
        end = config.index("\nhooks:")
        config = config[:start] + languages_yaml.rstrip() + "\n" + config[end:]
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    (project / "facts.yml").write_text(facts if facts is not None else (ROOT / "facts.yml").read_text(encoding="utf-8"),
                                       encoding="utf-8")
    for rel, text in pages.items():
        path = project / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return project


def help_line_register(languages: tuple[str, ...]) -> str:
    """A fact register with just the help bar's contact, with a text in each of ``languages``
    (a site with a language the project's register lacks needs its own)."""
    def texts(key: str, text: str) -> str:
        return f"    {key}:\n" + "".join(f"      {lang}: {text}\n" for lang in languages)
    return ("facts:\n  nas:\n    kind: contact\n" + texts("name", "Help line") + texts("serves", "Everyone")
            + "    phone: +358 2954 63177\n    source:\n      title: Migri\n"
              "      url: https://migri.fi/en/assistance-system-for-victims-of-human-trafficking\n"
              "      dated: undated\n    confirmed: no\n")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output readable
        pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # a browser that leaves a page mid-download breaks the pipe: not a test failure


@contextlib.contextmanager
def serve(directory: Path):
    """Serve ``directory`` on 127.0.0.1 from a background thread; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


# Reports each ``securitypolicyviolation`` event to the console, where ``watch_policy`` hears
# it (an init script is not subject to the page's policy).
_REPORT_REFUSALS = """document.addEventListener('securitypolicyviolation', e => console.error(
  'Content Security Policy event: ' + e.effectiveDirective + ' refused ' + (e.blockedURI || 'inline')));"""


def watch_policy(context) -> list[str]:
    """Every Content-Security-Policy violation in a browser context, as it happens: the page's
    ``securitypolicyviolation`` events and Chromium's own console reports. The list a test
    asserts stays empty."""
    found: list[str] = []
    context.add_init_script(script=_REPORT_REFUSALS)
    context.on("console", lambda message: found.append(f"{message.location.get('url', '')}: {message.text}")
               if "Content Security Policy" in message.text else None)
    return found


def write_report(name: str, text: str) -> None:
    """Keep a measured figure for the end-of-run summary (see conftest.pytest_terminal_summary)."""
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
