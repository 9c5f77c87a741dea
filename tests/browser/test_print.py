"""Printing: a module is a clean participant handout; its trainer page is a facilitator guide."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

VISIBLE = "el => { const s = getComputedStyle(el); const r = el.getBoundingClientRect();" \
          " return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0 && r.height > 0 }"


@pytest.fixture
def printed(context, base_url):
    page = context.new_page()
    page.emulate_media(media="print")

    def open_page(path: str):
        page.goto(base_url + path)
        return page
    return open_page


def visible(page, selector: str) -> list[bool]:
    return [el.evaluate(VISIBLE) for el in page.query_selector_all(selector)]


def shown_on_screen_and_hidden_in_print(page, selectors: tuple[str, ...]) -> None:
    """Each selector matches something the reader sees on screen, and none of it prints."""
    page.emulate_media(media="screen")
    for selector in selectors:
        on_screen = visible(page, selector)
        assert on_screen and any(on_screen), (selector, on_screen)
    page.emulate_media(media="print")
    for selector in selectors:
        printed = visible(page, selector)
        assert printed and not any(printed), (selector, printed)


def test_a_module_prints_as_a_handout_without_navigation_or_answers(open_page):
    page = open_page("oikeudet/palkka/")
    shown_on_screen_and_hidden_in_print(page, (".md-header", ".md-sidebar--primary", ".md-footer", ".help-bar",
                                               ".exit-button"))
    answers = visible(page, ".training-answer")
    assert answers and not any(answers)
    legends = visible(page, ".training-question legend")
    assert legends and all(legends)
    boxes = visible(page, ".training-item__input")
    assert boxes and all(boxes)


@pytest.mark.parametrize("path", ["oikeudet/palkka/", "en/yritykset/velvollisuudet/"])
def test_a_module_shows_one_line_of_facts_on_screen_and_every_fact_on_paper(open_page, path):
    """On screen the time and audience in one line, the objectives in a closed box; the
    handout writes out the audiences, the minutes of teaching and exercises, and the objectives."""
    page = open_page(path)
    objectives = page.locator(".module-objectives li")
    assert objectives.count() >= 2
    assert visible(page, ".module-summary") == [True] and visible(page, ".module-facts") == [False]
    assert not page.locator(".module-goals").evaluate("d => d.open")
    expect(objectives.first).to_be_hidden()
    page.emulate_media(media="print")
    assert visible(page, ".module-summary") == [False]
    facts = page.locator(".module-facts")
    assert facts.is_visible() and re.search(r"\d+ min \(\d+ min .+, \d+ min .+\)", facts.inner_text())
    for index in range(objectives.count()):
        expect(objectives.nth(index)).to_be_visible()


@pytest.mark.parametrize("selector", [".training-item__input", ".training-option__input"])
def test_a_box_ticked_on_screen_prints_empty(open_page, selector):
    """The handout has boxes to fill in by hand, whatever the reader ticked before printing."""
    page = open_page("oikeudet/palkka/")
    boxes = page.locator(selector)
    assert boxes.count() >= 2
    box = boxes.first
    unticked = box.screenshot()
    page.locator(f"label[for='{box.get_attribute('id')}']").click()
    expect(box).to_be_checked()
    page.evaluate("document.activeElement.blur()")
    assert box.screenshot() != unticked, "on screen the tick shows"

    page.emulate_media(media="print")
    expect(box).to_be_checked()
    ticked = box.screenshot()
    assert box.evaluate("e => getComputedStyle(e).appearance") == "none"
    box.evaluate("e => { e.checked = false }")
    assert box.screenshot() == ticked, "the box ticked on screen must print as an empty one"


def test_link_addresses_are_printed(printed):
    page = printed("oikeudet/palkka/")
    after = page.evaluate("""() => getComputedStyle(
        document.querySelector('.module-sources a[href^="http"]'), '::after').content""")
    assert after.startswith('" (') and "http" in after


def test_collapsed_boxes_open_on_paper_except_quiz_answers(printed):
    page = printed("toimittajille/esimerkki/")
    other = page.query_selector_all("details:not(.training-answer)")
    assert other, "the demo page has a collapsible box to check"
    for details in other:
        content = details.evaluate("d => { const c = d.querySelector(':scope > :not(summary)');"
                                   " return c ? c.getBoundingClientRect().height : 0 }")
        assert content > 0


def test_the_trainer_page_prints_the_answer_key(open_page):
    page = open_page("oikeudet/palkka-kouluttajalle/")
    shown_on_screen_and_hidden_in_print(page, (".md-sidebar--primary",))
    assert page.locator("article h2", has_text="Vastausavain").is_visible()
    assert page.locator("article table").first.is_visible()
