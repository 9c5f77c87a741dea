"""The quick exit: the count of Shift presses, a click, and the plain link without JavaScript.

Three Shift presses are tried on one page of each kind (``test_page_kinds.py``); that every
page has the exit link as its first focus stop and loads its script is checked on every page
by the sweep (``test_every_page.py``)."""

from __future__ import annotations

import pytest
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
