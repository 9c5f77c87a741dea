"""What the shared template does, on one page of each kind (``site_helpers.PAGE_KINDS``), on a
phone and on a desktop, in one visit per page: every Tab stop has a visible focus indicator
and nothing covers it; the second stop skips to the content; three Shift presses leave for
the neutral page within a second.

The sweep (``test_every_page.py``) checks on every page what a page's own content decides:
axe, the first focus stop, reflow."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from site_helpers import PAGE_KINDS, write_report
from sweep import EXIT_URL, VIEWPORTS

NEUTRAL = "<!doctype html><title>Weather</title><p>Weather"
# The error page has no heading to skip to; a presentation's skip link goes to the slide being
# shown (test_presentation.py).
WITHOUT_SKIP_LINK = ("404.html", "-esitys/")

# After a Tab: bring transitions (the search dialog opening or closing, the drawer, a link's
# colour) to their end state at once rather than waiting them out, and wait until the focused
# element has stayed in place for two frames (Material opens search a moment after its field
# gets the focus); then describe the focused element: its indicator, whether anything covers
# it, and a key that tells whether the walk has come round to a stop it has seen.
FOCUS_STATE = """async () => {
  const settle = () => document.getAnimations().forEach(a => { try { a.finish(); } catch (e) { /* endless */ } });
  const frame = () => new Promise(r => requestAnimationFrame(r));
  const where = () => { const r = document.activeElement.getBoundingClientRect(); return r.top + ',' + r.left; };
  settle();
  for (let last = null, same = 0, n = 0; n < 60 && same < 2; n++) {
    const now = where();
    same = now === last ? same + 1 : 0;
    last = now;
    if (same < 2) { await frame(); settle(); }
  }
  const focused = document.activeElement;
  if (!focused || focused === document.body) return null;
  // Material hides the radio buttons of content tabs: the indicator is on the tab's label (a
  // colour alone would not tell the focused tab from the chosen one).
  const hiddenTab = focused.matches('.tabbed-set > input') && focused.labels.length;
  const el = hiddenTab ? focused.labels[0] : focused;
  const r = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  const indicator = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
  const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  const uncovered = !!top && (el === top || el.contains(top) || top.contains(el)
    || (el.labels && [...el.labels].some(l => l.contains(top))));
  const inside = r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth && r.width > 0;
  return {key: focused.outerHTML.slice(0, 200) + focused.getBoundingClientRect().top,
          name: el.tagName + (el.id ? '#' + el.id : '') + ' ' + (el.textContent || el.value || '').trim().slice(0, 30)
                + (uncovered ? '' : ' under ' + (top ? top.tagName + '.' + top.className : 'nothing') + ' at ' + Math.round(y)),
          indicator, uncovered, inside};
}"""


SKIP_LINK = "() => { const a = document.activeElement; return a.matches('a.md-skip:not([data-exit])') && a.hash }"
AT_HEADING = """id => { const h = document.getElementById(id); const top = h.getBoundingClientRect().top;
    return h.matches('h1, h2, h3') && top >= 0 && top < innerHeight }"""
IN_CHROME = "() => !!document.activeElement.closest('.md-header, .exit-nav, .help-bar')"


@dataclass
class KindVisit:
    """What the visit of one page kind found."""

    path: str
    stops: int = 0
    problems: list[str] = field(default_factory=list)


def _walk(page, found: KindVisit) -> None:
    """Tab through every stop until the walk comes round to one it has seen."""
    seen = set()
    for _ in range(400):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None:
            continue
        if state["key"] in seen:
            break
        seen.add(state["key"])
        bad = [k for k in ("indicator", "uncovered", "inside") if not state[k]]
        if bad:
            found.problems.append(f"{state['name']!r}: not {', '.join(bad)}")
    found.stops = len(seen)


def _skip_to_content(page, found: KindVisit) -> None:
    """After the exit link (the first stop, as the sweep checks on every page) comes the skip
    link, which takes the keyboard to the content."""
    page.evaluate("() => { scrollTo(0, 0); document.querySelector('a[data-exit]').focus(); }")
    page.keyboard.press("Tab")
    target = page.evaluate(SKIP_LINK)
    if not target:
        found.problems.append("the second focus stop is not the skip link")
        return
    page.keyboard.press("Enter")
    if page.evaluate("location.hash") != target or not page.evaluate(AT_HEADING, target[1:]):
        found.problems.append(f"the skip link did not bring {target} into view")
    page.keyboard.press("Tab")  # the keyboard goes on from the content, not from the top
    if page.evaluate(IN_CHROME):
        found.problems.append("after the skip link, Tab went back to the page's top")


def _leave(page, found: KindVisit) -> None:
    started = time.monotonic()
    for _ in range(3):
        page.keyboard.press("Shift")
    try:
        page.wait_for_url(EXIT_URL, timeout=1000)
    except PlaywrightTimeoutError:
        found.problems.append("three Shift presses did not leave within a second")
        return
    if time.monotonic() - started >= 1.0 or page.locator("body").inner_text() != "Weather":
        found.problems.append("three Shift presses did not reach the neutral page within a second")


def visit_page_kinds(browser, base_url: str, viewport: str) -> list[KindVisit]:
    """Every page kind visited once in ``viewport``: the walk, the skip link, the quick exit."""
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    context.route(EXIT_URL + "**", lambda route: route.fulfill(body=NEUTRAL, content_type="text/html"))
    page = context.new_page()
    visits = []
    for path in PAGE_KINDS:
        found = KindVisit(path)
        page.goto(base_url + path)
        _walk(page, found)
        if not path.endswith(WITHOUT_SKIP_LINK):
            _skip_to_content(page, found)
        _leave(page, found)
        visits.append(found)
    context.close()
    write_report(f"page-kinds-{viewport}", f"{sum(v.stops for v in visits)} focus stops on {len(PAGE_KINDS)} page "
                 "kinds: " + ", ".join(f"/{v.path} {v.stops}" for v in visits))
    return visits


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_focus_stop_is_visible_and_uncovered_and_the_skip_link_and_quick_exit_work(browser, base_url, viewport):
    visits = visit_page_kinds(browser, base_url, viewport)
    assert [v.path for v in visits] == list(PAGE_KINDS)
    assert min(v.stops for v in visits) >= 10, [(v.path, v.stops) for v in visits]  # the walk went round
    assert [f"/{v.path} {problem}" for v in visits for problem in v.problems] == []
