"""Glossary terms as tooltips in both languages."""

from __future__ import annotations

from training.site.glossary import abbreviations, english_terms, read_terms

TABLE = """| Finnish | English | What it means |
|---|---|---|
| **<span lang="fi">työsopimus</span>** | employment contract | An agreement. |
| **<span lang="fi">palkka; tuntipalkka</span>** | pay, wage; hourly pay | Money. |
| **<span lang="fi">työehtosopimus (TES)</span>** | collective agreement | Sets pay. |
| **<span lang="fi">lisät (ilta-, yö-)</span>** | supplements | Extra pay. |
"""


def test_rows_pair_their_terms_one_by_one_and_drop_notes_in_brackets():
    assert read_terms(TABLE) == {
        "työsopimus": "employment contract", "palkka": "pay, wage", "tuntipalkka": "hourly pay",
        "työehtosopimus": "collective agreement", "lisät": "supplements"}


def test_english_pages_get_the_finnish_word_for_terms_long_enough_to_be_terms():
    reverse = english_terms(read_terms(TABLE))
    assert reverse["employment contract"] == "työsopimus"
    assert reverse["hourly pay"] == "tuntipalkka"
    assert "pay" not in reverse and "wage" not in reverse


def test_definitions_are_markdown_abbreviations():
    text = abbreviations({"koeaika": "trial period"}, "englanniksi: {term}")
    assert text == "*[koeaika]: englanniksi: trial period"
