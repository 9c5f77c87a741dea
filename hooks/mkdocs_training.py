"""MkDocs adapter for the ``training`` package: connects build events to it, nothing more.

Every build event runs once per language (the i18n plugin builds English from inside the
Finnish build), so nothing here may depend on running only once.
"""

from __future__ import annotations

import json
import posixpath
import re
from html import escape
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from training import assets, catalogue, checks, csp, exports, glossary, scorm, search_index
from training.checks import DocsReport
from training.context import set_render_context
from training.errors import ContentError
from training.facts.view import FactView
from training.modules import dated_sentences, key_points_html
from training.presentation import (help_line_html, participant_html, presented_module_rel, slides_html,
                                   write_presentation_pages)
from training.sanitize import sanitize
from training.source import split_front_matter
from training.trainer_page import trainer_page_html
from training.strings import load_strings

log = get_plugin_logger("training")
# The checked docs of the build in progress, rebuilt by every on_pre_build, and the files of
# the language being built (after the i18n plugin has chosen them), for links between modules.
_report = DocsReport()
_files = Files([])
_glossary_terms: dict[str, str] = {}
# The abbreviation definitions every page of a language ends with, made once per build.
_glossary_blocks: dict[str, str] = {}
# Every language build writes its 404 page to the site root; keep each in its own folder.
_not_found_pages: dict[str, str] = {}
# The language builds in progress: the i18n plugin runs the others inside the default one's
# on_post_build, and leaves the config set to the last language it built.
_building: list[str] = []
# The rendered HTML and table of contents of the module pages of the language being built, by
# source path, for their presentations: MkDocs renders every page before it fills in any template.
_module_html: dict[str, tuple[str, object]] = {}
# Per language being built: the links with a #fragment in block text (source page, address as
# written, target page, fragment), and the ids of each rendered page, checked once every page of
# the language is rendered (in its first on_page_context).
_anchor_links: dict[str, list[tuple[Page, str, str, str]]] = {}
_page_ids: dict[str, dict[str, set[str]]] = {}


def _language(config: MkDocsConfig) -> str:
    """The language being built now (not the source language of a fallback page)."""
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or config.theme["language"]


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def _default_language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "default_language", None) or config.theme["language"]


def _languages(config: MkDocsConfig) -> list[str] | None:
    """The site's languages, the default first (None without the i18n plugin)."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return None
    languages = [lang.locale for lang in i18n.config.languages]
    return sorted(languages, key=lambda locale: locale != _default_language(config))


def _split_locale(src_uri: str) -> tuple[str, str]:
    """``en/oikeudet/palkka.md`` -> (``en``, ``oikeudet/palkka.md``)."""
    locale, _, rel = src_uri.partition("/")
    return locale, rel


# The iframe-worker shim the offline pack loads from the site itself (see the file's header).
OFFLINE_SHIM = "assets/vendor/iframe-worker-shim.js"


def _offline(config: MkDocsConfig) -> bool:
    """Whether this is the offline pack's build (Material's offline plugin is on)."""
    plugin = config.plugins.get("material/offline")
    return bool(plugin is not None and plugin.config.enabled)


@event_priority(50)  # before Material's offline plugin, which would add the shim from unpkg.com
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """In the offline pack, search runs its worker through the shim kept in the repository."""
    if _offline(config):
        polyfills = list(config.extra.get("polyfills") or [])
        if OFFLINE_SHIM not in polyfills:
            config.extra["polyfills"] = [*polyfills, OFFLINE_SHIM]
    return config


def _page_url_finder(files: Files, language: str, default: str, use_directory_urls: bool):
    """``page_url('apua.md')`` for templates: the address MkDocs gives that page in the language
    being built (``apua/`` on the site, ``apua.html`` in the offline pack), the default
    language's copy if the page is untranslated, relative to the site root."""
    def page_url(rel: str) -> str:
        for locale in (language, default):
            found = files.get_file_from_path(f"{locale}/{rel}")
            if found is not None:
                return found.url
        # A small test site may lack the page: link to where it would be, as MkDocs would.
        folder = "" if language == default else f"{language}/"
        return folder + File(rel, None, "", use_directory_urls).url
    return page_url


