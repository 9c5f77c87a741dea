"""Check that a checklist makes sense: ids, texts, no item twice."""

from __future__ import annotations

from collections import defaultdict

from ..errors import Problem
from ..ids import check_id
from .model import Checklist


def validate_checklist(checklist: Checklist) -> list[Problem]:
    """All content problems of one checklist (form problems come from ``parse``)."""
    problems: list[Problem] = []
    path = checklist.path
    if "id" not in checklist.flawed:
        check_id(
            problems, path, "checklist", checklist.id, checklist.key_lines.get("id", checklist.line),
            checklist.line, "the checklist",
        )
    if not checklist.items and "items" not in checklist.flawed:
        problems.append(
            Problem(
                path,
                checklist.key_lines.get("items", checklist.line),
                f"{checklist.name} has no items: add 'items:' and at least one item below it "
                "('- id: ...' with 'text: ...')",
            )
        )
    lines_by_id: dict[str, list[int]] = defaultdict(list)
    for item in checklist.items:
        id_line = item.key_lines.get("id", item.line)
        if "id" not in item.flawed:
            check_id(problems, path, "item", item.id, id_line, item.line, f"{item.name} of {checklist.name}")
        if not item.text and "text" not in item.flawed:
            problems.append(
                Problem(path, item.key_lines.get("text", item.line), f"{item.name} of {checklist.name} has no text: add 'text: ...'")
            )
        if item.id:
            lines_by_id[item.id].append(id_line)
    for ident, lines in lines_by_id.items():
        for line in lines if len(lines) > 1 else ():
            others = ", ".join(str(n) for n in lines if n != line)
            problems.append(
                Problem(
                    path,
                    line,
                    f"item id '{ident}' is used more than once in {checklist.name} (also on line "
                    f"{others}): give each item its own id",
                )
            )
    return problems
