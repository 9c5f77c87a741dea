"""What the checks read from mkdocs.yml, without MkDocs: the languages and the help bar's contact."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..errors import Problem
from ..facts.references import FactUse, reference_problems
from ..facts.register import Register


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (!ENV, !!python/name)."""


_TolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _read_config(config_file: Path) -> dict:
    return yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}


def help_contact(config_file: Path) -> FactUse:
    """The contact of the help bar on every page (``extra.help_contact`` in mkdocs.yml)."""
    ident = str((_read_config(config_file).get("extra") or {}).get("help_contact") or "")
    lines = config_file.read_text(encoding="utf-8").split("\n")
    line = next((i for i, text in enumerate(lines, 1) if text.strip().startswith("help_contact:")), 1)
    return FactUse(ident, "phone", config_file.name, line)


def help_contact_problems(use: FactUse, register: Register) -> list[Problem]:
    """The help bar needs a current contact with a phone number."""
    if not use.ident:
        return [Problem(use.path, use.line, "set 'help_contact:' under 'extra:' to the id of the contact in "
                        f"{register.path} whose number the help bar shows on every page")]
    fact = register.get(use.ident)
    if fact is not None and fact.kind != "contact":
        return [Problem(use.path, use.line, f"the help bar shows a contact, and '{use.ident}' is a {fact.kind}")]
    return reference_problems([use], register)


def configured_languages(config_file: Path) -> list[str]:
    """The languages of the i18n plugin in mkdocs.yml, the default first."""
    config = _read_config(config_file)
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            entries = (plugin["i18n"] or {}).get("languages") or []
            ordered = sorted(entries, key=lambda e: not e.get("default"))
            return [e["locale"] for e in ordered if e.get("locale")]
    return []
