"""Keyboard and layout: visible focus that nothing covers, walked with Tab through one page of
each kind the site has, on a phone and on a desktop; target sizes; help in the same place.

Reflow at 320 px and the first focus stop are checked on every page by the sweep
(``test_every_page.py``)."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from site_helpers import PAGE_KINDS, write_report
from sweep import VIEWPORTS

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
  // Material hides the radio buttons of content tabs and marks the focused tab's label.
  const hiddenTab = focused.matches('.tabbed-set > input') && focused.labels.length;
  const el = hiddenTab ? focused.labels[0] : focused;
  const r = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  const marked = hiddenTab && [...el.parentElement.children].some(
    other => other !== el && getComputedStyle(other).color !== s.color);
  const indicator = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none' || marked;
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


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_focus_stop_is_visible_and_uncovered(browser, base_url, viewport):
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    problems, stops = [], {}
    for path in PAGE_KINDS:
        page.goto(base_url + path)
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
                problems.append(f"/{path} {state['name']!r}: not {', '.join(bad)}")
        stops[path] = len(seen)
    context.close()
    write_report(f"focus-walk-{viewport}", f"{sum(stops.values())} focus stops on {len(PAGE_KINDS)} page kinds: "
                 + ", ".join(f"/{path} {n}" for path, n in stops.items()))
    assert min(stops.values()) >= 10, stops  # the walk went round every page, not just its first links
    assert not problems, "\n".join(problems)


def test_the_exit_control_is_a_44_px_target_and_never_covered(browser, base_url):
    for viewport in VIEWPORTS.values():
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        page.goto(base_url + "oikeudet/palkka/")
        page.mouse.wheel(0, 3000)
        page.wait_for_timeout(200)
        button = page.locator(".md-header .exit-button")
        box = button.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, box
        assert 0 <= box["y"] and box["x"] + box["width"] <= viewport["width"], box
        on_top = page.evaluate("""() => { const b = document.querySelector('.md-header .exit-button');
            const r = b.getBoundingClientRect();
            return b.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)) }""")
        assert on_top, viewport
        context.close()


def test_help_and_footer_links_are_in_the_same_place_on_every_page(pages):
    orders = set()
    for page in pages:
        help_bar = page.soup.select_one(".help-bar")
        assert help_bar is not None, page
        assert help_bar.find("a", href=lambda h: h and h.startswith("tel:")), page
        here = "http://site/" + page.url_path
        footer = [urljoin(here, a["href"]).rstrip("/").rsplit("/", 1)[-1] for a in page.soup.select(".footer-links a")]
        assert footer == ["saavutettavuus", "tietosuoja", "turvallisuus"], page
        landmarks = [el.name for el in page.soup.body.find_all(["nav", "header", "main", "footer"], recursive=True)
                     if el.find_parent(["nav", "header", "main", "footer"]) is None]
        orders.add((page.soup.body.find(class_="help-bar").find_previous("nav") is not None, tuple(landmarks[:2])))
    assert len(orders) == 1, orders


def test_searching_keeps_the_words_out_of_the_address(context, base_url):
    page = context.new_page()
    page.goto(base_url + "en/")
    page.locator("input.md-search__input").focus()
    page.keyboard.type("contract")
    page.wait_for_selector(".md-search-result__item", timeout=5000)
    links = page.locator(".md-search-result a").evaluate_all("links => links.map(a => a.href)")
    assert links and not [link for link in links if "?" in link], links
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # Enter opens a result exactly as linked: no query, no highlighted words added (a result's
    # own heading anchor may of course contain the word).
    assert page.url in links and "?" not in page.url, page.url