def on_pre_build(config: MkDocsConfig) -> None:
    """Check every page before anything renders, so that all problems are reported at once;
    then write the trainer page of every module, for MkDocs to find like any other page."""
    global _report
    if _language(config) == _default_language(config):
        _building.clear()
    _building.append(_language(config))
    _module_html.clear()
    _anchor_links[_language(config)] = []
    _page_ids[_language(config)] = {}
    if len(_building) > 1:
        return  # built inside the default language's build, which checked and wrote everything
    docs_dir = Path(config.docs_dir)
    _report = checks.check_docs(docs_dir, _root(config), languages=_languages(config),
                                config_file=Path(config.config_file_path))
    if _report.problems:
        raise PluginError(str(ContentError(_report.problems)))
    if _language(config) == _default_language(config):  # report once, not once per language
        for warning in _report.warnings:
            log.warning(str(warning))
        if _report.unconfirmed or _report.to_recheck:
            log.info("%d facts are marked [VERIFY] and %d reminders are due (facts to confirm at their source, "
                     "translations behind); `make check` and `make facts` list them.",
                     len(_report.unconfirmed), len(_report.to_recheck))
    catalogue.write_trainer_pages(docs_dir, _report.pages, load_strings)
    exports.write_exports(docs_dir, _report.pages, _facts)
    write_presentation_pages(docs_dir, _report.pages, load_strings)
    source = docs_dir / "en" / glossary.GLOSSARY_PAGE
    _glossary_terms.clear()
    _glossary_blocks.clear()
    _glossary_terms.update(glossary.read_terms(source.read_text(encoding="utf-8")) if source.exists() else {})


def on_nav(nav, config: MkDocsConfig, files: Files):
    """Keep the files of the language being built (see on_page_context)."""
    global _files
    _files = files
    return nav


def _facts(language: str) -> FactView:
    """The fact register of the build in progress, in one language."""
    return FactView(_report.register, language, load_strings(language))


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Templates get the interface strings of the language being built as ``t``,
    ``page_url`` to link to a page by its file name (see _page_url_finder), and the help
    bar's contact from the fact register."""
    env.globals["t"] = load_strings(_language(config))
    contact = _report.register.get(_report.help_contact.ident) if _report.help_contact else None
    env.globals["help_contact"] = contact
    env.globals["help_hours"] = contact.text("hours", _language(config)).lower() if contact else ""
    env.globals["page_url"] = _page_url_finder(
        files, _language(config), _default_language(config), config.use_directory_urls)
    env.globals["language_root"] = search_index.language_root(_language(config), _default_language(config))
    return env


def _link_resolver(page: Page, files: Files, language: str, check_anchors: bool = True):
    """Map a Markdown link in quiz or checklist text to the built page, as MkDocs does for prose.

    The fences' HTML is stashed by superfences, so MkDocs' own link rewriting never sees it.
    The checks have made sure every linked page exists; a #fragment is checked after the build
    has rendered every page (``on_post_build``). Other files of the site (a trainer page's quiz
    exports) are linked the same way. A trainer page shows its module's text, whose anchors
    are checked on the module page (``check_anchors=False``).
    """
    def resolve(href: str) -> str:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return href
        if not parts.path:
            if parts.fragment and check_anchors:
                _anchor_links[language].append((page, href, page.file.src_uri, parts.fragment))
            return href
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), parts.path))
        found = files.get_file_from_path(target)
        if found is None:
            return href
        if parts.fragment and check_anchors:
            _anchor_links[language].append((page, href, found.src_uri, parts.fragment))
        url = found.url_relative_to(page.file)
        return f"{url}#{parts.fragment}" if parts.fragment else url
    return resolve


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Give the fences the page's language, links and modules; turn [VERIFY] into notes."""
    language = _language(config)
    locale, rel = _split_locale(page.file.src_uri)
    if "title" in page.meta:  # the theme places titles as they are: an editor's title is text
        page.meta["title"] = escape(str(page.meta["title"]), quote=False)
    if _presented(locale, rel) is not None:
        return markdown  # its content will be its module page's (see on_page_context)
    resolve = _link_resolver(page, files, language)
    pages = _report.index.pages(language)
    _, _, first_line = split_front_matter(page.file.content_string)
    set_render_context(
        language, resolve, Path(config.docs_dir, page.file.src_uri).relative_to(_root(config)).as_posix(),
        first_line, module_entries=lambda: catalogue.entries_for(pages, rel, resolve),
        trainer_notes=_presentable(locale, rel), facts=_facts(language))
    strings = load_strings(language)
    if rel != glossary.GLOSSARY_PAGE and _glossary_terms:
        markdown += "\n\n" + _glossary_block(language, strings) + "\n"
    return markdown


