"""The fact register in real builds: references rendered everywhere a page writes Markdown, the
contact cards, the help bar, the quiz exports, the honest review dates, the translation notice,
and the build stopping on an unknown or retired fact or a number written by hand."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from site_helpers import LANGUAGES, ROOT, make_fixture_site, mkdocs_build, parse_html

from training.site import translations
from training.strings import load_strings

REGISTER = """\
facts:
  nas:
    kind: contact
    name: {fi: Auttamisjärjestelmä, en: Assistance System}
    phone: +358 2954 63177
    email: apu@example.fi
    serves: {fi: Kaikki, en: Everyone}
    source: {title: Migri, url: 'https://migri.fi/en/a', dated: undated}
    confirmed: no
  emergency:
    kind: contact
    name: {fi: Hätänumero, en: Emergency number}
    phone: "112"
    serves: {fi: Kaikki, en: Everyone}
    source: {title: Migri, url: 'https://migri.fi/en/a', dated: undated}
    confirmed: {on: 2026-11-01, by: site owner}
  old:
    kind: contact
    name: {fi: Vanha, en: Old}
    email: old@example.fi
    serves: {fi: Kukaan, en: Nobody}
    source: {title: SAK, url: 'https://sak.fi/', dated: undated}
    confirmed: no
    status: withdrawn
"""

MODULE = """---
id: apu
title: {title}
track: rights
order: 1
audiences: [participant, trainer]
duration:
  teaching: 10
  exercises: 0
objectives:
  - {title}
key_points:
  - {key_point} ${{emergency}}.
---

## {title}

Soita ${{nas}}.

- Hätä: ${{emergency}}
- Sähköposti: ${{nas.email}}

| Kuka | Numero |
|---|---|
| Apu | ${{nas}} |

!!! note "{title}"
    Soita ${{nas}}.

```contacts
- nas
- emergency
```

```trainer
minutes: 10
notes: |
  Näytä numero ${{nas}}.
```

```quiz
id: apu-testi
questions:
  - id: apu-numero
    type: single
    question: Mihin soitat hädässä?
    options:
      - text: "${{emergency}}"
        correct: true
      - text: Ei mihinkään
    explanation: Hätänumero on ${{emergency}}.
```

