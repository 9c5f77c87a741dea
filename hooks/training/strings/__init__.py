"""Interface strings, one YAML table per language (``en.yml``, ``fi.yml``, ...).

English is complete and is the fallback: for a language without a table, and for any
key a table leaves out. Adding a language means adding one file here.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

import yaml

_DIR = Path(__file__).parent
FALLBACK = "en"
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def available_languages() -> list[str]:
    """Language codes that have a table."""
    return sorted(p.stem for p in _DIR.glob("*.yml"))


@lru_cache(maxsize=None)
def _table(lang: str) -> dict[str, str]:
    path = _DIR / f"{lang}.yml"
    if not re.fullmatch(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]+)*", lang) or not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise ValueError(f"{path}: every entry must be 'key: text'")
    return data


def load_strings(lang: str | None) -> dict[str, str]:
    """The interface strings for ``lang`` ("fi", "en", "fi-FI", ...), with English
    filling in whatever the language's table lacks."""
    strings = dict(_table(FALLBACK))
    code = (lang or FALLBACK).strip()
    primary = code.split("-")[0].split("_")[0].lower()
    for candidate in dict.fromkeys((primary, code)):
        strings.update(_table(candidate))
    return strings


def fill(template: str, **values: object) -> str:
    """Replace {name} placeholders (the same syntax the browser script fills)."""
    return PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), template)


def format_date(day: dt.date, strings: dict[str, str]) -> str:
    """A date in the language of ``strings`` (Finnish ``1.12.2026``, English ``1 December 2026``)."""
    return day.strftime(strings["date_format"]).lstrip("0")


def month_year(day: dt.date, strings: dict[str, str]) -> str:
    """A month in the language of ``strings`` (``January 2026``, ``tammikuun 2026``)."""
    names = [name.strip() for name in strings["month_names"].split(",")]
    return fill(strings["month_year"], month=names[day.month - 1], year=day.year)
