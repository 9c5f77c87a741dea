"""Fixtures every test uses: the real site built once per run, served on loopback, and the system Chromium."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from site_helpers import REPORTS, ROOT, BuiltPage, SharedBuild, built_pages, serve, watch_policy

# Stop Chromium from calling Google's services: the tests must see only our own requests.
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


@pytest.fixture(scope="session")
def run_dir(tmp_path_factory, worker_id) -> Path:
    """A folder of this test run that all its workers share (each worker's own sits inside it)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if worker_id != "master" else base


@pytest.fixture(scope="session")
def site_dir(run_dir) -> Path:
    """The real site, built once per test run with the project's own mkdocs.yml.

    The test workers of one run share it: the first to need it builds it, the others wait.
    It is read-only to the tests: a test that changes it fails the run at the end.
    """
    shared = SharedBuild(run_dir)
    if problem := shared.build(ROOT):
        pytest.fail(problem, pytrace=False)
    yield shared.site
    if changed := shared.changed():
        pytest.fail(f"A test changed the shared build: {changed[:10]}", pytrace=False)


@pytest.fixture(scope="session")
def pages(site_dir) -> list[BuiltPage]:
    found = built_pages(site_dir)
    assert len(found) >= 20, f"expected at least 20 built pages, found {len(found)}"
    return found


@pytest.fixture(scope="session")
def base_url(site_dir) -> str:
    """The built site served on 127.0.0.1 from a background thread."""
    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """The system Chromium. Missing is a failure, never a skip: `make test` installs it."""
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail("No Chromium: run `make test` (it installs one) or set CHROMIUM=/path/to/chromium.",
                    pytrace=False)
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    """A fresh browser profile per test: no cookies, no storage, no cache. Whatever the test
    does, the pages' Content-Security-Policy must not have to block anything."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    violations = watch_policy(context)
    yield context
    context.close()
    assert violations == []


@pytest.fixture
def open_page(context, base_url):
    """Open a page of the site (in the test's context, or ``ctx``); fail on any script error in it."""
    errors: list[str] = []

    def _open(path: str, ctx=None):
        page = (ctx or context).new_page()
        page.on("pageerror", lambda error: errors.append(f"{path}: {error}"))
        page.goto(base_url + path)
        return page

    yield _open
    assert not errors, errors


def pytest_collection_modifyitems(items) -> None:
    """Every test that drives Chromium is a browser test: ``pytest -m "not browser"`` leaves them out."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


def pytest_sessionfinish(session, exitstatus) -> None:
    """A run that skipped a test has not tested everything: it fails."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped and exitstatus == pytest.ExitCode.OK:
        reporter.write_line(f"{len(skipped)} test(s) skipped: a run with skipped tests fails.", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_sessionstart(session) -> None:
    """Forget the figures of an earlier run (once, in the controlling process)."""
    if not hasattr(session.config, "workerinput"):
        shutil.rmtree(REPORTS, ignore_errors=True)


def pytest_terminal_summary(terminalreporter) -> None:
    """Show the figures the tests measured, whichever worker measured them."""
    for report in sorted(REPORTS.glob("*.txt")) if REPORTS.exists() else []:
        terminalreporter.write_sep("-", report.stem)
        terminalreporter.write(report.read_text(encoding="utf-8"))
