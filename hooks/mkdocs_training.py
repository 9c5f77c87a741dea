"""MkDocs adapter for the ``training`` package: connects build events to it, nothing more.

Every build event runs once per language (the i18n plugin builds English from inside the
Finnish build), so nothing here may depend on running only once.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from training import checks, fences, strings
from training.errors import ContentError
from training.unconfirmed import mark_unconfirmed

log = get_plugin_logger("training")


def _language(config: MkDocsConfig) -> str:
    """The language being built now (not the source language of a fallback page)."""
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or config.theme["language"]


def _project_path(config: MkDocsConfig, src_uri: str) -> str:
    """A page's path as editors see it, e.g. ``docs/fi/apua.md``."""
    root = Path(config.config_file_path).parent
    return Path(config.docs_dir, src_uri).relative_to(root).as_posix()


def on_pre_build(config: MkDocsConfig) -> None:
    """Check every page before anything renders, so that all problems are reported at once."""
    root = Path(config.config_file_path).parent
    report = checks.check_docs(Path(config.docs_dir), root)
    if report.problems:
        raise PluginError(str(ContentError(report.problems)))
    if report.unconfirmed and _language(config) == config.theme["language"]:
        log.info("%d facts are marked [VERIFY] for the site owner to confirm; "
                 "`make check` lists them.", len(report.unconfirmed))


def _link_resolver(page: Page, files: Files):
    """Map a Markdown link in quiz or checklist text to the built page, as MkDocs does for prose.

    The fences' HTML is stashed by superfences, so MkDocs' own link rewriting never sees it.
    """
    def resolve(href: str) -> str:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path.endswith(".md"):
            return href
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), parts.path))
        found = files.get_file_from_path(target)
        if found is None:
            log.warning("%s: the link '%s' in a quiz or checklist points to no page.",
                        page.file.src_uri, href)
            return href
        url = found.url_relative_to(page.file)
        return f"{url}#{parts.fragment}" if parts.fragment else url
    return resolve


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Give the fences the page's language and links; turn [VERIFY] markers into notes."""
    language = _language(config)
    fences.set_render_context(language, _link_resolver(page, files),
                              _project_path(config, page.file.src_uri))
    return mark_unconfirmed(markdown, strings.load(language)["to_confirm"])