def _glossary_block(language: str, strings: dict[str, str]) -> str:
    if language not in _glossary_blocks:
        terms = _glossary_terms if language == "fi" else glossary.english_terms(_glossary_terms)
        _glossary_blocks[language] = glossary.abbreviations(terms, strings["glossary_tooltip"])
    return _glossary_blocks[language]


def _presented(locale: str, rel: str):
    """The module a generated presentation page shows (None for any other page)."""
    module_rel = presented_module_rel(rel)
    return _report.index.module_page(locale, module_rel) if module_rel else None


def _presentable(locale: str, rel: str) -> bool:
    """Whether the page is a module, which has a presentation made from its HTML."""
    this = _report.index.module_page(locale, rel)
    return this is not None and bool(this.module.id)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Every page's HTML loses whatever could run (``sanitize``); a module page keeps it with
    slide marks and notes for its presentation; every page goes out without them."""
    html = sanitize(html)
    if "title" not in page.meta and page.title:  # a title from the page's first heading is text too
        page.meta["title"] = escape(page.title, quote=False)
    locale, rel = _split_locale(page.file.src_uri)
    trained = _report.index.module_page(locale, rel[: -len(catalogue.TRAINER_SUFFIX)] + ".md") \
        if rel.endswith(catalogue.TRAINER_SUFFIX) else None
    if trained is not None:  # a trainer's guide: made from its module's model, never from pasted text
        html, headings = trainer_page_html(
            trained.module, trained.sections, list(trained.blocks.quizzes), posixpath.basename(trained.rel),
            _language(config), load_strings(_language(config)),
            _link_resolver(page, files, _language(config), check_anchors=False),
            [_from_page(page, scorm.package_path(trained.module.id, language))
             for language in _languages(config) or [_language(config)]])
        page.toc = get_toc([heading.token() for heading in headings])
    if _presentable(locale, rel):
        _module_html[page.file.src_uri] = (html, page.toc)
    _page_ids[_language(config)][page.file.src_uri] = set(_ELEMENT_ID.findall(html))
    return participant_html(html)


def _from_page(page: Page, site_path: str) -> str:
    """The address of a file of the built site, relative to a page."""
    folder = page.url if page.url.endswith("/") else posixpath.dirname(page.url)
    return posixpath.relpath(site_path, folder or ".")


_ELEMENT_ID = re.compile(r"""\sid=["']([^"']+)["']""")


def _missing_anchors(language: str) -> list[str]:
    """Block links whose #fragment is no id of the page they point to, at their line; each
    language's once (its list is taken), when all its pages are rendered."""
    found = []
    ids = _page_ids.get(language, {})
    for page, href, target, fragment in _anchor_links.pop(language, []):
        if fragment in ids.get(target, {fragment}):
            continue
        lines = page.file.content_string.split("\n")
        line = next((n for n, text in enumerate(lines, 1) if href in text), 1)
        found.append(f"docs/{page.file.src_uri}:{line}: the link '{href}' points to '#{fragment}', but "
                     f"docs/{target} has no heading or id '{fragment}': correct the part after '#'")
    return sorted(set(found))


def _present(page: Page, shown, language: str) -> None:
    """Give a presentation page its module page's HTML, cut into slides, and its contents."""
    module_src = f"{_split_locale(page.file.src_uri)[0]}/{shown.rel}"
    if module_src not in _module_html:
        raise PluginError(f"{shown.path}: its presentation {page.file.src_uri} was built, but the module page "
                          "itself was not; keep the module in the build (not excluded, not a draft)")
    html, page.toc = _module_html[module_src]
    help_html = help_line_html(_facts(language), _report.help_contact.ident if _report.help_contact else None)
    page.content = slides_html(html, shown.module, load_strings(language), help_html)


