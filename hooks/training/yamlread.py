"""Reading YAML for editors: composed nodes with file lines, and messages that say
what is wrong and how to fix it.

The YAML is composed into nodes rather than loaded into Python objects, for three
reasons: every node knows its line; text keeps exactly what the editor wrote (plain
``Yes``/``No``/``7`` stay text instead of becoming a boolean or a number); and nothing
is ever constructed from YAML tags. Quiz and checklist blocks (``quiz.parse``, ``checklist.parse``) and module
front matter (``modules.module``) share this reader.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any, Callable

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import Problem

# libyaml reads the same YAML many times faster; the pure-Python loader stays the reference
# for anything that goes wrong, so that messages and their lines never depend on which ran.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)
YAML_TAG = "tag:yaml.org,2002:"
# Tags that YAML gives plain values by itself; any other tag was written by hand.
_IMPLICIT_TAGS = {YAML_TAG + t for t in ("str", "bool", "int", "float", "null", "timestamp", "seq", "map")}
_BOOLS: dict[str, bool] = SafeConstructor.bool_values


class YamlReader:
    """Walks composed YAML nodes, collecting problems with their file lines."""

    def __init__(self, path: str, body: str, base: int):
        """``base`` is the file line of the first line of ``body``."""
        self.path = path
        self.body = body
        self.base = base  # file line of the body's first line
        self.problems: list[Problem] = []

    def line(self, node: Node) -> int:
        """File line where a node starts."""
        return self.base + node.start_mark.line

    def report(self, line: int, message: str) -> None:
        """Record a problem at a file line."""
        self.problems.append(Problem(self.path, line, message))

    # -- YAML as a whole -------------------------------------------------------------

    def compose(self, what: str, fence_line: int) -> Node | None:
        """Compose the body into a node tree, or report why it is not valid YAML."""
        if _FAST_LOADER is not None:
            try:
                # An alias needs a '*': only then are the events worth reading for one.
                if "*" not in self.body or not any(
                        isinstance(e, yaml.AliasEvent) for e in yaml.parse(self.body, Loader=_FAST_LOADER)):
                    return yaml.compose(self.body, Loader=_FAST_LOADER)
            except Exception:  # noqa: BLE001 - whatever libyaml rejects is read again below,
                pass  # for the exact message and line
        return self._compose_reference(what, fence_line)

    def compose_block(self, what: str, fence_line: int, empty: str) -> Node | None:
        """``compose`` for a block that must hold something: an empty body is the problem
        ``empty``, at the opening fence."""
        root = self.compose(what, fence_line)
        if root is None and not self.problems:
            self.report(fence_line, empty)
        return root

    def _compose_reference(self, what: str, fence_line: int) -> Node | None:
        """``compose`` with the pure-Python loader: the messages editors see come from here."""
        try:
            for event in yaml.parse(self.body, Loader=yaml.SafeLoader):
                if isinstance(event, yaml.AliasEvent):
                    # Aliases could build cycles, and editors never need them.
                    self.report(
                        self.base + event.start_mark.line,
                        "YAML aliases ('*name') are not supported: write the text out in full",
                    )
            if self.problems:
                return None
            return yaml.compose(self.body, Loader=yaml.SafeLoader)
        except yaml.MarkedYAMLError as exc:
            # An unclosed quote or bracket is best shown where it opens, a key without its colon
            # where the key starts; anything else where it was noticed.
            context = exc.context or ""
            opened = ("quoted scalar" in context or "flow" in context
                      or "could not find expected ':'" in (exc.problem or ""))
            mark = (exc.context_mark if opened else None) or exc.problem_mark or exc.context_mark
            keyless = _key_without_colon(self.body, exc)
            if keyless is not None:
                self.report(self.base + keyless, MISSING_COLON)
            else:
                self.report(self.base + mark.line if mark is not None else fence_line, _yaml_message(exc))
        except yaml.reader.ReaderError as exc:
            line = self.base + self.body[: max(exc.position, 0)].count("\n")
            char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
            self.report(
                line,
                f"the {what} block contains an invisible control character (#x{char:04x}): "
                "delete it and retype the text around it",
            )
        except yaml.YAMLError as exc:
            self.report(fence_line, f"invalid YAML in the {what} block ({exc}): check its indentation")
        except RecursionError:
            self.report(fence_line, f"the {what} block is nested too deeply: use the documented keys only")
        return None

    # -- node kinds ------------------------------------------------------------------

    def check_tag(self, node: Node) -> bool:
        """False (and a problem) for a hand-written YAML tag such as ``!foo``."""
        if node.tag in _IMPLICIT_TAGS:
            return True
        self.report(
            self.line(node),
            f"YAML tags such as '{node.tag}' are not supported: remove the tag, "
            "or put the text in quotes",
        )
        return False

    def mapping(
        self, node: Node, allowed: tuple[str, ...], where: Callable[[dict[str, Node]], str], shape: str
    ) -> tuple[dict[str, Node], dict[str, int]] | None:
        """Read a mapping with known keys. Returns (values by key, line of each key)."""
        if not isinstance(node, MappingNode):
            self.report(self.line(node), shape)
            return None
        if not self.check_tag(node):
            return None
        values: dict[str, Node] = {}
        lines: dict[str, int] = {}
        unknown: list[tuple[Node, str]] = []
        duplicate: list[tuple[Node, str]] = []
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.report(self.line(key_node), "a key must be a plain word such as 'text': remove the brackets or '?'")
                continue
            key = key_node.value
            if key in lines:
                duplicate.append((key_node, key))
            elif key not in allowed:
                unknown.append((key_node, key))
            else:
                values[key] = value_node
                lines[key] = self.line(key_node)
        # The id is read before reporting, so messages can name the thing by its id.
        place = where(values)
        for key_node, key in duplicate:
            self.report(
                self.line(key_node),
                f"key '{key}' appears twice in {place} (first on line {lines[key]}): keep only one",
            )
        for key_node, key in unknown:
            self.report(self.line(key_node), _unknown_key(key, place, allowed))
        return values, lines

    def sequence(self, node: Node, shape: str) -> list[Node] | None:
        """Read a list; a list written empty (``key:`` with nothing) is an empty list."""
        if isinstance(node, ScalarNode) and node.tag == YAML_TAG + "null":
            return []
        if not isinstance(node, SequenceNode):
            self.report(self.line(node), shape)
            return None
        if not self.check_tag(node):
            return None
        return list(node.value)

    def text(self, node: Node | None, key: str, place: str) -> str:
        """Text exactly as written (a plain ``Yes`` or ``7`` stays text)."""
        if node is None:
            return ""
        if not isinstance(node, ScalarNode):
            self.report(
                self.line(node),
                f"'{key}' in {place} must be text, not a list or a group of keys: write the text "
                f"after '{key}:' on the same line, or start it with '{key}: |' and indent the lines below",
            )
            return ""
        if not self.check_tag(node):
            return ""
        if node.tag == YAML_TAG + "null" and not node.style:  # plain: None, or "" from libyaml
            return ""
        return node.value.strip()

    def boolean(self, node: Node | None, key: str, place: str) -> bool | None:
        """A yes/no value: true or false (YAML's yes/no/on/off are accepted too)."""
        if node is None:
            return None
        if isinstance(node, ScalarNode) and node.tag in (YAML_TAG + "bool", YAML_TAG + "str"):
            value = _BOOLS.get(node.value.strip().lower())
            if value is not None:
                return value
        shown = node.value if isinstance(node, ScalarNode) else "a list"
        self.report(self.line(node), f"'{key}' in {place} must be true or false, not '{shown}'")
        return None


def _unknown_key(key: str, place: str, allowed: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return f"unknown key '{key}' in {place}: did you mean '{close[0]}'?"
    return f"unknown key '{key}' in {place}: use only {', '.join(allowed)}"


MISSING_COLON = "a key without its colon: write 'key: value', or put text that contains ': ' in quotes"


def _key_without_colon(body: str, exc: yaml.MarkedYAMLError) -> int | None:
    """The line (from 0) of a key written without its colon (``minutes 15``), when YAML only
    notices it at the next key of the same level ("mapping values are not allowed here"):
    it reads the line as text that goes on into the next one."""
    if not (exc.problem or "").startswith("mapping values are not allowed") or exc.problem_mark is None:
        return None
    lines = body.split("\n")
    at = exc.problem_mark.line
    indent = _key_column(lines[at])
    found = None
    for index in range(at - 1, -1, -1):
        text = lines[index]
        if not text.strip() or _key_column(text) != indent or text.lstrip().startswith("#") or ":" in text:
            break
        found = index
        if text.lstrip().startswith("- "):
            break  # the first key of a list entry
    return found


def _key_column(line: str) -> int:
    """The column where a line's key starts (after a list entry's '- ')."""
    stripped = line.lstrip(" ")
    column = len(line) - len(stripped)
    return column + 2 if stripped.startswith("- ") else column


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    """Say what a PyYAML error means for an editor, and how to fix it."""
    problem = (exc.problem or exc.context or "").strip()
    if "quoted scalar" in (exc.context or ""):
        return "a text in quotes is never closed: end it with the same quote mark it starts with"
    if "flow sequence" in (exc.context or ""):
        return "a list in brackets '[' is never closed: end it with ']' on the same line, or put the text in quotes"
    if "flow mapping" in (exc.context or ""):
        return "a group in braces '{' is never closed: end it with '}' on the same line, or put the text in quotes"
    if problem.startswith("expected <block end>"):
        return ("this line is indented differently from the keys of the same level above it: start keys of "
                "the same level in the same column, with spaces")
    if "could not find expected ':'" in problem:
        return MISSING_COLON
    if "'\\t'" in problem or "\t" in problem:
        return "a tab is used for indentation: indent with spaces only"
    if problem.startswith("mapping values are not allowed"):
        return (
            "a ': ' inside a value, or a line indented deeper than the key above it: put text "
            "that contains ': ' in quotes (text: \"Huom: ...\"), and start keys of the same "
            "level in the same column"
        )
    return (
        f"invalid YAML ({problem}): check that keys at the same level start in the same column, "
        "that each list entry starts with '- ', and that text containing ': ', ' #' or "
        "starting with a quote, '[', '{', '*', '&', '!', '|', '>', '%' or '@' is put in quotes"
    )



@dataclass(kw_only=True)
class Written:
    """What a model read from YAML keeps of how it was written: the line of each key, and
    the keys whose value was already reported as malformed while reading (validation
    leaves them alone instead of adding "missing ..." on top)."""

    key_lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    flawed: set[str] = field(default_factory=set, compare=False, repr=False)

def text_field(r: YamlReader, obj: Any, values: dict[str, Node], key: str, place: str) -> str:
    """Read a text value; a malformed one is marked flawed on ``obj`` (already reported)."""
    before = len(r.problems)
    text = r.text(values.get(key), key, place)
    if len(r.problems) > before:
        obj.flawed.add(key)
    return text


def list_field(r: YamlReader, obj: Any, values: dict[str, Node], key: str, shape: str) -> list[Node]:
    """Read a list value (empty if absent); a malformed one is marked flawed on ``obj``."""
    if key not in values:
        return []
    before = len(r.problems)
    nodes = r.sequence(values[key], shape)
    if nodes is None or len(r.problems) > before:
        obj.flawed.add(key)
    return nodes or []


def id_of(values: dict[str, Node]) -> str:
    node = values.get("id")
    return node.value.strip() if isinstance(node, ScalarNode) and node.value else ""


def named(kind: str, index: int, values: dict[str, Node]) -> str:
    ident = id_of(values)
    return f"{kind} '{ident}'" if ident else f"{kind} {index}"
