"""The quick exit and the skip link, on one page of each kind: three Shift presses, the count
of presses, a click, the plain link without JavaScript, and the jump to the content.

That every page has the exit link as its first focus stop and loads its script is checked on
every page by the sweep (``test_every_page.py``)."""

from __future__ import annotations

import time

import pytest
from site_helpers import PAGE_KINDS
from sweep import EXIT_URL

NEUTRAL = "<!doctype html><title>Weather</title><p>Weather"


@pytest.fixture(scope="module")
def exit_context(browser):
    """A browser where the neutral exit page answers locally: no request leaves the machine.

    The quick exit stores nothing, so its tests can share one browser profile."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.route(EXIT_URL + "**", lambda route: route.fulfill(body=NEUTRAL, content_type="text/html"))
    yield context
    context.close()


@pytest.fixture
def page(exit_context):
    """A new tab in that browser, closed after the test."""
    tab = exit_context.new_page()
    yield tab
    tab.close()


@pytest.mark.parametrize("path", PAGE_KINDS)
def test_three_shift_presses_leave_within_a_second(page, base_url, path):
    page.goto(base_url + path)
    started = time.monotonic()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(EXIT_URL, timeout=1000)
    assert time.monotonic() - started < 1.0
    assert page.locator("body").inner_text() == "Weather"


@pytest.mark.parametrize("path", [kind for kind in PAGE_KINDS if kind != "404.html" and "-esitys" not in kind])
def test_the_second_focus_stop_skips_to_the_content(page, base_url, path):
    """The error page has no headings to skip to; on a presentation the skip link goes to the
    slide being shown (test_presentation.py)."""
    page.goto(base_url + path)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    skip = page.evaluate("() => { const a = document.activeElement; return a.matches('a.md-skip:not([data-exit])') && a.hash }")
    assert skip, "the second focus stop is not the skip link"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == skip
    heading = page.locator(f"[id='{skip[1:]}']")
    assert heading.evaluate("h => h.matches('h1, h2, h3') && h.getBoundingClientRect().top >= 0 && "
                            "h.getBoundingClientRect().top < innerHeight")
    page.keyboard.press("Tab")  # and the keyboard goes on from there, not from the top
    assert page.evaluate("() => !document.activeElement.closest('.md-header, .exit-nav, .help-bar')")


def test_presses_are_announced_and_another_key_starts_again(page, base_url):
    page.goto(base_url)
    status = page.locator("#exit-status")
    assert status.get_attribute("role") == "status"
    page.keyboard.press("Shift")
    assert "2" in status.text_content()
    page.keyboard.press("Shift+A")  # Shift used as a modifier does not count
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert page.url == base_url
    assert "1" in status.text_content()


def test_a_click_blanks_the_page_and_replaces_it_in_history(page, base_url):
    page.goto(base_url)
    page.goto(base_url + "apua/")
    before = page.evaluate("history.length")
    page.locator(".md-header a.exit-button").click()
    page.wait_for_url(EXIT_URL)
    assert page.evaluate("history.length") == before
    page.go_back()
    assert page.url == base_url  # the page the reader left from is no longer in the tab's history


def test_without_javascript_the_exit_is_a_plain_link_that_works(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    context.route(EXIT_URL + "**", lambda route: route.fulfill(body=NEUTRAL, content_type="text/html"))
    page = context.new_page()
    page.goto(base_url + "en/")
    page.locator(".md-header a.exit-button").click()
    page.wait_for_url(EXIT_URL)
    context.close()
