"""```` ```contacts ````: a card for each listed contact of the fact register (facts.yml)."""

from __future__ import annotations

from ..context import RenderContext
from ..errors import Problem
from ..facts.references import FactUse, parse_contacts
from ..facts.register import Register
from .base import BlockKind, BlockSource


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
