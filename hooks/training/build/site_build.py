"""``SiteBuild``: the state of one site build and what MkDocs' events do with it.

Every event runs once per language (the i18n plugin builds English from inside the Finnish
build, see ``languages``). The outermost build checks the site once and makes the generated
files once; each language build then adds them to its files, renders its pages with their
checked blocks, and checks the #anchors of its block links once all its pages are rendered.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..blocks.fence import number_blocks
from ..context import RenderContext
from ..errors import ContentError
from ..facts.view import FactView
from ..modules import catalogue
from ..modules.module import dated_sentences, key_points_html
from ..modules.presentation import help_line_html, participant_html, presented_module_rel, slides_html
from ..modules.trainer_page import trainer_page_html
from ..safe import csp
from ..safe.sanitize import sanitize
from ..site import assets, checks, glossary, scorm, search_index
from ..site.generated import GeneratedFile, generated_files
from ..site.model import DocsReport
from ..site.model import Page as CheckedPage
from ..strings import load_strings
from .languages import LanguageBuilds
from .virtual_files import add_generated

log = get_plugin_logger("training")

# The iframe-worker shim the offline pack loads from the site itself (see the file's header).
OFFLINE_SHIM = "assets/vendor/iframe-worker-shim.js"
# The Markdown extension that renders each page with its context (``page_markdown``).
PAGE_EXTENSION = "training.page_markdown"
_ELEMENT_ID = re.compile(r"""\sid=["']([^"']+)["']""")


def _split_locale(src_uri: str) -> tuple[str, str]:
    """``en/oikeudet/palkka.md`` -> (``en``, ``oikeudet/palkka.md``)."""
    locale, _, rel = src_uri.partition("/")
    return locale, rel


def _from_page(page: Page, site_path: str) -> str:
    """The address of a file of the built site, relative to a page."""
    folder = page.url if page.url.endswith("/") else posixpath.dirname(page.url)
    return posixpath.relpath(site_path, folder or ".")


@dataclass(frozen=True)
class AnchorLink:
    """A link with a #fragment in block text: the page it is on, the address as written, and
    the page (source path) and id it points to."""

    page: Page
    href: str
    target: str
    fragment: str


@dataclass
class LanguageState:
    """What one language's build collects while it renders its pages."""

    # The rendered HTML and table of contents of its module pages, by source path, for their
    # presentations: MkDocs renders every page before it fills in any template.
    module_html: dict[str, tuple[str, object]] = field(default_factory=dict)
    anchor_links: list[AnchorLink] = field(default_factory=list)
    page_ids: dict[str, set[str]] = field(default_factory=dict)  # by source path
    anchors_checked: bool = False
    not_found_page: str | None = None  # its 404 page, which MkDocs writes to the site root


