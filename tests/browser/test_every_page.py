"""Every built page in Chromium, on a phone and on a desktop: no axe-core violation, nothing
sent beyond 127.0.0.1, nothing stored, its own language, no script error, the quick exit as
the first focus stop and its script loaded, no sideways scrolling at 320 px, and a module
page's own text on the first screen.

Each page is opened once per viewport (see ``sweep.py``); these tests read what the visits
found.
"""

from __future__ import annotations

import pytest
from site_helpers import watch_policy, write_report
from sweep import EXIT_URL, NOTHING_STORED, VIEWPORTS, each_viewport, hosts, in_group


def _failing(visits, problem) -> list[str]:
    """``page: problem`` for every visit where ``problem(visit)`` says something."""
    return [f"{visit}: {found}" for visit in visits if (found := problem(visit))]


@pytest.mark.parametrize("viewport", each_viewport())
def test_every_page_was_visited(sweep, pages, viewport):
    assert [visit.page for visit in sweep(viewport)] == pages


@pytest.mark.parametrize("viewport", each_viewport())
def test_no_axe_violation_on_any_page(sweep, viewport):
    """WCAG 2.2 A/AA and best practice."""
    assert _failing(sweep(viewport), lambda visit: visit.axe) == []


@pytest.mark.parametrize("viewport", each_viewport())
def test_a_visit_of_every_page_stays_on_loopback_and_stores_nothing(sweep, base_url, viewport):
    visits = sweep(viewport)
    assert _failing(visits, lambda visit: base_url + visit.page.url_path not in visit.requests
                    and f"did not request itself: {visit.requests[:3]}") == []
    assert hosts([url for visit in visits for url in visit.requests]) == {"127.0.0.1"}
    assert _failing(visits, lambda visit: visit.storage != NOTHING_STORED and visit.storage) == []
    assert _failing(visits, lambda visit: visit.cookies) == []


@pytest.mark.parametrize("viewport", each_viewport())
def test_every_page_says_its_language_and_runs_without_script_errors(sweep, viewport):
    visits = sweep(viewport)
    assert _failing(visits, lambda visit: visit.lang != visit.page.language and f"lang={visit.lang!r}") == []
    assert _failing(visits, lambda visit: visit.script_errors) == []


@pytest.mark.parametrize("viewport", each_viewport())
def test_every_page_carries_its_policy_and_nothing_breaks_it(sweep, viewport):
    """The Content-Security-Policy of each page blocks nothing the site itself does: no
    violation while a page loads, is checked by axe, takes the keyboard and is narrowed."""
    visits = sweep(viewport)
    assert all(visit.page.soup.select_one("head meta[http-equiv=Content-Security-Policy]") for visit in visits)
    assert _failing(visits, lambda visit: visit.policy_violations) == []


def test_a_refusal_of_the_policy_is_seen(browser, base_url):
    """The watcher every browser test relies on hears both a refused inline script and a
    refused image from another host, so its empty list means something."""
    context = browser.new_context()
    refused = watch_policy(context)
    page = context.new_page()
    page.goto(base_url)
    page.evaluate("""() => {
      const script = document.createElement('script');
      script.textContent = 'window.ran = true';
      document.body.append(script);
      const image = new Image();
      image.src = 'https://example.org/pixel.png';
      document.body.append(image);
    }""")
    page.wait_for_timeout(200)
    ran = page.evaluate("() => window.ran === true")
    context.close()
    assert not ran
    assert any("script-src" in line for line in refused) and any("img-src" in line for line in refused), refused


@pytest.mark.parametrize("viewport", each_viewport())
def test_a_module_page_starts_with_its_own_text_on_the_first_screen(sweep, viewport):
    """After the help bar, the header, the title and one line of module facts comes the
    page's own first paragraph, and its first line is on screen as the page loads."""
    visits = [visit for visit in sweep(viewport) if visit.page.soup.select_one("article .module-header")]
    assert len(visits) >= 40 and all(visit.content_start is not None for visit in visits)
    height = VIEWPORTS[viewport]["height"]
    lowest = max(visits, key=lambda visit: visit.content_start)
    starts = sorted(visit.content_start for visit in visits)
    write_report(f"first-screen-{viewport}", f"module pages at {viewport} ({height} px high): first paragraph at "
                 f"median {starts[len(starts) // 2]} px, lowest {lowest.content_start} px ({lowest.page})")
    line = 24  # the body text's line height: the first line must be whole on screen
    assert _failing(visits, lambda visit: (visit.content_start < 0 and "no paragraph after the module header")
                    or (visit.content_start + line > height and f"first paragraph at {visit.content_start} px")) == []


@pytest.mark.parametrize("viewport", each_viewport())
def test_the_first_focus_stop_on_every_page_is_the_exit_link(sweep, viewport):
    expected = {"exit": True, "href": EXIT_URL, "rel": "nofollow noreferrer", "visible": True}
    assert _failing(sweep(viewport), lambda visit: visit.first_focus != expected and str(visit.first_focus)) == []


@pytest.mark.parametrize("viewport", each_viewport())
def test_every_page_loads_the_quick_exit_script(sweep, base_url, viewport):
    """What three Shift presses do is tested on each kind of page (test_quick_exit.py)."""
    exit_files = {base_url + "assets/exit.js", base_url + "assets/exit.css"}
    assert _failing(sweep(viewport), lambda visit: exit_files - set(visit.first_view)) == []


@in_group("phone")
@pytest.mark.parametrize("spacing", [False, True], ids=["plain", "text-spacing"])
def test_no_page_scrolls_sideways_at_320_px(sweep, spacing):
    """WCAG 1.4.10 reflow, also with the text spacing of WCAG 1.4.12."""
    width = lambda visit: visit.widths_320[spacing]  # noqa: E731
    assert _failing(sweep("phone"), lambda visit: not 0 < width(visit) <= 320 and f"{width(visit)} px wide") == []
