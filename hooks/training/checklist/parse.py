"""Read the YAML body of a checklist block into the model (form only; see ``validate``)."""

from __future__ import annotations

from yaml.nodes import Node

from ..errors import Problem
from ..yamlread import YamlReader, id_of, list_field, named, text_field
from .model import Checklist, ChecklistItem


CHECKLIST_KEYS = ("id", "title", "items")
ITEM_KEYS = ("id", "text", "hint")


def parse_checklist(body: str, path: str, line: int) -> tuple[Checklist | None, list[Problem]]:
    """Read a checklist block. ``line`` is the file line of the opening fence.

    Returns the model (``None`` only when the YAML cannot be read at all) and the
    problems of form found on the way.
    """
    r = YamlReader(path, body, line + 1)
    root = r.compose_block("checklist", line,
                           "the checklist block is empty: add 'id:' and 'items:' (see CONTRIBUTING.md)")
    if root is None:
        return None, r.problems
    top = r.mapping(
        root,
        CHECKLIST_KEYS,
        lambda v: f"checklist '{id_of(v)}'" if id_of(v) else "the checklist",
        "a checklist block must be 'key: value' lines, starting with 'id: some-name'",
    )
    if top is None:
        return None, r.problems
    values, key_lines = top
    checklist = Checklist(path=path, line=line, key_lines=key_lines)
    checklist.id = text_field(r, checklist, values, "id", checklist.name)
    checklist.title = text_field(r, checklist, values, "title", checklist.name)
    shape = "'items' must be a list: start each item on a new line with '- id:'"
    for index, node in enumerate(list_field(r, checklist, values, "items", shape), start=1):
        item = _read_item(r, node, index, checklist)
        if item is None:
            checklist.flawed.add("items")
        else:
            checklist.items.append(item)
    return checklist, r.problems


def _read_item(r: YamlReader, node: Node, index: int, checklist: Checklist) -> ChecklistItem | None:
    read = r.mapping(
        node,
        ITEM_KEYS,
        lambda v: f"{named('item', index, v)} of {checklist.name}",
        f"item {index} of {checklist.name} must be a group of 'key: value' lines starting with '- id:'",
    )
    if read is None:
        return None
    values, key_lines = read
    item = ChecklistItem(line=r.line(node), index=index, key_lines=key_lines)
    item.id = text_field(r, item, values, "id", f"{item.name} of {checklist.name}")
    place = f"{item.name} of {checklist.name}"
    item.text = text_field(r, item, values, "text", place)
    item.hint = text_field(r, item, values, "hint", place)
    return item
