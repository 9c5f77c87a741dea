"""The whole-site sweep: every built page opened once per viewport, every per-page check run
on that one visit.

Loading a page is cheap; loading all 162 pages once for each check was not. So a visit runs
the checks in an order where none disturbs the next:

1. open the page (on the phone with the browser cache off, so the files it loads are those
   of a cold first view) and run axe-core (see ``AXE_WITHOUT_CONTRAST``); the page is left
   alone meanwhile, so the files loaded until axe ends are what the page loads by itself
   (page weight, search on demand);
2. read the storage, the cookies, ``<html lang>`` and the script errors;
3. press Tab once: the first focus stop must be the quick exit;
4. on the phone only: narrow the window to 320 px and measure the width, then add WCAG
   1.4.12 text spacing and measure again (reflow).

Each check's finding is kept in a ``Visit``; the tests (axe, privacy, page weight, first
focus stop, reflow) read the visits, so a failing check names its pages without stopping
the others. The tests of one viewport share one xdist group, so each sweep runs once per run.

What the shared template does when used (the quick exit's Shift presses, the skip link, the
focus walk) is tested on one page of each kind instead (``site_helpers.PAGE_KINDS``): every
page's first view loads the same ``exit.js``, and its first focus stop is the exit link.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from site_helpers import PAGE_KINDS, BuiltPage, watch_policy, write_report

VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}
NARROW = {"width": 320, "height": 640}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# Only violations come back in full: the passes of every node are what makes axe slow.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
# Colour contrast is over half of axe's time. The site's colours do not change with the width
# of the window, but its chrome does (the desktop's sidebars): the phone sweep checks contrast
# on every page, the desktop sweep on one page of each kind, and every other rule everywhere.
AXE_WITHOUT_CONTRAST = {**AXE_OPTIONS, "rules": {"color-contrast": {"enabled": False}}}
EXIT_URL = "https://www.ilmatieteenlaitos.fi/"
TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }"""

# What a page keeps in each kind of browser storage: all zero unless the reader opted in.
STORAGE = """async () => ({
  local: localStorage.length,
  session: sessionStorage.length,
  indexedDB: (await indexedDB.databases()).length,
  caches: (await caches.keys()).length,
  serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length,
  cookie: document.cookie.length,
})"""
NOTHING_STORED = dict.fromkeys(("local", "session", "indexedDB", "caches", "serviceWorkers", "cookie"), 0)
# Where a module page's own content starts as loaded: the top of its first paragraph after
# the module header (null on other pages).
CONTENT_START = """(() => { const header = document.querySelector('article .module-header');
  if (!header) return null;
  const first = [...document.querySelectorAll('article p')].find(p => !header.contains(p)
    && (header.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING));
  return first ? Math.round(first.getBoundingClientRect().top + scrollY) : -1; })()"""
# The storage, the page's language and where its content starts, in one round trip.
PAGE_STATE = (f"async () => ({{storage: await ({STORAGE})(), lang: document.documentElement.lang, "
              f"contentStart: {CONTENT_START}}})")
FIRST_FOCUS = """() => { const a = document.activeElement;
    return {exit: a.hasAttribute('data-exit'), href: a.href, rel: a.rel,
            visible: a.getBoundingClientRect().width > 0} }"""
# After the window is narrowed: let the page's own resize handlers run (as after a load),
# measure, add the text spacing, measure again.
REFLOW = """async (spacing) => {
  await new Promise(r => requestAnimationFrame(() => r()));
  const plain = document.documentElement.scrollWidth;
  const sheet = new CSSStyleSheet();  // not a <style> element, which the page's policy refuses
  sheet.replaceSync(spacing);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return [plain, document.documentElement.scrollWidth];
}"""


def in_group(viewport: str) -> pytest.MarkDecorator:
    """The xdist group of the tests that read ``viewport``'s sweep: one worker, one sweep."""
    return pytest.mark.xdist_group(f"sweep-{viewport}")


def each_viewport(*viewports: str) -> list:
    """Parameters for a test that reads the sweep of each of ``viewports`` (all by default)."""
    return [pytest.param(v, marks=in_group(v)) for v in viewports or VIEWPORTS]


