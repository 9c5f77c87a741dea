"""```` ```checklist ````: items to tick, kept only if the reader asks (``render``)."""

from __future__ import annotations

from ..context import RenderContext
from ..errors import Problem
from ..model import Checklist
from ..parse import CHECKLIST_KEYS, parse_checklist
from ..render import render_checklist
from ..validate import validate_checklist
from .base import BlockKind, BlockSource


class ChecklistBlock(BlockKind):
    name = "checklist"
    keys = CHECKLIST_KEYS

    def parse(self, body: str, source: BlockSource) -> tuple[Checklist | None, list[Problem]]:
        return parse_checklist(body, source.path, source.line)

    def validate(self, model: Checklist, source: BlockSource) -> list[Problem]:
        return validate_checklist(model)

    def render(self, model: Checklist, page: RenderContext) -> str:
        return render_checklist(model, page.strings, page.resolve_link, page.facts)


KIND = ChecklistBlock()
