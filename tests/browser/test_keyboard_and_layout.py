"""Keyboard and layout over the built site: visible focus that nothing covers, reflow at
320 px (also with WCAG 1.4.12 text spacing), target sizes, help in the same place."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest

# One page of each kind the site has.
PAGE_TYPES = ["", "oikeudet/", "oikeudet/palkka/", "oikeudet/palkka-kouluttajalle/", "moduulit/",
              "sanasto/", "toimittajille/esimerkki/", "tietosuoja/", "en/yritykset/toimintamalli/", "404.html"]
VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}
TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }"""

# After a Tab: wait for transitions (the search dialog closing, the drawer) and scrolling to
# end, then describe the focused element: its indicator, whether anything covers it.
FOCUS_STATE = """async () => {
  const running = document.getAnimations();
  if (running.length) await Promise.all(running.map(a => a.finished.catch(() => null)));
  const frame = () => new Promise(r => requestAnimationFrame(r));
  const where = () => { const r = document.activeElement.getBoundingClientRect(); return r.top + ',' + r.left; };
  for (let last = null, n = 0; n < 60 && last !== where(); n++) { last = where(); await frame(); }
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
  return {name: el.tagName + (el.id ? '#' + el.id : '') + ' ' + (el.textContent || el.value || '').trim().slice(0, 30)
                + (uncovered ? '' : ' under ' + (top ? top.tagName + '.' + top.className : 'nothing') + ' at ' + Math.round(y)),
          indicator, uncovered, inside};
}"""


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_focus_stop_is_visible_and_uncovered(browser, base_url, viewport):
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    problems, stops = [], 0
    for path in PAGE_TYPES:
        page.goto(base_url + path)
        seen = set()
        for _ in range(400):
            page.keyboard.press("Tab")
            state = page.evaluate(FOCUS_STATE)
            if state is None:
                continue
            key = page.evaluate("() => { const e = document.activeElement; return e.outerHTML.slice(0, 200) + e.getBoundingClientRect().top }")
            if key in seen:
                break
            seen.add(key)
            stops += 1
            bad = [k for k in ("indicator", "uncovered", "inside") if not state[k]]
            if bad:
                problems.append(f"/{path} {state['name']!r}: not {', '.join(bad)}")
    context.close()
    print(f"{viewport}: {stops} focus stops on {len(PAGE_TYPES)} page types")
    assert stops > 200
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("spacing", [False, True], ids=["plain", "text-spacing"])
def test_no_page_scrolls_sideways_at_320_px(browser, pages, base_url, spacing):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    wide = []
    for built in pages:
        page.goto(base_url + built.url_path)
        if spacing:
            page.add_style_tag(content=TEXT_SPACING)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            wide.append(f"{built}: {width} px")
    context.close()
    assert not wide, wide


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
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    # Enter opens a result exactly as linked: no query, no highlighted words added (a
    # result's own heading anchor may of course contain the word).
    assert page.url in [*links, base_url + "en/"] and "?" not in page.url, page.url