@dataclass(frozen=True)
class Visit:
    """What one visit of one page found."""

    page: BuiltPage
    viewport: str
    first_view: list[str]  # the URLs the page loaded by itself
    requests: list[str]  # every URL the visit asked for
    axe: list[str]  # the violations, one line each
    storage: dict[str, int]  # what is kept in each kind of browser storage
    cookies: list[dict]  # the browser's cookies after the visit
    lang: str
    script_errors: list[str]
    policy_violations: list[str]  # what the Content-Security-Policy blocked
    first_focus: dict
    widths_320: tuple[int, int] | None  # document width at 320 px, plain and with text spacing (phone)
    content_start: int | None  # on a module page: the top of its first paragraph of content, in px

    def __str__(self) -> str:
        return f"{self.page} ({self.viewport})"


def visit_every_page(browser, pages: list[BuiltPage], base_url: str, viewport: str) -> list[Visit]:
    """Visit every page in ``viewport``; see the module's docstring for the order of checks."""
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    requests: list[str] = []
    errors: list[str] = []
    refused = watch_policy(context)
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    if viewport == "phone":  # a cold first view of every page
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    # axe-core's 550 KB ride along with every document instead of being evaluated again on
    # each of the 162 pages (an init script makes no request, and no page policy judges it).
    context.add_init_script(Axe().axe_script)
    visits = []
    try:
        for built in pages:
            requests.clear()
            errors.clear()
            refused.clear()
            page.set_viewport_size(VIEWPORTS[viewport])
            visits.append(_visit(page, built, base_url, viewport, requests, errors, refused))
    finally:
        context.close()
    write_report(f"sweep-{viewport}", summary(visits, viewport))
    return visits


def _visit(page, built: BuiltPage, base_url: str, viewport: str,
           requests: list[str], errors: list[str], refused: list[str]) -> Visit:
    page.goto(base_url + built.url_path)
    contrast = viewport == "phone" or built.url_path in PAGE_KINDS
    found = page.evaluate("options => axe.run(document, options)",
                          AXE_OPTIONS if contrast else AXE_WITHOUT_CONTRAST)["violations"]
    first_view = list(requests)
    state = page.evaluate(PAGE_STATE)
    page.keyboard.press("Tab")
    first_focus = page.evaluate(FIRST_FOCUS)
    widths = None
    if viewport == "phone":
        page.set_viewport_size(NARROW)
        widths = tuple(page.evaluate(REFLOW, TEXT_SPACING))
    return Visit(
        page=built, viewport=viewport, first_view=first_view, requests=list(requests),
        axe=[f"{v['id']} ({len(v['nodes'])}) {[n['target'] for n in v['nodes']][:3]}" for v in found],
        storage=state["storage"], cookies=page.context.cookies(), lang=state["lang"],
        script_errors=list(errors), policy_violations=list(refused), first_focus=first_focus, widths_320=widths,
        content_start=state["contentStart"],
    )


def hosts(urls: list[str]) -> set[str]:
    """The hosts a list of request URLs went to (``data:`` URLs go nowhere)."""
    return {urlsplit(url).hostname for url in urls if not url.startswith("data:")}


def summary(visits: list[Visit], viewport: str) -> str:
    """The sweep's figures for the end-of-run report."""
    requests = [url for v in visits for url in v.requests]
    lines = [
        f"{viewport} {VIEWPORTS[viewport]['width']}x{VIEWPORTS[viewport]['height']}: {len(visits)} pages visited once each",
        f"axe violations: {sum(len(v.axe) for v in visits)}",
        f"requests: {len(requests)} (first views {min(len(v.first_view) for v in visits)}-"
        f"{max(len(v.first_view) for v in visits)} a page), to {sorted(hosts(requests))}",
        f"pages that stored something: {sum(any(v.storage.values()) or bool(v.cookies) for v in visits)}; "
        f"script errors: {sum(len(v.script_errors) for v in visits)}; "
        f"Content-Security-Policy violations: {sum(len(v.policy_violations) for v in visits)}",
        f"first focus stop is the quick exit: {sum(v.first_focus.get('exit', False) for v in visits)} pages",
    ]
    if viewport == "phone":
        lines.append(f"widest page at 320 px: {max(v.widths_320[0] for v in visits)} px, "
                     f"with text spacing {max(v.widths_320[1] for v in visits)} px")
    return "\n".join(lines)
