"""Publishing: the site owner's commands as README gives them, the build they make, the server
settings it writes, the deploy workflow, and a browser on the published site with its headers.

One publishing build serves the tests of this file (``published``); they share an xdist group
so that one worker makes it.
"""

from __future__ import annotations

import functools
import os
import re
import shlex
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from site_helpers import BUILD_DATE, QUIET, ROOT, built_pages, watch_policy

from training.safe.csp import inline_scripts, source_hash
from training.site.publishing import PLACEHOLDER_REPO_URL, PLACEHOLDER_SITE_URL

pytestmark = pytest.mark.xdist_group("published")
WORKFLOWS = ROOT / ".github" / "workflows"
REQUIRED_HEADERS = ("Strict-Transport-Security", "Content-Security-Policy", "Referrer-Policy",
                    "X-Content-Type-Options", "Permissions-Policy")
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def owner_commands() -> list[str]:
    """The commands of README's "For the site owner", in the order given."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## For the site owner\n(.*?)(?=^## )", readme, re.M | re.S)
    assert section, "README.md has no section '## For the site owner'"
    blocks = re.findall(r"^```sh\n(.*?)^```", section.group(1), re.M | re.S)
    return [line.split("#")[0].strip() for block in blocks for line in block.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def run_make(*arguments: str, **environment: str) -> subprocess.CompletedProcess:
    env = {**os.environ, **QUIET, **BUILD_DATE, **environment}
    for name in ("SITE_URL", "REPO_URL"):
        if name not in environment:
            env.pop(name, None)
    return subprocess.run(["make", "--no-print-directory", *arguments], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


@dataclass(frozen=True)
class Published:
    site: Path
    server: Path  # dist/server beside it
    site_url: str


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Published:
    """README's owner commands, run as written (the build goes to a folder of the test run)."""
    folder = tmp_path_factory.mktemp("published")
    site_url = ""
    for command in owner_commands():
        words = shlex.split(command)
        assert words[0] == "make", f"README's owner section runs {command!r}: only make commands are tested"
        result = run_make(*words[1:], PUBLISH_DIR=str(folder / "site"))
        assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
        site_url = next((w.split("=", 1)[1] for w in words if w.startswith("SITE_URL=")), site_url)
    assert site_url, "README's owner section has no `make publish SITE_URL=…` command"
    return Published(folder / "site", folder / "dist" / "server", site_url)


# --- addresses ---------------------------------------------------------------------------------

@pytest.mark.parametrize("environment, expected", [
    ({}, ["SITE_URL is not set", "REPO_URL is not set"]),
    ({"SITE_URL": PLACEHOLDER_SITE_URL, "REPO_URL": PLACEHOLDER_REPO_URL},
     ["the address of `make serve` on this computer", "the example address"]),
    ({"SITE_URL": "http://tyoelamataidot.fi/", "REPO_URL": "https://github.com/a/b"}, ["write a full https://"]),
])
def test_a_publishing_build_with_a_placeholder_address_stops_before_building(tmp_path, environment, expected):
    result = run_make("publish", PUBLISH_DIR=str(tmp_path / "site"), **environment)
    assert result.returncode != 0
    messages = [line for line in result.stderr.splitlines() if line.startswith("make publish:")]
    assert len(messages) == len(expected) and all(e in m for e, m in zip(expected, messages)), result.stderr
    assert "nothing was written" in result.stderr
    assert not (tmp_path / "site").exists()


def test_every_link_to_the_site_uses_the_published_address_in_both_languages(published):
    pages = built_pages(published.site)
    canonical = {page.url_path: page.soup.select_one("link[rel=canonical]") for page in pages}
    missing = [path for path, link in canonical.items() if link is None and not path.endswith("404.html")]
    assert missing == []
    hrefs = [link["href"] for link in canonical.values() if link is not None]
    assert all(href.startswith(published.site_url) for href in hrefs), [h for h in hrefs if
                                                                       not h.startswith(published.site_url)][:5]
    assert any(h.startswith(published.site_url + "en/") for h in hrefs) and len(hrefs) >= 150

    sitemap = ET.parse(published.site / "sitemap.xml").getroot()
    locations = [loc.text for loc in sitemap.iterfind("s:url/s:loc", SITEMAP)]
    alternates = sitemap.findall("s:url/x:link", SITEMAP)
    assert len(locations) >= 75 and all(loc.startswith(published.site_url) for loc in locations)
    assert {link.get("hreflang") for link in alternates} == {"fi", "en"}
    assert all(link.get("href").startswith(published.site_url) for link in alternates)
    assert {link.get("href") for link in alternates if link.get("hreflang") == "en"} >= {published.site_url + "en/"}
    for text in (published.site / "robots.txt", published.site / "sitemap.xml"):
        if text.exists():
            assert "127.0.0.1" not in text.read_text(encoding="utf-8")


