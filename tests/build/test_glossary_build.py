"""Glossary words appear as tooltips in the modules of both languages."""

from __future__ import annotations

from site_helpers import parse_html


def test_finnish_terms_carry_their_english_meaning_and_english_terms_the_finnish_word(site_dir):
    finnish = {a.get_text(): a["title"] for a in parse_html(site_dir / "oikeudet/palkka/index.html").select("abbr")}
    assert finnish["verokortti"] == "englanniksi: tax card"
    english = {a.get_text(): a["title"] for a in parse_html(site_dir / "en/oikeudet/tyosopimus/index.html").select("abbr")}
    assert english["employment contract"] == "in Finnish: työsopimus"


def test_the_glossary_page_itself_has_no_tooltips(site_dir):
    assert parse_html(site_dir / "sanasto/index.html").select("article abbr") == []
