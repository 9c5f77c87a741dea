"""```` ```contacts ````: a card for each listed contact of the fact register (facts.yml)."""

from __future__ import annotations

from yaml.nodes import ScalarNode

from ..context import RenderContext
from ..errors import Problem
from ..facts.references import FactUse, reference_problems
from ..facts.register import Register
from ..yamlread import YamlReader
from .base import BlockKind, BlockSource


def parse_contacts(body: str, path: str, line: int, register: Register) -> tuple[list[FactUse], list[Problem]]:
    """A ``contacts`` block: a list of contact ids, one per line (``- nas``)."""
    r = YamlReader(path, body, line + 1)
    root = r.compose_block("contacts", line,
                           "the contacts block is empty: list the ids of its contacts, one per line ('- nas')")
    if root is None:
        return [], r.problems
    items = r.sequence(root, "a contacts block lists contact ids, one per line, each after '- ' ('- nas')")
    uses = []
    for item in items or []:
        ident = item.value.strip() if isinstance(item, ScalarNode) else ""
        if not ident:
            r.report(r.line(item), "each entry of a contacts block is one contact id from the register ('- nas')")
            continue
        uses.append(FactUse(ident, "", path, r.line(item)))
    problems = r.problems + reference_problems(uses, register)
    for use in uses:
        fact = register.get(use.ident)
        if fact is not None and fact.kind != "contact":
            problems.append(Problem(path, use.line, f"'{use.ident}' is a {fact.kind}, not a contact: a contacts "
                                    f"block shows contacts only; write ${{{use.ident}}} in the text instead"))
    if items == [] and not problems:
        problems.append(Problem(path, line, "the contacts block is empty: list the ids of its contacts ('- nas')"))
    return uses, sorted(problems)


class ContactsBlock(BlockKind):
    name = "contacts"

    def parse(self, body: str, source: BlockSource) -> tuple[list[FactUse], list[Problem]]:
        return parse_contacts(body, source.path, source.line, source.register or Register())

    def render(self, model: list[FactUse], page: RenderContext) -> str:
        if page.facts is None:
            raise ValueError("a contacts block needs the fact register (facts.yml)")
        return page.facts.cards([use.ident for use in model])

    def fact_uses(self, model: list[FactUse]) -> list[FactUse]:
        return list(model)


KIND = ContactsBlock()
