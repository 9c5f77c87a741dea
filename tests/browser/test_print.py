"""Printing: a module is a clean participant handout; its trainer page is a facilitator guide."""

from __future__ import annotations

import pytest

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


def test_a_module_prints_as_a_handout_without_navigation_or_answers(printed):
    page = printed("oikeudet/palkka/")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".help-bar", ".exit-button"):
        assert visible(page, selector) in ([], [False]), selector
    answers = visible(page, ".training-answer")
    assert answers and not any(answers)
    legends = visible(page, ".training-question legend")
    assert legends and all(legends)
    boxes = visible(page, ".training-item__input")
    assert boxes and all(boxes)
    assert page.evaluate("[...document.querySelectorAll('.training-checklist input')].every(i => !i.checked)")


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


def test_the_trainer_page_prints_the_answer_key(printed):
    page = printed("oikeudet/palkka-kouluttajalle/")
    assert page.locator("article h2", has_text="Vastausavain").is_visible()
    assert page.locator("article table").first.is_visible()
    assert visible(page, ".md-sidebar--primary") in ([], [False])
