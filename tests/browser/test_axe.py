"""axe-core finds no WCAG 2.2 A/AA or best-practice violation on any built page."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from site_helpers import LANGUAGES

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_no_axe_violation_on_any_page(browser, pages, base_url, viewport, language):
    mine = [p for p in pages if p.language == language]
    assert mine
    axe = Axe()
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    found = []
    try:
        for built in mine:
            page.goto(base_url + built.url_path)
            results = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
            for violation in results.response["violations"]:
                targets = [node["target"] for node in violation["nodes"]][:3]
                found.append(f"{built}: {violation['id']} ({len(violation['nodes'])}) {targets}")
    finally:
        context.close()
    assert not found, "\n".join(found)
