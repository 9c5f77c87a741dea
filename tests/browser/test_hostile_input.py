"""Author text is data, never code: a fixture site whose every editor-written field carries
script, an event handler, an attribute-list handler and javascript:, data: and vbscript:
links (plain and entity-encoded) builds, shows that text, and runs none of it, on the module
page, its trainer page, its presentation, the catalogues, the help bar and in search.

A script the site would load from itself (``/assets/pwn.js``) is allowed by the pages'
policy, so it shows whether the sanitiser let a ``<script src>`` through; inline script and
handlers are refused by the policy, and every refusal is recorded as a violation.
"""

from __future__ import annotations

import html
import json
import re

import pytest
from playwright.sync_api import expect

from site_helpers import LANGUAGES, built_pages, make_fixture_site, mkdocs_build, serve, watch_policy

# Its tests share one fixture site: keep them on one test worker.
pytestmark = pytest.mark.xdist_group("hostile-site")

# Run by anything that reaches the page as markup: each records its number.
PWN_JS = "window.pwned = (window.pwned || []).concat(document.currentScript ? 'script' : 'other');\n"
PAYLOAD_PARTS = (
    '<script src="/assets/pwn.js"></script><script>pwn(1)</script>', '<img src=x onerror="pwn(2)">',
    '<svg onload="pwn(3)"></svg>', '<iframe src="/assets/pwn.js"></iframe>', '<a href="javascript:pwn(4)">link4</a>',
    '<a href="&#106;&#97;vascript:pwn(5)">link5</a>', "[link6](javascript:pwn(6))", "[link7](&#106;avascript:pwn(7))",
    "[link8](data:text/html;base64,PHNjcmlwdD5wd24oOCk8L3NjcmlwdD4=)", "[link9](vbscript:pwn(9))",
    "[link10](&#x76;bscript&#x3a;pwn(10))", "[link11](JaVa&#x09;ScRiPt:pwn(11))", "![img12](javascript:pwn(12))",
    "![img13](//elsewhere.example/x.png)", '[link14](https://example.org/){: onclick="pwn(14)"}',
)
# One line for a field; in a page's body each part is a paragraph of its own.
PAYLOAD = " ".join(PAYLOAD_PARTS)
# What a reader sees of it: text, never markup (the words that survive every renderer).
VISIBLE = ("link4", "link6", "link9")
# Source addresses that start well and then try to leave their attribute (one with a quote
# or a space is refused by the checks: test_a_source_address_with_a_quote_stops_the_build).
BREAKOUT_URL = "https://example.org/?q=&lt;img/src=x/onerror=pwn(20)&gt;"
BREAKOUT_URL_2 = "https://example.org/&#34;onmouseover=pwn(21)&#x20;x=&quot;"


def q(text: str) -> str:
    """A YAML double-quoted string (JSON's form is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def module_page() -> str:
    attr_handler = '{: onclick="pwn(30)" onmouseover="pwn(31)" }'
    return f"""---
id: vaara
title: {q("Vaara " + PAYLOAD)}
track: rights
order: 1
audiences: [company, trainer]
duration:
  teaching: 10
  exercises: 5
objectives:
  - {q(PAYLOAD)}
key_points:
  - {q(PAYLOAD)}
legal: true
sources:
  - title: {q("Lähde " + PAYLOAD)}
    url: {q(BREAKOUT_URL)}
  - title: Toinen lähde
    url: {q(BREAKOUT_URL_2)}
sources_as_of: 2026-01
reviewed: 2026-01-02
reviewer: {q("tarkastaja " + PAYLOAD)}
---

{chr(10).join(part + chr(10) for part in PAYLOAD_PARTS)}
Kappale, jolla on käsittelijä.
{attr_handler}

## Osio <img src=x onerror="pwn(32)">

```trainer
minutes: 10
notes: {q(PAYLOAD)}
sensitive: {q(PAYLOAD)}
```

```quiz
id: vaara-testi
title: {q(PAYLOAD)}
questions:
  - id: vaara-valinta
    type: single
    question: {q(PAYLOAD)}
    options:
      - text: {q(PAYLOAD)}
        correct: true
        feedback: {q(PAYLOAD)}
      - text: Toinen
    explanation: {q(PAYLOAD)}
  - id: vaara-teksti
    type: text
    question: Kirjoita.
    answers: [{q(PAYLOAD)}, vastaus]
    explanation: {q(PAYLOAD)}
```

```checklist
id: vaara-lista
items:
  - id: kohta
    text: {q(PAYLOAD)}
```

## Harjoitus

```trainer
minutes: 5
notes: Harjoitus.
```
"""


INDEX = """# Etusivu

```modules
group: track
```

```modules
group: audience
show: titles
```

```modules
track: rights
show: plan
```

