"""The shape of the code: a core without MkDocs and without process-wide state, one object
that owns a build, and block kinds that register themselves."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from training.blocks import BLOCK_KINDS, BlockKind
from training.build.languages import LanguageBuilds
from training.site.scan import find_blocks
from training.strings import load_strings

ROOT = Path(__file__).parents[2]
PACKAGE = ROOT / "hooks" / "training"
ADAPTER = PACKAGE / "build"
HOOK = ROOT / "hooks" / "mkdocs_training.py"
MKDOCS_PACKAGES = ("mkdocs", "material", "mkdocs_static_i18n", "properdocs")


def core_modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if ADAPTER not in p.parents)


def imported(tree: ast.Module) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_the_core_imports_nothing_from_mkdocs():
    found = {p.relative_to(ROOT).as_posix(): sorted(imported(ast.parse(p.read_text(encoding="utf-8")))
                                                    & set(MKDOCS_PACKAGES))
             for p in core_modules()}
    assert {path: names for path, names in found.items() if names} == {}
    assert imported(ast.parse((ADAPTER / "site_build.py").read_text(encoding="utf-8"))) & {"mkdocs"}


# Module-level objects that hold no state of a build: the adapter's logger, and the hook
# file's one build object (``test_the_hook_file_only_forwards_events_to_one_build_object``).
STATELESS = {"log", "_build"}
# Functions whose results are kept for the process: the interface string tables, files of
# the package that no build changes.
CACHED = {"_table"}


def _module_state(path: Path) -> list[str]:
    """Module-level names, other than CONSTANTS, bound to a container or to an object made
    at import (a cache, a context, a report), and every ``global`` statement."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [f"{path.relative_to(ROOT)}:{node.lineno}: global" for node in ast.walk(tree) if isinstance(node, ast.Global)]
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        value = getattr(node, "value", None)
        made = isinstance(value, (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp, ast.Call))
        for target in targets:
            name = target.id if isinstance(target, ast.Name) else ""
            if made and name and not name.isupper() and not name.startswith("__") and name not in STATELESS:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}")
        decorators = [ast.unparse(d) for d in getattr(node, "decorator_list", [])]
        if any("cache" in d for d in decorators) and node.name not in CACHED:
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.name} keeps its results")
    return found


def test_no_module_level_state_in_the_core_or_the_adapter():
    assert [problem for p in [*PACKAGE.rglob("*.py"), HOOK] for problem in _module_state(p)] == []


def test_the_hook_file_only_forwards_events_to_one_build_object():
    tree = ast.parse(HOOK.read_text(encoding="utf-8"))
    statements = [node for node in tree.body if not isinstance(node, (ast.Import, ast.ImportFrom, ast.Expr))]
    owner, *forwards = statements
    assert ast.unparse(owner) == "_build = SiteBuild()"
    assert [ast.unparse(node) for node in forwards] == [
        f"{node.targets[0].id} = _build.{node.targets[0].id}" for node in forwards]
    assert all(node.targets[0].id.startswith("on_") for node in forwards)


def test_every_module_of_the_blocks_folder_is_a_kind_that_the_scanner_finds():
    modules = sorted(p.stem for p in (PACKAGE / "blocks").glob("*.py") if p.stem not in ("__init__", "base", "fence"))
    assert sorted(kind.__class__.__module__.rsplit(".", 1)[1] for kind in BLOCK_KINDS.values()) == modules
    for name, kind in BLOCK_KINDS.items():
        assert isinstance(kind, BlockKind) and kind.name == name
        [block] = find_blocks(f"```{name}\n```\n")
        assert (block.kind, block.error) == (name, None)


@pytest.mark.parametrize("language", ["fi", "en"])
def test_every_kind_is_named_in_the_editors_guide(language):
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert [name for name in BLOCK_KINDS if f"```{name}" not in guide] == []
    assert load_strings(language)  # the kinds' strings live in the tables of hooks/training/strings


def test_mkdocs_yml_lists_the_page_extension_after_superfences_and_no_fence_by_hand():
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    names = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    assert names.index("training.page_markdown") > names.index("pymdownx.superfences")
    assert "pymdownx.superfences" in config["markdown_extensions"]  # no custom_fences: the kinds add themselves
    assert "not_in_nav" not in config  # the build's own pages are virtual files, added outside the nav


def test_language_builds_nest_the_way_the_i18n_plugin_runs_them():
    builds = LanguageBuilds()
    assert builds.start("fi", "fi") is True  # the outermost build checks the site
    assert builds.start("en", "fi") is False  # built inside it
    assert builds.finish("en") == ("en", False)
    assert builds.finish("fi") == ("fi", True)  # every language is built now
    # A build that failed half-way (make serve goes on) leaves nothing behind.
    builds.start("fi", "fi")
    builds.start("en", "fi")
    assert builds.start("fi", "fi") is True and builds.running == ["fi"]
    # A site without languages: one build, outermost.
    assert LanguageBuilds().finish("fi") == ("fi", True)


def _shared_names(script: str) -> set[str]:
    """The classes and ``data-*`` attributes a script looks for or sets: in its selectors,
    its ``dataset`` names and its ``classList`` calls (comments left out)."""
    script = re.sub(r"/\*.*?\*/", "", script, flags=re.S)
    script = re.sub(r"(?m)^\s*//.*$|\s//\s.*$", "", script)
    names = set()
    for text in re.findall(r'"((?:[^"\\\n]|\\.)*)"', script):
        if re.match(r"^[.#\[]|^[a-z]+[.\[]", text):
            names |= {"." + c for c in re.findall(r"(?<![\w-])\.([a-z][\w-]*)", text)}
    names |= set(re.findall(r"data-[a-z][a-z-]*", script))
    names |= {"data-" + re.sub(r"[A-Z]", lambda m: "-" + m.group(0).lower(), d)
              for d in re.findall(r"dataset\.([a-zA-Z]+)", script)}
    names |= {"." + c for c in re.findall(r'classList\.(?:add|remove|toggle|contains)\("([^"]+)"', script)}
    return names


@pytest.mark.parametrize("script", sorted(p.name for p in (ROOT / "docs" / "assets").glob("*.js")))
def test_the_developers_table_names_every_class_and_attribute_a_script_shares(script):
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    table = guide[guide.index("### Components"):guide.index("### Author text is data")]
    names = _shared_names((ROOT / "docs" / "assets" / script).read_text(encoding="utf-8"))
    assert script in table or not names
    assert sorted(name for name in names if f"`{name}`" not in table) == []
