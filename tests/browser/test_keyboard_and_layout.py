"""Keyboard and layout: the exit control's target size, help in the same place on every page,
search that keeps its words out of the address.

The keyboard walk over one page of each kind is in ``test_page_kinds.py``; reflow at 320 px
and the first focus stop on every page are checked by the sweep (``test_every_page.py``)."""

from __future__ import annotations

from urllib.parse import urljoin

from sweep import VIEWPORTS


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