```contacts
- nas
```
"""


def register() -> str:
    texts = "".join(f"      {lang}: {q('Apu ' + PAYLOAD)}\n" for lang in LANGUAGES)
    return ("facts:\n  nas:\n    kind: contact\n    name:\n" + texts + "    serves:\n" + texts
            + "    phone: +358 2954 63177\n    source:\n      title: " + q("Migri " + PAYLOAD) + "\n"
              "      url: https://migri.fi/en/assistance-system-for-victims-of-human-trafficking\n"
              "      dated: undated\n    confirmed: no\n")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = tmp_path_factory.mktemp("hostile")
    pages = {f"{lang}/index.md": INDEX for lang in LANGUAGES}
    pages |= {f"{lang}/m/vaara.md": module_page() for lang in LANGUAGES}
    make_fixture_site(project, pages, facts=register())
    (project / "docs/assets/pwn.js").write_text(PWN_JS, encoding="utf-8")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


# The pages that show the hostile text, in both languages.
SHOWN = ("index.html", "m/vaara/index.html", "m/vaara-kouluttajalle/index.html", "m/vaara-esitys/index.html")


def shown_pages(site):
    wanted = {f"{prefix}{page}" for prefix in ("", "en/") for page in SHOWN}
    pages = [p for p in built_pages(site) if p.path.relative_to(site).as_posix() in wanted]
    assert len(pages) == len(wanted)
    return pages


def scheme(value: str) -> str:
    """The scheme a browser reads from an attribute value (references decoded, whitespace dropped)."""
    value = re.sub(r"[\x00-\x20\x7f]", "", html.unescape(html.unescape(value))).lower()
    match = re.match(r"([a-z][a-z0-9+.-]*):", value)
    return match.group(1) if match else ""


def test_no_author_markup_survives_as_markup_on_any_page(hostile_site):
    found = []
    for page in built_pages(hostile_site):
        for el in page.soup.find_all(True):
            where = f"{page}: <{el.name}>"
            if el.name in ("iframe", "object", "embed", "base", "frame", "svg") and "pwn" in str(el):
                found.append(f"{where} from the author's text")
            if el.name == "script" and ("pwn" in (el.get("src") or "") or "pwn(" in (el.string or "")
                                        and el.get("type") != "application/json"):
                found.append(f"{where} runs the author's script")
            for name, value in el.attrs.items():
                value = " ".join(value) if isinstance(value, list) else value
                if name.lower().startswith("on"):
                    found.append(f"{where} has the handler {name}={value!r}")
                if name in ("href", "src", "action", "formaction", "xlink:href", "data", "poster") and \
                        scheme(value) in ("javascript", "data", "vbscript"):
                    found.append(f"{where} has {name}={value!r}")
                if name == "src" and value.replace("\\", "/").startswith("//"):
                    found.append(f"{where} loads {value!r} from elsewhere")
            if "x" in el.attrs or "x=" in el.attrs:
                found.append(f"{where} has attributes from a source address")
    assert found == [], "\n".join(found)


def test_a_source_address_with_a_quote_stops_the_build(tmp_path):
    page = module_page().replace(q(BREAKOUT_URL), q('https://example.org/" onmouseover="pwn(22)'))
    make_fixture_site(tmp_path, {f"{lang}/index.md": "# Koti\n" for lang in LANGUAGES}
                      | {f"{lang}/m/vaara.md": page for lang in LANGUAGES}, facts=register())
    result = mkdocs_build(tmp_path, tmp_path / "site")
    assert result.returncode == 1
    for lang in LANGUAGES:
        assert (f"docs/{lang}/m/vaara.md:17: source 1 needs a 'url:' that starts with https:// and holds no "
                "spaces, quotes or angle brackets: copy the address from the browser's address bar") in result.stderr


def test_the_quiz_data_cannot_end_its_script(hostile_site):
    for page in shown_pages(hostile_site):
        for script in page.soup.select('script[type="application/json"]'):
            json.loads(script.string)  # the whole payload stayed inside, as data


def test_the_hostile_text_is_shown_as_text_where_it_belongs(hostile_site):
    for page in shown_pages(hostile_site):
        text = page.soup.get_text(" ")
        rel = page.path.relative_to(hostile_site).as_posix()
        if "vaara" in rel and "esitys" not in rel:
            assert all(word in text for word in VISIBLE), page
    module = next(p for p in shown_pages(hostile_site) if p.path.relative_to(hostile_site).as_posix() == "m/vaara/index.html")
    title = "Vaara " + PAYLOAD
    assert module.soup.select_one("h1").get_text() == title  # escaped once: neither live nor "&amp;lt;"
    assert module.soup.title.get_text().startswith(title)
    assert [a["href"] for a in module.soup.select(".module-sources a")] == [BREAKOUT_URL, BREAKOUT_URL_2]
    assert "tarkastaja <script" in module.soup.select_one(".module-reviewed").get_text()


# What a reader's pointer and keyboard do to every element of the content: no handler may fire.
POINT_AND_FOCUS = """() => document.querySelectorAll('main *, .help-bar *').forEach(el => {
  for (const type of ['mouseover', 'mouseenter', 'pointerover', 'focus', 'focusin']) el.dispatchEvent(new Event(type));
})"""


@pytest.fixture
def hostile_browser(browser, hostile_site):
    """A browser on the fixture site that records script errors, dialogs and policy refusals."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    violations = watch_policy(context)
    dialogs: list[str] = []
    with serve(hostile_site) as base_url:
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        yield page, base_url, violations
        context.close()
    assert dialogs == []


@pytest.mark.parametrize("path", [f"{prefix}{page}" for prefix in ("", "en/") for page in SHOWN])
def test_nothing_of_the_hostile_text_runs_in_the_browser(hostile_browser, path):
    page, base_url, violations = hostile_browser
    page.goto(base_url + path.removesuffix("index.html"))
    page.wait_for_load_state("load")
    page.evaluate(POINT_AND_FOCUS)
    assert page.evaluate("() => window.pwned || []") == []
    assert violations == []


def test_searching_for_the_hostile_title_runs_nothing(hostile_browser):
    page, base_url, violations = hostile_browser
    page.goto(base_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type("Vaara")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=20_000)
    assert page.evaluate("() => window.pwned || []") == []
    assert page.locator(".md-search-result img, .md-search-result script, .md-search-result svg[onload]").count() == 0
    assert violations == []
