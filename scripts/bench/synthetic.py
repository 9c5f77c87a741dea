"""A complete synthetic site in a folder: the real mkdocs.yml (theme, overrides, i18n,
hooks, Markdown extensions, features), the real assets and glossary, and N generated
modules per language, with a navigation of tracks and parts of ten modules.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import shutil
from pathlib import Path

from corpus import Pool
from pages import module_page
from shapes import ModuleShape

# variant -> (how quizzes are written, how checklists are written)
VARIANTS = {
    "engine": ("ours", "ours"),
    "plain": ("plain", "plain"),
    "quiz-ours": ("ours", "plain"),
    "mkdocs-quiz": ("mkdocs-quiz", "plain"),
}
NAV_MARK = "\n# Paths without the language folder"
HOME = {
    "fi": "# Koesivusto\n\nTämä sivusto on tehty nopeustestiä varten.\n[Kaikki moduulit](moduulit.md).\n",
    "en": "# Test site\n\nThis site is made for a speed test.\n[All modules](moduulit.md).\n",
}
CATALOGUE = {
    "fi": "# Kaikki moduulit\n\nTällä sivulla ovat kaikki moduulit.\n\n```modules\ngroup: track\nshow: titles\n```\n",
    "en": "# All modules\n\nThis page lists every module.\n\n```modules\ngroup: track\nshow: titles\n```\n",
}
# The pages the build generates next to each module, kept out of the navigation.
_NOT_IN_NAV = re.compile(r"^not_in_nav: \|\n(?:  .*\n?)+", re.MULTILINE)
_MD_LINK = re.compile(r"\[([^\]]*)\]\((?!https?:|mailto:|tel:)[^)]*\)")


def _replace(text: str, old: str, new: str) -> str:
    if old not in text:
        raise SystemExit(f"mkdocs.yml no longer contains {old!r}: update scripts/bench/site.py to match it")
    return text.replace(old, new)


def nav_yaml(shapes: list[ModuleShape]) -> str:
    """Home, catalogue and glossary, then each track with its parts of ten modules."""
    lines = ["nav:", "  - index.md", "  - moduulit.md", "  - sanasto.md"]
    track, part = "", ""
    for m in shapes:
        if m.track != track:
            track, part = m.track, ""
            lines.append(f'  - "{track}":')
        if m.folder != part:
            part = m.folder
            lines.append(f'      - "{posixpath.basename(part)}":')
        lines.append(f"          - {m.rel}")
    return "\n".join(lines) + "\n"


def site_config(repo: Path, shapes: list[ModuleShape], variant: str) -> str:
    """The real mkdocs.yml with absolute paths to the repository's hooks and overrides,
    this site's navigation, and for ``mkdocs-quiz`` that plugin added after the others."""
    config = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    not_in_nav = _NOT_IN_NAV.search(config)
    config = config.split(NAV_MARK)[0] if NAV_MARK in config else _replace(config, NAV_MARK, "")
    config = _replace(config, "custom_dir: overrides", f"custom_dir: {repo / 'overrides'}")
    config = _replace(config, "  - hooks/mkdocs_training.py",
                      f"  - {Path(__file__).with_name('content_hook.py')}\n  - {repo / 'hooks' / 'mkdocs_training.py'}")
    config = re.sub(r"\nwatch:\n(?:  - .*\n)+", "\n", config)
    if variant == "mkdocs-quiz":
        config = _replace(config, "\nhooks:", "  - mkdocs_quiz\n\nhooks:")
    return config + "\n" + nav_yaml(shapes) + "\n" + (not_in_nav.group(0) if not_in_nav else "")


def _glossary(repo: Path, language: str) -> str:
    """The real glossary page, its links to pages this site lacks reduced to their text."""
    return _MD_LINK.sub(r"\1", (repo / "docs" / language / "sanasto.md").read_text(encoding="utf-8"))


def write_site(repo: Path, target: Path, shapes: list[ModuleShape], pools: dict[str, Pool], variant: str,
               today: dt.date | None = None) -> Path:
    """Write the site into ``target`` (emptied first); returns ``target``."""
    quiz_style, checklist_style = VARIANTS[variant]
    today = today or dt.date.today()
    if target.exists():
        shutil.rmtree(target)
    docs = target / "docs"
    shutil.copytree(repo / "docs" / "assets", docs / "assets")
    shutil.copy(repo / "facts.yml", target / "facts.yml")  # the facts the harvested sentences show
    (target / "mkdocs.yml").write_text(site_config(repo, shapes, variant), encoding="utf-8")
    for language, pool in pools.items():
        folder = docs / language
        folder.mkdir(parents=True)
        (folder / "index.md").write_text(HOME[language], encoding="utf-8")
        (folder / "moduulit.md").write_text(CATALOGUE[language], encoding="utf-8")
        (folder / "sanasto.md").write_text(_glossary(repo, language), encoding="utf-8")
        for n, m in enumerate(shapes):
            previous = posixpath.relpath(shapes[n - 1].rel, m.folder) if n else None
            page = folder / m.rel
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(module_page(m, pool, language, quiz_style, checklist_style, previous, today),
                            encoding="utf-8")
    return target

