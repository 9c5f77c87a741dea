"""The quick exit on every page: first focus stop, Shift three times, click, and no JavaScript."""

from __future__ import annotations

import time

import pytest

EXIT_URL = "https://www.ilmatieteenlaitos.fi/"
NEUTRAL = "<!doctype html><title>Weather</title><p>Weather"


@pytest.fixture
def exit_context(browser):
    """A browser where the neutral exit page answers locally: no request leaves the machine."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.route(EXIT_URL + "**", lambda route: route.fulfill(body=NEUTRAL, content_type="text/html"))
    yield context
    context.close()


def test_every_page_leaves_on_three_shift_presses_within_a_second(exit_context, pages, base_url):
    page = exit_context.new_page()
    for built in pages:
        page.goto(base_url + built.url_path)
        started = time.monotonic()
        for _ in range(3):
            page.keyboard.press("Shift")
        page.wait_for_url(EXIT_URL, timeout=1000)
        assert time.monotonic() - started < 1.0, built


def test_the_first_focus_stop_on_every_page_is_the_exit_link(exit_context, pages, base_url):
    page = exit_context.new_page()
    for built in pages:
        page.goto(base_url + built.url_path)
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => { const a = document.activeElement;
            return {exit: a.hasAttribute('data-exit'), href: a.href, rel: a.rel,
                    visible: a.getBoundingClientRect().width > 0} }""")
        assert focused == {"exit": True, "href": EXIT_URL, "rel": "nofollow noreferrer",
                           "visible": True}, built


def test_presses_are_announced_and_another_key_starts_again(exit_context, base_url):
    page = exit_context.new_page()
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


def test_a_click_blanks_the_page_and_replaces_it_in_history(exit_context, base_url):
    page = exit_context.new_page()
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
