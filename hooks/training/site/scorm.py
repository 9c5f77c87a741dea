"""SCORM 1.2 packages: a module as a course a company's learning platform can run.

A package is made from the built site, one per module and language: the module page and the
help page as plain pages of their own (the quick exit, the help bar, the module's text,
checklists, quizzes, key points and sources; no site navigation, no search), the site's own
styles and scripts and Material's stylesheet, and ``imsmanifest.xml``, which names the course
(one organisation, one SCO) with the module's id, title, language and mastery score.
``scorm.js`` reports to the platform: status, score and session time, nothing else.

Links to other pages of the site cannot work inside a platform: they become their text.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import quoteattr

from ..modules.module import Module
from ..safe.csp import policy
from ..safe.htmlparts import outer_html_each

# The files of a package besides its pages: their name in the package.
STYLES = ("material.css", "site.css", "training.css", "exit.css")
SCRIPTS = ("exit.js", "training.js", "scorm.js")
DEFAULT_MASTERY = 80
FOLDER = "scorm"  # where the built site keeps the packages: scorm/palkka.fi.zip
HELP_PAGE = "apua/"


@dataclass(frozen=True)
class PackageModule:
    """What the manifest and the pages of a package need to know of a module."""

    id: str
    title: str
    language: str
    mastery: int = DEFAULT_MASTERY

    @classmethod
    def of(cls, module: Module, language: str) -> PackageModule:
        return cls(module.id, module.title, language, module.mastery)


@dataclass
class Package:
    """The files of one package, by their path inside the ZIP."""

    module: PackageModule
    files: dict[str, bytes] = field(default_factory=dict)

    def name(self) -> str:
        return f"{self.module.id}.{self.module.language}.zip"

    def zip_bytes(self) -> bytes:
        """The package as a ZIP, its files in a fixed order and with a fixed date (the same
        sources give the same bytes)."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(self.files, key=lambda p: (p != "imsmanifest.xml", p)):
                info = zipfile.ZipInfo(path, date_time=(2020, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, self.files[path])
        return buffer.getvalue()


_LINK = re.compile(r'<a\b(?P<attrs>[^>]*)>(?P<text>.*?)</a>', re.S)
_HREF = re.compile(r'\bhref="(?P<href>[^"]*)"')


def _unlink_site_pages(fragment: str, help_page: str, help_href: str) -> str:
    """Links to other pages of the site become their text; the help page's link goes to the
    help page of the package. Anchors on the page and links to other sites stay."""
    def replace(match: re.Match) -> str:
        found = _HREF.search(match.group("attrs"))
        href = found["href"] if found else ""
        if not href or href.startswith(("#", "https:", "http:", "mailto:", "tel:")):
            return match.group(0)
        if href.rstrip("/").endswith(help_href.rstrip("/")):
            return match.group(0).replace(f'href="{href}"', f'href="{help_page}"', 1)
        return f'<span class="scorm-unlinked">{match.group("text")}</span>'
    return _LINK.sub(replace, fragment)


# What a package keeps of a built page: the quick exit (its skip link and button), the
# help bar and the article.
KEPT_EXIT, KEPT_BUTTON = ("nav", "exit-nav"), ("a", "exit-button")
KEPT_HELP, KEPT_ARTICLE = ("div", "help-bar"), ("article", "md-content__inner")

def page_html(built: str, module: PackageModule, title: str, help_href: str, body: str = "") -> str:
    """A page of the package from a built page of the site: its quick exit, help bar and
    article, in a page of its own that loads only the package's files."""
    found = outer_html_each(built, [KEPT_EXIT, KEPT_BUTTON, KEPT_HELP, KEPT_ARTICLE])
    parts = [found[KEPT_EXIT], f'<div class="scorm-bar">{found[KEPT_BUTTON]}</div>', found[KEPT_HELP],
             '<main class="md-main"><div class="md-main__inner md-grid"><div class="md-content">',
             found[KEPT_ARTICLE], "</div></div></main>"]
    content = _unlink_site_pages("".join(parts), "apua.html", help_href)
    content = re.sub(r'<a\b[^>]*class="md-content__button[^"]*"[^>]*>.*?</a>', "", content, flags=re.S)
    styles = "".join(f'<link rel="stylesheet" href="assets/{name}">' for name in STYLES)
    scripts = "".join(f'<script src="assets/{name}"></script>' for name in SCRIPTS)
    return (f'<!doctype html><html lang="{module.language}"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{policy([], offline=True)}">'
            '<meta name="viewport" content="width=device-width,initial-scale=1">'
            f'<title>{html.escape(title)}</title>{styles}</head>'
            f'<body class="scorm-page" dir="{_body_dir(built)}" data-training-memory="off"{body}>'
            f'{content}{scripts}</body></html>')


def _body_dir(built: str) -> str:
    """The writing direction of the built page (Material's styles need it)."""
    found = re.search(r'<body\b[^>]*\bdir="(rtl|ltr)"', built)
    return found.group(1) if found else "ltr"


def manifest(module: PackageModule, files: list[str]) -> str:
    """``imsmanifest.xml`` for SCORM 1.2: one organisation with one item, one SCO."""
    identifier = f"tyoelamataidot-{module.id}"
    listed = "".join(f"<file href={quoteattr(name)}/>" for name in sorted(files))
    title = html.escape(module.title, quote=False)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<manifest identifier={quoteattr(identifier)} version="1.0" '
        'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" '
        'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd '
        'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd '
        'http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">'
        '<metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>'
        f'<organizations default="org-{module.id}"><organization identifier="org-{module.id}">'
        f'<title>{title}</title>'
        f'<item identifier="item-{module.id}" identifierref="sco-{module.id}" isvisible="true">'
        f'<title>{title}</title><adlcp:masteryscore>{module.mastery}</adlcp:masteryscore></item>'
        '</organization></organizations>'
        f'<resources><resource identifier="sco-{module.id}" type="webcontent" adlcp:scormtype="sco" '
        f'href="index.html" xml:lang={quoteattr(module.language)}>{listed}</resource></resources>'
        '</manifest>\n'
    )


