"""A third language, written right to left: the interface falls back to English strings
(Arabic has no table) and the layout mirrors."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from site_helpers import help_line_register, make_fixture_site, mkdocs_build, parse_html, serve

# Its tests share one fixture site: keep them on one test worker.
pytestmark = pytest.mark.xdist_group("rtl-site")

LANGUAGES = """      languages:
        - locale: fi
          name: Suomi
          default: true
          build: true
        - locale: ar
          name: العربية
          build: true
          site_name: مهارات الحياة العملية
"""

QUIZ = """# {title}

```quiz
id: rtl-quiz
questions:
  - id: rtl-q
    type: single
    question: {question}
    options:
      - text: {right}
        correct: true
      - text: {wrong}
```

```checklist
id: rtl-list
items:
  - id: a
    text: {item}
```
"""


@pytest.fixture(scope="module")
def arabic_site(tmp_path_factory):
    project = tmp_path_factory.mktemp("rtl")
    make_fixture_site(project, {
        "fi/index.md": QUIZ.format(title="Koti", question="Kysymys?", right="Oikea", wrong="Väärä", item="Kohta"),
        "ar/index.md": QUIZ.format(title="الرئيسية", question="سؤال؟", right="صحيح", wrong="خطأ", item="بند"),
    }, languages_yaml=LANGUAGES, facts=help_line_register(("fi", "ar")))
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_the_arabic_page_is_right_to_left_with_english_interface_strings(arabic_site):
    soup = parse_html(arabic_site / "ar/index.html")
    assert soup.html["lang"] == "ar"
    assert soup.body["dir"] == "rtl"
    assert soup.select_one(".training-actions button").get_text(strip=True) == "Check"
    finnish = parse_html(arabic_site / "index.html")
    assert finnish.body["dir"] == "ltr"
    assert finnish.select_one(".training-actions button").get_text(strip=True) == "Tarkista"


def test_the_quiz_layout_mirrors_in_the_browser(arabic_site, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    with serve(arabic_site) as base_url:
        page = context.new_page()
        page.goto(base_url + "ar/")
        option = page.locator(".training-option").first
        radio = option.locator("input").bounding_box()
        text = option.locator("label, .training-option__text").last.bounding_box()
        assert radio["x"] > text["x"], "in right-to-left text the radio button sits to the right"
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        page.locator(".training-option input").first.check()
        page.locator(".training-actions button").first.click()
        expect(page.locator(".training-status").first).to_contain_text("Correct")
    context.close()