def _link(files: Files, language: str, rel: str, title: str) -> dict[str, str] | None:
    found = files.get_file_from_path(f"{language}/{rel}")
    return {"title": title, "url": found.url} if found else None


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    """A module page gets its metadata, its neighbours in the track and its trainer page;
    a presentation gets its module's trainer page."""
    language = _language(config)
    # MkDocs has rendered every page of the language before it fills in the first template (a
    # warning here, rather than after the build, comes before the i18n plugin builds the next
    # language, so a strict build stops with the links of every language).
    for problem in _missing_anchors(language):
        log.warning(problem)
    locale, rel = _split_locale(page.file.src_uri)
    shown = _presented(locale, rel)
    if shown is not None:
        _present(page, shown, language)
        trainer = _link(_files, locale, catalogue.trainer_file(shown.rel), "")
        context["trainer_url"] = trainer["url"] if trainer else None
        return context
    behind = _report.behind.get((locale, rel))
    if behind is not None:
        context["translation_behind"] = behind.notice(load_strings(language), _default_language(config))
    this = _report.index.module_page(locale, rel)
    if this is None:
        return context
    module = this.module
    track = _report.index.track(language, module.track)
    position = next((i for i, p in enumerate(track) if p.module.id == module.id), None)

    def link(p) -> dict[str, str] | None:
        return _link(_files, language, p.rel, p.module.title) or _link(_files, locale, p.rel, p.module.title)

    context["module"] = module
    context["module_dated"] = dated_sentences(module, load_strings(language))
    set_render_context(language, facts=_facts(language))  # key points may show facts (${id})
    context["module_key_points"] = key_points_html(module)
    if position is not None:
        context["module_previous"] = link(track[position - 1]) if position > 0 else None
        context["module_next"] = link(track[position + 1]) if position + 1 < len(track) else None
    by_id = _report.index.modules
    context["module_prerequisites"] = [
        link(by_id[(language, ident)]) for ident in module.prerequisites if (language, ident) in by_id]
    trainer = _link(_files, locale, catalogue.trainer_file(rel), "")
    context["trainer_url"] = trainer["url"] if trainer else None
    return context



def _with_policy(output: str, config: MkDocsConfig) -> str:
    """A finished page with its Content-Security-Policy (see ``training.csp``)."""
    offline = _offline(config)
    shim = Path(config.docs_dir, OFFLINE_SHIM).read_text(encoding="utf-8") if offline else ""
    return csp.with_policy(output, offline, shim)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _with_policy(output, config)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":
        output = _with_policy(output, config)
        _not_found_pages[_language(config)] = output
    return output


def _split_search_index(site_dir: Path, languages: list[str], default: str) -> None:
    """Give every language its own search index (and offline index), in its own folder."""
    merged_file = site_dir / search_index.INDEX_FILE
    if not merged_file.exists():
        return
    indexes = search_index.split_index(json.loads(merged_file.read_text(encoding="utf-8")), languages, default)
    for language, index in indexes.items():
        target = site_dir / search_index.language_root(language, default) / search_index.INDEX_FILE
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(search_index.index_json(index), encoding="utf-8")
    offline_file = site_dir / search_index.OFFLINE_INDEX_FILE
    if offline_file.exists():
        offline_file.write_text(search_index.offline_index_script(indexes, default), encoding="utf-8")


@event_priority(-150)  # after the i18n plugin has built the other languages and merged their search
def on_post_build(config: MkDocsConfig) -> None:
    """Put each language's 404 page in its own folder, the default language's at the root;
    once every language is built, split the merged search index by language."""
    language = _building.pop() if _building else _language(config)
    default = _default_language(config)
    folder = "" if language == default else language
    page = _not_found_pages.get(language)
    if page is not None:
        target = Path(config.site_dir, folder, "404.html")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
    if language == default:
        languages = _languages(config) or [default]
        _split_search_index(Path(config.site_dir), languages, default)
        assets.minify_folder(Path(config.site_dir) / "assets")
        # Every language's pages are built now: each module becomes a package of its own.
        scorm.write_packages(
            Path(config.site_dir),
            [(scorm.PackageModule.of(p.module, p.language), p.rel)
             for p in _report.pages if p.module is not None and p.language in languages],
            {lang: "" if lang == default else f"{lang}/" for lang in languages})