def build_package(module: PackageModule, module_page: str, help_page: str, help_title: str, help_href: str,
                  assets: dict[str, bytes]) -> Package:
    """A package from the built module page and help page and the package's assets (by the
    names in ``STYLES`` and ``SCRIPTS``)."""
    attributes = (f' data-module={quoteattr(module.id)} data-mastery="{module.mastery}"')
    files = {
        "index.html": page_html(module_page, module, module.title, help_href, attributes).encode("utf-8"),
        **{f"assets/{name}": assets[name] for name in (*STYLES, *SCRIPTS)},
    }
    if help_page:
        files["apua.html"] = page_html(help_page, module, help_title, help_href).encode("utf-8")
    files["imsmanifest.xml"] = manifest(module, list(files)).encode("utf-8")
    return Package(module, files)


def package_path(module_id: str, language: str) -> str:
    """A package's path in the built site: ``scorm/palkka.fi.zip``."""
    return f"{FOLDER}/{module_id}.{language}.zip"


def package_assets(site: Path) -> dict[str, bytes]:
    """The package's styles and scripts from the built site: Material's stylesheet and the
    site's own files, as the build minified them."""
    material = next((site / "assets" / "stylesheets").glob("main.*.min.css"))
    found = {"material.css": material.read_bytes()}
    found.update({name: (site / "assets" / name).read_bytes() for name in (*STYLES, *SCRIPTS) if name != "material.css"})
    return found


def write_packages(site: Path, modules: list[tuple[PackageModule, str]], folders: dict[str, str]) -> list[Path]:
    """Every module's package into the built ``site``, from its built pages. ``modules``:
    each module with the path of its page in its language (``oikeudet/palkka.md``);
    ``folders``: each language's folder in the site (``""`` for the default, ``"en/"``)."""
    assets = package_assets(site)
    helps = {language: _help_page(site / folder) for language, folder in folders.items()}
    written = []
    for module, rel in modules:
        built = _built_page(site / folders[module.language], rel.removesuffix(".md"))
        if built is None:  # a language left out of this build (make serve ONLY=fi)
            continue
        help_page, help_title = helps[module.language]
        package = build_package(module, built.read_text(encoding="utf-8"), help_page, help_title, HELP_PAGE, assets)
        target = site / package_path(module.id, module.language)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(package.zip_bytes())
        written.append(target)
    return written


def _help_page(folder: Path) -> tuple[str, str]:
    """A language's built help page and its title, read once for all its packages ('' if none)."""
    built = _built_page(folder, HELP_PAGE.rstrip("/"))
    page = built.read_text(encoding="utf-8") if built else ""
    title = re.search(r"<title>(.*?)(?: - [^<]*)?</title>", page, re.S)
    return page, html.unescape(title.group(1)) if title else ""


def _built_page(folder: Path, name: str) -> Path | None:
    """A built page: ``name/index.html`` on the site, ``name.html`` in the offline pack."""
    return next((p for p in (folder / name / "index.html", folder / f"{name}.html") if p.is_file()), None)