# --- server settings ---------------------------------------------------------------------------

def netlify_rules(text: str) -> list[tuple[str, dict[str, str]]]:
    """A ``_headers`` file read as Netlify reads it: a path, then its indented headers."""
    rules: list[tuple[str, dict[str, str]]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            assert line.startswith("/") and " " not in line, f"_headers:{number}: a path must start with /"
            rules.append((line, {}))
            continue
        name, separator, value = line.strip().partition(": ")
        assert rules and separator and re.fullmatch(r"[A-Za-z-]+", name), f"_headers:{number}: not 'Name: value'"
        rules[-1][1][name] = value
    return rules


def headers_for(rules: list[tuple[str, dict[str, str]]], path: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for pattern, headers in rules:
        regex = re.escape(pattern).replace(r"\*", ".*")
        regex = re.sub(r"/:[a-z]+", "/[^/]+", regex)
        if re.fullmatch(regex, path):
            for name, value in headers.items():
                found[name] = f"{found[name]}, {value}" if name in found else value
    return found


def test_the_header_files_parse_and_send_every_header_with_the_pages_own_policy(published):
    rules = netlify_rules((published.site / "_headers").read_text(encoding="utf-8"))
    page = headers_for(rules, "/oikeudet/palkka/")
    assert all(page.get(name) for name in REQUIRED_HEADERS), page
    assert page["Referrer-Policy"] == "no-referrer" and page["X-Content-Type-Options"] == "nosniff"
    assert page["Strict-Transport-Security"].startswith("max-age=") and "camera=()" in page["Permissions-Policy"]
    assert "Cache-Control" not in page  # pages are checked again on every view (the host's default)
    bundle = next((published.site / "assets" / "javascripts").glob("bundle.*.min.js")).name
    assert headers_for(rules, f"/assets/javascripts/{bundle}")["Cache-Control"].endswith("immutable")
    assert "Cache-Control" not in headers_for(rules, "/assets/training.js")

    policy = page["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy and "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    hashes = {source_hash(script) for p in published.site.rglob("*.html")
              for script in inline_scripts(p.read_text(encoding="utf-8"))}
    assert hashes and all(h in policy for h in hashes)

    redirects = [line.split() for line in (published.site / "_redirects").read_text(encoding="utf-8").splitlines()
                 if line and not line.startswith("#")]
    assert redirects == [["/en/*", "/en/404.html", "404"], ["/*", "/404.html", "404"]]

    apache = (published.site / ".htaccess").read_text(encoding="utf-8")
    for name in REQUIRED_HEADERS:
        [line] = [line for line in apache.splitlines() if line.strip().startswith(f"Header always set {name} ")]
        assert shlex.split(line)[-1] == page[name]
    assert apache.count("<IfModule") == apache.count("</IfModule>") and "ErrorDocument 404 /en/404.html" in apache

    blocks = nginx_blocks((published.server / "nginx.conf").read_text(encoding="utf-8"))
    top = [words for words in blocks[None] if words[0] != "location"]
    assert ["gzip", "on"] in top
    locations = {key: statements for key, statements in blocks.items() if key}
    assert len(locations) == 3
    for statements in locations.values():
        sent = {words[1]: words[2] for words in statements if words[0] == "add_header"}
        assert all(sent.get(name) == page[name] for name in REQUIRED_HEADERS), sent
        assert all(words[-1] == "always" for words in statements if words[0] == "add_header")
    not_found = {key: [w[2] for w in statements if w[0] == "error_page"] for key, statements in locations.items()}
    assert not_found["location /en/"] == ["/en/404.html"] and not_found["location /"] == ["/404.html"]


def nginx_blocks(text: str) -> dict[str | None, list[list[str]]]:
    """An nginx snippet read as nginx reads it: statements end with ';', blocks are in braces
    (one level, as in a server block's locations); quoted values are unquoted."""
    tokens = re.findall(r'"(?:\\.|[^"\\])*"|[{};]|[^\s{};"]+', re.sub(r"(?m)^\s*#.*$", "", text))
    blocks: dict[str | None, list[list[str]]] = {None: []}
    current: str | None = None
    words: list[str] = []
    for token in tokens:
        if token == ";":
            assert words, "an empty statement"
            blocks[current].append(words)
            words = []
        elif token == "{":
            assert current is None and words[0] == "location", f"a block that is no location: {words}"
            current = " ".join(words)
            blocks[current], words = [], []
        elif token == "}":
            assert current is not None and not words, "a brace closes nothing, or a statement lacks its ';'"
            current = None
        else:
            words.append(re.sub(r'\\(.)', r"\1", token[1:-1]) if token.startswith('"') else token)
    assert current is None and not words, "the snippet ends inside a block or a statement"
    return blocks


# --- the deploy workflow -----------------------------------------------------------------------

@pytest.mark.parametrize("workflow", sorted(WORKFLOWS.glob("*.yml")), ids=lambda p: p.name)
def test_each_workflow_follows_githubs_workflow_schema(workflow):
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                             "vendor.github-workflows", str(workflow)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_deploy_workflow_tests_then_publishes_with_the_repository_addresses_and_never_for_a_pull_request():
    workflow = yaml.safe_load((WORKFLOWS / "deploy.yml").read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key `on` as true
    assert set(triggers) == {"push", "workflow_dispatch"} and triggers["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read"}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    runs = [step.get("run") for step in build["steps"]]
    assert runs.index("make test") < runs.index("make publish")
    publish = build["steps"][runs.index("make publish")]
    assert publish["env"] == {"SITE_URL": "${{ vars.SITE_URL }}", "REPO_URL": "${{ vars.REPO_URL }}"}
    uses = [step.get("uses", "") for step in build["steps"] + deploy["steps"]]
    assert [u.split("@")[0] for u in uses if u.startswith("actions/") and "pages" in u] == [
        "actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"]
    assert deploy["needs"] == "build" and deploy["permissions"] == {"pages": "write", "id-token": "write"}


# --- the published site in a browser, with its headers -------------------------------------------

class _PublishedHandler(SimpleHTTPRequestHandler):
    """Serves a published folder as Netlify would: the headers of ``_headers``, each language's
    404 page from ``_redirects``."""

    rules: list[tuple[str, dict[str, str]]] = []
    not_found: list[tuple[str, str]] = []

    def end_headers(self) -> None:
        for name, value in headers_for(self.rules, self.path.split("?")[0]).items():
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code, message=None, explain=None) -> None:
        if code != 404:
            return super().send_error(code, message, explain)
        page = next(page for prefix, page in self.not_found if self.path.startswith(prefix))
        body = Path(self.directory, page.lstrip("/")).read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def test_the_published_site_works_under_its_headers_and_each_language_has_its_404_page(published, browser):
    handler = type("Handler", (_PublishedHandler,), {
        "rules": netlify_rules((published.site / "_headers").read_text(encoding="utf-8")),
        "not_found": [(line.split()[0].rstrip("*"), line.split()[1]) for line in
                      (published.site / "_redirects").read_text(encoding="utf-8").splitlines()
                      if line and not line.startswith("#")],
    })
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(published.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    context = browser.new_context()
    refused = watch_policy(context)
    errors: list[str] = []
    try:
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        response = page.goto(base + "/oikeudet/palkka/")
        assert response.headers["content-security-policy"].endswith("frame-ancestors 'none'")
        assert response.headers["referrer-policy"] == "no-referrer"
        page.locator("input.training-option__input").first.check()
        page.locator("input.md-search__input").click()
        page.keyboard.type("palkka")
        page.locator(".md-search-result__item").first.wait_for(timeout=20_000)
        for path, language in (("/ei-ole/", "fi"), ("/en/not-here/", "en")):
            response = page.goto(base + path)
            assert response.status == 404 and page.locator("html").get_attribute("lang") == language
        assert errors == [] and refused == []
    finally:
        context.close()
        server.shutdown()
