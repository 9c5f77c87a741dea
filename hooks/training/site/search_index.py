"""One search index per language, cut from the merged index the i18n plugin writes. Pure.

The i18n plugin merges every language into ``search/search_index.json``, so every page would
download every language and show results in all of them. Each language gets its own index
in its own folder instead; locations stay relative to the site root, because Material
resolves result links against the site root whatever the page's language.
"""

from __future__ import annotations

import json
from typing import Any, Sequence

INDEX_FILE = "search/search_index.json"
# What the offline build loads from file://, where JSON cannot be fetched.
OFFLINE_INDEX_FILE = "search/search_index.js"


def language_root(language: str, default: str) -> str:
    """The folder of a language's pages relative to the site root: '' or 'en/'."""
    return "" if language == default else f"{language}/"


def language_of(location: str, languages: Sequence[str], default: str) -> str:
    """Which language's pages an index location belongs to."""
    first = location.split("/", 1)[0]
    return first if first in languages and first != default else default


def split_index(index: dict[str, Any], languages: Sequence[str], default: str) -> dict[str, dict[str, Any]]:
    """The merged index -> {language: that language's index}, each with only its own pages
    and only its own stemmer/stop-word language, so the browser loads nothing else."""
    split: dict[str, dict[str, Any]] = {}
    for language in languages:
        config = dict(index.get("config", {}), lang=[language])
        docs = [doc for doc in index.get("docs", [])
                if language_of(doc.get("location", ""), languages, default) == language]
        split[language] = {**index, "config": config, "docs": docs}
    return split


def index_json(index: dict[str, Any]) -> str:
    """Serialised as compactly as Material's own search plugin writes it."""
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def offline_index_script(indexes: dict[str, dict[str, Any]], default: str) -> str:
    """The offline build's ``search_index.js``: every language's index, of which a page takes
    its own by its ``lang`` (file:// pages can only load scripts, and all share one file)."""
    by_language = "{" + ",".join(f"{json.dumps(lang)}:{index_json(index)}"
                                 for lang, index in indexes.items()) + "}"
    return (f"var __index = (function (all) {{ return all[document.documentElement.lang] "
            f"|| all[{json.dumps(default)}]; }})({by_language});")