```checklist
id: apu-lista
items:
  - id: numero
    text: Tallenna ${{nas}} puhelimeesi
```
"""


def module(language: str) -> str:
    title, key_point = ("Apu", "Hätänumero on") if language == "fi" else ("Help", "The emergency number is")
    return MODULE.format(title=title, key_point=key_point)


@pytest.fixture(scope="module")
def facts_site(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("facts")
    make_fixture_site(project, {f"{lang}/oikeudet/apu.md": module(lang) for lang in LANGUAGES} | {
        f"{lang}/index.md": "# Koti\n" for lang in LANGUAGES}, facts=REGISTER)
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_facts_render_in_prose_lists_tables_admonitions_blocks_and_key_points(facts_site):
    page = parse_html(facts_site / "oikeudet/apu/index.html").select_one("article")
    for selector in ("p > .fact", "li > .fact", "td > .fact", ".admonition .fact", ".training-explanation .fact",
                     ".module-footer li .fact"):
        assert page.select_one(selector) is not None, selector
    assert page.select_one("li .fact a[href^=mailto]")["href"] == "mailto:apu@example.fi"
    nas_links = {a["href"] for a in page.select(".fact[data-fact=nas] a")}
    assert nas_links == {"tel:+358295463177", "mailto:apu@example.fi"}
    # nas is not confirmed: its mark follows it (but in a label, where it would point at an
    # answer); emergency was confirmed and carries none
    assert all(f.select_one(".to-confirm") for f in page.select(".fact[data-fact=nas]") if not f.find_parent("label"))
    assert not any(f.select_one(".to-confirm") for f in page.select(".fact[data-fact=emergency]"))
    # in a quiz option's label and a checklist item's label a fact is text, not a link
    assert page.select_one(".training-option__label .fact").get_text() == "112"
    assert page.select("label a") == []


def test_the_trainer_page_shows_the_facts_of_the_notes_and_the_answer_key(facts_site):
    trainer = parse_html(facts_site / "oikeudet/apu-kouluttajalle/index.html").select_one("article")
    assert trainer.select_one(".fact[data-fact=nas] a")["href"] == "tel:+358295463177"
    assert "112" in trainer.get_text() and "${" not in trainer.get_text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_contact_cards_in_each_language(facts_site, language):
    strings = load_strings(language)
    folder = "" if language == "fi" else "en/"
    cards = parse_html(facts_site / f"{folder}oikeudet/apu/index.html").select(".contact-card")
    assert [c["data-fact"] for c in cards] == ["nas", "emergency"]
    assert cards[0].h3.get_text() == ("Auttamisjärjestelmä" if language == "fi" else "Assistance System")
    assert [d.get_text() for d in cards[0].select("dt")] == [
        strings["contact_phone"], strings["contact_email"], strings["contact_serves"]]
    assert strings["fact_not_confirmed"] in cards[0].get_text()
    assert ("1.11.2026" if language == "fi" else "1 November 2026") in cards[1].get_text()


def test_the_help_bar_takes_its_number_from_the_register(facts_site):
    bar = parse_html(facts_site / "index.html").select_one(".help-bar")
    assert bar.select_one("a[href^=tel]")["href"] == "tel:+358295463177"
    assert bar.select_one(".to-confirm") is not None


def test_the_quiz_exports_write_the_facts_out(facts_site):
    gift = (facts_site / "oikeudet/apu.fi.gift").read_text(encoding="utf-8")
    assert "${" not in gift
    assert "=112\n" in gift and "Hätänumero on [112](tel\\:112)." in gift  # GIFT escapes the colon


def build_failure(tmp_path: Path, page: str, facts: str = REGISTER) -> str:
    make_fixture_site(tmp_path, {f"{lang}/index.md": page for lang in LANGUAGES}, facts=facts)
    result = mkdocs_build(tmp_path, tmp_path / "site")
    assert result.returncode == 1, result.stderr
    return result.stderr


@pytest.mark.parametrize("page, message", [
    ("# Koti\n\nSoita ${nsa}.\n", "docs/fi/index.md:3: unknown fact 'nsa' in '${nsa}': did you mean 'nas'?"),
    ("# Koti\n\nKirjoita ${old.email}.\n", "docs/fi/index.md:3: fact 'old' is marked withdrawn in facts.yml:"),
    ("# Koti\n\nSoita 0295 463 177.\n", "docs/fi/index.md:3: phone number '0295 463 177' written by hand: "
                                        "write ${nas} instead"),
    ("# Koti\n\n```contacts\n- nas\n- emergenci\n```\n",
     "docs/fi/index.md:5: unknown fact 'emergenci' in '${emergenci}': did you mean 'emergency'?"),
])
def test_the_build_stops_at_the_line_of_a_bad_reference(tmp_path, page, message):
    stderr = build_failure(tmp_path, page)
    assert message in stderr and message.replace("docs/fi", "docs/en") in stderr
    assert "Traceback" not in stderr


def test_the_build_stops_on_a_broken_register_with_its_line(tmp_path):
    stderr = build_failure(tmp_path, "# Koti\n", REGISTER.replace("url: 'https://sak.fi/'", "url: 'http://sak.fi/'"))
    assert "facts.yml:22: the source of fact 'old' needs a 'url:' that starts with https://, not 'http://sak.fi/'" in stderr


# --- translations that fall behind -----------------------------------------------------------


def test_a_translation_behind_its_source_says_so_until_it_is_recorded(tmp_path):
    source = "# Koti\n\nTervetuloa.\n"
    translation = translations.record("# Home\n\nWelcome.\n", source)
    make_fixture_site(tmp_path, {"fi/index.md": source, "en/index.md": translation})

    def notice() -> str | None:
        result = mkdocs_build(tmp_path, tmp_path / "site")
        assert result.returncode == 0, result.stderr
        found = parse_html(tmp_path / "site/en/index.html").select_one(".translation-behind")
        assert parse_html(tmp_path / "site/index.html").select_one(".translation-behind") is None
        return found.get_text(" ", strip=True) if found else None

    assert notice() is None
    (tmp_path / "docs/fi/index.md").write_text(source + "\nUusi kappale.\n", encoding="utf-8")
    assert notice() == ("The Finnish version of this page has been updated since this page was translated. "
                        "This translation may be out of date.")
    (tmp_path / "docs/en/index.md").write_text(
        translations.record(translation, (tmp_path / "docs/fi/index.md").read_text(encoding="utf-8")), encoding="utf-8")
    assert notice() is None


# --- the real site -------------------------------------------------------------------------------


def register_phones() -> dict[str, str]:
    """tel: address -> fact id, for every contact in the project's register."""
    data = yaml.safe_load((ROOT / "facts.yml").read_text(encoding="utf-8"))["facts"]
    found = {}
    for ident, fact in data.items():
        if fact.get("phone"):
            digits = str(fact["phone"]).replace(" ", "")
            found["tel:" + ("+358" + digits[1:] if digits.startswith("0") and len(digits) > 6 else digits)] = ident
    return found


