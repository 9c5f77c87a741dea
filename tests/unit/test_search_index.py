"""One search index per language, cut from the merged one."""

from __future__ import annotations

import json

from training.site.search_index import index_json, language_of, language_root, offline_index_script, split_index

MERGED = {
    "config": {"lang": ["fi", "en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]},
    "docs": [
        {"location": "", "title": "Etusivu", "text": "Tervetuloa"},
        {"location": "oikeudet/palkka/", "title": "Palkka", "text": "palkan maksu"},
        {"location": "en/", "title": "Home", "text": "Welcome"},
        {"location": "en/oikeudet/palkka/#pay", "title": "Pay", "text": "wages"},
        {"location": "engl/", "title": "Not English", "text": "a folder that starts with en"},
    ],
}


def test_the_default_language_lives_at_the_root():
    assert (language_root("fi", "fi"), language_root("en", "fi")) == ("", "en/")
    assert [language_of(d["location"], ["fi", "en"], "fi") for d in MERGED["docs"]] == ["fi", "fi", "en", "en", "fi"]


def test_each_language_keeps_only_its_own_pages_and_stemmer():
    split = split_index(MERGED, ["fi", "en"], "fi")
    assert [d["title"] for d in split["fi"]["docs"]] == ["Etusivu", "Palkka", "Not English"]
    assert [d["title"] for d in split["en"]["docs"]] == ["Home", "Pay"]
    assert (split["fi"]["config"]["lang"], split["en"]["config"]["lang"]) == (["fi"], ["en"])
    assert split["en"]["config"]["pipeline"] == ["stopWordFilter"]
    assert MERGED["config"]["lang"] == ["fi", "en"], "the merged index must not change"
    assert json.loads(index_json(split["en"])) == split["en"]


def test_the_offline_script_gives_each_page_its_own_language(browser):
    script = offline_index_script(split_index(MERGED, ["fi", "en"], "fi"), "fi")
    page = browser.new_page()
    try:
        for lang, first in (("fi", "Etusivu"), ("en", "Home"), ("sv", "Etusivu")):
            page.set_content(f"<html lang='{lang}'><body></body></html>")
            page.add_script_tag(content=script)
            assert page.evaluate("__index.docs[0].title") == first
    finally:
        page.close()
