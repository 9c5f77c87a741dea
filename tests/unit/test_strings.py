"""Interface strings: one table per language, English filling every gap."""

from __future__ import annotations

from pathlib import Path

import yaml

from training import strings
from training.strings import PLACEHOLDER, available_languages, fill, load_strings

TABLES = Path(strings.__file__).parent


def table(lang: str) -> dict[str, str]:
    return yaml.safe_load((TABLES / f"{lang}.yml").read_text(encoding="utf-8"))


def test_finnish_and_english_have_tables():
    assert {"en", "fi"} <= set(available_languages())


def test_every_table_is_text_and_uses_only_keys_english_has():
    english = table("en")
    for lang in available_languages():
        data = table(lang)
        assert all(isinstance(v, str) and v.strip() for v in data.values()), lang
        assert set(data) <= set(english), f"{lang}.yml has keys English lacks: {set(data) - set(english)}"


def test_finnish_is_complete_and_translated():
    english, finnish = table("en"), table("fi")
    assert set(finnish) == set(english)
    # Labels a reader acts on must really be translated.
    for key in ("check", "try_again", "show_answer", "correct", "incorrect", "remember", "forget", "reset"):
        assert finnish[key] != english[key], key


def test_placeholders_match_english():
    english = table("en")
    for lang in available_languages():
        for key, value in table(lang).items():
            assert set(PLACEHOLDER.findall(value)) == set(PLACEHOLDER.findall(english[key])), (lang, key)


def test_the_page_language_chooses_the_table():
    assert load_strings("fi")["check"] == "Tarkista"
    assert load_strings("en")["check"] == "Check"
    assert load_strings("fi-FI")["check"] == "Tarkista"
    assert load_strings("fi")["to_confirm"] == table("fi")["to_confirm"]


def test_a_language_without_a_table_falls_back_to_english():
    assert load_strings("ar") == load_strings("en")
    assert load_strings(None) == load_strings("en")
    assert load_strings("../../etc/passwd") == load_strings("en")


def test_a_key_missing_from_a_table_falls_back_to_english(monkeypatch):
    real = strings._table

    def partial(lang: str) -> dict[str, str]:
        data = dict(real(lang))
        if lang == "fi":
            del data["score"]
        return data

    monkeypatch.setattr(strings, "_table", partial)
    loaded = load_strings("fi")
    assert loaded["score"] == table("en")["score"]
    assert loaded["check"] == "Tarkista"


def test_fill_replaces_known_placeholders_only():
    assert fill("{score} / {total} {x}", score=2, total=3) == "2 / 3 {x}"