def test_every_phone_link_of_the_site_is_a_current_fact_of_the_register(pages):
    phones = register_phones()
    retired = {ident for ident, fact in yaml.safe_load((ROOT / "facts.yml").read_text(encoding="utf-8"))["facts"].items()
               if fact.get("status", "current") != "current"}
    seen = set()
    for page in pages:
        for link in page.soup.select("a[href^='tel:']"):
            assert link["href"] in phones, f"{page}: {link['href']} is not in facts.yml"
            assert phones[link["href"]] not in retired, f"{page}: {link['href']} is a retired fact"
            seen.add(phones[link["href"]])
    assert {"emergency", "nas", "riku-helpline", "sak-advice"} <= seen


def test_the_help_bar_of_every_page_shows_the_register_number_and_hours(pages):
    numbers = {page.soup.select_one(".help-bar a[href^='tel:']")["href"] for page in pages}
    assert numbers == {"tel:+358295463177"}
    said = {page.language: " ".join(page.soup.select_one(".help-bar span").get_text(" ").split()) for page in pages}
    assert said == {"fi": "Auttava puhelin (ympäri vuorokauden): +358 2954 63177 (tieto tarkistetaan)",
                    "en": "Help line (24 hours a day): +358 2954 63177 (to be confirmed)"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_help_page_lists_its_contacts_as_cards(site_dir, language):
    soup = parse_html(site_dir / ("" if language == "fi" else "en/") / "apua/index.html")
    ids = [card["data-fact"] for card in soup.select(".contact-card")]
    assert {"nas", "riku-helpline", "osh", "sak-advice", "equality-ombudsman", "monika-helpline"} <= set(ids)
    text = soup.select_one("article").get_text(" ")
    assert "workinfinland@sak.fi" not in text and "016 620" not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_module_claims_a_review_that_did_not_happen(pages, language):
    strings = load_strings(language)
    modules = [p for p in pages if p.language == language and p.soup.select_one(".module-footer")
               and not p.url_path.rstrip("/").endswith(("-kouluttajalle", "-esitys"))]
    assert len(modules) >= 20
    for page in modules:
        said = page.soup.select_one(".module-reviewed").get_text(" ", strip=True)
        assert said.endswith(strings["module_not_reviewed"]), (str(page), said)
        assert re.search(r"2026", said), (str(page), said)
