"""The build's own files (``site.generated``) as MkDocs files that exist only in memory, each
beside its module in the language being built, and known to the i18n plugin like the pages
it chose itself: the language selector and the sitemap pair a trainer page with its
translation."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from ..site.generated import GeneratedFile


def _dest_uri(rel: str, config: MkDocsConfig) -> str:
    """Where MkDocs would put a file at ``rel`` in a site without languages."""
    return File(rel, None, config.site_dir, config.use_directory_urls).dest_uri


def _beside(module: File, module_rel: str, made: GeneratedFile, config: MkDocsConfig) -> File:
    """``made`` as a virtual file next to ``module`` (the module's page as this language's
    build places it: at the root for the default language, under ``en/`` for English)."""
    locale = module.src_uri.split("/", 1)[0]
    inclusion = InclusionLevel.NOT_IN_NAV if made.is_page else InclusionLevel.UNDEFINED
    virtual = File.generated(config, f"{locale}/{made.rel}", content=made.content, inclusion=inclusion)
    prefix = module.dest_uri[: len(module.dest_uri) - len(_dest_uri(module_rel, config))]
    virtual.dest_uri = prefix + _dest_uri(made.rel, config)
    return virtual


def add_generated(files: Files, made: list[GeneratedFile], config: MkDocsConfig, language: str, i18n=None) -> Files:
    """Add to the files of the language being built the generated files of each module page
    among them (a page the i18n plugin took from the default language brings that
    language's). ``i18n`` is the i18n plugin, if the site has one."""
    by_module: dict[str, list[GeneratedFile]] = {}
    for item in made:
        by_module.setdefault(f"{item.language}/{item.module_rel}", []).append(item)
    pages = []
    for module in list(files.documentation_pages()):
        module_rel = module.src_uri.split("/", 1)[-1]
        for item in by_module.get(module.src_uri, []):
            virtual = _beside(module, module_rel, item, config)
            files.append(virtual)
            if item.is_page and hasattr(module, "alternates"):
                _as_i18n_page(virtual, module, module_rel, item, config, language)
                pages.append(virtual)
    if i18n is not None and pages:
        i18n.i18n_files_per_language.setdefault(language, []).extend(pages)  # the sitemap lists them
    return files


def _as_i18n_page(virtual: File, module: File, module_rel: str, item: GeneratedFile, config: MkDocsConfig,
                  language: str) -> None:
    """What the i18n plugin sets on the pages it chooses: the page's locale, and its
    translations, here the same generated page beside each translation of the module."""
    virtual.locale = module.locale
    virtual.localization = module.localization
    virtual.locale_alternate_of = language
    virtual.norm_src_uri = item.rel
    virtual.alternates = {
        lang: virtual if alternate is module else _beside(alternate, module_rel, item, config)
        for lang, alternate in module.alternates.items()}
