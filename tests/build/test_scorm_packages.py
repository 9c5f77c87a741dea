"""The SCORM 1.2 packages the build makes: one per module and language, each a course a
learning platform can import, small, self-contained, and linked from the trainer pages."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile

import pytest
from bs4 import BeautifulSoup
from site_helpers import LANGUAGES, ROOT, parse_html, write_report

from training.modules.catalogue import trainer_file
from training.site.scorm import FOLDER, SCRIPTS, STYLES

DOCS = ROOT / "docs"
NS = {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"}
FILES = {"imsmanifest.xml", "index.html", "apua.html", *(f"assets/{name}" for name in (*STYLES, *SCRIPTS))}


def modules() -> list[tuple[str, str]]:
    """(module id, its page's path) of the Finnish modules."""
    found = []
    for path in sorted((DOCS / "fi").rglob("*.md")):
        head = path.read_text(encoding="utf-8").split("\n---", 1)[0]
        if (match := re.search(r"^id: *(\S+)", head, re.M)) and re.search(r"^track:", head, re.M):
            found.append((match.group(1), path.relative_to(DOCS / "fi").as_posix()))
    return found


@pytest.fixture(scope="module")
def packages(site_dir) -> dict[tuple[str, str], zipfile.ZipFile]:
    return {(module, language): zipfile.ZipFile(site_dir / FOLDER / f"{module}.{language}.zip")
            for module, _ in modules() for language in LANGUAGES}


def test_every_module_has_a_package_in_each_language_and_nothing_else(site_dir, packages):
    assert len(modules()) >= 20
    assert sorted(p.name for p in (site_dir / FOLDER).iterdir()) == sorted(f"{m}.{lang}.zip" for m, lang in packages)


def test_each_manifest_names_the_module_its_language_and_mastery_and_exactly_the_files_it_holds(packages):
    sizes = {}
    for (module, language), package in packages.items():
        names = set(package.namelist())
        assert names == FILES, (module, language, names ^ FILES)
        root = ET.fromstring(package.read("imsmanifest.xml"))
        assert root.findtext("cp:metadata/cp:schema", namespaces=NS) == "ADL SCORM"
        assert root.findtext("cp:metadata/cp:schemaversion", namespaces=NS) == "1.2"
        [organisation] = root.findall("cp:organizations/cp:organization", NS)
        [item] = organisation.findall("cp:item", NS)
        [resource] = root.findall("cp:resources/cp:resource", NS)
        assert root.get("identifier") == f"tyoelamataidot-{module}"
        assert item.get("identifierref") == resource.get("identifier")
        assert resource.get("{http://www.adlnet.org/xsd/adlcp_rootv1p2}scormtype") == "sco"
        assert resource.get("href") == "index.html"
        assert resource.get("{http://www.w3.org/XML/1998/namespace}lang") == language
        assert item.findtext("adlcp:masteryscore", namespaces=NS) == "80"
        assert {f.get("href") for f in resource.findall("cp:file", NS)} == names - {"imsmanifest.xml"}
        page = package.read("index.html").decode("utf-8")
        assert f'<html lang="{language}"' in page and f'data-module="{module}"' in page
        assert item.findtext("cp:title", namespaces=NS) == organisation.findtext("cp:title", namespaces=NS) != ""
        sizes[f"{module}.{language}.zip"] = sum(i.compress_size for i in package.infolist())
    largest = max(sizes, key=sizes.get)
    write_report("scorm", f"{len(sizes)} SCORM packages, {min(sizes.values()) / 1024:.0f}–"
                 f"{sizes[largest] / 1024:.0f} KB each (largest {largest}); files: {', '.join(sorted(FILES))}")
    assert sizes[largest] <= 80 * 1024, (largest, sizes[largest])


def test_the_two_languages_of_a_module_carry_the_same_question_ids(packages):
    for module, _ in modules():
        ids = {language: re.findall(r'data-question="([^"]+)"', packages[module, language].read("index.html").decode())
               for language in LANGUAGES}
        assert ids["fi"] == ids["en"] and ids["fi"], module


def test_a_package_page_loads_nothing_from_elsewhere_and_links_no_page_it_does_not_hold(packages):
    for (module, language), package in packages.items():
        for name in ("index.html", "apua.html"):
            soup = BeautifulSoup(package.read(name).decode("utf-8"), "lxml")
            loaded = [el.get("src") or el.get("href") for el in soup.select("script[src], link[href], img[src]")]
            assert all(address in FILES for address in loaded), (module, language, name, loaded)
            links = [a["href"] for a in soup.select("a[href]")]
            outside = [h for h in links if not h.startswith(("#", "https:", "mailto:", "tel:")) and h != "apua.html"]
            assert outside == [], (module, language, name, outside)
            assert soup.select_one("a[data-exit]") and soup.select_one(".help-bar")
            assert not soup.select(".md-search, .md-nav, .md-header")


def test_the_trainer_page_links_both_packages(site_dir):
    for module, rel in modules():
        for language in LANGUAGES:
            trainer = site_dir / ("" if language == "fi" else f"{language}/") / trainer_file(rel)[:-3] / "index.html"
            links = parse_html(trainer).select("article a[href*='scorm/']")
            assert [a["download"] for a in links] == [f"{module}.{lang}.zip" for lang in LANGUAGES], trainer
            assert all((trainer.parent / a["href"]).resolve().is_file() for a in links)