@dataclass
class SiteBuild:
    """The state of one build of the site, reset when the outermost language build begins."""

    report: DocsReport = field(default_factory=DocsReport)
    generated: list[GeneratedFile] = field(default_factory=list)
    languages: LanguageBuilds = field(default_factory=LanguageBuilds)
    by_language: dict[str, LanguageState] = field(default_factory=dict)
    glossary_terms: dict[str, str] = field(default_factory=dict)
    glossary_blocks: dict[str, str] = field(default_factory=dict)  # the abbreviations each page ends with
    fact_views: dict[str, FactView] = field(default_factory=dict)  # the register, in each language
    offline_shim: str | None = None  # the offline pack's search shim, read once a build
    files: Files = field(default_factory=lambda: Files([]))  # of the language being built
    rendering: RenderContext = field(default_factory=RenderContext)  # the page being rendered

    # -- the configuration ------------------------------------------------------------------

    @staticmethod
    def language(config: MkDocsConfig) -> str:
        """The language being built now (not the source language of a fallback page)."""
        i18n = config.plugins.get("i18n")
        return getattr(i18n, "current_language", None) or config.theme["language"]

    @staticmethod
    def default_language(config: MkDocsConfig) -> str:
        i18n = config.plugins.get("i18n")
        return getattr(i18n, "default_language", None) or config.theme["language"]

    def site_languages(self, config: MkDocsConfig) -> list[str] | None:
        """The site's languages, the default first (None without the i18n plugin)."""
        i18n = config.plugins.get("i18n")
        if i18n is None:
            return None
        default = self.default_language(config)
        return sorted((lang.locale for lang in i18n.config.languages), key=lambda locale: locale != default)

    @staticmethod
    def offline(config: MkDocsConfig) -> bool:
        """Whether this is the offline pack's build (Material's offline plugin is on)."""
        plugin = config.plugins.get("material/offline")
        return bool(plugin is not None and plugin.config.enabled)

    def current_page(self) -> RenderContext:
        """The context of the page being rendered, for its Markdown extension."""
        return self.rendering

    def facts(self, language: str) -> FactView:
        """The fact register of the build in progress, in one language."""
        if language not in self.fact_views:
            self.fact_views[language] = FactView(self.report.register, language, load_strings(language))
        return self.fact_views[language]

    # -- events -------------------------------------------------------------------------------

    @event_priority(50)  # before Material's offline plugin, which would add the shim from unpkg.com
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Give each page's Markdown its context; in the offline pack, search runs its worker
        through the shim kept in the repository."""
        if PAGE_EXTENSION not in config.markdown_extensions:
            raise PluginError(f"mkdocs.yml: list {PAGE_EXTENSION} under markdown_extensions, after "
                              "pymdownx.superfences: it renders the quizzes, checklists and other blocks")
        config.mdx_configs.setdefault(PAGE_EXTENSION, {})["context"] = self.current_page
        if self.offline(config):
            polyfills = list(config.extra.get("polyfills") or [])
            if OFFLINE_SHIM not in polyfills:
                config.extra["polyfills"] = [*polyfills, OFFLINE_SHIM]
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        """Check every page before anything renders, so that all problems are reported at
        once, and make the trainer pages, presentations and exports of every module."""
        language = self.language(config)
        self.by_language[language] = LanguageState()
        if not self.languages.start(language, self.default_language(config)):
            return  # built inside the default language's build, which checked and made everything
        root = Path(config.config_file_path).parent
        self.report = checks.check_docs(Path(config.docs_dir), root, languages=self.site_languages(config),
                                        config_file=Path(config.config_file_path))
        self.fact_views = {}
        self.offline_shim = None
        if self.report.problems:
            raise PluginError(str(ContentError(self.report.problems)))
        for warning in self.report.warnings:
            log.warning(str(warning))
        if self.report.unconfirmed or self.report.to_recheck:
            log.info("%d facts are marked [VERIFY] and %d reminders are due (facts to confirm at their source, "
                     "translations behind); `make check` and `make facts` list them.",
                     len(self.report.unconfirmed), len(self.report.to_recheck))
        self.generated = generated_files(self.report.pages, load_strings, self.facts)
        glossary_page = Path(config.docs_dir) / "en" / glossary.GLOSSARY_PAGE
        self.glossary_terms = glossary.read_terms(glossary_page.read_text(encoding="utf-8")) \
            if glossary_page.exists() else {}
        self.glossary_blocks = {}

    @event_priority(-150)  # after the i18n plugin has chosen the files of the language
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Add the generated files of the modules this language's build shows."""
        return add_generated(files, self.generated, config, self.language(config), config.plugins.get("i18n"))

    def on_nav(self, nav, config: MkDocsConfig, files: Files):
        """Keep the files of the language being built, for links between pages."""
        self.files = files
        return nav

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        """Templates get the interface strings of the language being built as ``t``,
        ``page_url`` to link to a page by its file name, and the help bar's contact from
        the fact register."""
        language = self.language(config)
        env.globals["t"] = load_strings(language)
        help_contact = self.report.help_contact
        contact = self.report.register.get(help_contact.ident) if help_contact else None
        env.globals["help_contact"] = contact
        env.globals["help_hours"] = contact.text("hours", language).lower() if contact else ""
        env.globals["page_url"] = self._page_url_finder(files, language, self.default_language(config),
                                                        config.use_directory_urls)
        env.globals["language_root"] = search_index.language_root(language, self.default_language(config))
        return env

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Give the page's Markdown its context (language, links, checked blocks, modules,
        facts) and number its blocks; end it with the glossary's abbreviations."""
        language = self.language(config)
        locale, rel = _split_locale(page.file.src_uri)
        if "title" in page.meta:  # the theme places titles as they are: an editor's title is text
            page.meta["title"] = escape(str(page.meta["title"]), quote=False)
        checked = self.report.index.by_path.get((locale, rel))
        if checked is None:  # a generated page: its content is made from its module's model
            self.rendering = RenderContext(language, facts=self.facts(language))
            return markdown
        resolve = self._link_resolver(page, files, language)
        pages = self.report.index.pages(language)
        self.rendering = RenderContext(
            language, resolve, checked.path, checked.blocks.checked,
            module_entries=lambda: catalogue.entries_for(pages, rel, resolve),
            trainer_notes=self._presentable(locale, rel), facts=self.facts(language))
        try:
            markdown = number_blocks(markdown, checked.first_line, checked.blocks.checked, checked.path)
        except ContentError as error:
            raise PluginError(str(error)) from None
        if rel != glossary.GLOSSARY_PAGE and self.glossary_terms:
            markdown += "\n\n" + self._glossary_block(language) + "\n"
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Every page's HTML loses whatever could run (``sanitize``); a trainer page is made
        from its module's model; a module page keeps its slide marks and notes for its
        presentation; every page goes out without them."""
        html = sanitize(html)
        if "title" not in page.meta and page.title:  # a title from the page's first heading is text too
            page.meta["title"] = escape(page.title, quote=False)
        language = self.language(config)
        locale, rel = _split_locale(page.file.src_uri)
        trained = self.report.index.module_page(locale, rel[: -len(catalogue.TRAINER_SUFFIX)] + ".md") \
            if rel.endswith(catalogue.TRAINER_SUFFIX) else None
        if trained is not None:
            html, headings = trainer_page_html(
                trained.module, trained.sections, list(trained.blocks.quizzes), posixpath.basename(trained.rel),
                language, load_strings(language), self._link_resolver(page, files, language, check_anchors=False),
                [_from_page(page, scorm.package_path(trained.module.id, lang))
                 for lang in self.site_languages(config) or [language]],
                facts=self.facts(language))
            page.toc = get_toc([heading.token() for heading in headings])
        state = self.by_language[language]
        if self._presentable(locale, rel):
            state.module_html[page.file.src_uri] = (html, page.toc)
        state.page_ids[page.file.src_uri] = set(_ELEMENT_ID.findall(html))
        return participant_html(html)

    def on_page_context(self, context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
        """A module page gets its metadata, its neighbours in the track and its trainer page;
        a presentation gets its slides and its module's trainer page."""
        language = self.language(config)
        # MkDocs has rendered every page of the language before it fills in the first template (a
        # warning here, rather than after the build, comes before the i18n plugin builds the next
        # language, so a strict build stops with the links of every language).
        for problem in self._missing_anchors(language):
            log.warning(problem)
        locale, rel = _split_locale(page.file.src_uri)
        shown = self._presented(locale, rel)
        if shown is not None:
            self._present(page, shown, language)
            context["trainer_url"] = self._url(locale, catalogue.trainer_file(shown.rel))
            return context
        strings = load_strings(language)
        behind = self.report.behind.get((locale, rel))
        if behind is not None:
            context["translation_behind"] = behind.notice(strings, self.default_language(config))
        this = self.report.index.module_page(locale, rel)
        if this is None:
            return context
        module = this.module
        track = self.report.index.track(language, module.track)
        position = next((i for i, p in enumerate(track) if p.module.id == module.id), None)

        def link(p: CheckedPage) -> dict[str, str] | None:
            return self._link(language, p.rel, p.module.title) or self._link(locale, p.rel, p.module.title)

        context["module"] = module
        context["module_dated"] = dated_sentences(module, strings)
        context["module_key_points"] = key_points_html(module, self.facts(language), strings)
        if position is not None:
            context["module_previous"] = link(track[position - 1]) if position > 0 else None
            context["module_next"] = link(track[position + 1]) if position + 1 < len(track) else None
        by_id = self.report.index.modules
        context["module_prerequisites"] = [
            link(by_id[(language, ident)]) for ident in module.prerequisites if (language, ident) in by_id]
        context["trainer_url"] = self._url(locale, catalogue.trainer_file(rel))
        return context

    def on_template_context(self, context: dict, template_name: str, config: MkDocsConfig) -> dict:
        """The error page offers each language's home page: the i18n plugin left the language
        selector set to the last page rendered."""
        alternates = (getattr(config.extra, "alternate", None) or config.extra.get("alternate")
                      if template_name == "404.html" else None)
        if alternates:
            base = urlsplit(config.site_url or "").path.rstrip("/")
            suffix = "" if config.use_directory_urls else "index.html"
            default = self.default_language(config)
            homes = [{**alternate, "link": f"{base}/{'' if alternate['lang'] == default else alternate['lang'] + '/'}"
                                            f"{suffix}"} for alternate in alternates]
            # The i18n plugin sets the selector's links as an attribute, which templates read
            # before the configuration's own key.
            config.extra["alternate"] = homes
            config.extra.alternate = homes
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return self._with_policy(output, config)

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        if template_name == "404.html":
            output = self._with_policy(output, config)
            self.by_language[self.language(config)].not_found_page = output
        return output

    @event_priority(-150)  # after the i18n plugin has built the other languages and merged their search
    def on_post_build(self, config: MkDocsConfig) -> None:
        """Put each language's 404 page in its own folder, the default language's at the root;
        once every language is built, split the merged search index by language, minify the
        site's own assets and make a package of each module."""
        default = self.default_language(config)
        language, outermost = self.languages.finish(self.language(config))
        site_dir = Path(config.site_dir)
        not_found = self.by_language.get(language, LanguageState()).not_found_page
        if not_found is not None:
            target = site_dir / ("" if language == default else language) / "404.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(not_found, encoding="utf-8")
        if not outermost:
            return
        languages = self.site_languages(config) or [default]
        self._split_search_index(site_dir, languages, default)
        assets.minify_folder(site_dir / "assets")
        scorm.write_packages(
            site_dir,
            [(scorm.PackageModule.of(p.module, p.language), p.rel)
             for p in self.report.pages if p.module is not None and p.language in languages],
            {lang: "" if lang == default else f"{lang}/" for lang in languages})

    # -- pages --------------------------------------------------------------------------------

    def _presented(self, locale: str, rel: str) -> CheckedPage | None:
        """The module a generated presentation page shows (None for any other page)."""
        module_rel = presented_module_rel(rel)
        return self.report.index.module_page(locale, module_rel) if module_rel else None

    def _presentable(self, locale: str, rel: str) -> bool:
        """Whether the page is a module, which has a presentation made from its HTML."""
        this = self.report.index.module_page(locale, rel)
        return this is not None and bool(this.module.id)

    def _present(self, page: Page, shown: CheckedPage, language: str) -> None:
        """Give a presentation page its module page's HTML, cut into slides, and its contents."""
        module_src = f"{_split_locale(page.file.src_uri)[0]}/{shown.rel}"
        rendered = self.by_language[language].module_html.get(module_src)
        if rendered is None:
            raise PluginError(f"{shown.path}: its presentation {page.file.src_uri} was built, but the module page "
                              "itself was not; keep the module in the build (not excluded, not a draft)")
        html, page.toc = rendered
        facts = self.facts(language)
        help_contact = self.report.help_contact.ident if self.report.help_contact else None
        page.content = slides_html(html, shown.module, load_strings(language), help_line_html(facts, help_contact),
                                   facts)

    def _glossary_block(self, language: str) -> str:
        if language not in self.glossary_blocks:
            terms = self.glossary_terms if language == "fi" else glossary.english_terms(self.glossary_terms)
            self.glossary_blocks[language] = glossary.abbreviations(terms, load_strings(language)["glossary_tooltip"])
        return self.glossary_blocks[language]

    def _url(self, language: str, rel: str) -> str | None:
        found = self.files.get_file_from_path(f"{language}/{rel}")
        return found.url if found else None

    def _link(self, language: str, rel: str, title: str) -> dict[str, str] | None:
        url = self._url(language, rel)
        return {"title": title, "url": url} if url is not None else None

    # -- links ----------------------------------------------------------------------------------

    @staticmethod
    def _page_url_finder(files: Files, language: str, default: str, use_directory_urls: bool) -> Callable[[str], str]:
        """``page_url('apua.md')`` for templates: the address MkDocs gives that page in the
        language being built (``apua/`` on the site, ``apua.html`` in the offline pack), the
        default language's copy if the page is untranslated, relative to the site root."""
        def page_url(rel: str) -> str:
            for locale in (language, default):
                found = files.get_file_from_path(f"{locale}/{rel}")
                if found is not None:
                    return found.url
            # A small test site may lack the page: link to where it would be, as MkDocs would.
            folder = "" if language == default else f"{language}/"
            return folder + File(rel, None, "", use_directory_urls).url
        return page_url

    def _link_resolver(self, page: Page, files: Files, language: str, check_anchors: bool = True):
        """Map a Markdown link in block text to the built page, as MkDocs does for prose.

        The blocks' HTML is stashed by superfences, so MkDocs' own link rewriting never sees
        it. The checks have made sure every linked page exists; a #fragment is checked once
        the language's pages are rendered (``_missing_anchors``). Other files of the site (a
        trainer page's quiz exports) are linked the same way. A trainer page shows its
        module's text, whose anchors are checked on the module page (``check_anchors=False``).
        """
        links = self.by_language[language].anchor_links

        def resolve(href: str) -> str:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc:
                return href
            if not parts.path:
                if parts.fragment and check_anchors:
                    links.append(AnchorLink(page, href, page.file.src_uri, parts.fragment))
                return href
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), parts.path))
            found = files.get_file_from_path(target)
            if found is None:
                return href
            if parts.fragment and check_anchors:
                links.append(AnchorLink(page, href, found.src_uri, parts.fragment))
            url = found.url_relative_to(page.file)
            return f"{url}#{parts.fragment}" if parts.fragment else url
        return resolve

    def _missing_anchors(self, language: str) -> list[str]:
        """Block links whose #fragment is no id of the page they point to, at their line;
        each language's once, when all its pages are rendered."""
        state = self.by_language[language]
        if state.anchors_checked:
            return []
        state.anchors_checked = True
        found = []
        for link in state.anchor_links:
            if link.fragment in state.page_ids.get(link.target, {link.fragment}):
                continue
            lines = link.page.file.content_string.split("\n")
            line = next((n for n, text in enumerate(lines, 1) if link.href in text), 1)
            found.append(f"docs/{link.page.file.src_uri}:{line}: the link '{link.href}' points to "
                         f"'#{link.fragment}', but docs/{link.target} has no heading or id '{link.fragment}': "
                         "correct the part after '#'")
        return sorted(set(found))

    # -- the finished site --------------------------------------------------------------------

    def _with_policy(self, output: str, config: MkDocsConfig) -> str:
        """A finished page with its Content-Security-Policy (see ``training.safe.csp``)."""
        offline = self.offline(config)
        if offline and self.offline_shim is None:
            self.offline_shim = Path(config.docs_dir, OFFLINE_SHIM).read_text(encoding="utf-8")
        return csp.with_policy(output, offline, self.offline_shim or "")

    @staticmethod
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
