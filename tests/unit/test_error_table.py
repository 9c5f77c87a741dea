"""CONTRIBUTING.md's tables of error messages are checked against the messages the package
writes: a message reworded in the code, and not in the guide, fails here."""

from __future__ import annotations

import ast
import itertools
import re
from pathlib import Path

ROOT = Path(__file__).parents[2]
PACKAGE = ROOT / "hooks" / "training"
HOLE = "\0"  # what a message fills in when it is written: a name, a line, a value
# What the guide's messages show by example and the code fills in: the names of blocks and of
# their parts ("question 'x'", "option N", "the quiz"), the kind of block, paths, numbers and
# quoted examples with '…'.
EXAMPLE = re.compile(r"'[^'\n]*…[^'\n]*'|…|(?:text |single-choice )?(?:question|item|option)(?: id)? (?:'[a-z]'|N)"
                     r"|\b(?:quiz|checklist)\b(?: id)?(?: '[a-z]')?|'[a-z]'|\b[NM]\b|docs/fi/[\w/.…-]*(?::N)?")
# Shorter pieces between examples ("is", "of") say nothing about a message.
SHORTEST = 12


def _texts(node: ast.AST, names: dict[str, list[str]]) -> list[str] | None:
    """The texts an expression can be: a string, either string of a conditional, or a name
    bound to such texts; None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        both = (_texts(node.body, names), _texts(node.orelse, names))
        return None if None in both else [*both[0], *both[1]]
    if isinstance(node, ast.Name):
        return names.get(node.id)
    return None


def _bound(statements: list[ast.AST]) -> dict[str, list[str]]:
    """Names assigned such texts in these statements (and the statements they hold)."""
    names: dict[str, list[str]] = {}
    for statement in statements:
        for node in ast.walk(statement):
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                if found := _texts(node.value, {}):
                    names.setdefault(node.targets[0].id, []).extend(found)
    return names


def package_messages() -> list[str]:
    """Every string the package can write; in an f-string, what is filled in is a HOLE unless
    it is one of a few known texts."""
    messages = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module_names = _bound([node for node in tree.body if isinstance(node, ast.Assign)])
        for scope in [tree, *(n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)))]:
            names = module_names if scope is tree else {**module_names, **_bound(scope.body)}
            for node in ast.walk(scope):
                if isinstance(node, ast.JoinedStr):
                    parts = [[str(v.value)] if isinstance(v, ast.Constant) else (_texts(v.value, names) or [HOLE])
                             for v in node.values]
                    messages += ["".join(p) for p in itertools.islice(itertools.product(*parts), 16)]
                elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                    messages.append(node.value)
    return messages


def guide_messages() -> list[str]:
    """The messages of the guide's tables (its first column), from "Error messages" on."""
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    tables = guide[guide.index("### Error messages"):guide.index("## For developers")]
    found = []
    for line in tables.splitlines():
        if line.startswith("| `"):
            first = re.split(r"(?<!\\)\|", line)[1]
            if "```" not in first:  # a fence in a message: the block-level messages, tested in test_scan.py
                found += [message.replace("\\|", "|") for message in re.findall(r"`([^`]+)`", first)]
    return found


def pieces(message: str) -> list[str]:
    """The fixed wording of a message of the guide, between its examples."""
    return [piece for piece in (part.strip(" '\"():,;.") for part in EXAMPLE.sub(HOLE, message).split(HOLE))
            if len(piece) >= SHORTEST]


def test_every_message_of_the_guide_is_written_by_the_package():
    messages = package_messages()
    documented = guide_messages()
    assert len(documented) > 60
    missing = {message: [p for p in pieces(message) if not any(p in m for m in messages)] for message in documented}
    assert {message: gone for message, gone in missing.items() if gone} == {}


def test_a_reworded_message_is_noticed():
    messages = [m.replace("has only one option", "has a single option") for m in package_messages()]
    [message] = [m for m in guide_messages() if "has only one option" in m]
    assert [p for p in pieces(message) if not any(p in m for m in messages)] != []
